// Action items agreed at a meeting: open → in_progress → done | dropped, and reopened when a
// party finds a commitment was not met after all (honest tracking beats duplicate items).
import type { Bilingual } from '../../error-types.js';
import { AppError, validationError } from '../../errors.js';
import type { Actor } from '../shared/actor.js';
import { actorLabel } from '../shared/actor.js';
import { issue } from '../shared/bilingual.js';
import type { DialoguePolicyAction } from './policy.js';
import { canDialogue, requireDialogueAccess } from './policy.js';
import { performedBy } from './relay.js';
import type { ActionItem, ActionItemStatus, DialogueEvent, Meeting, RelayParams } from './types.js';
import type { ActionItemInput } from './validation.js';
import { REASON_MAX, TEXT_MAX, validateActionItem, validateText } from './validation.js';

export const ACTION_ITEM_ACTIONS = ['update', 'start', 'complete', 'drop', 'reopen', 'note'] as const;
export type ActionItemAction = (typeof ACTION_ITEM_ACTIONS)[number];

export type ActionItemActionParams = RelayParams & {
  /** For update: the fields to change, checked against the meeting. */
  changes?: Partial<ActionItemInput>;
  meetingStartsAt?: string;
  outcomeIds?: readonly string[];
  /** Required for drop and reopen. */
  reason?: string;
  /** Required for note; optional remark on complete. */
  text?: string;
};

export const ACTION_ITEM_TRANSITIONS: Readonly<Record<ActionItemStatus, readonly ActionItemAction[]>> = {
  open: ['update', 'start', 'complete', 'drop', 'note'],
  in_progress: ['update', 'complete', 'drop', 'note'],
  done: ['reopen', 'note'],
  dropped: ['reopen', 'note'],
};

const POLICY_OF: Record<ActionItemAction, DialoguePolicyAction> = {
  update: 'update_action_item',
  start: 'start_action_item',
  complete: 'complete_action_item',
  drop: 'drop_action_item',
  reopen: 'reopen_action_item',
  note: 'note_action_item',
};

export type ActionItemResult = { record: ActionItem; events: DialogueEvent[] };

const trimBi = (b: Bilingual): Bilingual => ({ en: b.en.trim(), zh: b.zh.trim() });

function fail(path: string, code: string, en: string, zh: string): never {
  throw validationError([issue(path, code, en, zh)], 'DIALOGUE_VALIDATION_FAILED');
}

function event(
  type: string,
  item: ActionItem,
  actor: Actor,
  by: string,
  at: string,
  data: Record<string, unknown> = {},
): DialogueEvent {
  return {
    type,
    at,
    actorLabel: actorLabel(actor),
    data: { meetingId: item.meetingId, actionItemId: item.id, originParty: actor.partyId, by, ...data },
  };
}

export function createActionItem(
  meeting: Meeting,
  input: ActionItemInput,
  actor: Actor,
  now: Date,
  opts: { id: string; outcomeIds?: readonly string[] } & RelayParams,
): ActionItemResult {
  requireDialogueAccess(actor, 'create_action_item', meeting);
  // Commitments come out of a meeting that took place; tracking goes on after the minutes.
  if (meeting.status !== 'held' && meeting.status !== 'minutes_agreed') {
    throw new AppError('DIALOGUE_INVALID_TRANSITION', {
      details: { meetingId: meeting.id, status: meeting.status, action: 'create_action_item', allowed: [] },
    });
  }
  const issues = validateActionItem(input, meeting, opts.outcomeIds ?? []);
  if (issues.length > 0) throw validationError(issues, 'DIALOGUE_VALIDATION_FAILED');
  const { by, at } = performedBy(actor, opts, now);
  const record: ActionItem = {
    id: opts.id,
    meetingId: meeting.id,
    outcomeId: input.outcomeId ?? null,
    title: trimBi(input.title),
    ownerParty: input.ownerParty,
    ownerName: input.ownerName.trim(),
    dueDate: input.dueDate,
    status: 'open',
    dropReason: null,
    parties: [...meeting.parties],
    createdBy: by,
    createdAt: at,
    startedAt: null,
    completedAt: null,
    droppedAt: null,
    reopenedAt: null,
    reopenCount: 0,
    updatedAt: at,
    version: 1,
  };
  return {
    record,
    events: [
      event('dialogue.action_item_created', record, actor, by, at, {
        title: record.title,
        ownerParty: record.ownerParty,
        dueDate: record.dueDate,
      }),
    ],
  };
}

function requiredText(path: 'reason' | 'text', value: unknown, max: number): string {
  const issues = validateText(path, value, max, true);
  if (issues.length > 0) throw validationError(issues, 'DIALOGUE_VALIDATION_FAILED');
  return String(value).trim();
}

export function applyActionItemAction(
  item: ActionItem,
  action: ActionItemAction,
  actor: Actor,
  now: Date,
  params: ActionItemActionParams = {},
): ActionItemResult {
  if (!ACTION_ITEM_ACTIONS.includes(action)) fail('action', 'unknown_action', 'Unknown action.', '未知操作。');
  requireDialogueAccess(actor, POLICY_OF[action], item);
  const allowed = ACTION_ITEM_TRANSITIONS[item.status];
  if (!allowed.includes(action)) {
    throw new AppError('DIALOGUE_INVALID_TRANSITION', {
      details: { actionItemId: item.id, status: item.status, action, allowed },
    });
  }
  const { by, at } = performedBy(actor, params, now);
  const bump = (patch: Partial<ActionItem>): ActionItem => ({
    ...item,
    ...patch,
    updatedAt: at,
    version: item.version + 1,
  });

  switch (action) {
    case 'update': {
      const changes = Object.fromEntries(
        Object.entries(params.changes ?? {}).filter(([, v]) => v !== undefined),
      ) as Partial<ActionItemInput>;
      if (Object.keys(changes).length === 0) fail('changes', 'empty', 'Nothing to change.', '没有需要修改的内容。');
      if (!params.meetingStartsAt)
        fail(
          'meetingStartsAt',
          'required',
          'The meeting’s start is needed to check the due date.',
          '需要会议开始时间以核对截止日期。',
        );
      const merged: ActionItemInput = { ...item, ...changes };
      const outcomeIds = params.outcomeIds ?? (item.outcomeId ? [item.outcomeId] : []);
      const issues = validateActionItem(
        merged,
        { parties: item.parties, startsAt: params.meetingStartsAt },
        outcomeIds,
      );
      if (issues.length > 0) throw validationError(issues, 'DIALOGUE_VALIDATION_FAILED');
      const record = bump({
        title: trimBi(merged.title),
        ownerParty: merged.ownerParty,
        ownerName: merged.ownerName.trim(),
        dueDate: merged.dueDate,
        outcomeId: merged.outcomeId ?? null,
      });
      return {
        record,
        events: [
          event('dialogue.action_item_updated', record, actor, by, at, {
            fields: Object.keys(changes),
            previousDueDate: item.dueDate,
          }),
        ],
      };
    }
    case 'start': {
      const record = bump({ status: 'in_progress', startedAt: at });
      return { record, events: [event('dialogue.action_item_started', record, actor, by, at)] };
    }
    case 'complete': {
      const issues = validateText('text', params.text, TEXT_MAX, false);
      if (issues.length > 0) throw validationError(issues, 'DIALOGUE_VALIDATION_FAILED');
      const record = bump({ status: 'done', completedAt: at });
      return {
        record,
        events: [event('dialogue.action_item_completed', record, actor, by, at, { text: params.text?.trim() ?? '' })],
      };
    }
    case 'drop': {
      const reason = requiredText('reason', params.reason, REASON_MAX);
      const record = bump({ status: 'dropped', droppedAt: at, dropReason: reason });
      return { record, events: [event('dialogue.action_item_dropped', record, actor, by, at, { reason })] };
    }
    case 'reopen': {
      const reason = requiredText('reason', params.reason, REASON_MAX);
      const record = bump({
        status: 'open',
        startedAt: null,
        completedAt: null,
        droppedAt: null,
        dropReason: null,
        reopenedAt: at,
        reopenCount: item.reopenCount + 1,
      });
      return {
        record,
        events: [event('dialogue.action_item_reopened', record, actor, by, at, { reason, from: item.status })],
      };
    }
    case 'note': {
      // A progress note goes to the timeline only; the item itself is unchanged.
      const text = requiredText('text', params.text, TEXT_MAX);
      return { record: item, events: [event('dialogue.action_item_noted', item, actor, by, at, { text })] };
    }
  }
}

export function allowedActionItemActions(item: ActionItem, actor: Actor): ActionItemAction[] {
  return ACTION_ITEM_TRANSITIONS[item.status].filter((action) => canDialogue(actor, POLICY_OF[action], item));
}
