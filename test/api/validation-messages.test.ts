// What a person reads when a form is refused (issue "officer's UI", item 3): every field issue in
// both languages and written for people — never Zod's "Too small: expected string to have >=1
// characters" nor English inside the Chinese text — and an empty form names every missing field
// on the first try, not one at a time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/test-app.js';

type Issue = { path: string; code: string; message: { en: string; zh: string } };

/** Words a person should never read: Zod's developer texts and type names. */
const DEVELOPER_WORDS = /Too small|Too big|Invalid input|expected|received|undefined|null|>=|<=|string|字段无效/;

function expectReadable(issues: Issue[]): void {
  expect(issues.length).toBeGreaterThan(0);
  for (const i of issues) {
    expect(i.message.en, i.path).not.toMatch(DEVELOPER_WORDS);
    expect(i.message.zh, i.path).not.toMatch(DEVELOPER_WORDS);
    expect(i.message.zh, i.path).toMatch(/\p{Script=Han}/u);
    // Chinese text carries no English words (codes such as TLP or e-mail examples aside).
    expect(
      i.message.zh.replace(/name@example\.org|https?:\/\/\S+|us-fbi|us-demo|SHA-256|IP|CN|US/g, ''),
      i.path,
    ).not.toMatch(/[A-Za-z]{3,}/);
  }
}

describe('validation messages people read', () => {
  let t: TestApp;
  let investigator: string;
  let duty: string;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp('embedded');
    investigator = (await t.userWith(['investigator'])).token;
    duty = (await t.userWith(['point_of_contact'])).token;
    admin = (await t.userWith(['admin'])).token;
  });
  afterAll(async () => {
    await t?.close();
  });

  const post = (token: string | null, url: string, payload: object) =>
    t.app.inject({ method: 'POST', url, headers: token ? bearer(token) : {}, payload, remoteAddress: '198.51.100.7' });

  it('an empty request names every missing field on the first submit, the requested party included', async () => {
    const empty = {
      type: 'preservation',
      requestedParty: '',
      caseRef: '',
      subject: { en: '', zh: '' },
      crimeCategory: null,
      facts: '',
      dataRequested: '',
      legalBasis: null,
      legalBasisNote: '',
      urgency: 'routine',
      confidentiality: 'normal',
      requestedDeadline: null,
      contactOfficer: { name: '', email: '', phone: '' },
      identifiers: [],
      details: { preservation: { dataToPreserve: '', provider: '' } },
    };
    const draft = await post(investigator, '/api/requests', empty);
    expect(draft.statusCode, draft.body).toBe(201);
    const submit = await post(investigator, `/api/requests/${draft.json().id}/actions`, { action: 'submit' });
    expect(submit.statusCode).toBe(422);
    const issues = submit.json().error.issues as Issue[];
    expect(issues.map((i) => i.path)).toEqual(
      expect.arrayContaining([
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
        'identifiers',
        'details.preservation.dataToPreserve',
        'details.preservation.provider',
      ]),
    );
    expectReadable(issues);
  });

  it('an empty hotline call names the agency, the message, the callback name and a way to call back at once', async () => {
    const res = await post(duty, '/api/calls', {
      toParty: '',
      topic: 'other',
      urgency: 'routine',
      message: '',
      language: 'en',
      callback: { name: '', phone: '', email: '', timeZone: 'UTC' },
    });
    expect(res.statusCode).toBe(422);
    const issues = res.json().error.issues as Issue[];
    expect(issues.map((i) => i.path).sort()).toEqual(['callback.name', 'callback.phone', 'message', 'toParty']);
    expectReadable(issues);
  });

  it('shape rules speak for people: blank, too long, not a number, a pattern, an unknown option', async () => {
    const user = await post(admin, '/api/users', { username: 'Bad Name', displayName: '', roles: [], password: '' });
    expect(user.statusCode).toBe(400);
    const issues = user.json().error.issues as Issue[];
    expect(Object.fromEntries(issues.map((i) => [i.path, i.message.zh]))).toEqual({
      'body.username': expect.stringContaining('小写字母'),
      'body.displayName': '请填写此项。',
      'body.roles': '请至少添加或选择一项。',
      'body.password': '请填写此项。',
    });
    expectReadable(issues);

    const kase = await post(investigator, '/api/cases', {
      title: { en: 'x'.repeat(201), zh: '案' },
      crimeCategories: ['no_such'],
      tlp: 'AMBER',
    });
    expect(kase.statusCode).toBe(400);
    const caseIssues = kase.json().error.issues as Issue[];
    expect(caseIssues.find((i) => i.path === 'body.title.en')?.message).toEqual({
      en: 'Use at most 200 characters (now 201).',
      zh: '最多 200 个字符（现有 201 个）。',
    });
    expect(caseIssues.find((i) => i.path.startsWith('body.crimeCategories'))?.message.zh).toBe('请从选项中选择一项。');
    expectReadable(caseIssues);
  });

  it('an empty case, meeting or user names every missing field on the first submit', async () => {
    const kase = await post(investigator, '/api/cases', {
      title: { en: '', zh: '' },
      summary: { en: '', zh: '' },
      crimeCategories: [],
      tlp: 'AMBER',
      confidentiality: 'normal',
    });
    expect(kase.statusCode).toBe(422);
    expect((kase.json().error.issues as Issue[]).map((i) => i.path).sort()).toEqual(['crimeCategories', 'title']);
    expectReadable(kase.json().error.issues);

    const supervisor = (await t.userWith(['supervisor'])).token;
    const meeting = await post(supervisor, '/api/dialogue/meetings', {
      title: { en: '', zh: '' },
      kind: 'bilateral',
      location: null,
      startsAt: '',
      endsAt: '',
      parties: [],
      participants: [],
      agenda: [],
    });
    expect(meeting.statusCode).toBe(400);
    const meetingIssues = meeting.json().error.issues as Issue[];
    expect(meetingIssues.map((i) => i.path)).toEqual(
      expect.arrayContaining([
        'body.title.en',
        'body.title.zh',
        'body.startsAt',
        'body.endsAt',
        'body.parties',
        'body.participants',
      ]),
    );
    expect(meetingIssues.find((i) => i.path === 'body.startsAt')?.message.zh).toBe('请填写此项。');
    expectReadable(meetingIssues);
  });

  it('the victim form says to write the amount as a number, in the victim’s language', async () => {
    const res = await post(null, '/api/public/reports', {
      category: 'fraud',
      narrative: '有人冒充客服骗我转账五万二千元到安全账户。',
      language: 'zh',
      amountLost: 'five thousand',
    });
    expect(res.statusCode).toBe(400);
    const issues = res.json().error.issues as Issue[];
    expect(issues).toEqual([
      {
        path: 'body.amountLost',
        code: 'invalid_type',
        message: { en: 'Enter the amount as a number, e.g. 5000.', zh: '请用数字填写金额，例如 5000。' },
      },
    ]);
  });
});
