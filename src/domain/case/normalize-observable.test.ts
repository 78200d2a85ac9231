import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.js';
import { dedupeKey, normalizeObservable, tryNormalizeObservable } from './normalize-observable.js';
import type { NormalizeOptions } from './observable-types.js';

type Row = [
  type: string,
  raw: string,
  expected: string | { error: string },
  extra?: { display?: string; subtype?: string; flags?: string[]; opts?: NormalizeOptions },
];

function check([type, raw, expected, extra]: Row) {
  const r = tryNormalizeObservable(type, raw, extra?.opts);
  if (typeof expected === 'object') {
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues.map((i) => i.code)).toContain(expected.error);
      for (const i of r.issues) expect(i.message.zh).toMatch(/[\u4e00-\u9fff]/);
    }
    return;
  }
  expect(r.ok, JSON.stringify(r)).toBe(true);
  if (!r.ok) return;
  expect(r.observable.type).toBe(type);
  expect(r.observable.value).toBe(expected);
  if (extra?.display !== undefined) expect(r.observable.display).toBe(extra.display);
  if (extra?.subtype !== undefined) expect(r.observable.subtype).toBe(extra.subtype);
  expect(r.observable.flags ?? []).toEqual(extra?.flags ?? []);
  expect(r.observable.issues?.length ?? 0).toBe(r.observable.flags?.length ?? 0);
}

const URLS: Row[] = [
  ['url', 'HTTPS://Example.COM:443/Path?q=1#Frag', 'https://example.com/Path?q=1#Frag', { subtype: 'https' }],
  ['url', 'hxxp://evil[.]example[.]com/login', 'http://evil.example.com/login', { flags: ['refanged'] }],
  ['url', 'hxxps[://]phish(.)cn/a', 'https://phish.cn/a', { flags: ['refanged'] }],
  ['url', 'h**p://x.example/y', 'http://x.example/y', { flags: ['refanged'] }],
  ['url', 'example.com/login', 'http://example.com/login', { flags: ['scheme_assumed'] }],
  ['url', 'http://example.com:80', 'http://example.com/'],
  ['url', 'https://example.com:8443/a', 'https://example.com:8443/a'],
  [
    'url',
    'https://例子.测试/路径',
    'https://xn--fsqu00a.xn--0zwm56d/%E8%B7%AF%E5%BE%84',
    { display: 'https://例子.测试/路径', flags: ['idn'] },
  ],
  ['url', 'https://ｅｘａｍｐｌｅ．ｃｏｍ/ａ', 'https://example.com/%EF%BD%81', { display: 'https://example.com/ａ' }],
  ['url', '  "http://user:pw@Example.com/x"  ', 'http://user:pw@example.com/x'],
  ['url', 'http://192.168.1.10/admin', 'http://192.168.1.10/admin', { flags: ['private'] }],
  ['url', 'http://[2001:DB8::1]:80/', 'http://[2001:db8::1]/', { flags: ['reserved'] }],
  ['url', 'http://0x7f.1/', 'http://127.0.0.1/', { flags: ['ip_host_rewritten', 'reserved'] }],
  ['url', 'ftp://files.example.org/a.zip', 'ftp://files.example.org/a.zip', { subtype: 'ftp' }],
  ['url', 'javascript:alert(1)', { error: 'OBSERVABLE_URL_SCHEME' }],
  ['url', 'mailto:a@b.com', { error: 'OBSERVABLE_URL_SCHEME' }],
  ['url', 'http://exa mple.com', { error: 'OBSERVABLE_URL_INVALID' }],
  ['url', 'http://', { error: 'OBSERVABLE_URL_INVALID' }],
  ['url', 'http://intranet/', { error: 'OBSERVABLE_DOMAIN_INVALID' }],
];

const DOMAINS: Row[] = [
  ['domain', 'Example.COM.', 'example.com'],
  ['domain', 'bücher.de', 'xn--bcher-kva.de', { display: 'bücher.de', flags: ['idn'] }],
  ['domain', 'XN--BCHER-KVA.DE', 'xn--bcher-kva.de', { display: 'bücher.de', flags: ['idn'] }],
  ['domain', '例子。测试', 'xn--fsqu00a.xn--0zwm56d', { display: '例子.测试', flags: ['idn'] }],
  ['domain', 'evil[.]com', 'evil.com', { flags: ['refanged'] }],
  ['domain', 'evil(dot)com', 'evil.com', { flags: ['refanged'] }],
  ['domain', 'ＥＸＡＭＰＬＥ．ｃｏｍ', 'example.com'],
  ['domain', '\u200bexample.com\u200b', 'example.com'],
  ['domain', '_dmarc.example.com', '_dmarc.example.com'],
  ['domain', 'a..b', { error: 'OBSERVABLE_DOMAIN_INVALID' }],
  ['domain', '-bad.com', { error: 'OBSERVABLE_DOMAIN_INVALID' }],
  ['domain', 'bad-.com', { error: 'OBSERVABLE_DOMAIN_INVALID' }],
  ['domain', 'example.123', { error: 'OBSERVABLE_DOMAIN_INVALID' }],
  ['domain', 'localhost', { error: 'OBSERVABLE_DOMAIN_INVALID' }],
  ['domain', `${'a'.repeat(64)}.com`, { error: 'OBSERVABLE_DOMAIN_INVALID' }],
  ['domain', '8.8.8.8', { error: 'OBSERVABLE_DOMAIN_IS_IP' }],
  ['domain', 'http://example.com', { error: 'OBSERVABLE_DOMAIN_INVALID' }],
];

const IPS: Row[] = [
  ['ip', '8.8.8.8', '8.8.8.8', { subtype: 'ipv4' }],
  ['ip', '8[.]8[.]4[.]4', '8.8.4.4', { flags: ['refanged'] }],
  ['ip', '１．１．１．１', '1.1.1.1'],
  ['ip', '10.1.2.3', '10.1.2.3', { flags: ['private'] }],
  ['ip', '172.31.255.255', '172.31.255.255', { flags: ['private'] }],
  ['ip', '172.32.0.1', '172.32.0.1'],
  ['ip', '100.64.0.1', '100.64.0.1', { flags: ['reserved'] }],
  ['ip', '127.0.0.1', '127.0.0.1', { flags: ['reserved'] }],
  ['ip', '169.254.1.1', '169.254.1.1', { flags: ['reserved'] }],
  ['ip', '192.0.2.5', '192.0.2.5', { flags: ['reserved'] }],
  ['ip', '224.0.0.1', '224.0.0.1', { flags: ['reserved'] }],
  ['ip', '255.255.255.255', '255.255.255.255', { flags: ['reserved'] }],
  ['ip', '010.1.1.1', { error: 'OBSERVABLE_IP_LEADING_ZERO' }],
  ['ip', '256.1.1.1', { error: 'OBSERVABLE_IP_INVALID' }],
  ['ip', '1.2.3', { error: 'OBSERVABLE_IP_INVALID' }],
  ['ip', '10.0.0.0/8', { error: 'OBSERVABLE_IP_CIDR' }],
  ['ip', '2001:0DB8:0000:0000:0000:0000:0002:0001', '2001:db8::2:1', { subtype: 'ipv6', flags: ['reserved'] }],
  ['ip', '2400:CB00:0:0:0:0:0:1', '2400:cb00::1', { subtype: 'ipv6' }],
  ['ip', '[2400:cb00::1]', '2400:cb00::1'],
  ['ip', '1:0:0:1:0:0:0:1', '1:0:0:1::1'],
  ['ip', '1:0:0:1:0:0:1:1', '1::1:0:0:1:1'],
  ['ip', '2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1', { flags: ['reserved'] }],
  ['ip', '1:2:3:4:5:6:7::', '1:2:3:4:5:6:7:0'],
  ['ip', '::ffff:8.8.8.8', '::ffff:8.8.8.8'],
  ['ip', '::FFFF:c0a8:0101', '::ffff:192.168.1.1', { flags: ['private'] }],
  ['ip', '64:ff9b::1.2.3.4', '64:ff9b::102:304'],
  ['ip', '::1', '::1', { flags: ['reserved'] }],
  ['ip', 'fe80::1', 'fe80::1', { flags: ['reserved'] }],
  ['ip', 'fd12:3456::1', 'fd12:3456::1', { flags: ['private'] }],
  ['ip', 'fe80::1%eth0', { error: 'OBSERVABLE_IP_ZONE' }],
  ['ip', '1::2::3', { error: 'OBSERVABLE_IP_INVALID' }],
  ['ip', 'gggg::1', { error: 'OBSERVABLE_IP_INVALID' }],
];

const EMAILS: Row[] = [
  ['email', 'John.Doe@EXAMPLE.COM', 'John.Doe@example.com'],
  ['email', 'john[at]example[.]com', 'john@example.com', { flags: ['refanged'] }],
  ['email', 'ｊｏｈｎ＠ｅｘａｍｐｌｅ．ｃｏｍ', 'john@example.com'],
  ['email', 'mailto:A@B.CN', 'A@b.cn'],
  ['email', '张三@例子.中国', '张三@xn--fsqu00a.xn--fiqs8s', { display: '张三@例子.中国', flags: ['idn'] }],
  ['email', 'user+tag@sub.example.org', 'user+tag@sub.example.org'],
  ['email', '@example.com', { error: 'OBSERVABLE_EMAIL_INVALID' }],
  ['email', 'john@', { error: 'OBSERVABLE_EMAIL_INVALID' }],
  ['email', 'a..b@example.com', { error: 'OBSERVABLE_EMAIL_LOCAL_INVALID' }],
  ['email', `${'a'.repeat(65)}@example.com`, { error: 'OBSERVABLE_EMAIL_LOCAL_INVALID' }],
  ['email', 'a@b', { error: 'OBSERVABLE_DOMAIN_INVALID' }],
  ['email', 'a@1.2.3.4', { error: 'OBSERVABLE_DOMAIN_IS_IP' }],
];

const CN = { opts: { defaultCountry: 'CN' } };
const PHONES: Row[] = [
  ['phone', '13812345678', '+8613812345678', { ...CN, display: '+86 138 1234 5678', subtype: 'CN' }],
  ['phone', '１３８１２３４５６７８', '+8613812345678', CN],
  ['phone', '138-1234-5678', '+8613812345678', CN],
  ['phone', '+86 138 1234 5678', '+8613812345678'],
  ['phone', '008613812345678', '+8613812345678'],
  ['phone', '8613812345678', '+8613812345678', CN],
  ['phone', '010-12345678', '+861012345678', { ...CN, display: '+86 10 1234 5678' }],
  ['phone', '(0755) 8765 4321', '+8675587654321', { ...CN, display: '+86 755 8765 4321' }],
  ['phone', '010-12345678转123', '+861012345678', { ...CN, flags: ['extension'] }],
  [
    'phone',
    '(202) 555-0123',
    '+12025550123',
    { opts: { defaultCountry: 'US' }, display: '+1 202 555 0123', subtype: 'US' },
  ],
  ['phone', '1-202-555-0123', '+12025550123', { opts: { defaultCountry: 'us' } }],
  ['phone', '011 86 10 1234 5678', '+861012345678', { opts: { defaultCountry: 'US' } }],
  ['phone', '020 7946 0958', '+442079460958', { opts: { defaultCountry: 'GB' }, subtype: 'GB' }],
  ['phone', '+852 9123 4567', '+85291234567', { display: '+852 9123 4567', subtype: 'HK' }],
  ['phone', '+7 701 123 4567', '+77011234567', { subtype: 'KZ' }],
  ['phone', 'tel:+44-20-7946-0958', '+442079460958'],
  ['phone', '+999 1234567', '+9991234567', { flags: ['unknown_country_code'] }],
  ['phone', '+1 613 555 0123', '+16135550123', { subtype: 'CA' }],
  [
    'phone',
    '01 23 45 67 89',
    '+33123456789',
    { opts: { defaultCountry: 'FR' }, display: '+33 1 23 45 67 89', subtype: 'FR' },
  ],
  ['phone', '0034 612 345 678', '+34612345678', { display: '+34 612 34 56 78', subtype: 'ES' }],
  ['phone', '+800 1234 5678', '+80012345678', { subtype: 'INTL' }],
  ['phone', '+44 7700 900123', '+447700900123', { flags: ['unverified_number'] }],
  ['phone', '+852 1234 5678', '+85212345678', { subtype: 'HK', flags: ['unverified_number'] }],
  ['phone', '13812345678', { error: 'OBSERVABLE_PHONE_COUNTRY_REQUIRED' }],
  ['phone', '1381234567', { error: 'OBSERVABLE_PHONE_CN_MOBILE' }, CN],
  ['phone', '12345678901', { error: 'OBSERVABLE_PHONE_CN_INVALID' }, CN],
  ['phone', '+1 102 555 0123', { error: 'OBSERVABLE_PHONE_NANP_INVALID' }],
  ['phone', '+852 1234', { error: 'OBSERVABLE_PHONE_LENGTH' }],
  ['phone', '+49 123', { error: 'OBSERVABLE_PHONE_LENGTH' }],
  ['phone', '+86 140 1234 5678', { error: 'OBSERVABLE_PHONE_CN_INVALID' }],
  ['phone', '612345678', { error: 'OBSERVABLE_PHONE_COUNTRY_REQUIRED' }, { opts: { defaultCountry: 'XX' } }],
  ['phone', '+0 123 4567', { error: 'OBSERVABLE_PHONE_LENGTH' }],
  ['phone', 'call me', { error: 'OBSERVABLE_PHONE_INVALID' }],
];

const WALLETS: Row[] = [
  ['crypto_wallet', '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa', '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa', { subtype: 'btc' }],
  [
    'crypto_wallet',
    'bitcoin:1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa?amount=0.1',
    '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa',
    { subtype: 'btc' },
  ],
  ['crypto_wallet', '3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy', '3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy', { subtype: 'btc' }],
  [
    'crypto_wallet',
    '3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy',
    '3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy',
    { subtype: 'ltc', opts: { chain: 'litecoin' } },
  ],
  [
    'crypto_wallet',
    'BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4',
    'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4',
    { subtype: 'btc' },
  ],
  [
    'crypto_wallet',
    'bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0',
    'bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0',
    { subtype: 'btc' },
  ],
  [
    'crypto_wallet',
    'tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7',
    'tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7',
    { flags: ['testnet'] },
  ],
  [
    'crypto_wallet',
    '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
    '0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed',
    { subtype: 'eth', display: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed' },
  ],
  [
    'crypto_wallet',
    '0x5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED',
    '0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed',
    { display: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed' },
  ],
  [
    'crypto_wallet',
    '0xfb6916095ca1df60bb79ce92ce3ea74c37c5d359',
    '0xfb6916095ca1df60bb79ce92ce3ea74c37c5d359',
    { display: '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359', opts: { chain: 'bsc' } },
  ],
  ['crypto_wallet', 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t', 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t', { subtype: 'tron' }],
  [
    'crypto_wallet',
    '41a614f803b6fd780986a42c78ec9c7f77e6ded13c',
    'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t',
    { subtype: 'tron' },
  ],
  [
    'crypto_wallet',
    '44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft3XjrpDtQGv7SqSsaBYBb98uNbr2VBBEt7f2wfn3RVGQBEP3A',
    '44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft3XjrpDtQGv7SqSsaBYBb98uNbr2VBBEt7f2wfn3RVGQBEP3A',
    { subtype: 'xmr', flags: ['unverified'], opts: { chain: 'xmr' } },
  ],
  // bad checksums
  ['crypto_wallet', '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb', { error: 'OBSERVABLE_WALLET_CHECKSUM' }],
  ['crypto_wallet', 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5', { error: 'OBSERVABLE_WALLET_CHECKSUM' }],
  ['crypto_wallet', 'Bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4', { error: 'OBSERVABLE_WALLET_CHECKSUM' }],
  ['crypto_wallet', '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD', { error: 'OBSERVABLE_WALLET_CHECKSUM' }],
  ['crypto_wallet', 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6u', { error: 'OBSERVABLE_WALLET_CHECKSUM' }],
  // wrong chain, unknown formats
  [
    'crypto_wallet',
    'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t',
    { error: 'OBSERVABLE_WALLET_CHAIN_MISMATCH' },
    { opts: { chain: 'btc' } },
  ],
  ['crypto_wallet', '0x1234', { error: 'OBSERVABLE_WALLET_FORMAT' }],
  ['crypto_wallet', 'hello world', { error: 'OBSERVABLE_WALLET_FORMAT' }],
];

const HASHES: Row[] = [
  ['file_hash', 'D41D8CD98F00B204E9800998ECF8427E', 'd41d8cd98f00b204e9800998ecf8427e', { subtype: 'md5' }],
  [
    'file_hash',
    'da39a3ee5e6b4b0d3255bfef95601890afd80709',
    'da39a3ee5e6b4b0d3255bfef95601890afd80709',
    { subtype: 'sha1' },
  ],
  [
    'file_hash',
    'SHA256: E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855',
    'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    { subtype: 'sha256' },
  ],
  [
    'file_hash',
    'cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e',
    'cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e',
    { subtype: 'sha512' },
  ],
  ['file_hash', '00000000000000000000000000000000', '00000000000000000000000000000000', { flags: ['null_digest'] }],
  ['file_hash', 'md5=da39a3ee5e6b4b0d3255bfef95601890afd80709', { error: 'OBSERVABLE_HASH_ALG_MISMATCH' }],
  ['file_hash', 'd41d8cd98f00b204e9800998ecf8427', { error: 'OBSERVABLE_HASH_LENGTH' }],
  ['file_hash', 'z41d8cd98f00b204e9800998ecf8427e', { error: 'OBSERVABLE_HASH_NOT_HEX' }],
];

const HANDLES: Row[] = [
  [
    'account_handle',
    'telegram:@Scam_Support',
    'telegram:scam_support',
    { subtype: 'telegram', display: 'telegram: @Scam_Support' },
  ],
  ['account_handle', '@Scam_Support', 'telegram:scam_support', { opts: { platform: 'tg' } }],
  ['account_handle', 'https://t.me/Scam_Support', 'telegram:scam_support'],
  ['account_handle', 'twitter:ElonGiveaway', 'x:elongiveaway', { subtype: 'x' }],
  ['account_handle', 'qq:123456789', 'qq:123456789'],
  ['account_handle', '微信:wxid_abc123', 'wechat:wxid_abc123'],
  ['account_handle', 'weibo:某某官方客服', 'weibo:某某官方客服'],
  ['account_handle', 'mastodon:@Foo@x.social', 'mastodon:Foo@x.social', { flags: ['unknown_platform'] }],
  ['account_handle', 'Alice', { error: 'OBSERVABLE_HANDLE_PLATFORM_REQUIRED' }],
  ['account_handle', 'qq:0123', { error: 'OBSERVABLE_HANDLE_INVALID' }],
  ['account_handle', 'telegram:ab', { error: 'OBSERVABLE_HANDLE_INVALID' }],
  ['account_handle', 'other:two words', { error: 'OBSERVABLE_HANDLE_INVALID' }],
];

const ICPS: Row[] = [
  ['icp_licence', '京ICP备05070218号', '京ICP备05070218号', { subtype: 'filing' }],
  ['icp_licence', '京ICP备05070218号-1', '京ICP备05070218号-1'],
  ['icp_licence', '京ICP证030173号', '京ICP证030173号', { subtype: 'licence' }],
  ['icp_licence', '京 icp 备 05070218 号', '京ICP备05070218号'],
  ['icp_licence', '京ＩＣＰ備０５０７０２１８號－２', '京ICP备05070218号-2'],
  ['icp_licence', '粤ICP备2021012345', '粤ICP备2021012345号', { flags: ['suffix_added'] }],
  ['icp_licence', '蜀ICP备12345678号', '蜀ICP备12345678号'],
  ['icp_licence', '京公网安备11010502030143号', { error: 'OBSERVABLE_ICP_IS_PSB' }],
  ['icp_licence', 'X ICP备123456号', { error: 'OBSERVABLE_ICP_INVALID' }],
  ['icp_licence', '京ICP备05070218号-', { error: 'OBSERVABLE_ICP_INVALID' }],
  ['icp_licence', '京ICP号05070218', { error: 'OBSERVABLE_ICP_INVALID' }],
];

const BANKS: Row[] = [
  [
    'bank_account',
    '6222 0212 3456 7890 128',
    '6222021234567890128',
    { subtype: 'card', display: '6222 0212 3456 7890 128' },
  ],
  ['bank_account', '４１１１－１１１１－１１１１－１１１１', '4111111111111111', { subtype: 'card' }],
  ['bank_account', '4111111111111112', '4111111111111112', { subtype: 'card', flags: ['luhn_failed'] }],
  [
    'bank_account',
    'GB82 WEST 1234 5698 7654 32',
    'GB82WEST12345698765432',
    { subtype: 'iban', display: 'GB82 WEST 1234 5698 7654 32' },
  ],
  [
    'bank_account',
    'gb82west12345698765433',
    'GB82WEST12345698765433',
    { subtype: 'iban', flags: ['iban_checksum_failed'] },
  ],
  ['bank_account', '1234-5678-90', '1234567890', { subtype: 'account' }],
  ['bank_account', '12ab', { error: 'OBSERVABLE_BANK_INVALID' }],
  ['bank_account', '1234 5678 #9', { error: 'OBSERVABLE_BANK_INVALID' }],
];

describe.each([
  ['url', URLS],
  ['domain', DOMAINS],
  ['ip', IPS],
  ['email', EMAILS],
  ['phone', PHONES],
  ['crypto_wallet', WALLETS],
  ['file_hash', HASHES],
  ['account_handle', HANDLES],
  ['icp_licence', ICPS],
  ['bank_account', BANKS],
] as const)('normalize %s', (_type, rows) => {
  it.each(rows.map((r) => [r[1], r]))('%s', (_raw, row) => check(row as Row));
});

describe('normalizeObservable', () => {
  it('throws OBSERVABLE_INVALID with issues on the given path', () => {
    try {
      normalizeObservable('ip', '999.1.1.1', { path: 'observables.2.value' });
      expect.unreachable();
    } catch (e) {
      expect((e as AppError).code).toBe('OBSERVABLE_INVALID');
      expect((e as AppError).status).toBe(422);
      expect((e as AppError).issues?.[0]?.path).toBe('observables.2.value');
    }
  });
  it('refuses unknown types, empty and oversized values', () => {
    expect(tryNormalizeObservable('mac_address', 'aa:bb')).toMatchObject({
      ok: false,
      issues: [{ code: 'OBSERVABLE_TYPE_UNKNOWN', path: 'type' }],
    });
    expect(tryNormalizeObservable('domain', '   ')).toMatchObject({
      ok: false,
      issues: [{ code: 'OBSERVABLE_EMPTY' }],
    });
    expect(tryNormalizeObservable('domain', 'a'.repeat(5000))).toMatchObject({
      ok: false,
      issues: [{ code: 'OBSERVABLE_TOO_LONG' }],
    });
  });
  it('reports related observables for correlation', () => {
    expect(normalizeObservable('url', 'hxxp://evil[.]com/x').related).toEqual([{ type: 'domain', value: 'evil.com' }]);
    expect(normalizeObservable('email', 'a@Evil.com').related).toEqual([{ type: 'domain', value: 'evil.com' }]);
  });
  it('dedupeKey is type + canonical value, so equivalent inputs collide', () => {
    const a = normalizeObservable('url', 'HXXPS://Example[.]com:443/a');
    const b = normalizeObservable('url', 'https://example.com/a');
    expect(dedupeKey(a)).toBe(dedupeKey(b));
    expect(dedupeKey(a)).toBe('url:https://example.com/a');
    expect(dedupeKey(normalizeObservable('domain', 'example.com'))).not.toBe(
      dedupeKey(normalizeObservable('url', 'example.com')),
    );
  });
});
