// Prefilled drafts that turn a call into a request for assistance or a case (docs/spec.md §3.3).
// The service creates the request/case from the draft, then applies link_request / link_case.
import type { Bilingual } from '../../error-types.js';
import type { CallLanguage, CallUrgency, CrimeCategoryGuess, RequestTypeGuess } from './topics.js';
import { CALL_TOPIC_LABELS, TOPIC_CRIME_CATEGORY, TOPIC_REQUEST_TYPE } from './topics.js';
import type { CallRecord } from './types.js';

export type RequestDraftFromCall = {
  requestType: RequestTypeGuess;
  /** The caller asked for help, so the caller is the requesting party. */
  requestingParty: string;
  requestedParty: string;
  subject: Bilingual;
  facts: string;
  factsLanguage: CallLanguage;
  urgency: CallUrgency;
  crimeCategory: CrimeCategoryGuess;
  contactOfficer: { name: string; phone: string | null; email: string | null; timeZone: string };
  sourceCallId: string;
  sourceCallReference: string;
};

export type CaseDraftFromCall = {
  title: Bilingual;
  crimeCategories: CrimeCategoryGuess[];
  leadParty: string;
  participatingParties: string[];
  summary: string;
  summaryLanguage: CallLanguage;
  urgency: CallUrgency;
  linkedCallIds: string[];
  sourceCallReference: string;
};

function subjectOf(call: CallRecord): Bilingual {
  const label = CALL_TOPIC_LABELS[call.topic];
  return {
    en: `${label.en} (hotline call ${call.reference})`,
    zh: `${label.zh}（热线呼叫 ${call.reference}）`,
  };
}

/** The call's message plus what was answered, so nothing said on the hotline is lost. */
function factsOf(call: CallRecord): string {
  const header =
    call.language === 'zh'
      ? `热线呼叫 ${call.reference}，${call.placedBy}（${call.fromParty}）于 ${call.placedAt} 发出：`
      : `Hotline call ${call.reference} placed by ${call.placedBy} (${call.fromParty}) at ${call.placedAt}:`;
  const parts = [header, call.message];
  if (call.answer) {
    parts.push(
      call.language === 'zh'
        ? `${call.answeredBy ?? call.toParty}（${call.toParty}）答复：\n${call.answer}`
        : `Answer from ${call.answeredBy ?? call.toParty} (${call.toParty}):\n${call.answer}`,
    );
  }
  return parts.join('\n\n');
}

export function draftRequestFromCall(call: CallRecord): RequestDraftFromCall {
  return {
    requestType: TOPIC_REQUEST_TYPE[call.topic],
    requestingParty: call.fromParty,
    requestedParty: call.toParty,
    subject: subjectOf(call),
    facts: factsOf(call),
    factsLanguage: call.language,
    urgency: call.urgency,
    crimeCategory: TOPIC_CRIME_CATEGORY[call.topic],
    contactOfficer: { ...call.callback },
    sourceCallId: call.id,
    sourceCallReference: call.reference,
  };
}

/** `leadParty` is the node opening the case; by default the caller, who reported the matter. */
export function draftCaseFromCall(call: CallRecord, leadParty: string = call.fromParty): CaseDraftFromCall {
  const others = [call.fromParty, call.toParty].filter((p) => p !== leadParty);
  return {
    title: subjectOf(call),
    crimeCategories: [TOPIC_CRIME_CATEGORY[call.topic]],
    leadParty,
    participatingParties: [leadParty, ...others],
    summary: factsOf(call),
    summaryLanguage: call.language,
    urgency: call.urgency,
    linkedCallIds: [call.id],
    sourceCallReference: call.reference,
  };
}
