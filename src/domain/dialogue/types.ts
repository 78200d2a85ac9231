// Shapes of the dialogue mechanism (docs/spec.md §8): meetings, agreed outcomes and action items.
import type { Bilingual } from '../../error-types.js';

export const MEETING_KINDS = ['high_level_dialogue', 'working_group', 'expert_meeting', 'video_call'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export const MEETING_KIND_LABELS: Record<MeetingKind, Bilingual> = {
  high_level_dialogue: { en: 'High-level dialogue', zh: '高级别对话' },
  working_group: { en: 'Working group meeting', zh: '工作组会议' },
  expert_meeting: { en: 'Expert meeting', zh: '专家会议' },
  video_call: { en: 'Video call', zh: '视频会议' },
};

export const MEETING_STATUSES = ['planned', 'held', 'minutes_agreed', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const MEETING_STATUS_LABELS: Record<MeetingStatus, Bilingual> = {
  planned: { en: 'Planned', zh: '计划中' },
  held: { en: 'Held', zh: '已举行' },
  minutes_agreed: { en: 'Minutes agreed', zh: '纪要已确认' },
  cancelled: { en: 'Cancelled', zh: '已取消' },
};

export type Participant = {
  party: string;
  name: string;
  /** Position, e.g. "Deputy Director-General"; free text in the participant's own language. */
  title: string | null;
};

export type Meeting = {
  id: string;
  title: Bilingual;
  kind: MeetingKind;
  startsAt: string;
  endsAt: string;
  /** Venue; may be null for a video call. */
  location: string | null;
  /** Every party taking part; each sees the meeting, its outcomes and action items. */
  parties: string[];
  participants: Participant[];
  agenda: Bilingual[];
  status: MeetingStatus;
  heldAt: string | null;
  /** Parties that agreed the minutes as they now stand; reset whenever the record changes. */
  minutesAgreedBy: string[];
  minutesAgreedAt: string | null;
  cancelledAt: string | null;
  cancelReason: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  version: number;
};

export type Outcome = {
  id: string;
  meetingId: string;
  text: Bilingual;
  parties: string[];
  recordedBy: string;
  recordedAt: string;
  updatedAt: string;
  version: number;
};

export const ACTION_ITEM_STATUSES = ['open', 'in_progress', 'done', 'dropped'] as const;
export type ActionItemStatus = (typeof ACTION_ITEM_STATUSES)[number];

export const ACTION_ITEM_STATUS_LABELS: Record<ActionItemStatus, Bilingual> = {
  open: { en: 'Open', zh: '未开始' },
  in_progress: { en: 'In progress', zh: '进行中' },
  done: { en: 'Done', zh: '已完成' },
  dropped: { en: 'Dropped', zh: '已撤销' },
};

export type ActionItem = {
  id: string;
  meetingId: string;
  outcomeId: string | null;
  title: Bilingual;
  ownerParty: string;
  ownerName: string;
  /** Calendar date "YYYY-MM-DD", due by the end of that day anywhere on Earth (see clock.ts). */
  dueDate: string;
  status: ActionItemStatus;
  dropReason: string | null;
  parties: string[];
  createdBy: string;
  createdAt: string;
  startedAt: string | null;
  completedAt: string | null;
  droppedAt: string | null;
  reopenedAt: string | null;
  reopenCount: number;
  updatedAt: string;
  version: number;
};

/** Set when a peer node relays a change a person made on its side (federation mirror). */
export type RelayParams = { relayedBy?: string; relayedAt?: string };

export type DialogueEvent = {
  type: string;
  at: string;
  actorLabel: string;
  data: { meetingId: string; originParty: string; by: string; [key: string]: unknown };
};
