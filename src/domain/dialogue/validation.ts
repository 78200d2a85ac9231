// Rules on meetings, outcomes and action items, each with a bilingual issue.
import type { Bilingual, ValidationIssue } from '../../error-types.js';
import { issue } from '../shared/bilingual.js';
import { DAY_MS } from '../shared/time.js';
import { dueInstant, isCalendarDate } from './clock.js';
import type { MeetingKind, Participant } from './types.js';
import { MEETING_KINDS } from './types.js';

export const TITLE_MAX = 300;
export const TEXT_MAX = 4000;
export const NAME_MAX = 200;
export const REASON_MAX = 1000;
export const AGENDA_MAX_ITEMS = 50;
export const MEETING_MAX_MS = 14 * DAY_MS;

export type MeetingInput = {
  title: Bilingual;
  kind: MeetingKind;
  startsAt: string;
  endsAt: string;
  location: string | null;
  parties: string[];
  participants: Participant[];
  agenda: Bilingual[];
};

export type OutcomeInput = { text: Bilingual };

export type ActionItemInput = {
  outcomeId?: string | null;
  title: Bilingual;
  ownerParty: string;
  ownerName: string;
  dueDate: string;
};

const blank = (v: unknown): boolean => typeof v !== 'string' || v.trim() === '';

export function validateText(path: string, value: unknown, max: number, required: boolean): ValidationIssue[] {
  if (value != null && typeof value !== 'string') return [issue(path, 'not_text', 'Must be text.', '必须为文本。')];
  if (required && blank(value)) return [issue(path, 'required', 'This field is required.', '此项为必填项。')];
  if (typeof value === 'string' && value.trim().length > max) {
    return [issue(path, 'too_long', `At most ${max} characters.`, `最多 ${max} 个字符。`)];
  }
  return [];
}

/** The mechanism works in both languages: every shared text needs its English and Chinese form. */
export function validateBilingual(path: string, value: Bilingual | undefined, max: number): ValidationIssue[] {
  if (!value || typeof value !== 'object') {
    return [issue(path, 'required', 'Give the text in English and Chinese.', '请填写中英文内容。')];
  }
  return [...validateText(`${path}.en`, value.en, max, true), ...validateText(`${path}.zh`, value.zh, max, true)];
}

export function isIsoInstant(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value));
}

function validateParties(parties: unknown): ValidationIssue[] {
  if (!Array.isArray(parties) || parties.some(blank)) {
    return [issue('parties', 'invalid', 'List the parties taking part.', '请列出参会各方。')];
  }
  const issues: ValidationIssue[] = [];
  if (new Set(parties).size !== parties.length) {
    issues.push(issue('parties', 'duplicate', 'A party is listed twice.', '参会方重复。'));
  }
  if (new Set(parties).size < 2) {
    issues.push(
      issue(
        'parties',
        'too_few',
        'A meeting of the mechanism needs at least two parties.',
        '机制会议至少需要两方参加。',
      ),
    );
  }
  return issues;
}

function validateParticipants(participants: unknown, parties: readonly string[]): ValidationIssue[] {
  if (!Array.isArray(participants))
    return [issue('participants', 'invalid', 'List the participants.', '请列出参会人员。')];
  const issues: ValidationIssue[] = [];
  const seen = new Set<string>();
  participants.forEach((p: Participant, i) => {
    const path = `participants.${i}`;
    if (!parties.includes(p.party)) {
      issues.push(
        issue(
          `${path}.party`,
          'unknown_party',
          'This participant’s party is not taking part.',
          '该人员所属机构不在参会方之列。',
        ),
      );
    }
    issues.push(...validateText(`${path}.name`, p.name, NAME_MAX, true));
    issues.push(...validateText(`${path}.title`, p.title, NAME_MAX, false));
    const key = `${p.party}\u0000${String(p.name).trim().toLowerCase()}`;
    if (seen.has(key))
      issues.push(issue(`${path}.name`, 'duplicate', 'This person is listed twice.', '该人员重复列出。'));
    seen.add(key);
  });
  for (const party of parties) {
    if (!participants.some((p: Participant) => p.party === party)) {
      issues.push(
        issue(
          'participants',
          'party_without_participant',
          `Name at least one participant for ${party}.`,
          `请为 ${party} 至少填写一名参会人员。`,
        ),
      );
    }
  }
  return issues;
}

export function validateMeeting(input: MeetingInput): ValidationIssue[] {
  const issues = validateBilingual('title', input.title, TITLE_MAX);
  if (!MEETING_KINDS.includes(input.kind))
    issues.push(issue('kind', 'invalid_kind', 'Unknown kind of meeting.', '未知的会议类型。'));
  const startOk = isIsoInstant(input.startsAt);
  const endOk = isIsoInstant(input.endsAt);
  if (!startOk) issues.push(issue('startsAt', 'invalid_instant', 'Not a valid start time.', '开始时间无效。'));
  if (!endOk) issues.push(issue('endsAt', 'invalid_instant', 'Not a valid end time.', '结束时间无效。'));
  if (startOk && endOk) {
    const length = Date.parse(input.endsAt) - Date.parse(input.startsAt);
    if (length <= 0)
      issues.push(
        issue('endsAt', 'end_before_start', 'The meeting must end after it starts.', '会议结束时间必须晚于开始时间。'),
      );
    else if (length > MEETING_MAX_MS)
      issues.push(issue('endsAt', 'too_long', 'A meeting may last at most 14 days.', '会议时长不得超过 14 天。'));
  }
  // A video call has no venue; every other meeting needs one so delegations know where to go.
  issues.push(...validateText('location', input.location, TITLE_MAX, input.kind !== 'video_call'));
  const partyIssues = validateParties(input.parties);
  issues.push(...partyIssues);
  if (partyIssues.every((i) => i.code !== 'invalid'))
    issues.push(...validateParticipants(input.participants, input.parties));
  if (!Array.isArray(input.agenda)) {
    issues.push(issue('agenda', 'invalid', 'The agenda must be a list.', '议程必须为列表。'));
  } else {
    if (input.agenda.length > AGENDA_MAX_ITEMS) {
      issues.push(
        issue('agenda', 'too_many', `At most ${AGENDA_MAX_ITEMS} agenda items.`, `议程最多 ${AGENDA_MAX_ITEMS} 项。`),
      );
    }
    input.agenda.forEach((item, i) => issues.push(...validateBilingual(`agenda.${i}`, item, TITLE_MAX)));
  }
  return issues;
}

export function validateOutcome(input: OutcomeInput): ValidationIssue[] {
  return validateBilingual('text', input.text, TEXT_MAX);
}

/** `outcomeIds` are the meeting's recorded outcomes, for checking the optional link. */
export function validateActionItem(
  input: ActionItemInput,
  meeting: { parties: readonly string[]; startsAt: string },
  outcomeIds: readonly string[],
): ValidationIssue[] {
  const issues = validateBilingual('title', input.title, TITLE_MAX);
  if (!meeting.parties.includes(input.ownerParty)) {
    issues.push(
      issue(
        'ownerParty',
        'unknown_party',
        'The owner must be one of the meeting’s parties.',
        '责任方必须为参会方之一。',
      ),
    );
  }
  issues.push(...validateText('ownerName', input.ownerName, NAME_MAX, true));
  if (!isCalendarDate(input.dueDate)) {
    issues.push(issue('dueDate', 'invalid_date', 'Use a date like 2025-09-30.', '日期格式应为 2025-09-30。'));
  } else if (dueInstant(input.dueDate).getTime() <= Date.parse(meeting.startsAt)) {
    issues.push(
      issue('dueDate', 'before_meeting', 'The due date cannot fall before the meeting.', '截止日期不能早于会议日期。'),
    );
  }
  if (input.outcomeId != null && !outcomeIds.includes(input.outcomeId)) {
    issues.push(issue('outcomeId', 'unknown_outcome', 'No such outcome of this meeting.', '本次会议没有该成果。'));
  }
  return issues;
}
