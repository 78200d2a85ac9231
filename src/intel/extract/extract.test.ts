// Table-driven extraction corpus in Chinese and English, with adversarial cases: look-alike
// letters, full-width forms, URLs inside Chinese text without spaces, numbers that only look
// like cards, file names and version numbers that only look like domains.
import { describe, expect, it } from 'vitest';
import { dedupeIndicators, extractIndicators } from './index.js';

type Row = { name: string; text: string; expect: [type: string, value: string, raw?: string, flags?: string[]][] };

const CORPUS: Row[] = [
  // URLs
  {
    name: 'URL stops at the Chinese full stop',
    text: '访问http://例子.com/abc。联系',
    expect: [['url', 'http://xn--fsqu00a.com/abc', 'http://例子.com/abc', ['idn']]],
  },
  {
    name: 'URL stops at a Chinese comma',
    text: '网址https://evil.example.com/login，请勿点击',
    expect: [['url', 'https://evil.example.com/login']],
  },
  {
    name: 'URL host stops where Chinese text resumes',
    text: '打开http://www.example.com联系客服',
    expect: [['url', 'http://www.example.com/', 'http://www.example.com']],
  },
  {
    name: 'defanged hxxp and [.]',
    text: 'C2: hxxp://bad-site[.]com/gate.php',
    expect: [['url', 'http://bad-site.com/gate.php', 'hxxp://bad-site[.]com/gate.php', ['defanged']]],
  },
  {
    name: 'defanged hxxps[:]// and (.)',
    text: 'hxxps[:]//pay(.)example(.)net/x?id=1',
    expect: [['url', 'https://pay.example.net/x?id=1', undefined, ['defanged']]],
  },
  {
    name: 'full-width URL',
    text: '链接：ｈｔｔｐｓ：／／ｅｘａｍｐｌｅ．ｏｒｇ／ｐａｙ，转账',
    expect: [['url', 'https://example.org/pay', 'ｈｔｔｐｓ：／／ｅｘａｍｐｌｅ．ｏｒｇ／ｐａｙ', ['fullwidth']]],
  },
  {
    name: 'trailing English punctuation and brackets',
    text: 'See (http://example.com/a_(b)) and http://example.org/x.',
    expect: [
      ['url', 'http://example.com/a_(b)'],
      ['url', 'http://example.org/x'],
    ],
  },
  {
    name: 'URL with an IP host',
    text: 'payload at http://203.0.113.9:8080/a.exe!',
    expect: [['url', 'http://203.0.113.9:8080/a.exe']],
  },
  // Domains
  {
    name: 'bare domain after Chinese text',
    text: '请登录secure-bank.com.cn查询',
    expect: [['domain', 'secure-bank.com.cn']],
  },
  {
    name: 'punycode and Unicode IDN give one value',
    text: 'xn--fiqs8s.xn--fiqs8s 与 http://中国.中国',
    expect: [
      ['domain', 'xn--fiqs8s.xn--fiqs8s', undefined, ['idn']],
      ['url', 'http://xn--fiqs8s.xn--fiqs8s/'],
    ],
  },
  {
    name: 'Cyrillic look-alike is kept and flagged',
    text: 'phishing аpple.com today',
    expect: [['domain', 'xn--pple-43d.com', 'аpple.com', ['idn', 'homoglyph']]],
  },
  {
    name: 'all-Cyrillic name under a Latin TLD is flagged',
    text: 'раураl.com',
    expect: [['domain', 'xn--l-7sba6dbr.com', undefined, ['idn', 'homoglyph']]],
  },
  {
    name: 'a Cyrillic domain under a Cyrillic TLD is not a homoglyph',
    text: 'сайт пример.рф',
    expect: [['domain', 'xn--e1afmkfd.xn--p1ai', undefined, ['idn']]],
  },
  {
    name: 'file names and version numbers are not domains',
    text: 'report.pdf readme.md setup.py v1.2.3 1.2.3.4.5 config.json',
    expect: [],
  },
  { name: 'unknown TLD is not a domain', text: 'object.method() and foo.notatld', expect: [] },
  {
    name: 'defanged file-like TLD is a domain',
    text: 'evil[.]zip',
    expect: [['domain', 'evil.zip', undefined, ['defanged']]],
  },
  // IPs
  {
    name: 'IPv4 with private flag',
    text: '内网192.168.1.10，外网8.8.8.8。',
    expect: [
      ['ip', '192.168.1.10', undefined, ['private']],
      ['ip', '8.8.8.8'],
    ],
  },
  { name: 'defanged IPv4', text: '1.2.3[.]4', expect: [['ip', '1.2.3.4', '1.2.3[.]4', ['defanged']]] },
  {
    name: 'IPv6 canonical form; times are not addresses',
    text: '2001:DB8:0:0:0:0:0:1 at 10:25:30',
    expect: [['ip', '2001:db8::1', undefined, ['reserved']]],
  },
  { name: 'octets over 255 are not IPs', text: '999.1.1.1', expect: [] },
  // E-mail
  { name: 'e-mail inside Chinese text', text: '联系邮箱abc.def@qq.com获取', expect: [['email', 'abc.def@qq.com']] },
  {
    name: 'defanged e-mail',
    text: 'admin[at]evil[.]com',
    expect: [['email', 'admin@evil.com', undefined, ['defanged']]],
  },
  {
    name: 'full-width @',
    text: 'ｋｅｆｕ＠１２６．ｃｏｍ',
    expect: [['email', 'kefu@126.com', undefined, ['fullwidth']]],
  },
  // Hashes
  {
    name: 'MD5, SHA-1, SHA-256',
    text: 'MD5:d41d8cd98f00b204e9800998ecf8427e SHA1=da39a3ee5e6b4b0d3255bfef95601890afd80709 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    expect: [
      ['file_hash', 'd41d8cd98f00b204e9800998ecf8427e'],
      ['file_hash', 'da39a3ee5e6b4b0d3255bfef95601890afd80709'],
      ['file_hash', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ],
  },
  {
    name: 'hex runs of other lengths are not hashes',
    text: 'd41d8cd98f00b204e9800998ecf8427e0 abcdef0123456789abcdef0123456789abcdef0123',
    expect: [],
  },
  {
    name: 'upper-case hash is lower-cased',
    text: '样本哈希D41D8CD98F00B204E9800998ECF8427E。',
    expect: [['file_hash', 'd41d8cd98f00b204e9800998ecf8427e']],
  },
  // Wallets
  {
    name: 'BTC base58check',
    text: '收款地址1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2。',
    expect: [['crypto_wallet', '1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2']],
  },
  { name: 'BTC with a bad checksum is ignored', text: '1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3', expect: [] },
  {
    name: 'BTC bech32',
    text: 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4',
    expect: [['crypto_wallet', 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4']],
  },
  {
    name: 'ETH EIP-55 valid',
    text: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
    expect: [['crypto_wallet', '0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed']],
  },
  {
    name: 'ETH mixed case with a wrong checksum is ignored, not taken for a hash',
    text: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD',
    expect: [],
  },
  {
    name: 'TRON',
    text: 'USDT-TRC20：TJCnKsPa7y5okkXvQAidZBzqx3QyQ6sxMW',
    expect: [['crypto_wallet', 'TJCnKsPa7y5okkXvQAidZBzqx3QyQ6sxMW']],
  },
  // Phones
  { name: 'Chinese mobile', text: '联系电话13812345678，微信同号', expect: [['phone', '+8613812345678']] },
  {
    name: 'Chinese mobile with spaces and dashes',
    text: '138-1234-5678 或 139 8765 4321',
    expect: [
      ['phone', '+8613812345678'],
      ['phone', '+8613987654321'],
    ],
  },
  {
    name: 'full-width digits',
    text: '手机：１３８１２３４５６７８',
    expect: [['phone', '+8613812345678', '１３８１２３４５６７８', ['fullwidth']]],
  },
  {
    name: 'Chinese landlines with area code',
    text: '座机010-62345678，（0755）86012345',
    expect: [
      ['phone', '+861062345678'],
      ['phone', '+8675586012345'],
    ],
  },
  {
    name: 'E.164 with +',
    text: 'call +1 (202) 555-0143 or +44 20 7946 0958',
    expect: [
      ['phone', '+12025550143'],
      ['phone', '+442079460958'],
    ],
  },
  { name: 'E.164 right after Chinese text', text: '电话+8613812345678', expect: [['phone', '+8613812345678']] },
  { name: 'longer digit runs are not mobiles', text: '订单号138123456789012', expect: [] },
  // ICP
  {
    name: 'ICP filing with site suffix',
    text: '京ICP备05070218号-2',
    expect: [['icp_licence', '京ICP备05070218号-2']],
  },
  {
    name: 'ICP with spaces and a traditional 證',
    text: '粤 ICP 證 030173 号',
    expect: [['icp_licence', '粤ICP证030173号']],
  },
  { name: 'ICP licence', text: '沪ICP证030173号', expect: [['icp_licence', '沪ICP证030173号']] },
  { name: 'traditional 備/號 are folded', text: '京ICP備05070218號', expect: [['icp_licence', '京ICP备05070218号']] },
  { name: 'public-security filing numbers are not cards or phones', text: '京公网安备 11000002000001号', expect: [] },
  // Bank cards
  {
    name: 'Visa test card grouped',
    text: '卡号 4111 1111 1111 1111 开户行',
    expect: [['bank_account', '4111111111111111']],
  },
  { name: 'UnionPay 19 digits', text: '收款卡6217000010012345678', expect: [] },
  {
    name: 'UnionPay passing Luhn',
    text: '收款卡6222020200112233446',
    expect: [['bank_account', '6222020200112233446']],
  },
  { name: 'Luhn-failing order number', text: '订单4111111111111112', expect: [] },
  { name: 'millisecond timestamps are not cards', text: 'ts=1700000000000 1732612345678', expect: [] },
  {
    name: 'resident ID numbers are not cards',
    text: '身份证号11010519491231002X 440524198001010005（此号码可通过 Luhn 校验）',
    expect: [],
  },
  { name: 'decimals are not cards', text: '金额 4111111111111111.50 元', expect: [] },
];

describe('extractIndicators corpus', () => {
  it.each(CORPUS)('$name', ({ text, expect: want }) => {
    const got = extractIndicators(text);
    expect(got.map((g) => [g.type, g.value])).toEqual(want.map(([type, value]) => [type, value]));
    want.forEach(([, , raw, flags], i) => {
      const g = got[i]!;
      expect(text.slice(g.start, g.end)).toBe(g.raw);
      if (raw !== undefined) expect(g.raw).toBe(raw);
      if (flags !== undefined) expect(g.flags).toEqual(flags);
    });
  });

  it('keeps every occurrence and groups them by value', () => {
    const text = 'evil.com 和 EVIL.COM 以及 evil[.]com';
    const found = extractIndicators(text);
    expect(found.map((f) => [f.start, f.end])).toEqual([
      [0, 8],
      [11, 19],
      [23, 33],
    ]);
    const grouped = dedupeIndicators(found);
    expect(grouped).toEqual([
      {
        type: 'domain',
        value: 'evil.com',
        flags: ['defanged'],
        spans: [
          { start: 0, end: 8, raw: 'evil.com' },
          { start: 11, end: 19, raw: 'EVIL.COM' },
          { start: 23, end: 33, raw: 'evil[.]com' },
        ],
      },
    ]);
  });

  it('reads grouped national numbers only with a default country other than China', () => {
    const text = 'Call (202) 555-0143 or 020 7946 0958 on 2026-03-01';
    expect(extractIndicators(text)).toEqual([]);
    expect(extractIndicators(text, { defaultCountry: 'CN' })).toEqual([]);
    expect(extractIndicators(text, { defaultCountry: 'US' }).map((f) => [f.value, f.raw])).toEqual([
      ['+12025550143', '(202) 555-0143'],
    ]);
    // The country decides how a national number is read: with GB both are taken as UK numbers.
    expect(extractIndicators(text, { defaultCountry: 'GB' }).map((f) => f.value)).toEqual([
      '+442025550143',
      '+442079460958',
    ]);
  });

  it('reports the URL, not the domain or IP inside it', () => {
    expect(extractIndicators('http://a.example.com/x http://8.8.4.4/').map((f) => f.type)).toEqual(['url', 'url']);
  });
});

describe('account handles and de-obfuscation', () => {
  it('finds accounts after cue words, with the cue span and the platform-normalised value', () => {
    const text = '加我微信：Abc_123，QQ 123456789，TG @Scam_Boss88，WhatsApp +44 7700 900123';
    const got = extractIndicators(text);
    expect(got.map((g) => [g.type, g.value])).toEqual([
      ['account_handle', 'wechat:abc_123'],
      ['account_handle', 'qq:123456789'],
      ['account_handle', 'telegram:scam_boss88'],
      ['account_handle', 'whatsapp:+447700900123'],
      ['phone', '+447700900123'],
    ]);
    expect(got.map((g) => g.cue?.raw)).toEqual(['微信', 'QQ', 'TG', 'WhatsApp', 'WhatsApp']);
    for (const g of got) {
      expect(text.slice(g.start, g.end)).toBe(g.raw);
      expect(text.slice(g.cue!.start, g.cue!.end)).toBe(g.cue!.raw);
    }
    expect(got[2]!.raw).toBe('@Scam_Boss88');
  });

  it('reads t.me and wa.me links as accounts, other Telegram links as links', () => {
    const got = extractIndicators('https://t.me/FakeSupport 和 t.me/joinchat/AbC123 以及 wa.me/447700900123');
    expect(got.map((g) => [g.type, g.value])).toEqual([
      ['account_handle', 'telegram:fakesupport'],
      ['url', 'http://t.me/joinchat/AbC123'],
      ['account_handle', 'whatsapp:+447700900123'],
    ]);
  });

  it('takes no word for an account: a value of letters alone needs an explicit separator', () => {
    expect(extractIndicators('The Telegram channel is great. WeChat account please. 飞机场很远。')).toEqual([]);
    expect(extractIndicators('WeChat: zhangsanfeng').map((g) => g.value)).toEqual(['wechat:zhangsanfeng']);
    expect(extractIndicators('QQ群：738291045')).toEqual([]);
  });

  it.each([
    ['www点example点com', 'domain', 'www.example.com', 'obfuscated_dot'],
    ['example。com', 'domain', 'example.com', 'obfuscated_dot'],
    ['example . com', 'domain', 'example.com', 'obfuscated_dot'],
    ['evil dot com', 'domain', 'evil.com', 'obfuscated_dot'],
    ['kefu2024艾特163点com', 'email', 'kefu2024@163.com', 'obfuscated_at'],
    ['一三八一二三四五六七八', 'phone', '+8613812345678', 'chinese_numerals'],
    ['①③⑧①②③④⑤⑥⑦⑧', 'phone', '+8613812345678', 'chinese_numerals'],
    ['138.1234.5678', 'phone', '+8613812345678', 'split_digits'],
    ['1 3 8 1 2 3 4 5 6 7 8', 'phone', '+8613812345678', 'split_digits'],
    ['0 2 1 - 5 1 2 3 4 5 6 7', 'phone', '+862151234567', 'split_digits'],
    ['1381😀234\u200b5678', 'phone', '+8613812345678', 'inserted_chars'],
  ])('undoes %s and flags it, the span covering what was written', (written, type, value, flag) => {
    const text = `联系：${written}，谢谢`;
    const [g, ...rest] = extractIndicators(text);
    expect(rest).toEqual([]);
    expect([g!.type, g!.value]).toEqual([type, value]);
    expect(g!.flags).toContain(flag);
    expect(g!.raw).toBe(written);
    expect(text.slice(g!.start, g!.end)).toBe(written);
  });

  it('never makes an indicator out of prose, times, versions or IP addresses', () => {
    for (const text of [
      'the dot com bubble',
      'ok. me too',
      '下午3点net价格',
      'version 13.8.12345678',
      '服务器 13.148.22.111',
      '2024-01-13 18:30',
      '验证码 8 3 2 9 1 0',
      '一二三四五六七八九十',
      '价格 ¥13,812,345,678',
    ]) {
      expect(
        extractIndicators(text).filter((g) => g.type !== 'ip'),
        text,
      ).toEqual([]);
    }
  });

  it('keeps an emoji-split cue word and flags it', () => {
    const [g] = extractIndicators('加微❤️信：momjob_2024');
    expect([g!.value, g!.cue!.raw, g!.flags]).toEqual(['wechat:momjob_2024', '微❤️信', ['inserted_chars']]);
  });
});
