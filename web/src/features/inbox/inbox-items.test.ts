// The inbox puts the most urgent first and, within an urgency, the least time left first.
import { describe, expect, it } from 'vitest';
import type { CallView, RequestView } from '../../api/types';
import { buildInbox, needsAttention } from './inbox-items';

const call = (id: string, urgency: string, ackDueAt: string, extra: Partial<CallView> = {}) =>
  ({
    id,
    urgency,
    ackDueAt,
    ackPeriodMs: 900_000,
    status: 'placed',
    direction: 'incoming',
    allowedActions: ['acknowledge'],
    clock: { isAwaitingAck: true, isOverdue: Date.parse(ackDueAt) < Date.parse('2026-05-01T12:00:00Z') },
    ...extra,
  }) as unknown as CallView;

const request = (id: string, urgency: string, ackDueAt: string, extra: Partial<RequestView> = {}) =>
  ({
    id,
    urgency,
    status: 'submitted',
    direction: 'incoming',
    allowedActions: ['acknowledge'],
    clocks: { ackDueAt, ackClockStartAt: '2026-05-01T00:00:00Z', responseDueAt: null, responseClockStartAt: null },
    clock: { ackOverdue: false, responseOverdue: false, paused: false },
    ...extra,
  }) as unknown as RequestView;

describe('inbox ordering', () => {
  it('orders by urgency, then by the deadline, overdue first', () => {
    const items = buildInbox(
      [
        request('r-routine', 'routine', '2026-05-01T13:00:00Z'),
        request('r-emergency', 'emergency', '2026-05-01T20:00:00Z'),
      ],
      [
        call('c-urgent', 'urgent', '2026-05-01T12:30:00Z'),
        call('c-emergency-late', 'emergency', '2026-05-01T11:00:00Z'),
        call('c-emergency', 'emergency', '2026-05-01T12:10:00Z'),
      ],
    );
    expect(items.map((i) => i.id)).toEqual(['c-emergency-late', 'c-emergency', 'r-emergency', 'c-urgent', 'r-routine']);
    expect(items[0]?.overdue).toBe(true);
  });

  it('leaves out outgoing, closed and finished items', () => {
    const items = buildInbox(
      [
        request('out', 'urgent', '2026-05-01T13:00:00Z', { direction: 'outgoing' }),
        request('done', 'urgent', '2026-05-01T13:00:00Z', { status: 'fulfilled' }),
      ],
      [call('closed', 'urgent', '2026-05-01T13:00:00Z', { status: 'closed' })],
    );
    expect(items).toEqual([]);
  });

  it('counts only what this user may acknowledge now', () => {
    const items = buildInbox(
      [request('r', 'urgent', '2026-05-01T13:00:00Z', { allowedActions: [] })],
      [call('c', 'urgent', '2026-05-01T13:00:00Z')],
    );
    expect(needsAttention(items)).toBe(1);
  });
});
