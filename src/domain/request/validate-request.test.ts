// Validation rules of request content, per type, with the bilingual messages users see.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.js';
import type { ValidationIssue } from '../../error-types.js';
import { T0, validContent } from './test-fixtures.js';
import { REQUEST_TYPES, type Identifier, type RequestContent, type RequestType } from './types.js';
import { assertSubmittable, validateRequestContent } from './validate-request.js';

const check = (c: RequestContent, mode: 'draft' | 'submit' = 'submit'): ValidationIssue[] =>
  validateRequestContent(c, T0, mode);
const find = (issues: ValidationIssue[], path: string): ValidationIssue | undefined =>
  issues.find((i) => i.path === path);
const paths = (issues: ValidationIssue[]): string[] => issues.map((i) => i.path);

function withId(type: RequestType, id: Partial<Identifier> & Pick<Identifier, 'kind' | 'value'>): RequestContent {
  return { ...validContent(type), identifiers: [id] };
}

describe('every type has a valid example', () => {
  for (const type of REQUEST_TYPES) {
    it(`${type}: complete content passes`, () => {
      expect(check(validContent(type))).toEqual([]);
    });
  }
});

describe('common required fields', () => {
  it('names each missing field with messages in English and Chinese', () => {
    const c: RequestContent = {
      ...validContent('subscriber_info'),
      requestedParty: '',
      caseRef: ' ',
      subject: { en: '', zh: '' },
      crimeCategory: null,
      facts: '',
      dataRequested: '',
      legalBasis: null,
      contactOfficer: { name: '', email: '', phone: '' },
    };
    const issues = check(c);
    expect(paths(issues).sort()).toEqual(
      [
        'requestedParty',
        'caseRef',
        'subject.en',
        'subject.zh',
        'crimeCategory',
        'facts',
        'dataRequested',
        'legalBasis',
        'contactOfficer.name',
        'contactOfficer.email',
        'contactOfficer.phone',
      ].sort(),
    );
    expect(find(issues, 'subject.zh')?.message).toEqual({
      en: 'Enter the subject in Chinese.',
      zh: '请填写中文事由摘要。',
    });
    expect(find(issues, 'legalBasis')?.message).toEqual({ en: 'Choose the legal basis.', zh: '请选择法律依据。' });
    expect(issues.every((i) => i.code === 'required' && i.message.en && i.message.zh)).toBe(true);
  });

  it('in draft mode missing fields are fine', () => {
    const c = { ...validContent('subscriber_info'), caseRef: '', facts: '', legalBasis: null, identifiers: [] };
    expect(check(c, 'draft')).toEqual([]);
  });

  it('requires Chinese text in the Chinese subject', () => {
    const issues = check({ ...validContent('preservation'), subject: { en: 'Fraud', zh: 'Fraud' } });
    expect(find(issues, 'subject.zh')).toMatchObject({
      code: 'not_chinese',
      message: { zh: '中文事由摘要中没有中文内容。' },
    });
  });

  it('limits the subject length', () => {
    const issues = check({ ...validContent('preservation'), subject: { en: 'x'.repeat(301), zh: '诈骗' } });
    expect(find(issues, 'subject.en')?.code).toBe('too_long');
  });

  it('refuses a request to oneself', () => {
    const c = { ...validContent('preservation'), requestedParty: 'node-us' };
    expect(find(check(c), 'requestedParty')).toMatchObject({
      code: 'same_party',
      message: { zh: '请求方和被请求方不能相同。' },
    });
  });

  it('refuses unknown enum values', () => {
    const issues = check({
      ...validContent('preservation'),
      crimeCategory: 'piracy' as never,
      urgency: 'asap' as never,
      confidentiality: 'top' as never,
    });
    expect(paths(issues)).toEqual(expect.arrayContaining(['crimeCategory', 'urgency', 'confidentiality']));
    expect(paths(check({ ...validContent('preservation'), type: 'spying' as never }))).toEqual(['type']);
  });

  it('checks the contact officer e-mail and phone formats, even in drafts', () => {
    const c = {
      ...validContent('preservation'),
      contactOfficer: { name: 'A', email: 'not-an-email', phone: 'call me' },
    };
    const issues = check(c, 'draft');
    expect(find(issues, 'contactOfficer.email')?.message.zh).toBe('电子邮箱格式不正确。');
    expect(find(issues, 'contactOfficer.phone')?.message.en).toBe('This phone number is not valid.');
  });
});

describe('requested deadline', () => {
  it('must not lie in the past on submit', () => {
    const c = { ...validContent('preservation'), requestedDeadline: '2026-08-31T00:00:00Z' };
    expect(find(check(c), 'requestedDeadline')).toMatchObject({
      code: 'in_past',
      message: { zh: '所请求的期限已经过去。' },
    });
    expect(check(c, 'draft')).toEqual([]);
    expect(check({ ...c, requestedDeadline: '2026-09-30T00:00:00+08:00' })).toEqual([]);
  });

  it('must be a date-time with offset', () => {
    const c = { ...validContent('preservation'), requestedDeadline: '30/09/2026' };
    expect(find(check(c, 'draft'), 'requestedDeadline')?.code).toBe('invalid_format');
  });
});

describe('legal basis', () => {
  it('must be allowed for the type', () => {
    const issues = check({ ...validContent('preservation'), legalBasis: 'eu_2023_1543_production' });
    expect(find(issues, 'legalBasis')).toMatchObject({
      code: 'not_allowed_for_type',
      message: {
        en: 'EU e-Evidence Regulation: production order does not cover a request for expedited preservation of stored data.',
        zh: '欧盟电子证据条例：提交令不适用于“已存储数据的快速保全”请求。',
      },
    });
  });

  it('must exist', () => {
    expect(find(check({ ...validContent('preservation'), legalBasis: 'magna_carta' }), 'legalBasis')?.code).toBe(
      'invalid',
    );
  });

  it('emergency-only bases need urgency emergency', () => {
    const c = { ...validContent('subscriber_info'), legalBasis: 'coe_p2_art10', urgency: 'urgent' as const };
    expect(find(check(c), 'legalBasis')).toMatchObject({
      code: 'emergency_only',
      message: { zh: '《第二附加议定书》第10条仅适用于紧急情况；请将紧急程度设为“紧急”，或选择其他法律依据。' },
    });
    expect(check({ ...c, urgency: 'emergency' })).toEqual([]);
  });

  it('the EU e-Evidence regulation applies only from 18 August 2026', () => {
    const c = { ...validContent('content_data'), legalBasis: 'eu_2023_1543_production' };
    expect(validateRequestContent(c, new Date('2026-08-17T12:00:00Z'), 'submit')[0]).toMatchObject({
      path: 'legalBasis',
      code: 'not_yet_applicable',
      message: { zh: '欧盟电子证据条例：提交令自 2026-08-18 起适用。' },
    });
    expect(validateRequestContent(c, new Date('2026-08-18T00:00:00Z'), 'submit')).toEqual([]);
  });

  it('"bilateral" and "other" need the instrument named', () => {
    for (const legalBasis of ['bilateral', 'other']) {
      const c = { ...validContent('takedown'), legalBasis, legalBasisNote: '' };
      expect(find(check(c), 'legalBasisNote')?.message).toEqual({
        en: 'Name the agreement or provision relied on.',
        zh: '请注明所依据的协议或具体条款。',
      });
    }
  });
});

describe('emergency disclosure', () => {
  it('requires urgency emergency', () => {
    const c = { ...validContent('emergency_disclosure'), urgency: 'urgent' as const, legalBasis: 'us_2702_emergency' };
    const issue = find(check(c), 'urgency');
    expect(issue?.message).toEqual({
      en: 'An emergency disclosure request must have urgency "emergency".',
      zh: '紧急披露请求的紧急程度必须为“紧急”。',
    });
  });

  it('requires a threat description', () => {
    const c = { ...validContent('emergency_disclosure'), details: {} };
    expect(find(check(c), 'details.emergency.threatDescription')?.message.zh).toBe(
      '请说明危及生命或可能造成严重伤害的威胁及其紧迫性。',
    );
  });
});

describe('identifiers', () => {
  const needing: RequestType[] = [
    'preservation',
    'expedited_disclosure',
    'subscriber_info',
    'traffic_data',
    'content_data',
    'emergency_disclosure',
  ];
  for (const type of needing) {
    it(`${type} needs at least one identifier`, () => {
      const issues = check({ ...validContent(type), identifiers: [] });
      expect(find(issues, 'identifiers')?.message.en).toBe(
        'Add at least one identifier (account, IP address, domain, …) the request concerns.',
      );
    });
  }
  for (const type of ['takedown', 'freeze_assets', 'interview', 'other'] as RequestType[]) {
    it(`${type} can do without identifiers`, () => {
      expect(find(check({ ...validContent(type), identifiers: [] }), 'identifiers')).toBeUndefined();
    });
  }

  const cases: [Identifier['kind'], string, boolean][] = [
    ['ip', '203.0.113.7', true],
    ['ip', '2001:db8::1', true],
    ['ip', '10.0.0.0/8', true],
    ['ip', '300.1.1.1', false],
    ['ip', '10.0.0.0/33', false],
    ['domain', 'example.com', true],
    ['domain', '例子.中国', true],
    ['domain', 'xn--fiqs8s.xn--fiqz9s', true],
    ['domain', 'localhost', false],
    ['domain', '-bad-.com', false],
    ['email', 'a.b@example.org', true],
    ['email', 'a@b', false],
    ['wallet', 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq', true],
    ['wallet', '0x52908400098527886E0F7030069857D2E4169EE7', true],
    ['wallet', '0x1234', false],
    ['wallet', 'not a wallet', false],
    ['phone', '+86 138 0013 8000', true],
    ['phone', '12', false],
    ['url', 'https://example.com/path?q=1', true],
    ['url', 'example.com', false],
    ['account', 'fraudster_88', true],
    ['other', 'IMEI 490154203237518', true],
  ];
  for (const [kind, value, ok] of cases) {
    it(`${kind} "${value}" is ${ok ? 'accepted' : 'refused'}`, () => {
      const issue = find(check(withId('content_data', { kind, value }), 'draft'), 'identifiers[0].value');
      if (ok) expect(issue).toBeUndefined();
      else
        expect(issue).toMatchObject({
          code: 'invalid_format',
          message: { en: expect.any(String), zh: expect.any(String) },
        });
    });
  }

  it('tells the user when a value is defanged', () => {
    const issue = find(
      check(withId('content_data', { kind: 'url', value: 'hxxps://evil[.]com' })),
      'identifiers[0].value',
    );
    expect(issue?.message.zh).toContain('防误点');
  });

  it('an empty value gets the kind-specific hint', () => {
    const issue = find(check(withId('content_data', { kind: 'ip', value: '' })), 'identifiers[0].value');
    expect(issue?.message).toEqual({
      en: 'Enter an IPv4 or IPv6 address (optionally with /prefix).',
      zh: '请填写 IPv4 或 IPv6 地址（可带 /前缀长度）。',
    });
  });

  it('flags duplicates with the index of the first one', () => {
    const c = {
      ...validContent('content_data'),
      identifiers: [
        { kind: 'email' as const, value: 'A@x.com' },
        { kind: 'email' as const, value: 'a@x.com' },
      ],
    };
    expect(find(check(c), 'identifiers[1].value')).toMatchObject({
      code: 'duplicate',
      message: { zh: '与第 1 个标识重复。' },
    });
  });

  it('time range: from must not be after to', () => {
    const c = withId('content_data', {
      kind: 'account',
      value: 'x',
      from: '2026-07-02T00:00:00Z',
      to: '2026-07-01T00:00:00Z',
      timeZone: 'UTC',
    });
    expect(find(check(c), 'identifiers[0].to')).toMatchObject({
      code: 'range_order',
      message: { zh: '时间范围的结束时间早于开始时间。' },
    });
  });

  it('time range: instants need an offset', () => {
    const c = withId('content_data', { kind: 'account', value: 'x', from: '2026-07-02 10:00', timeZone: 'UTC' });
    expect(find(check(c), 'identifiers[0].from')?.code).toBe('invalid_format');
  });

  it('time zone must be an IANA zone, and is required with a time range', () => {
    const bad = withId('content_data', {
      kind: 'account',
      value: 'x',
      from: '2026-07-01T00:00:00Z',
      timeZone: 'Beijing Time',
    });
    expect(find(check(bad), 'identifiers[0].timeZone')).toMatchObject({
      code: 'invalid_time_zone',
      message: {
        en: expect.stringContaining('not an IANA time zone'),
        zh: expect.stringContaining('不是有效的 IANA 时区'),
      },
    });
    expect(
      find(check({ ...bad, identifiers: [{ ...bad.identifiers[0]!, timeZone: '+08:00' }] }), 'identifiers[0].timeZone')
        ?.code,
    ).toBe('invalid_time_zone');
    const missing = withId('content_data', { kind: 'account', value: 'x', to: '2026-07-01T00:00:00Z' });
    expect(find(check(missing), 'identifiers[0].timeZone')?.code).toBe('time_zone_required');
    for (const zone of ['Asia/Shanghai', 'America/New_York', 'UTC', 'Europe/Berlin']) {
      expect(check({ ...bad, identifiers: [{ ...bad.identifiers[0]!, timeZone: zone }] })).toEqual([]);
    }
  });

  it('an IP identifier needs its time of use for subscriber, traffic and expedited disclosure requests', () => {
    for (const type of ['subscriber_info', 'traffic_data', 'expedited_disclosure'] as RequestType[]) {
      const issue = find(check(withId(type, { kind: 'ip', value: '203.0.113.7' })), 'identifiers[0].from');
      expect(issue?.message.zh).toBe('IP 地址只能在特定时间对应到用户：请填写使用该地址的日期和时间。');
    }
    expect(check(withId('content_data', { kind: 'ip', value: '203.0.113.7' }))).toEqual([]);
  });
});

describe('type-specific fields', () => {
  const missing = (type: RequestType, details: RequestContent['details'] = {}) =>
    check({ ...validContent(type), details });

  it('preservation: data to preserve and provider', () => {
    expect(paths(missing('preservation'))).toEqual([
      'details.preservation.dataToPreserve',
      'details.preservation.provider',
    ]);
    expect(find(missing('preservation'), 'details.preservation.provider')?.message.zh).toBe(
      '请填写持有数据的服务提供者。',
    );
  });

  it('expedited disclosure: the preservation reference', () => {
    expect(
      find(missing('expedited_disclosure'), 'details.expeditedDisclosure.preservationReference')?.message.en,
    ).toContain('preservation request');
  });

  it('takedown: URLs and content kind, each URL checked', () => {
    expect(paths(missing('takedown'))).toEqual(['details.takedown.urls', 'details.takedown.contentKind']);
    const bad = missing('takedown', { takedown: { urls: ['https://ok.example', 'ftp//broken'], contentKind: 'csam' } });
    expect(paths(bad)).toEqual(['details.takedown.urls[1]']);
    const kind = missing('takedown', { takedown: { urls: ['https://ok.example'], contentKind: 'spam' as never } });
    expect(find(kind, 'details.takedown.contentKind')?.code).toBe('invalid');
  });

  it('freeze: asset kind, account, institution, amount, currency', () => {
    expect(paths(missing('freeze_assets'))).toEqual([
      'details.freeze.assetKind',
      'details.freeze.account',
      'details.freeze.institution',
      'details.freeze.amount',
      'details.freeze.currency',
    ]);
    const funds = {
      assetKind: 'funds' as const,
      account: 'CN12 3456',
      institution: 'Bank',
      amount: '-5',
      currency: 'usd',
    };
    const issues = missing('freeze_assets', { freeze: funds });
    expect(find(issues, 'details.freeze.amount')?.message.zh).toBe('请填写正数金额，例如 15000.50。');
    expect(find(issues, 'details.freeze.currency')?.message.en).toBe(
      'Use a three-letter ISO 4217 code such as CNY or USD.',
    );
    expect(missing('freeze_assets', { freeze: { ...funds, amount: '0.00' } }).map((i) => i.path)).toContain(
      'details.freeze.amount',
    );
    expect(missing('freeze_assets', { freeze: { ...funds, amount: '1000', currency: 'USD' } })).toEqual([]);
    const crypto = {
      assetKind: 'crypto' as const,
      account: 'not a wallet',
      institution: 'Binance',
      amount: '1',
      currency: 'usdt',
    };
    expect(paths(missing('freeze_assets', { freeze: crypto }))).toEqual([
      'details.freeze.account',
      'details.freeze.currency',
    ]);
  });

  it('interview: person and role witness or suspect', () => {
    expect(paths(missing('interview'))).toEqual(['details.interview.personName', 'details.interview.role']);
    const wrong = missing('interview', { interview: { personName: 'Li', role: 'victim' as never } });
    expect(find(wrong, 'details.interview.role')?.message.zh).toBe('身份必须为证人或犯罪嫌疑人。');
    expect(missing('interview', { interview: { personName: 'Li', role: 'suspect' } })).toEqual([]);
  });

  it('other and data types need no extra block', () => {
    expect(missing('other')).toEqual([]);
    expect(missing('subscriber_info')).toEqual([]);
  });
});

describe('assertSubmittable', () => {
  it('throws VALIDATION_FAILED (422) carrying every issue', () => {
    const c = { ...validContent('interview'), details: {}, caseRef: '' };
    try {
      assertSubmittable(c, T0);
      expect.unreachable();
    } catch (e) {
      const err = e as AppError;
      expect(err).toBeInstanceOf(AppError);
      expect(err.code).toBe('VALIDATION_FAILED');
      expect(err.status).toBe(422);
      expect(err.issues?.map((i) => i.path)).toEqual([
        'caseRef',
        'details.interview.personName',
        'details.interview.role',
      ]);
    }
  });

  it('passes for complete content', () => {
    expect(() => assertSubmittable(validContent('traffic_data'), T0)).not.toThrow();
  });
});
