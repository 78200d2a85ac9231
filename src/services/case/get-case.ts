// Use case: one case with everything its page shows: members, observables, evidence metadata,
// tasks and timeline (content for members only; admins see the membership they manage).
import type { EvidenceRecord, ObservableRecord, TimelineEntry } from '../../domain/case/index.js';
import type { Actor } from '../../domain/shared/actor.js';
import { listCaseObservables } from '../../storage/repositories/case-observable.repository.js';
import { listCaseTasks } from '../../storage/repositories/case-task.repository.js';
import { listCaseEvidence } from '../../storage/repositories/evidence.repository.js';
import { findUserNames } from '../../storage/repositories/user.repository.js';
import type { ServiceContext } from '../context.js';
import { loadCase, viewCase, type CaseView } from './case-support.js';
import { caseTimeline } from './case-timeline.js';
import { isEvidenceVisible, visibleObservables } from './case-visibility.js';
import { viewTask, type TaskView } from './task-view.js';

export type CaseContent = {
  observables: ObservableRecord[];
  evidence: EvidenceRecord[];
  tasks: TaskView[];
  timeline: TimelineEntry[];
};

/** `memberNames`: display names of the members, so pages show people, not ids. */
export type CaseDetail = CaseView & { content: CaseContent | null; memberNames: Record<string, string> };

export async function getCase(ctx: ServiceContext, actor: Actor, id: string): Promise<CaseDetail> {
  const kase = await loadCase(ctx.db, actor, id);
  const view = viewCase(kase, actor);
  const memberNames = Object.fromEntries(
    await findUserNames(
      ctx.db,
      kase.members.map((m) => m.userId),
    ),
  );
  if (view.access !== 'full') return { ...view, content: null, memberNames };
  const now = ctx.clock();
  const local = ctx.config.nodeId;
  const [observables, evidence, tasks, timeline] = await Promise.all([
    listCaseObservables(ctx.db, id),
    listCaseEvidence(ctx.db, id),
    listCaseTasks(ctx.db, id),
    caseTimeline(ctx.db, kase),
  ]);
  return {
    ...view,
    memberNames,
    content: {
      observables: visibleObservables(local, observables),
      evidence: evidence.filter((e) => isEvidenceVisible(local, e)),
      tasks: tasks.map((t) => viewTask(t, actor, kase, now)),
      timeline,
    },
  };
}
