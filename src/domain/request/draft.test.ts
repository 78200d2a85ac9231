// Creating and editing drafts: defaults, requesting party from the actor, edit only while draft, warnings returned.
import { describe, expect, it } from 'vitest';
import type { AppError } from '../../errors.js';
import { createRequestDraft, updateRequestDraft } from './draft.js';
import { CN, T0, US, at, draft, recordIn, requester, user } from './test-fixtures.js';

const ids = { id: 'r-9', reference: 'US-REQ-0009' };

describe('createRequestDraft', () => {
  it('fills defaults and takes the requesting party from the actor', () => {
    const { record, events, issues } = createRequestDraft(
      ids,
      { type: 'preservation', requestedParty: CN },
      requester,
      T0,
    );
    expect(record).toMatchObject({
      id: 'r-9',
      reference: 'US-REQ-0009',
      status: 'draft',
      requestingParty: US,
      requestedParty: CN,
      urgency: 'routine',
      confidentiality: 'normal',
      crimeCategory: null,
      legalBasis: null,
      identifiers: [],
      approvalRequired: false,
      version: 1,
      createdBy: 'US Supervisor',
      createdAt: T0.toISOString(),
      submittedAt: null,
    });
    expect(record.clocks).toMatchObject({ ackDueAt: null, responseDueAt: null, renewalCount: 0 });
    expect(events).toEqual([
      expect.objectContaining({
        type: 'request.draft_created',
        actor: 'US Supervisor',
        data: expect.objectContaining({ type: 'preservation' }),
      }),
    ]);
    expect(issues).toEqual([]);
  });

  it('stores the approval flag the service derives from config', () => {
    const { record } = createRequestDraft(ids, { type: 'content_data', requestedParty: CN }, requester, T0, true);
    expect(record.approvalRequired).toBe(true);
  });

  it('returns format warnings without refusing the draft', () => {
    const { issues } = createRequestDraft(
      ids,
      { type: 'subscriber_info', requestedParty: CN, identifiers: [{ kind: 'ip', value: '999.1.1.1' }] },
      requester,
      T0,
    );
    expect(issues.map((i) => i.path)).toEqual(['identifiers[0].value']);
  });

  it('refuses roles that cannot create requests', () => {
    try {
      createRequestDraft(ids, { type: 'preservation', requestedParty: CN }, user(US, ['analyst']), T0);
      expect.unreachable();
    } catch (e) {
      expect((e as AppError).code).toBe('REQUEST_FORBIDDEN');
    }
  });
});

describe('updateRequestDraft', () => {
  it('replaces given fields, merges details blocks and bumps the version', () => {
    const d = draft();
    const { record, events } = updateRequestDraft(
      d,
      { caseRef: 'NEW-1', urgency: 'urgent', details: { emergency: { threatDescription: 'x' } } },
      requester,
      at(5),
    );
    expect(record.caseRef).toBe('NEW-1');
    expect(record.urgency).toBe('urgent');
    expect(record.details.preservation).toEqual(d.details.preservation);
    expect(record.details.emergency).toEqual({ threatDescription: 'x' });
    expect(record.version).toBe(d.version + 1);
    expect(record.updatedAt).toBe(at(5).toISOString());
    expect(events[0]).toMatchObject({
      type: 'request.draft_updated',
      data: { fields: ['caseRef', 'urgency', 'details'] },
    });
  });

  it('ignores fields that are not request content', () => {
    const d = draft();
    const patch = { caseRef: 'X', expectedVersion: 3, status: 'fulfilled', requestingParty: 'node-evil' } as never;
    const { record } = updateRequestDraft(d, patch, requester, at(5));
    expect(record.status).toBe('draft');
    expect(record.requestingParty).toBe(US);
    expect('expectedVersion' in record).toBe(false);
  });

  it('refuses edits after submission', () => {
    try {
      updateRequestDraft(recordIn('submitted'), { caseRef: 'X' }, requester, at(5));
      expect.unreachable();
    } catch (e) {
      expect((e as AppError).code).toBe('REQUEST_NOT_EDITABLE');
      expect((e as AppError).status).toBe(409);
    }
  });

  it('refuses the requested party', () => {
    try {
      updateRequestDraft(draft(), { caseRef: 'X' }, user(CN, ['supervisor']), at(5));
      expect.unreachable();
    } catch (e) {
      expect((e as AppError).code).toBe('REQUEST_WRONG_PARTY');
    }
  });
});
