import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { base58CheckDecode, base58CheckEncode, base58Decode, base58Encode } from './base58.js';
import { decodeSegwit, encodeSegwit } from './bech32.js';
import { canonicalJson } from '../shared/canonical-json.js';
import { keccak256 } from './keccak.js';
import { toChecksumAddress } from './normalize-wallet.js';

describe('keccak256', () => {
  it('matches the known Keccak-256 vectors', () => {
    expect(keccak256('').toString('hex')).toBe('c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470');
    expect(keccak256('abc').toString('hex')).toBe('4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45');
  });
  it('is Keccak-256, not FIPS SHA3-256 (different padding)', () => {
    for (const n of [0, 1, 135, 136, 137]) {
      const data = randomBytes(n);
      expect(keccak256(data).toString('hex')).not.toBe(createHash('sha3-256').update(data).digest('hex'));
    }
  });
  it('produces the EIP-55 checksum test vectors', () => {
    for (const a of [
      '0x52908400098527886E0F7030069857D2E4169EE7',
      '0x8617E340B3D01FA5F11F306F4090FD50E238070D',
      '0xde709f2102306220921060314715629080e2fb77',
      '0x27b1fdb04752bbc536007a920d24acb045561c26',
      '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
      '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359',
      '0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB',
      '0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb',
    ])
      expect(toChecksumAddress(a.toLowerCase())).toBe(a);
  });
});

describe('base58', () => {
  it('round-trips, keeping leading zero bytes as 1s', () => {
    for (const bytes of [Buffer.from([0, 0, 1, 2, 3]), randomBytes(25), Buffer.alloc(0)]) {
      expect(base58Decode(base58Encode(bytes))).toEqual(bytes);
    }
    expect(base58Encode(Buffer.from([0, 0, 0xff]))).toBe('115Q');
  });
  it('checks Base58Check checksums and alphabet', () => {
    expect(base58CheckDecode('1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa')).toMatchObject({ ok: true });
    expect(base58CheckDecode('1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb')).toEqual({ ok: false, reason: 'checksum' });
    expect(base58CheckDecode('0OIl')).toEqual({ ok: false, reason: 'alphabet' });
    expect(base58CheckDecode('1')).toEqual({ ok: false, reason: 'length' });
    const payload = Buffer.concat([Buffer.from([0x41]), randomBytes(20)]);
    const enc = base58CheckEncode(payload);
    expect(enc.startsWith('T')).toBe(true);
    expect(base58CheckDecode(enc)).toEqual({ ok: true, payload });
  });
});

describe('bech32 / bech32m', () => {
  it.each([
    ['BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4', 'bc', 0, '751e76e8199196d454941c45d1b3a323f1433bd6'],
    [
      'tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7',
      'tb',
      0,
      '1863143c14c5166804bd19203356da136c985678cd4d27a1b8c6329604903262',
    ],
    [
      'bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kt5nd6y',
      'bc',
      1,
      '751e76e8199196d454941c45d1b3a323f1433bd6751e76e8199196d454941c45d1b3a323f1433bd6',
    ],
    ['BC1SW50QGDZ25J', 'bc', 16, '751e'],
  ])('decodes BIP-173/350 vector %s', (addr, hrp, version, program) => {
    const r = decodeSegwit(addr);
    expect(r.ok && [r.address.hrp, r.address.version, r.address.program.toString('hex')]).toEqual([
      hrp,
      version,
      program,
    ]);
  });
  it('rejects bad checksums, mixed case and the wrong encoding for the version', () => {
    expect(decodeSegwit('bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5')).toEqual({ ok: false, reason: 'checksum' });
    expect(decodeSegwit('bc1Qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4')).toEqual({ ok: false, reason: 'checksum' });
    // a v0 program encoded with the Bech32m constant, and a v1 program with plain Bech32
    const program = Buffer.from('751e76e8199196d454941c45d1b3a323f1433bd6', 'hex');
    const v0m = encodeSegwit('bc', 1, program).replace(/^bc1p/, 'bc1q');
    expect(decodeSegwit(v0m).ok).toBe(false);
    expect(decodeSegwit(encodeSegwit('bc', 0, Buffer.alloc(21))).ok).toBe(false);
  });
  it('round-trips encode/decode', () => {
    const prog = randomBytes(32);
    const r = decodeSegwit(encodeSegwit('bc', 1, prog));
    expect(r.ok && r.address.program.equals(prog)).toBe(true);
  });
});

describe('canonicalJson', () => {
  it('sorts keys recursively and has no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}',
    );
  });
  it('is independent of insertion order and omits undefined members', () => {
    expect(canonicalJson({ x: 1, y: undefined, z: '中文' })).toBe(canonicalJson({ z: '中文', x: 1 }));
    expect(canonicalJson({ z: '中文', x: 1 })).toBe('{"x":1,"z":"中文"}');
  });
  it('escapes strings as JSON does', () => {
    expect(canonicalJson('a"b\n')).toBe('"a\\"b\\n"');
  });
  it.each([[NaN], [Infinity], [[1, undefined]], [new Date(0)], [() => 1], [1n]])('refuses %s', (v) => {
    expect(() => canonicalJson(v)).toThrow(TypeError);
  });
});
