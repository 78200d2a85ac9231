import { describe, expect, it } from 'vitest';
import {
  ZAddObservablesSchema,
  ZAddTaskSchema,
  ZCaseStatusActionSchema,
  ZCreateCaseSchema,
  ZEvidenceMetadataSchema,
  ZShareCaseSchema,
  ZTaskActionSchema,
  ZUpdateCaseSchema,
} from './schemas.js';
import { validateCaseFields } from './case-validation.js';

describe('zod schemas', () => {
  it('create case', () => {
    expect(
      ZCreateCaseSchema.safeParse({ title: { zh: '跨境电诈' }, crimeCategories: ['online_fraud'], tlp: 'AMBER+STRICT' })
        .success,
    ).toBe(true);
    // Blank title and no category pass the shape: the domain names both at once (validateCaseFields).
    expect(ZCreateCaseSchema.safeParse({ title: {}, crimeCategories: [] }).success).toBe(true);
    expect(
      validateCaseFields({ title: {}, crimeCategories: [] }, true)
        .map((i) => i.path)
        .sort(),
    ).toEqual(['crimeCategories', 'title']);
    expect(ZCreateCaseSchema.safeParse({ title: {}, crimeCategories: ['hacking'] }).success).toBe(false);
    expect(ZCreateCaseSchema.safeParse({ title: {}, crimeCategories: ['csam'], tlp: 'WHITE' }).success).toBe(false);
    expect(ZUpdateCaseSchema.safeParse({ confidentiality: 'secret' }).success).toBe(true);
  });
  it('status actions need a reason where the domain does', () => {
    expect(ZCaseStatusActionSchema.safeParse({ action: 'close', reason: 'done' }).success).toBe(true);
    expect(ZCaseStatusActionSchema.safeParse({ action: 'close' }).success).toBe(false);
    expect(ZCaseStatusActionSchema.safeParse({ action: 'activate' }).success).toBe(true);
  });
  it('observables batches', () => {
    expect(
      ZAddObservablesSchema.safeParse({
        observables: [{ type: 'phone', value: '138', options: { defaultCountry: 'CN' } }],
      }).success,
    ).toBe(true);
    expect(ZAddObservablesSchema.safeParse({ observables: [] }).success).toBe(false);
    expect(ZAddObservablesSchema.safeParse({ observables: [{ type: 'mac', value: 'x' }] }).success).toBe(false);
  });
  it('tasks', () => {
    expect(ZAddTaskSchema.safeParse({ title: 'x', dueAt: '2025-03-01T08:00:00Z' }).success).toBe(true);
    expect(ZAddTaskSchema.safeParse({ title: 'x', dueAt: 'tomorrow' }).success).toBe(false);
    expect(ZTaskActionSchema.safeParse({ action: 'reassign', assigneeUserId: null }).success).toBe(true);
    expect(ZTaskActionSchema.safeParse({ action: 'fly' }).success).toBe(false);
  });
  it('share requests need items unless sharing the whole case', () => {
    expect(ZShareCaseSchema.safeParse({ recipients: ['us-fbi'], granularity: 'whole_case' }).success).toBe(true);
    expect(ZShareCaseSchema.safeParse({ recipients: ['us-fbi'], granularity: 'selected' }).success).toBe(false);
    expect(
      ZShareCaseSchema.safeParse({ recipients: ['us-fbi'], granularity: 'selected', evidenceIds: ['e1'] }).success,
    ).toBe(true);
    expect(ZShareCaseSchema.safeParse({ recipients: [], granularity: 'whole_case' }).success).toBe(false);
    expect(ZShareCaseSchema.safeParse({ groups: ['asia-pacific'], granularity: 'whole_case' }).success).toBe(true);
    expect(ZShareCaseSchema.safeParse({ recipients: [], groups: [], granularity: 'whole_case' }).success).toBe(false);
  });
  it('evidence metadata', () => {
    expect(
      ZEvidenceMetadataSchema.safeParse({ filename: 'a.pdf', mediaType: 'application/pdf', size: 10 }).success,
    ).toBe(true);
    expect(
      ZEvidenceMetadataSchema.safeParse({ filename: 'a.pdf', mediaType: 'application/pdf', size: 0 }).success,
    ).toBe(false);
  });
});
