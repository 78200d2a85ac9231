// The request form's state, and its conversion to and from the API's draft shape. Date-times are
// typed as wall-clock times in the user's zone (deadline) or in the identifier's own zone.
import type { JsonBody, RequestDetail, User } from '../../api/types';
import { instantToZonedLocal, zonedLocalToIso } from '../../../../src/domain/shared/zones';

export type IdentifierRow = {
  kind: string;
  value: string;
  service: string;
  from: string;
  to: string;
  timeZone: string;
  note: string;
};

export type RequestFormState = {
  type: string;
  requestedParty: string;
  caseRef: string;
  subjectEn: string;
  subjectZh: string;
  crimeCategory: string;
  facts: string;
  dataRequested: string;
  legalBasis: string;
  legalBasisNote: string;
  urgency: string;
  confidentiality: string;
  requestedDeadline: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  identifiers: IdentifierRow[];
  /** Type-specific fields as strings, keyed by their API path under `details.<block>.` */
  details: Record<string, string>;
};

export const DETAIL_BLOCK: Record<string, string | undefined> = {
  preservation: 'preservation',
  expedited_disclosure: 'expeditedDisclosure',
  emergency_disclosure: 'emergency',
  takedown: 'takedown',
  freeze_assets: 'freeze',
  interview: 'interview',
};

export function emptyIdentifier(timeZone: string): IdentifierRow {
  return { kind: 'account', value: '', service: '', from: '', to: '', timeZone, note: '' };
}

export function emptyForm(user: User): RequestFormState {
  return {
    type: 'preservation',
    requestedParty: '',
    caseRef: '',
    subjectEn: '',
    subjectZh: '',
    crimeCategory: '',
    facts: '',
    dataRequested: '',
    legalBasis: '',
    legalBasisNote: '',
    urgency: 'routine',
    confidentiality: 'normal',
    requestedDeadline: '',
    contactName: user.displayName,
    contactEmail: user.email ?? '',
    contactPhone: '',
    identifiers: [emptyIdentifier(user.timeZone)],
    details: {},
  };
}

/** A request's content as a record holds it, or as an exercise inject does (every field but the type optional). */
export type RequestContentLike = { type: string } & Partial<
  Pick<
    RequestDetail,
    | 'requestedParty'
    | 'caseRef'
    | 'subject'
    | 'crimeCategory'
    | 'facts'
    | 'dataRequested'
    | 'legalBasis'
    | 'legalBasisNote'
    | 'urgency'
    | 'confidentiality'
    | 'requestedDeadline'
    | 'contactOfficer'
    | 'identifiers'
    | 'details'
  >
>;

/** A datetime-local input's value for a stored instant (empty when there is none). */
const inputValue = (at: string | null | undefined, zone: string): string => (at ? instantToZonedLocal(at, zone) : '');

export function formFromContent(r: RequestContentLike, timeZone: string): RequestFormState {
  const block = DETAIL_BLOCK[r.type];
  const raw =
    (block ? (r.details as Record<string, Record<string, unknown> | undefined> | undefined)?.[block] : undefined) ?? {};
  const details: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw))
    details[k] = Array.isArray(v) ? v.join('\n') : typeof v === 'boolean' ? (v ? 'true' : '') : String(v ?? '');
  return {
    type: r.type,
    requestedParty: r.requestedParty ?? '',
    caseRef: r.caseRef ?? '',
    subjectEn: r.subject?.en ?? '',
    subjectZh: r.subject?.zh ?? '',
    crimeCategory: r.crimeCategory ?? '',
    facts: r.facts ?? '',
    dataRequested: r.dataRequested ?? '',
    legalBasis: r.legalBasis ?? '',
    legalBasisNote: r.legalBasisNote ?? '',
    urgency: r.urgency ?? 'routine',
    confidentiality: r.confidentiality ?? 'normal',
    requestedDeadline: inputValue(r.requestedDeadline, timeZone),
    contactName: r.contactOfficer?.name ?? '',
    contactEmail: r.contactOfficer?.email ?? '',
    contactPhone: r.contactOfficer?.phone ?? '',
    identifiers: (r.identifiers ?? []).map((i) => {
      const zone = i.timeZone ?? timeZone;
      return {
        kind: i.kind,
        value: i.value,
        service: i.service ?? '',
        note: i.note ?? '',
        timeZone: zone,
        from: inputValue(i.from, zone),
        to: inputValue(i.to, zone),
      };
    }),
    details,
  };
}

function detailsPayload(form: RequestFormState): Record<string, unknown> {
  const block = DETAIL_BLOCK[form.type];
  if (!block) return {};
  const d = form.details;
  const s = (k: string) => d[k]?.trim() ?? '';
  const opt = (k: string) => (s(k) ? s(k) : undefined);
  switch (form.type) {
    case 'preservation':
      return { preservation: { dataToPreserve: s('dataToPreserve'), provider: s('provider') } };
    case 'expedited_disclosure':
      return { expeditedDisclosure: { preservationReference: s('preservationReference') } };
    case 'emergency_disclosure':
      return { emergency: { threatDescription: s('threatDescription') } };
    case 'takedown':
      return {
        takedown: {
          urls: s('urls')
            .split('\n')
            .map((u) => u.trim())
            .filter(Boolean),
          ...(s('contentKind') ? { contentKind: s('contentKind') } : {}),
          hostingProvider: opt('hostingProvider'),
        },
      };
    case 'freeze_assets':
      return {
        freeze: {
          ...(s('assetKind') ? { assetKind: s('assetKind') } : {}),
          account: s('account'),
          institution: s('institution'),
          amount: s('amount'),
          currency: s('currency').toUpperCase(),
        },
      };
    case 'interview':
      return {
        interview: {
          personName: s('personName'),
          ...(s('role') ? { role: s('role') } : {}),
          language: opt('language'),
          videoConference: d.videoConference === 'true',
          questions: opt('questions'),
        },
      };
    default:
      return {};
  }
}

/** The body of POST /requests (and PATCH): every field, so a draft saves what was typed. */
/**
 * The body of a create/edit. Select values are held as strings by the form; the route's schema is the
 * authority on them (an unknown value comes back as a field error), so the body is typed as the
 * route declares it here, once, rather than at every call.
 */
export function formToPayload(form: RequestFormState, timeZone: string): JsonBody<'/api/requests', 'post'> {
  return {
    type: form.type,
    requestedParty: form.requestedParty.trim(),
    caseRef: form.caseRef.trim(),
    subject: { en: form.subjectEn.trim(), zh: form.subjectZh.trim() },
    crimeCategory: form.crimeCategory || null,
    facts: form.facts,
    dataRequested: form.dataRequested,
    legalBasis: form.legalBasis || null,
    legalBasisNote: form.legalBasisNote,
    urgency: form.urgency,
    confidentiality: form.confidentiality,
    requestedDeadline: form.requestedDeadline ? zonedLocalToIso(form.requestedDeadline, timeZone) : null,
    contactOfficer: { name: form.contactName.trim(), email: form.contactEmail.trim(), phone: form.contactPhone.trim() },
    identifiers: form.identifiers
      .filter((i) => i.value.trim() !== '')
      .map((i) => ({
        kind: i.kind,
        value: i.value.trim(),
        ...(i.service.trim() ? { service: i.service.trim() } : {}),
        ...(i.note.trim() ? { note: i.note.trim() } : {}),
        ...(i.from ? { from: zonedLocalToIso(i.from, i.timeZone) ?? undefined } : {}),
        ...(i.to ? { to: zonedLocalToIso(i.to, i.timeZone) ?? undefined } : {}),
        ...(i.from || i.to ? { timeZone: i.timeZone } : {}),
      })),
    details: detailsPayload(form),
  } as JsonBody<'/api/requests', 'post'>;
}

/** An exercise inject's request: the form's content without a requested party (the inject's target is). */
export function formToInjectRequest(
  form: RequestFormState,
  timeZone: string,
): Omit<JsonBody<'/api/requests', 'post'>, 'requestedParty'> {
  const { requestedParty: _targetOfTheInject, ...content } = formToPayload(form, timeZone);
  return content;
}
