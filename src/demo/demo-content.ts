// The bilingual demo workload: a cross-border investment-fraud case and what surrounds it.
// Names, numbers and addresses are fictional (example.com, reserved test ranges).
export const FRAUD_CASE = {
  title: { en: 'Cross-border investment fraud ring "Lucky Invest 88"', zh: '"幸运投资88"跨境投资诈骗团伙案' },
  summary: {
    en: 'Victims in Shenzhen and Chicago were lured by a fake trading app into transfers to exchange accounts and BTC wallets between March and May 2026.',
    zh: '2026年3月至5月，深圳和芝加哥的被害人被虚假交易软件诱骗，将资金转入交易所账户和比特币钱包。',
  },
};

export const FRAUD_OBSERVABLES = [
  { type: 'domain', value: 'lucky-invest88.example.com', tags: ['phishing-site'] },
  { type: 'url', value: 'hxxps://lucky-invest88[.]example[.]com/app/login', tags: ['phishing-site'] },
  { type: 'email', value: 'support@lucky-invest88.example.com' },
  { type: 'phone', value: '+1 312 555 0142', tags: ['call-centre'] },
  { type: 'phone', value: '１３８００１３８０００', tags: ['victim-contact'] },
  { type: 'crypto_wallet', value: '1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2', tags: ['cash-out'] },
  { type: 'ip', value: '203.0.113.77', tags: ['app-backend'] },
  { type: 'icp_licence', value: '沪ICP备20260188号' },
] as const;

export const PRESERVATION_REQUEST = {
  type: 'preservation',
  subject: {
    en: 'Preserve cloud account hosting the "Lucky Invest 88" trading app',
    zh: '保全"幸运投资88"交易软件所用云账户',
  },
  crimeCategory: 'online_fraud',
  facts:
    'The trading app used to defraud at least 37 victims in Shenzhen is served from a cloud account with a US provider. The account may be deleted once the operators notice the investigation.',
  dataRequested:
    'Preserve all stored content, subscriber information, billing records and access logs of the account for 90 days pending a mutual legal assistance request.',
  identifiers: [
    { kind: 'domain', value: 'lucky-invest88.example.com', service: 'Example Cloud' },
    {
      kind: 'ip',
      value: '203.0.113.77',
      from: '2026-03-01T00:00:00+08:00',
      to: '2026-05-31T23:59:59+08:00',
      timeZone: 'Asia/Shanghai',
      service: 'Example Cloud',
    },
  ],
  legalBasis: 'coe_budapest_art29',
  urgency: 'urgent',
  confidentiality: 'confidential',
  details: {
    preservation: {
      dataToPreserve: 'Account content, subscriber records, billing records, access logs',
      provider: 'Example Cloud Inc.',
    },
  },
} as const;

export const SUBSCRIBER_REQUEST = {
  type: 'subscriber_info',
  subject: {
    en: 'Subscriber information for the call-centre number +1 312 555 0142',
    zh: '调取呼叫中心号码 +1 312 555 0142 的用户信息',
  },
  crimeCategory: 'online_fraud',
  facts:
    'Victims were called from +1 312 555 0142 and told to install the trading app. Identifying the subscriber is the next step to locate the call centre.',
  dataRequested: 'Subscriber name, address, payment method and activation date of the number.',
  identifiers: [
    {
      kind: 'phone',
      value: '+1 312 555 0142',
      from: '2026-03-01T00:00:00-06:00',
      to: '2026-05-31T23:59:59-05:00',
      timeZone: 'America/Chicago',
      service: 'Example Telecom',
    },
  ],
  legalBasis: 'cn_us_mlaa',
  urgency: 'routine',
  confidentiality: 'confidential',
  details: {},
} as const;

export const SUBSCRIBER_RECORD_CSV = [
  'number,subscriber,address,activated,payment',
  '+13125550142,"Northgate Consulting LLC","1200 W Example Ave, Chicago IL",2026-02-27,prepaid card ****4417',
  '',
].join('\n');

export const EMERGENCY_CALL = {
  topic: 'emergency_threat_to_life',
  urgency: 'emergency',
  language: 'en',
  message:
    'A victim of the "Lucky Invest 88" fraud posted a suicide note on Weibo 20 minutes ago. We need the account holder\'s subscriber details to send help.',
  callback: {
    name: 'SA Jordan Miles',
    phone: '+1 202 555 0100',
    email: 'jordan.miles@us-demo.example',
    timeZone: 'America/New_York',
  },
} as const;

export const FIRST_DIALOGUE = {
  title: {
    en: 'First China–US High-Level Joint Dialogue on Fighting Cybercrime and Related Issues',
    zh: '首次中美打击网络犯罪及相关事项高级别联合对话',
  },
  kind: 'high_level_dialogue' as const,
  startsAt: '2015-12-01T14:00:00.000Z',
  endsAt: '2015-12-01T22:00:00.000Z',
  location: 'Washington, D.C.',
  agenda: [
    { en: 'Guidelines for requests for assistance in cybercrime cases', zh: '打击网络犯罪案件合作指导原则' },
    { en: 'A hotline for cybercrime and related issues', zh: '建立打击网络犯罪及相关事项热线' },
    { en: 'Cooperation on network protection', zh: '网络保护合作' },
    { en: 'Exchange of experience', zh: '经验交流' },
  ],
  outcomes: [
    {
      en: 'Agree guidelines for requests for assistance on cybercrime and related matters.',
      zh: '制定打击网络犯罪及相关事项合作指导原则。',
    },
    { en: 'Establish a hotline for cybercrime and related issues.', zh: '建立打击网络犯罪及相关事项热线联系机制。' },
    {
      en: 'Carry out tabletop exercises and share information on network protection.',
      zh: '开展桌面推演，交流网络保护信息。',
    },
  ],
};
