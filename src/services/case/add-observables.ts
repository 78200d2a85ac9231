// Use cases: add observables to a case (one, a batch, or several values pasted one per line),
// normalized and merged with what the case already holds; and list them.
import {
  addObservables,
  requireCaseAccess,
  type ObservableRecord,
  type ObservableType,
  type TObservableInput,
  type Tlp,
} from '../../domain/case/index.js';
import type { Actor, UserActor } from '../../domain/shared/actor.js';
import type { ValidationIssue } from '../../errors.js';
import { newId } from '../../shared/ids.js';
import {
  insertObservable,
  listCaseObservables,
  updateObservable,
} from '../../storage/repositories/case-observable.repository.js';
import type { ServiceContext } from '../context.js';
import { recordObservables } from '../intel/record-observables.js';
import { loadCase, recordCaseEvents } from './case-support.js';
import { visibleObservables } from './case-visibility.js';

export type ObservablePaste = {
  type: ObservableType;
  text: string;
  tlp?: Tlp;
  tags?: string[];
  options?: TObservableInput['options'];
};

/** One observable, a batch, or a paste; `atomic` (default true): one bad value refuses them all. */
export type ObservableSubmission =
  | { observables: TObservableInput[]; atomic?: boolean }
  | (TObservableInput & { atomic?: boolean })
  | { paste: ObservablePaste; atomic?: boolean };

export type AddObservablesOutcome = {
  added: ObservableRecord[];
  /** Existing observables that gained a source, tag or flag from this submission. */
  merged: ObservableRecord[];
  /** Values already in the case (or repeated in the submission), with the observable they merged into. */
  duplicates: { key: string; keptId: string }[];
  rejected: { index: number; value: string; issues: ValidationIssue[] }[];
};

export function submissionInputs(s: ObservableSubmission): TObservableInput[] {
  if ('observables' in s) return s.observables;
  if ('paste' in s) {
    const { text, ...common } = s.paste;
    // One value per line: values such as phone numbers or URLs may contain spaces or commas.
    return text
      .split(/\r?\n/)
      .map((v) => v.trim())
      .filter(Boolean)
      .map((value) => ({ ...common, value }));
  }
  const { atomic: _atomic, ...single } = s;
  return [single];
}

export async function addCaseObservables(
  ctx: ServiceContext,
  actor: UserActor,
  caseId: string,
  submission: ObservableSubmission,
): Promise<AddObservablesOutcome> {
  const now = ctx.clock();
  const inputs = submissionInputs(submission);
  return ctx.db.transaction(async (tx) => {
    // The case row lock serialises additions, so two people adding one value cannot race the unique index.
    const kase = await loadCase(tx, actor, caseId, true);
    const existing = await listCaseObservables(tx, caseId);
    const result = addObservables({
      kase,
      existing,
      inputs,
      actor,
      now,
      newId,
      sourceParty: ctx.config.nodeId,
      sourceRef: 'manual',
      defaultCountry: ctx.config.country,
      atomic: submission.atomic,
    });
    for (const o of result.added) await insertObservable(tx, o);
    for (const o of result.updated) await updateObservable(tx, o, o.version - 1);
    await recordObservables(tx, ctx, { kind: 'case', id: kase.id, label: kase.reference }, result.added, now);
    await recordCaseEvents(tx, actor, kase, result.events, now);
    return {
      added: result.added,
      merged: result.updated,
      duplicates: result.duplicates.map((d) => ({ key: d.key, keptId: d.keptId })),
      rejected: result.rejected.map((r) => ({
        index: r.index,
        value: inputs[r.index]!.value.slice(0, 200),
        issues: r.issues,
      })),
    };
  });
}

export async function listObservables(
  ctx: ServiceContext,
  actor: Actor,
  caseId: string,
  type?: ObservableType,
): Promise<ObservableRecord[]> {
  const kase = await loadCase(ctx.db, actor, caseId);
  requireCaseAccess(actor, 'view', kase);
  const all = visibleObservables(ctx.config.nodeId, await listCaseObservables(ctx.db, caseId));
  return type ? all.filter((o) => o.type === type) : all;
}
