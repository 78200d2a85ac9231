import { describe, expect, it } from 'vitest';
import { MINUTE_MS, addMs } from '../shared/time.js';
import { dueCallEvents } from './clock.js';
import { contactLogEntry, contactLogFromEvent, contactLogFromEvents, sortContactLog } from './contact-log.js';
import { placeCall } from './place-call.js';
import { CN, T0, US, callerPoc, newCallInput, receiverPoc, system } from './test-fixtures.js';
import { applyCallAction } from './transitions.js';
import type { CallEvent } from './types.js';

/** A whole call's life, as its events. */
function lifecycle(): CallEvent[] {
  const events: CallEvent[] = [];
  let { record, events: e } = placeCall(newCallInput(), callerPoc, T0, { id: 'c1', reference: 'R1' });
  events.push(...e);
  const step = (
    action: Parameters<typeof applyCallAction>[1],
    actor: Parameters<typeof applyCallAction>[2],
    min: number,
    params = {},
  ) => {
    ({ record, events: e } = applyCallAction(record, action, actor, addMs(T0, min * MINUTE_MS), params));
    events.push(...e);
  };
  step('deliver', system(US), 1);
  step('escalate', system(CN), 16);
  step('callback_attempt', receiverPoc, 17, { text: 'Voicemail' });
  step('acknowledge', receiverPoc, 18);
  step('answer', receiverPoc, 40, { answer: 'Subscriber is in Hangzhou; local police alerted.' });
  step('link_request', callerPoc, 45, { requestId: 'req-7' });
  step('close', callerPoc, 50);
  return events;
}

describe('contact log from call events', () => {
  it('reads "out" on the caller’s node for its own steps and "in" for the receiver’s', () => {
    const log = contactLogFromEvents(lifecycle(), US);
    expect(log.map((l) => [l.kind, l.direction])).toEqual([
      ['placed', 'out'],
      ['delivered', 'out'],
      ['escalated', 'in'],
      ['callback_attempt', 'in'],
      ['acknowledged', 'in'],
      ['answered', 'in'],
      ['linked', 'out'],
      ['closed', 'out'],
    ]);
  });

  it('reads the mirror image on the receiver’s node', () => {
    const log = contactLogFromEvents(lifecycle(), CN);
    expect(log.find((l) => l.kind === 'placed')?.direction).toBe('in');
    expect(log.find((l) => l.kind === 'answered')?.direction).toBe('out');
  });

  it('keeps what was said and who said it, with bilingual labels', () => {
    const log = contactLogFromEvents(lifecycle(), US);
    const placed = log[0]!;
    expect(placed).toMatchObject({
      callId: 'c1',
      by: 'Agent Smith',
      at: T0.toISOString(),
      label: { en: 'Call placed', zh: '发出呼叫' },
    });
    expect(placed.text).toContain('Weibo');
    expect(log.find((l) => l.kind === 'answered')).toMatchObject({
      by: '王警官',
      text: 'Subscriber is in Hangzhou; local police alerted.',
    });
    expect(log.find((l) => l.kind === 'escalated')?.label).toEqual({
      en: 'Escalated to deputy duty officer',
      zh: '已升级至副值班员',
    });
    expect(log.find((l) => l.kind === 'linked')?.label).toEqual({
      en: 'Linked to request req-7',
      zh: '已关联请求 req-7',
    });
    expect(log.find((l) => l.kind === 'callback_attempt')?.text).toBe('Voicemail');
  });

  it('labels case links and worker escalation events too', () => {
    const call = placeCall(newCallInput(), callerPoc, T0, { id: 'c1', reference: 'R1' }).record;
    const [, sup] = dueCallEvents(call, addMs(T0, 60 * MINUTE_MS));
    expect(contactLogFromEvent(sup!, CN)).toMatchObject({
      kind: 'escalated',
      direction: 'out',
      by: 'system',
      label: { zh: '已升级至值班主管' },
    });
    const linked = applyCallAction(call, 'link_case', receiverPoc, T0, { caseId: 'case-2' }).events[0]!;
    expect(contactLogFromEvent(linked, CN).label.en).toBe('Linked to case case-2');
  });

  it('sorts by time whatever order events arrive in', () => {
    const log = contactLogFromEvents([...lifecycle()].reverse(), US);
    expect(log.map((l) => l.at)).toEqual([...log.map((l) => l.at)].sort());
  });
});

describe('contactLogEntry builder', () => {
  it('normalises the time and text and fills the default label', () => {
    const e = contactLogEntry({
      callId: 'c',
      at: '2025-06-01T18:00:00+08:00',
      direction: 'in',
      kind: 'note',
      by: 'x',
      text: '  rang back ',
    });
    expect(e).toEqual({
      callId: 'c',
      at: '2025-06-01T10:00:00.000Z',
      direction: 'in',
      kind: 'note',
      by: 'x',
      text: 'rang back',
      label: { en: 'Note', zh: '备注' },
    });
  });
  it('sortContactLog does not mutate its input', () => {
    const a = contactLogEntry({ callId: 'c', at: '2025-06-02T00:00:00Z', direction: 'in', kind: 'note', by: 'x' });
    const b = contactLogEntry({ callId: 'c', at: '2025-06-01T00:00:00Z', direction: 'out', kind: 'note', by: 'y' });
    const input = [a, b];
    expect(sortContactLog(input)).toEqual([b, a]);
    expect(input).toEqual([a, b]);
  });
});
