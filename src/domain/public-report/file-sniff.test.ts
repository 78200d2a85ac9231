import { describe, expect, it } from 'vitest';
import { cleanFilename, sniffMediaType } from './file-sniff.js';
import { takeToken } from './token-bucket.js';

describe('attachment type from magic bytes', () => {
  it('recognises PNG, JPEG, WebP and PDF and nothing else', () => {
    expect(sniffMediaType(Buffer.from('89504e470d0a1a0a0000', 'hex'))).toBe('image/png');
    expect(sniffMediaType(Buffer.from('ffd8ffe000104a464946', 'hex'))).toBe('image/jpeg');
    expect(sniffMediaType(Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 ')]))).toBe(
      'image/webp',
    );
    expect(sniffMediaType(Buffer.from('%PDF-1.7\n'))).toBe('application/pdf');
    // A text file renamed to .png, an HTML page, a RIFF that is a WAV file.
    expect(sniffMediaType(Buffer.from('not really a png'))).toBeNull();
    expect(sniffMediaType(Buffer.from('<html><script>'))).toBeNull();
    expect(sniffMediaType(Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WAVE')]))).toBeNull();
  });

  it('keeps file names to one safe segment', () => {
    expect(cleanFilename('../../etc/passwd', 'image/png', 0)).toBe('....etcpasswd');
    expect(cleanFilename('  ', 'image/jpeg', 2)).toBe('screenshot-3.jpg');
    expect(cleanFilename('转账截图.png', 'image/png', 0)).toBe('转账截图.png');
  });
});

describe('token bucket', () => {
  it('allows a burst, refuses the next with a retry time, and refills over time', () => {
    const policy = { capacity: 3, perSecond: 0.1 };
    let state;
    for (let i = 0; i < 3; i++) {
      const d = takeToken(state, policy, 1000);
      expect(d.allowed).toBe(true);
      state = d.state;
    }
    const refused = takeToken(state, policy, 1000);
    expect(refused).toMatchObject({ allowed: false, retryAfterSeconds: 10 });
    expect(takeToken(refused.state, policy, 11_000).allowed).toBe(true);
  });
});
