// Test-only builders for request records, actors and valid content of every type (used by the *.test.ts files).
import type { Role } from '../shared/roles.js';
import type { Actor, UserActor } from '../shared/actor.js';
import { MINUTE_MS, addMs } from '../shared/time.js';
import type { ActionParams } from './action-params.js';
import { createRequestDraft } from './draft.js';
import { applyRequestAction } from './state-machine.js';
import type { RequestAction, RequestContent, RequestRecord, RequestStatus, RequestType } from './types.js';

export const US = 'node-us';
export const CN = 'node-cn';
export const T0 = new Date('2026-09-01T08:00:00.000Z');

export function user(partyId: string, roles: Role[], name = `${partyId}:${roles.join('+')}`): UserActor {
  return { kind: 'user', userId: name, name, roles, partyId };
}

/** Requesting side (US) and requested side (CN) supervisors: allowed every casework action. */
export const requester = user(US, ['supervisor'], 'US Supervisor');
export const requested = user(CN, ['supervisor'], 'CN Supervisor');

export const at = (minutes: number): Date => addMs(T0, minutes * MINUTE_MS);

const COMMON: Omit<RequestContent, 'type' | 'legalBasis' | 'identifiers' | 'details' | 'urgency'> = {
  requestingParty: US,
  requestedParty: CN,
  caseRef: 'US-2026-0042',
  subject: { en: 'Investment fraud ring using a cloned exchange site', zh: '利用仿冒交易平台实施的投资诈骗团伙' },
  crimeCategory: 'online_fraud',
  facts: 'Victims transferred USD 2.3m to wallets advertised on a cloned exchange site between May and July 2026.',
  dataRequested: 'Subscriber and login records for the account listed.',
  confidentiality: 'confidential',
  requestedDeadline: null,
  contactOfficer: { name: 'Jane Doe', email: 'jane.doe@agency.example.gov', phone: '+1 202 555 0100' },
};

const IP = {
  kind: 'ip' as const,
  value: '203.0.113.7',
  from: '2026-07-01T10:00:00Z',
  to: '2026-07-01T11:00:00Z',
  timeZone: 'Asia/Shanghai',
};
const ACCOUNT = { kind: 'account' as const, value: 'fraudster_88', service: 'WeChat' };

/** A complete, submittable request of each type. */
export function validContent(type: RequestType): RequestContent {
  const base = { ...COMMON, type, urgency: 'routine' as const, identifiers: [ACCOUNT], details: {} };
  switch (type) {
    case 'preservation':
      return {
        ...base,
        legalBasis: 'us_2703f',
        details: { preservation: { dataToPreserve: 'All account data', provider: 'Tencent' } },
      };
    case 'expedited_disclosure':
      return {
        ...base,
        legalBasis: 'coe_budapest_art30',
        identifiers: [IP],
        details: { expeditedDisclosure: { preservationReference: 'US-PRES-7' } },
      };
    case 'subscriber_info':
      return { ...base, legalBasis: 'cn_us_mlaa', identifiers: [ACCOUNT, IP] };
    case 'traffic_data':
      return { ...base, legalBasis: 'coe_budapest_art31', identifiers: [IP] };
    case 'content_data':
      return { ...base, legalBasis: 'cn_us_mlaa' };
    case 'emergency_disclosure':
      return {
        ...base,
        urgency: 'emergency',
        legalBasis: 'coe_p2_art9',
        details: { emergency: { threatDescription: 'Kidnapped victim, ransom deadline tonight.' } },
      };
    case 'takedown':
      return {
        ...base,
        identifiers: [],
        legalBasis: 'bilateral',
        legalBasisNote: 'China–US cybercrime cooperation mechanism',
        details: { takedown: { urls: ['https://cloned-exchange.example/login'], contentKind: 'fraud_site' } },
      };
    case 'freeze_assets':
      return {
        ...base,
        identifiers: [],
        legalBasis: 'cn_us_mlaa',
        details: {
          freeze: {
            assetKind: 'crypto',
            account: 'TQ5vZk1s6Jz3yK7Wm2Hn8Rb4Xc9Pd1Lf0A',
            institution: 'Tron',
            amount: '125000.50',
            currency: 'USDT',
          },
        },
      };
    case 'interview':
      return {
        ...base,
        identifiers: [],
        legalBasis: 'cn_icjal',
        details: { interview: { personName: 'Li Ming', role: 'witness' } },
      };
    case 'other':
      return { ...base, identifiers: [], legalBasis: 'other', legalBasisNote: 'Letter rogatory' };
  }
}

export function draft(content: RequestContent = validContent('preservation'), approvalRequired = false): RequestRecord {
  const { requestingParty: _p, ...input } = content;
  const actor = user(content.requestingParty, ['investigator']);
  return createRequestDraft({ id: 'req-1', reference: 'US-REQ-0001' }, input, actor, T0, approvalRequired).record;
}

export const VALID_PARAMS: { [A in RequestAction]: ActionParams[A] } = {
  submit: {},
  acknowledge: { note: 'Received by duty officer' },
  accept: {},
  request_information: { questions: 'Which time zone are the timestamps in?' },
  provide_information: { information: 'All timestamps are UTC+8.' },
  decline: { reason: 'The conduct is not an offence under our law.' },
  request_approval: { authority: 'Ministry of Justice' },
  record_approval: { decision: 'granted', authority: 'Ministry of Justice', reference: 'MOJ-2026-9' },
  start_work: {},
  partially_fulfil: { evidenceIds: ['ev-1'] },
  fulfil: { evidenceIds: ['ev-2'] },
  close: {},
  withdraw: { reason: 'Suspect identified by other means.' },
  renew_preservation: {},
  propose_clock_override: { values: { responseDueAt: '2026-12-31T00:00:00Z' } },
  agree_clock_override: {},
  reject_clock_override: {},
};

const SIDE_OF_STEP: Partial<Record<RequestAction, Actor>> = {
  submit: requester,
  provide_information: requester,
  withdraw: requester,
  renew_preservation: requester,
  close: requester,
};

/** Applies actions in order, one minute apart, each by the side that owns it (supervisors). */
export function walk(record: RequestRecord, actions: RequestAction[], startMinute = 1): RequestRecord {
  let r = record;
  actions.forEach((a, i) => {
    r = applyRequestAction(r, a, SIDE_OF_STEP[a] ?? requested, at(startMinute + i), VALID_PARAMS[a] as never).record;
  });
  return r;
}

/**
 * A preservation request (2703(f)) in `status`. needs_information is reached from accepted so
 * preservation is running; approval_pending flips approvalRequired on first.
 */
export function recordIn(status: RequestStatus): RequestRecord {
  const d = draft();
  const paths: Record<RequestStatus, RequestAction[]> = {
    draft: [],
    submitted: ['submit'],
    acknowledged: ['submit', 'acknowledge'],
    needs_information: ['submit', 'acknowledge', 'accept', 'request_information'],
    accepted: ['submit', 'acknowledge', 'accept'],
    declined: ['submit', 'acknowledge', 'decline'],
    approval_pending: ['submit', 'acknowledge', 'accept', 'request_approval'],
    in_progress: ['submit', 'acknowledge', 'accept', 'start_work'],
    partially_fulfilled: ['submit', 'acknowledge', 'accept', 'start_work', 'partially_fulfil'],
    fulfilled: ['submit', 'acknowledge', 'accept', 'start_work', 'fulfil'],
    closed: ['submit', 'acknowledge', 'accept', 'start_work', 'fulfil', 'close'],
    withdrawn: ['submit', 'withdraw'],
  };
  return walk(status === 'approval_pending' ? { ...d, approvalRequired: true } : d, paths[status]);
}
