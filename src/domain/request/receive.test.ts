// The requested node receiving a submitted request: same deadlines as the sender, validation at submission time.
import { describe, expect, it } from 'vitest';
import { evaluateClocks } from './clock-status.js';
import { receiveSubmittedRequest, toSubmittedSnapshot } from './receive.js';
import { applyRequestAction } from './state-machine.js';
import { CN, US, at, draft, recordIn, requested, validContent } from './test-fixtures.js';
import { codeOf } from '../shared/test-support.js';

const peerUS = { kind: 'peer' as const, partyId: US };

describe('receiveSubmittedRequest', () => {
  it('creates a submitted record with the sender’s deadlines, ready for acknowledgement', () => {
    const sent = recordIn('submitted');
    const { record, events } = receiveSubmittedRequest(toSubmittedSnapshot(sent), peerUS, CN, at(30), false);
    expect(record).toMatchObject({
      id: sent.id,
      reference: sent.reference,
      status: 'submitted',
      submittedAt: sent.submittedAt,
      version: 1,
    });
    expect(record.clocks).toEqual(sent.clocks);
    expect(record.createdAt).toBe(at(30).toISOString());
    expect(events[0]).toMatchObject({
      type: 'request.received',
      actor: 'peer:node-us',
      data: { ackDueAt: sent.clocks.ackDueAt },
    });
    expect(evaluateClocks(record, new Date(sent.clocks.ackDueAt!))).toEqual(
      evaluateClocks(sent, new Date(sent.clocks.ackDueAt!)),
    );
    expect(applyRequestAction(record, 'acknowledge', requested, at(31)).record.status).toBe('acknowledged');
  });

  it('sets the approval step from this node’s config for data leaving the country', () => {
    const sent = applyRequestAction(draft(validContent('subscriber_info')), 'submit', peerUS, at(1)).record;
    expect(receiveSubmittedRequest(toSubmittedSnapshot(sent), peerUS, CN, at(2), true).record.approvalRequired).toBe(
      true,
    );
    expect(receiveSubmittedRequest(toSubmittedSnapshot(sent), peerUS, CN, at(2), false).record.approvalRequired).toBe(
      false,
    );
  });

  it('validates at submission time, so a delayed delivery is not refused for a passed deadline', () => {
    const d = draft({ ...validContent('preservation'), requestedDeadline: at(60).toISOString() });
    const sent = applyRequestAction(d, 'submit', peerUS, at(1)).record;
    expect(() => receiveSubmittedRequest(toSubmittedSnapshot(sent), peerUS, CN, at(24 * 60), false)).not.toThrow();
  });

  it('refuses invalid content, wrong sender, wrong recipient and missing clocks', () => {
    const snap = toSubmittedSnapshot(recordIn('submitted'));
    expect(codeOf(() => receiveSubmittedRequest({ ...snap, caseRef: '' }, peerUS, CN, at(5), false))).toBe(
      'VALIDATION_FAILED',
    );
    expect(codeOf(() => receiveSubmittedRequest(snap, { kind: 'peer', partyId: 'node-eu' }, CN, at(5), false))).toBe(
      'REQUEST_WRONG_PARTY',
    );
    expect(codeOf(() => receiveSubmittedRequest(snap, peerUS, 'node-eu', at(5), false))).toBe('REQUEST_WRONG_PARTY');
    expect(codeOf(() => receiveSubmittedRequest({ ...snap, submittedAt: null }, peerUS, CN, at(5), false))).toBe(
      'BAD_REQUEST',
    );
  });
});
