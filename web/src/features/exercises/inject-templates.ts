// Starting content for a new inject of each kind in the scenario editor (edited before saving), and
// the conversions between an inject and the editor's working copy of it.
import type { Inject } from '../../api/exercise-types';
import type { JsonBody } from '../../api/types';
import {
  formFromContent,
  formToInjectRequest,
  type RequestContentLike,
  type RequestFormState,
} from '../requests/request-form-state';

export type InjectKind = Inject['kind'];
/** An inject as the scenario routes take it. */
export type InjectBody = JsonBody<'/api/exercises/scenarios', 'post'>['injects'][number];
/** The editor's working copy of an inject: a request inject's content is edited in the request form. */
export type InjectDraft = Inject & { requestForm?: RequestFormState };

const PRESERVATION: RequestContentLike = {
  type: 'preservation',
  urgency: 'urgent',
  confidentiality: 'confidential',
  caseRef: 'EX-2026-001',
  subject: { en: 'Preserve accounts used by the ransomware gang', zh: '保全勒索团伙使用的账户' },
  crimeCategory: 'ransomware',
  facts: 'Exercise scenario: a hospital was encrypted; the ransom note names these accounts.',
  dataRequested: 'Subscriber records and login IP logs of the accounts listed.',
  identifiers: [{ kind: 'email', value: 'decrypt.help@example.com', service: 'Example Mail' }],
  legalBasis: 'coe_budapest_art29',
  contactOfficer: { name: 'Exercise desk', email: 'exercise.desk@example.gov', phone: '+86 10 5555 0101' },
  details: {
    preservation: { dataToPreserve: 'Mailbox content, subscriber information, IP logs', provider: 'Example Mail Inc.' },
  },
};

export function newInject(kind: InjectKind, party: string, offsetMinutes: number, timeZone: string): InjectDraft {
  const base = { id: '', party, offsetMinutes, title: { en: '', zh: '' } };
  if (kind === 'call') {
    return {
      ...base,
      kind,
      urgency: 'emergency',
      topic: 'ransomware_incident',
      text: { en: '', zh: '' },
      callback: { name: '', phone: '', email: null, timeZone: 'UTC' },
    } as InjectDraft;
  }
  if (kind === 'request') {
    return {
      ...base,
      kind,
      request: PRESERVATION,
      requestForm: formFromContent(PRESERVATION, timeZone),
    } as unknown as InjectDraft;
  }
  return { ...base, kind, text: { en: '', zh: '' } };
}

/** The editor's working copy of a stored inject. */
export function draftOf(inject: Inject, timeZone: string): InjectDraft {
  if (inject.kind !== 'request') return inject;
  return { ...inject, requestForm: formFromContent(inject.request as unknown as RequestContentLike, timeZone) };
}

/** The API body of one inject: a request inject's content comes from its form. */
export function injectBody(d: InjectDraft, timeZone: string): InjectBody {
  const { requestForm, id, ...rest } = d;
  const withId = id ? { ...rest, id } : rest;
  if (withId.kind !== 'request' || !requestForm) return withId;
  return { ...withId, request: formToInjectRequest(requestForm, timeZone) };
}
