// `crossline extract` as a user runs it: a file, standard input, an HTML page, JSON output.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, crossline } from '../support/cli.js';

function withStdin(input: string, ...args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('node', [BIN, ...args]);
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.on('error', reject);
    child.on('close', () => resolve(out));
    child.stdin.end(input);
  });
}

describe('crossline extract', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'crossline-extract-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints a table of distinct indicators with counts and first positions', async () => {
    const file = path.join(dir, 'report.txt');
    writeFileSync(
      file,
      '受害人称：\n诈骗网站hxxps://pay-cn[.]top/login，客服13812345678。\n再次访问 https://pay-cn.top/login\n',
    );
    const r = await crossline('extract', file);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^TYPE\s+VALUE\s+COUNT\s+FIRST\s+FLAGS$/);
    expect(lines[1]).toMatch(/^url\s+https:\/\/pay-cn\.top\/login\s+2\s+2:5\s+defanged$/);
    expect(lines[2]).toMatch(/^phone\s+\+8613812345678\s+1\s+2:/);
    expect(lines[3]).toBe('2 indicators, 3 occurrences');
  });

  it('reads standard input and prints JSON with every span', async () => {
    const out = JSON.parse(await withStdin('IP 8.8.8.8 和 8.8.8.8', 'extract', '-', '--json')) as {
      indicators: { value: string; spans: unknown[] }[];
      occurrences: number;
    };
    expect(out.occurrences).toBe(2);
    expect(out.indicators).toEqual([
      {
        type: 'ip',
        value: '8.8.8.8',
        flags: [],
        spans: [
          { start: 3, end: 10, raw: '8.8.8.8' },
          { start: 13, end: 20, raw: '8.8.8.8' },
        ],
      },
    ]);
  });

  it('reads the text content of an HTML page, not its scripts', async () => {
    const file = path.join(dir, 'page.html');
    writeFileSync(
      file,
      '<html><script>var u="http://hidden.example.com"</script><body><p>京ICP备05070218号-1</p></body></html>',
    );
    const r = await crossline('extract', file, '--json');
    expect((JSON.parse(r.stdout) as { indicators: { value: string }[] }).indicators.map((i) => i.value)).toEqual([
      '京ICP备05070218号-1',
    ]);
  });

  it('fails with a message for a missing file', async () => {
    const r = await crossline('extract', path.join(dir, 'nope.txt'));
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/nope\.txt/);
  });
});
