// Starting content for a new inject of each kind in the scenario editor (edited before saving).
import type { Inject } from '../../api/exercise-types';

export type InjectKind = Inject['kind'];
/** The editor's working copy of an inject: the request content is edited as JSON text. */
export type InjectDraft = Inject & { requestJson?: string };

const PRESERVATION = {
  type: 'preservation', urgency: 'urgent', confidentiality: 'confidential', caseRef: 'EX-2026-001',
  subject: { en: 'Preserve accounts used by the ransomware gang', zh: '保全勒索团伙使用的账户' },
  crimeCategory: 'ransomware',
  facts: 'Exercise scenario: a hospital was encrypted; the ransom note names these accounts.',
  dataRequested: 'Subscriber records and login IP logs of the accounts listed.',
  identifiers: [{ kind: 'email', value: 'decrypt.help@example.com', service: 'Example Mail' }],
  legalBasis: 'coe_budapest_art29',
  contactOfficer: { name: 'Exercise desk', email: 'exercise.desk@example.gov', phone: '+86 10 5555 0101' },
  details: { preservation: { dataToPreserve: 'Mailbox content, subscriber information, IP logs', provider: 'Example Mail Inc.' } },
};

export function newInject(kind: InjectKind, party: string, offsetMinutes: number): InjectDraft {
  const base = { id: '', party, offsetMinutes, title: { en: '', zh: '' } };
  if (kind === 'call') {
    return {
      ...base, kind, urgency: 'emergency', topic: 'ransomware_incident', text: { en: '', zh: '' },
      callback: { name: '', phone: '', email: null, timeZone: 'UTC' },
    } as InjectDraft;
  }
  if (kind === 'request') {
    return { ...base, kind, request: PRESERVATION, requestJson: JSON.stringify(PRESERVATION, null, 2) } as unknown as InjectDraft;
  }
  return { ...base, kind, text: { en: '', zh: '' } };
}

/** The API body of one inject: the JSON text parsed back (left as text when it does not parse, so the server names the problem). */
export function injectBody(d: InjectDraft): unknown {
  const { requestJson, id, ...rest } = d;
  const withId = id ? { ...rest, id } : rest;
  if (d.kind !== 'request') return withId;
  try {
    return { ...withId, request: JSON.parse(requestJson ?? '{}') as unknown };
  } catch {
    return { ...withId, request: requestJson };
  }
}
