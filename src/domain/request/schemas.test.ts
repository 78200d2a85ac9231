// Zod input shapes: what the HTTP layer accepts before domain validation runs.
import { describe, expect, it } from 'vitest';
import { ZCreateRequestDraftSchema, ZRequestActionSchema, ZUpdateRequestDraftSchema } from './schemas.js';
import { createRequestDraft } from './draft.js';
import { T0, requester, validContent } from './test-fixtures.js';
import { REQUEST_TYPES } from './types.js';

describe('ZCreateRequestDraftSchema', () => {
  it('accepts the minimal draft and every complete example', () => {
    expect(ZCreateRequestDraftSchema.safeParse({ type: 'takedown', requestedParty: 'node-cn' }).success).toBe(true);
    for (const t of REQUEST_TYPES) {
      const { requestingParty: _r, ...input } = validContent(t);
      const parsed = ZCreateRequestDraftSchema.safeParse(input);
      expect(parsed.success, `${t}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
    }
  });

  it('refuses unknown enums, legal bases and offset-less instants', () => {
    const bad = (x: object) =>
      ZCreateRequestDraftSchema.safeParse({ type: 'preservation', requestedParty: 'n', ...x }).success;
    expect(bad({ type: 'spy' })).toBe(false);
    expect(bad({ legalBasis: 'magna_carta' })).toBe(false);
    expect(bad({ urgency: 'asap' })).toBe(false);
    expect(bad({ requestedDeadline: '2026-10-01T10:00' })).toBe(false);
    expect(bad({ requestedDeadline: '2026-10-01T10:00:00+08:00' })).toBe(true);
    expect(bad({ identifiers: [{ kind: 'fax', value: '1' }] })).toBe(false);
  });

  it('requires the type and the requested party', () => {
    expect(ZCreateRequestDraftSchema.safeParse({ requestedParty: 'n' }).success).toBe(false);
    expect(ZCreateRequestDraftSchema.safeParse({ type: 'other' }).success).toBe(false);
  });
});

describe('schemas fit the domain functions', () => {
  it('a parsed create-draft body goes straight into createRequestDraft', () => {
    const { requestingParty: _r, ...input } = validContent('freeze_assets');
    const parsed = ZCreateRequestDraftSchema.parse(input);
    const { record, issues } = createRequestDraft({ id: 'x', reference: 'X-1' }, parsed, requester, T0);
    expect(record.details.freeze?.currency).toBe('USDT');
    expect(issues).toEqual([]);
  });
});

describe('ZUpdateRequestDraftSchema', () => {
  it('accepts partial updates with an expected version', () => {
    expect(ZUpdateRequestDraftSchema.safeParse({ caseRef: 'X', expectedVersion: 3 }).success).toBe(true);
    expect(ZUpdateRequestDraftSchema.safeParse({ expectedVersion: 0 }).success).toBe(false);
  });
});

describe('ZRequestActionSchema', () => {
  it('parses each action with its parameters', () => {
    expect(ZRequestActionSchema.parse({ action: 'decline', reason: 'r' })).toEqual({ action: 'decline', reason: 'r' });
    expect(ZRequestActionSchema.safeParse({ action: 'decline' }).success).toBe(false);
    expect(ZRequestActionSchema.safeParse({ action: 'record_approval', decision: 'granted' }).success).toBe(true);
    expect(ZRequestActionSchema.safeParse({ action: 'record_approval', decision: 'perhaps' }).success).toBe(false);
    expect(
      ZRequestActionSchema.safeParse({
        action: 'propose_clock_override',
        values: { maxRenewals: null, preservationDays: 30 },
      }).success,
    ).toBe(true);
    expect(
      ZRequestActionSchema.safeParse({ action: 'propose_clock_override', values: { preservationDays: 0 } }).success,
    ).toBe(false);
    expect(ZRequestActionSchema.safeParse({ action: 'teleport' }).success).toBe(false);
  });
});
