import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.js';
import { allowedCaseActions, applyCaseAction } from './case-machine.js';
import type { CaseAction } from './case-machine.js';
import type { CaseStatus } from './case-types.js';
import { formatCaseReference } from './case-types.js';
import { createCase } from './case-validation.js';
import {
  LOCAL,
  NOW,
  PEER_EU,
  PEER_US,
  admin,
  buildCase,
  codeOf,
  lead,
  member,
  outsider,
  outsiderSupervisor,
  supervisor,
  system,
  viewer,
} from './test-fixtures.js';

const LATER = new Date(NOW.getTime() + 60_000);

describe('createCase', () => {
  const ctx = { id: 'case-9', generatedReference: 'CN-2025-000009', localParty: LOCAL };

  it('makes the creator the lead, applies defaults and emits case.created', () => {
    const { record, events } = createCase(
      { title: { zh: '勒索软件攻击' }, crimeCategories: ['ransomware'], participatingParties: [PEER_US] },
      lead,
      NOW,
      ctx,
    );
    expect(record).toMatchObject({
      id: 'case-9',
      reference: 'CN-2025-000009',
      status: 'open',
      leadParty: LOCAL,
      originParty: LOCAL,
      participatingParties: [LOCAL, PEER_US],
      tlp: 'AMBER',
      confidentiality: 'normal',
      version: 1,
      closedAt: null,
      title: { en: '', zh: '勒索软件攻击' },
    });
    expect(record.members).toEqual([
      { userId: lead.userId, caseRole: 'lead', addedAt: NOW.toISOString(), addedBy: lead.userId },
    ]);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'case.created',
      at: NOW.toISOString(),
      actor: lead.name,
      actorId: lead.userId,
    });
  });

  it('keeps a reference given by the user and a lead party that is not local', () => {
    const { record } = createCase(
      { reference: ' 京公网安[2025]12号 ', title: { en: 'x' }, crimeCategories: ['csam'], leadParty: PEER_EU },
      lead,
      NOW,
      ctx,
    );
    expect(record.reference).toBe('京公网安[2025]12号');
    expect(record.leadParty).toBe(PEER_EU);
    expect(record.participatingParties).toEqual([PEER_EU, LOCAL]);
  });

  it.each([
    [{ title: {}, crimeCategories: ['online_fraud'] }, 'CASE_TITLE_REQUIRED'],
    [{ title: { en: '   ' }, crimeCategories: ['online_fraud'] }, 'CASE_TITLE_REQUIRED'],
    [{ title: { en: 'x'.repeat(201) }, crimeCategories: ['online_fraud'] }, 'CASE_TITLE_TOO_LONG'],
    [{ title: { en: 'x' }, crimeCategories: [] }, 'CASE_CATEGORY_REQUIRED'],
    [{ title: { en: 'x' }, crimeCategories: ['piracy'] }, 'CASE_CATEGORY_UNKNOWN'],
    [{ title: { en: 'x' }, crimeCategories: ['csam', 'csam'] }, 'CASE_CATEGORY_DUPLICATE'],
    [{ title: { en: 'x' }, crimeCategories: ['csam'], reference: 'a\u0007b' }, 'CASE_REFERENCE_INVALID'],
    [{ title: { en: 'x' }, crimeCategories: ['csam'], summary: { en: 'x'.repeat(10_001) } }, 'CASE_SUMMARY_TOO_LONG'],
    [
      {
        title: { en: 'x' },
        crimeCategories: ['csam'],
        members: [{ userId: 'ro', caseRole: 'member', userRoles: ['read_only'] }],
      },
      'CASE_ROLE_NOT_ALLOWED',
    ],
  ])('refuses invalid input %#', (input, issueCode) => {
    try {
      createCase(input as never, lead, NOW, ctx);
      expect.unreachable();
    } catch (e) {
      expect((e as AppError).code).toBe('CASE_INVALID');
      expect((e as AppError).issues?.map((i) => i.code)).toContain(issueCode);
      expect((e as AppError).issues?.[0]?.message.zh).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('lets the system create a case only with a named lead', () => {
    expect(codeOf(() => createCase({ title: { en: 'x' }, crimeCategories: ['other'] }, system, NOW, ctx))).toBe(
      'CASE_INVALID',
    );
    const { record } = createCase(
      {
        title: { en: 'x' },
        crimeCategories: ['other'],
        members: [{ userId: 'u1', caseRole: 'lead', userRoles: ['point_of_contact'] }],
      },
      system,
      NOW,
      ctx,
    );
    expect(record.members.map((m) => m.caseRole)).toEqual(['lead']);
  });

  it('refuses creation by users without a case-work role', () => {
    for (const a of [viewer, admin])
      expect(codeOf(() => createCase({ title: { en: 'x' }, crimeCategories: ['other'] }, a, NOW, ctx))).toBe(
        'CASE_FORBIDDEN',
      );
  });

  it('formats generated references', () => {
    expect(formatCaseReference('cn', NOW, 42)).toBe('CN-2025-000042');
  });
});

const STATUSES: CaseStatus[] = ['open', 'active', 'suspended', 'closed'];
const STATUS_ACTIONS = {
  activate: { from: ['open'], to: 'active' },
  suspend: { from: ['active'], to: 'suspended' },
  resume: { from: ['suspended'], to: 'active' },
  close: { from: ['open', 'active', 'suspended'], to: 'closed' },
  reopen: { from: ['closed'], to: 'active' },
} as const;

describe('case status transitions', () => {
  for (const [action, spec] of Object.entries(STATUS_ACTIONS)) {
    for (const status of STATUSES) {
      const allowed = (spec.from as readonly string[]).includes(status);
      it(`${action} from ${status} is ${allowed ? 'allowed' : 'refused'}`, () => {
        const kase = buildCase({ status, closedAt: status === 'closed' ? NOW.toISOString() : null });
        const params = { reason: 'Suspect arrested', note: 'n' };
        const actor = action === 'reopen' ? supervisor : lead;
        if (!allowed) {
          expect(codeOf(() => applyCaseAction(kase, action as CaseAction, actor, LATER, params as never))).toBe(
            'CASE_INVALID_TRANSITION',
          );
          return;
        }
        const { record, events } = applyCaseAction(kase, action as CaseAction, actor, LATER, params as never);
        expect(record.status).toBe(spec.to);
        expect(record.version).toBe(2);
        expect(record.updatedAt).toBe(LATER.toISOString());
        expect(record.closedAt).toBe(spec.to === 'closed' ? LATER.toISOString() : null);
        expect(events).toHaveLength(1);
        expect(events[0]!.data).toMatchObject({ caseId: 'case-1', from: status, to: spec.to });
        expect(kase.status).toBe(status); // input untouched
      });
    }
  }

  it.each(['suspend', 'close', 'reopen'] as const)('%s requires a reason', (action) => {
    const kase = buildCase({ status: action === 'suspend' ? 'active' : action === 'reopen' ? 'closed' : 'open' });
    const actor = action === 'reopen' ? supervisor : lead;
    expect(codeOf(() => applyCaseAction(kase, action, actor, LATER, { reason: '  ' }))).toBe('CASE_INVALID');
    const { record } = applyCaseAction(kase, action, actor, LATER, { reason: ' Duplicate of CN-2025-000002 ' });
    expect(record.statusReason).toBe('Duplicate of CN-2025-000002');
  });

  it('reopening needs a supervisor who is a member', () => {
    const closed = buildCase({ status: 'closed' });
    expect(codeOf(() => applyCaseAction(closed, 'reopen', lead, LATER, { reason: 'new lead' }))).toBe('CASE_FORBIDDEN');
    expect(codeOf(() => applyCaseAction(closed, 'reopen', outsiderSupervisor, LATER, { reason: 'new lead' }))).toBe(
      'CASE_FORBIDDEN',
    );
    expect(applyCaseAction(closed, 'reopen', supervisor, LATER, { reason: 'new lead' }).record.status).toBe('active');
  });

  it('status changes are for the lead or a supervisor member, not plain members or viewers', () => {
    const open = buildCase();
    expect(codeOf(() => applyCaseAction(open, 'activate', member, LATER, undefined))).toBe('CASE_FORBIDDEN');
    expect(codeOf(() => applyCaseAction(open, 'activate', viewer, LATER, undefined))).toBe('CASE_FORBIDDEN');
    expect(codeOf(() => applyCaseAction(open, 'close', admin, LATER, { reason: 'x' }))).toBe('CASE_FORBIDDEN');
    expect(applyCaseAction(open, 'activate', supervisor, LATER, undefined).record.status).toBe('active');
  });
});

describe('edits by status', () => {
  const EDITS: [CaseAction, object][] = [
    ['update', { title: { en: 'New title' } }],
    ['link_request', { requestId: 'req-1' }],
    ['link_call', { callId: 'call-1' }],
    ['add_party', { partyId: PEER_EU }],
  ];
  for (const status of STATUSES) {
    for (const [action, params] of EDITS) {
      it(`${action} on a ${status} case is ${status === 'closed' ? 'refused (CASE_CLOSED)' : 'allowed'}`, () => {
        const run = () => applyCaseAction(buildCase({ status }), action, lead, LATER, params as never);
        if (status === 'closed') expect(codeOf(run)).toBe('CASE_CLOSED');
        else expect(run().record.version).toBe(2);
      });
    }
    it(`membership can change on a ${status} case`, () => {
      const { record } = applyCaseAction(buildCase({ status }), 'add_member', admin, LATER, {
        userId: 'u-new',
        caseRole: 'viewer',
        userRoles: ['auditor'],
      });
      expect(record.members.at(-1)).toMatchObject({ userId: 'u-new', caseRole: 'viewer', addedBy: admin.userId });
    });
  }
});

describe('members', () => {
  const kase = buildCase();
  it('adds, changes and removes members with events', () => {
    const a = applyCaseAction(kase, 'add_member', lead, LATER, {
      userId: 'u-x',
      caseRole: 'member',
      userRoles: ['investigator'],
    });
    expect(a.events[0]).toMatchObject({ type: 'case.member_added', data: { userId: 'u-x', caseRole: 'member' } });
    const b = applyCaseAction(a.record, 'set_member_role', lead, LATER, {
      userId: 'u-x',
      caseRole: 'lead',
      userRoles: ['investigator'],
    });
    expect(b.events[0]).toMatchObject({ type: 'case.member_role_changed', data: { from: 'member', to: 'lead' } });
    const c = applyCaseAction(b.record, 'remove_member', lead, LATER, { userId: lead.userId });
    expect(c.record.members.find((m) => m.userId === lead.userId)).toBeUndefined();
    expect(c.record.version).toBe(4);
  });
  it.each([
    ['add_member', { userId: member.userId, caseRole: 'viewer', userRoles: ['analyst'] }, 'CASE_MEMBER_EXISTS'],
    ['add_member', { userId: 'ro', caseRole: 'member', userRoles: ['read_only'] }, 'CASE_INVALID'],
    ['add_member', { userId: 'adm', caseRole: 'lead', userRoles: ['admin'] }, 'CASE_INVALID'],
    ['remove_member', { userId: 'nobody' }, 'CASE_MEMBER_NOT_FOUND'],
    ['remove_member', { userId: lead.userId }, 'CASE_LAST_LEAD'],
    ['set_member_role', { userId: lead.userId, caseRole: 'member', userRoles: ['investigator'] }, 'CASE_LAST_LEAD'],
    ['set_member_role', { userId: 'nobody', caseRole: 'member', userRoles: ['investigator'] }, 'CASE_MEMBER_NOT_FOUND'],
    ['set_member_role', { userId: viewer.userId, caseRole: 'member', userRoles: ['read_only'] }, 'CASE_INVALID'],
  ] as const)('%s %j → %s', (action, params, code) => {
    expect(codeOf(() => applyCaseAction(kase, action, lead, LATER, params as never))).toBe(code);
  });
  it('setting the same role is a no-op', () => {
    const r = applyCaseAction(kase, 'set_member_role', lead, LATER, {
      userId: member.userId,
      caseRole: 'member',
      userRoles: ['analyst'],
    });
    expect(r.record).toBe(kase);
    expect(r.events).toEqual([]);
  });
  it('plain members and non-member investigators cannot manage membership; admins can', () => {
    const p = { userId: 'u-y', caseRole: 'viewer', userRoles: ['analyst'] } as const;
    expect(codeOf(() => applyCaseAction(kase, 'add_member', member, LATER, p))).toBe('CASE_FORBIDDEN');
    expect(codeOf(() => applyCaseAction(kase, 'add_member', outsider, LATER, p))).toBe('CASE_FORBIDDEN');
    expect(codeOf(() => applyCaseAction(kase, 'add_member', admin, LATER, p))).toBe('none');
  });
});

describe('links and parties', () => {
  const kase = buildCase({ linkedRequestIds: ['req-1'], linkedCallIds: ['call-1'] });
  it.each([
    ['link_request', { requestId: 'req-1' }, 'CASE_LINK_EXISTS'],
    ['unlink_request', { requestId: 'req-2' }, 'CASE_LINK_NOT_FOUND'],
    ['link_call', { callId: 'call-1' }, 'CASE_LINK_EXISTS'],
    ['unlink_call', { callId: 'call-2' }, 'CASE_LINK_NOT_FOUND'],
    ['add_party', { partyId: PEER_US }, 'CASE_PARTY_EXISTS'],
    ['remove_party', { partyId: LOCAL }, 'CASE_LEAD_PARTY_REQUIRED'],
    ['remove_party', { partyId: PEER_EU }, 'CASE_PARTY_NOT_FOUND'],
  ] as const)('%s %j → %s', (action, params, code) => {
    expect(codeOf(() => applyCaseAction(kase, action, lead, LATER, params as never))).toBe(code);
  });
  it('links and unlinks requests and calls, and adds and removes parties', () => {
    expect(
      applyCaseAction(kase, 'link_request', member, LATER, { requestId: 'req-2' }).record.linkedRequestIds,
    ).toEqual(['req-1', 'req-2']);
    expect(
      applyCaseAction(kase, 'unlink_request', member, LATER, { requestId: 'req-1' }).record.linkedRequestIds,
    ).toEqual([]);
    const c = applyCaseAction(kase, 'link_call', system, LATER, { callId: 'call-2' });
    expect(c.events[0]).toMatchObject({ type: 'case.call_linked', actorId: 'system', data: { callId: 'call-2' } });
    expect(applyCaseAction(kase, 'unlink_call', member, LATER, { callId: 'call-1' }).record.linkedCallIds).toEqual([]);
    expect(applyCaseAction(kase, 'add_party', lead, LATER, { partyId: PEER_EU }).record.participatingParties).toContain(
      PEER_EU,
    );
    expect(
      applyCaseAction(kase, 'remove_party', lead, LATER, { partyId: PEER_US }).record.participatingParties,
    ).toEqual([LOCAL]);
  });
  it('viewers cannot link and members cannot change parties', () => {
    expect(codeOf(() => applyCaseAction(kase, 'link_request', viewer, LATER, { requestId: 'r' }))).toBe(
      'CASE_FORBIDDEN',
    );
    expect(codeOf(() => applyCaseAction(kase, 'add_party', member, LATER, { partyId: PEER_EU }))).toBe(
      'CASE_FORBIDDEN',
    );
  });
});

describe('update', () => {
  const kase = buildCase();
  it('records which fields changed', () => {
    const { record, events } = applyCaseAction(kase, 'update', member, LATER, {
      title: { en: 'Renamed' },
      crimeCategories: ['online_fraud', 'bec_phishing'],
    });
    expect(record.title).toEqual({ en: 'Renamed', zh: kase.title.zh });
    expect(events[0]).toMatchObject({ type: 'case.updated', data: { fields: ['title', 'crimeCategories'] } });
  });
  it('an update that changes nothing emits nothing', () => {
    const r = applyCaseAction(kase, 'update', member, LATER, { crimeCategories: ['online_fraud'] });
    expect(r.events).toEqual([]);
    expect(r.record).toBe(kase);
  });
  it('changing TLP or confidentiality needs the lead or a supervisor', () => {
    expect(codeOf(() => applyCaseAction(kase, 'update', member, LATER, { tlp: 'GREEN' }))).toBe('CASE_FORBIDDEN');
    expect(codeOf(() => applyCaseAction(kase, 'update', member, LATER, { confidentiality: 'normal' }))).toBe('none');
    expect(
      applyCaseAction(kase, 'update', lead, LATER, { tlp: 'GREEN', confidentiality: 'secret' }).record,
    ).toMatchObject({ tlp: 'GREEN', confidentiality: 'secret' });
  });
  it('refuses invalid fields', () => {
    expect(codeOf(() => applyCaseAction(kase, 'update', member, LATER, { title: { en: '', zh: '' } }))).toBe(
      'CASE_INVALID',
    );
  });
});

describe('allowedCaseActions', () => {
  it('depends on status and actor', () => {
    const open = buildCase();
    expect(allowedCaseActions(open, lead)).toEqual(
      expect.arrayContaining(['activate', 'close', 'update', 'add_member', 'add_party']),
    );
    expect(allowedCaseActions(open, lead)).not.toContain('reopen');
    expect(allowedCaseActions(open, viewer)).toEqual([]);
    expect(allowedCaseActions(open, admin)).toEqual(['add_member', 'remove_member', 'set_member_role']);
    expect(allowedCaseActions(open, member)).toEqual([
      'update',
      'link_request',
      'unlink_request',
      'link_call',
      'unlink_call',
    ]);
    expect(allowedCaseActions(buildCase({ status: 'closed' }), supervisor)).toEqual([
      'reopen',
      'add_member',
      'remove_member',
      'set_member_role',
    ]);
  });
  it('refusals carry the allowed list for the UI', () => {
    try {
      applyCaseAction(buildCase(), 'resume', lead, LATER, undefined);
      expect.unreachable();
    } catch (e) {
      expect((e as AppError).status).toBe(409);
      expect((e as AppError).details).toMatchObject({ status: 'open', action: 'resume' });
      expect((e as AppError).details?.allowed).toContain('activate');
    }
  });
});
