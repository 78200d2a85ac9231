import { describe, expect, it } from 'vitest';
import type { Actor } from '../shared/actor.js';
import type { ActionItemAction, ActionItemActionParams } from './action-item.js';
import {
  ACTION_ITEM_ACTIONS,
  ACTION_ITEM_TRANSITIONS,
  allowedActionItemActions,
  applyActionItemAction,
  createActionItem,
} from './action-item.js';
import {
  AFTER,
  CN,
  EU,
  US,
  cnSupervisor,
  itemIn,
  itemInput,
  meetingIn,
  openItem,
  peer,
  system,
  usPoc,
  user,
} from './test-fixtures.js';
import { ACTION_ITEM_STATUSES, MEETING_STATUSES } from './types.js';
import { codeOf } from '../shared/test-support.js';

const LATER = new Date('2025-07-01T00:00:00.000Z');
const STARTS = '2025-06-10T01:00:00.000Z';

describe('createActionItem', () => {
  it.each(MEETING_STATUSES)('from a %s meeting', (status) => {
    const meeting = meetingIn(status);
    const run = () => createActionItem(meeting, itemInput(), cnSupervisor, AFTER, { id: 'a1' });
    if (status !== 'held' && status !== 'minutes_agreed') {
      expect(codeOf(run)).toBe('DIALOGUE_INVALID_TRANSITION');
      return;
    }
    const { record, events } = run();
    expect(record).toMatchObject({
      id: 'a1',
      meetingId: 'm1',
      status: 'open',
      ownerParty: US,
      parties: [CN, US],
      version: 1,
      reopenCount: 0,
    });
    expect(events[0]).toMatchObject({
      type: 'dialogue.action_item_created',
      data: { actionItemId: 'a1', ownerParty: US, dueDate: '2025-07-31' },
    });
  });

  it('links an outcome of the meeting, refuses an unknown one', () => {
    const ok = createActionItem(meetingIn('held'), itemInput({ outcomeId: 'o1' }), cnSupervisor, AFTER, {
      id: 'a',
      outcomeIds: ['o1'],
    });
    expect(ok.record.outcomeId).toBe('o1');
    expect(
      codeOf(() =>
        createActionItem(meetingIn('held'), itemInput({ outcomeId: 'o9' }), cnSupervisor, AFTER, {
          id: 'a',
          outcomeIds: ['o1'],
        }),
      ),
    ).toBe('DIALOGUE_VALIDATION_FAILED');
  });

  it('refuses outsiders and non-editors', () => {
    for (const actor of [user(EU, ['supervisor']), user(US, ['analyst']), system(US)]) {
      expect(codeOf(() => createActionItem(meetingIn('held'), itemInput(), actor, AFTER, { id: 'a' }))).toBe(
        'DIALOGUE_FORBIDDEN',
      );
    }
  });
});

/** Params valid for each action; the owner (US) acts, so only the state decides. */
const PROPER: Record<ActionItemAction, ActionItemActionParams> = {
  update: { changes: { dueDate: '2025-08-15' }, meetingStartsAt: STARTS },
  start: {},
  complete: { text: 'List sent via secure channel.' },
  drop: { reason: 'Superseded by the joint operation plan' },
  reopen: { reason: 'Half of the domains were missing' },
  note: { text: 'Draft list under review.' },
};
const NEXT: Record<ActionItemAction, string | null> = {
  update: null,
  start: 'in_progress',
  complete: 'done',
  drop: 'dropped',
  reopen: 'open',
  note: null,
};

describe('action item state machine: every action in every state', () => {
  for (const status of ACTION_ITEM_STATUSES) {
    for (const action of ACTION_ITEM_ACTIONS) {
      const allowed = ACTION_ITEM_TRANSITIONS[status].includes(action);
      it(`${action} in ${status} is ${allowed ? 'allowed' : 'refused'}`, () => {
        const item = itemIn(status);
        if (!allowed) {
          expect(codeOf(() => applyActionItemAction(item, action, usPoc, LATER, PROPER[action]))).toBe(
            'DIALOGUE_INVALID_TRANSITION',
          );
          return;
        }
        const { record, events } = applyActionItemAction(item, action, usPoc, LATER, PROPER[action]);
        expect(record.status).toBe(NEXT[action] ?? status);
        expect(record.version).toBe(action === 'note' ? item.version : item.version + 1);
        expect(events).toHaveLength(1);
        expect(events[0]?.data).toMatchObject({
          actionItemId: item.id,
          meetingId: item.meetingId,
          originParty: US,
          by: 'Jane Doe',
        });
      });
    }
  }
});

describe('action item effects', () => {
  it('start, complete and drop stamp their times', () => {
    expect(applyActionItemAction(openItem(), 'start', usPoc, LATER).record.startedAt).toBe(LATER.toISOString());
    expect(applyActionItemAction(openItem(), 'complete', usPoc, LATER).record).toMatchObject({
      status: 'done',
      completedAt: LATER.toISOString(),
    });
    expect(
      applyActionItemAction(openItem(), 'drop', cnSupervisor, LATER, { reason: ' No longer needed ' }).record,
    ).toMatchObject({
      droppedAt: LATER.toISOString(),
      dropReason: 'No longer needed',
    });
  });

  it('drop and reopen need a reason', () => {
    expect(codeOf(() => applyActionItemAction(openItem(), 'drop', usPoc, LATER))).toBe('DIALOGUE_VALIDATION_FAILED');
    expect(codeOf(() => applyActionItemAction(itemIn('done'), 'reopen', usPoc, LATER, { reason: '  ' }))).toBe(
      'DIALOGUE_VALIDATION_FAILED',
    );
    expect(codeOf(() => applyActionItemAction(openItem(), 'note', usPoc, LATER))).toBe('DIALOGUE_VALIDATION_FAILED');
    expect(codeOf(() => applyActionItemAction(openItem(), 'complete', usPoc, LATER, { text: 'x'.repeat(4001) }))).toBe(
      'DIALOGUE_VALIDATION_FAILED',
    );
  });

  it('reopen clears completion and counts reopenings; the counterpart may reopen', () => {
    const done = itemIn('done', { completedAt: '2025-06-20T00:00:00.000Z', startedAt: '2025-06-15T00:00:00.000Z' });
    const { record, events } = applyActionItemAction(done, 'reopen', cnSupervisor, LATER, { reason: 'Incomplete' });
    expect(record).toMatchObject({
      status: 'open',
      completedAt: null,
      startedAt: null,
      reopenedAt: LATER.toISOString(),
      reopenCount: 1,
    });
    expect(events[0]?.data).toMatchObject({ reason: 'Incomplete', from: 'done' });
    const dropped = itemIn('dropped', { dropReason: 'x', droppedAt: '2025-06-20T00:00:00.000Z' });
    expect(applyActionItemAction(dropped, 'reopen', usPoc, LATER, { reason: 'Back on' }).record).toMatchObject({
      dropReason: null,
      droppedAt: null,
    });
  });

  it('update changes the named fields and revalidates them', () => {
    const { record, events } = applyActionItemAction(openItem(), 'update', cnSupervisor, LATER, {
      changes: { ownerParty: CN, ownerName: '张处长', title: undefined },
      meetingStartsAt: STARTS,
    });
    expect(record).toMatchObject({
      ownerParty: CN,
      ownerName: '张处长',
      title: openItem().title,
      dueDate: '2025-07-31',
    });
    expect(events[0]?.data).toMatchObject({ fields: ['ownerParty', 'ownerName'], previousDueDate: '2025-07-31' });
    const bad = (params: ActionItemActionParams) =>
      codeOf(() => applyActionItemAction(openItem(), 'update', cnSupervisor, LATER, params));
    expect(bad({ changes: { ownerParty: EU }, meetingStartsAt: STARTS })).toBe('DIALOGUE_VALIDATION_FAILED');
    expect(bad({ changes: { dueDate: '2025-06-01' }, meetingStartsAt: STARTS })).toBe('DIALOGUE_VALIDATION_FAILED');
    expect(bad({ changes: { dueDate: '2025-08-01' } })).toBe('DIALOGUE_VALIDATION_FAILED');
    expect(bad({ changes: {}, meetingStartsAt: STARTS })).toBe('DIALOGUE_VALIDATION_FAILED');
    expect(bad({ changes: { outcomeId: 'o7' }, meetingStartsAt: STARTS, outcomeIds: ['o1'] })).toBe(
      'DIALOGUE_VALIDATION_FAILED',
    );
  });

  it('a note leaves the item as it is', () => {
    const item = openItem();
    const { record, events } = applyActionItemAction(item, 'note', cnSupervisor, LATER, { text: ' Chased by phone ' });
    expect(record).toBe(item);
    expect(events[0]).toMatchObject({ type: 'dialogue.action_item_noted', data: { text: 'Chased by phone' } });
  });

  it('refuses an unknown action', () => {
    expect(codeOf(() => applyActionItemAction(openItem(), 'explode' as ActionItemAction, usPoc, LATER))).toBe(
      'DIALOGUE_VALIDATION_FAILED',
    );
  });
});

describe('who may move an action item', () => {
  it.each<[string, ActionItemAction, Actor]>([
    ['the non-owning party cannot start it', 'start', cnSupervisor],
    ['the non-owning party cannot complete it', 'complete', cnSupervisor],
    ['a peer of the non-owning party cannot complete it', 'complete', peer(CN)],
    ['an owner-side investigator cannot start it', 'start', user(US, ['investigator'])],
    ['an outside party cannot drop it', 'drop', user(EU, ['admin'])],
    ['the system cannot note it', 'note', system(US)],
    ['a read-only user cannot update it', 'update', user(CN, ['read_only'])],
  ])('%s', (_n, action, actor) => {
    expect(codeOf(() => applyActionItemAction(openItem(), action, actor, LATER, PROPER[action]))).toBe(
      'DIALOGUE_FORBIDDEN',
    );
  });

  it('the owner’s peer may relay completion with the person’s name and time', () => {
    const { record } = applyActionItemAction(openItem(), 'complete', peer(US), LATER, {
      relayedBy: 'Jane Doe',
      relayedAt: '2025-06-30T20:00:00-04:00',
    });
    expect(record.completedAt).toBe('2025-07-01T00:00:00.000Z');
    expect(codeOf(() => applyActionItemAction(openItem(), 'complete', peer(US), LATER))).toBe(
      'DIALOGUE_VALIDATION_FAILED',
    );
  });

  it('allowedActionItemActions reflects owner and state', () => {
    expect(allowedActionItemActions(openItem(), usPoc)).toEqual(['update', 'start', 'complete', 'drop', 'note']);
    expect(allowedActionItemActions(openItem(), cnSupervisor)).toEqual(['update', 'drop', 'note']);
    expect(allowedActionItemActions(itemIn('done'), cnSupervisor)).toEqual(['reopen', 'note']);
    expect(allowedActionItemActions(openItem(), user(US, ['read_only']))).toEqual([]);
  });
});
