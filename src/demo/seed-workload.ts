// The China demo node's workload: a fraud case with observables, a preservation request awaiting
// acknowledgement, a fulfilled subscriber-information request with its evidence, an unacknowledged
// emergency call from the counterpart, the roster and the mechanism's first dialogue.
import { DAY_MS, HOUR_MS } from '../domain/shared/time.js';
import type { TCreateRequestDraft, TRequestAction } from '../domain/request/index.js';
import type { ServiceContext } from '../services/context.js';
import { addShift } from '../services/call/add-shift.js';
import { recordIncomingCall } from '../services/call/record-incoming-call.js';
import { addCaseObservables } from '../services/case/add-observables.js';
import { addEvidence } from '../services/case/add-evidence.js';
import { actOnCase } from '../services/case/act-on-case.js';
import { createCase } from '../services/case/create-case.js';
import { actOnMeeting } from '../services/dialogue/act-on-meeting.js';
import { createActionItem } from '../services/dialogue/create-action-item.js';
import { createMeeting } from '../services/dialogue/create-meeting.js';
import { recordOutcome } from '../services/dialogue/record-outcome.js';
import { actOnRequest } from '../services/request/act-on-request.js';
import { createDraftRequest } from '../services/request/create-request-draft.js';
import type { DemoActors } from './seed-demo.js';
import {
  EMERGENCY_CALL, FIRST_DIALOGUE, FRAUD_CASE, FRAUD_OBSERVABLES, PRESERVATION_REQUEST, SUBSCRIBER_RECORD_CSV, SUBSCRIBER_REQUEST,
} from './demo-content.js';

const OFFICER = { name: '张伟 Zhang Wei', email: 'zhang.wei@cn-demo.example', phone: '+86 10 5555 0101' };

export async function seedChinaWorkload(ctx: ServiceContext, a: DemoActors, us: string): Promise<void> {
  const fraudCase = await createCase(ctx, a.investigator, {
    ...FRAUD_CASE, crimeCategories: ['online_fraud'], participatingParties: [us], tlp: 'AMBER',
    members: [{ userId: a.analyst.userId, caseRole: 'member' }, { userId: a.duty.userId, caseRole: 'member' }, { userId: a.supervisor.userId, caseRole: 'viewer' }],
  });
  await actOnCase(ctx, a.investigator, fraudCase.record.id, { action: 'activate' });
  await addCaseObservables(ctx, a.analyst, fraudCase.record.id, {
    observables: FRAUD_OBSERVABLES.map((o) => ({ ...o, tags: 'tags' in o ? [...o.tags] : undefined, options: { defaultCountry: 'CN' } })),
  });

  const request = async (input: object, steps: TRequestAction[] = []) => {
    const draft = await createDraftRequest(ctx, a.investigator, { ...input, requestedParty: us, caseRef: fraudCase.record.reference, contactOfficer: OFFICER } as TCreateRequestDraft);
    let current = await actOnRequest(ctx, a.investigator, draft.id, { action: 'submit' });
    for (const step of steps) current = await actOnRequest(ctx, a.duty, draft.id, step, { onBehalfOfCounterpart: true });
    return current;
  };
  await request(PRESERVATION_REQUEST);
  const subscriber = await request(SUBSCRIBER_REQUEST, [{ action: 'acknowledge' }, { action: 'accept' }, { action: 'start_work' }]);
  await actOnCase(ctx, a.investigator, fraudCase.record.id, { action: 'link_request', requestId: subscriber.id });
  const evidence = await addEvidence(ctx, a.investigator, fraudCase.record.id, {
    filename: 'subscriber-records-13125550142.csv', mediaType: 'text/csv', requestId: subscriber.id, tlp: 'AMBER',
    description: 'Subscriber records returned by Example Telecom via the US point of contact',
  }, Buffer.from(SUBSCRIBER_RECORD_CSV));
  await actOnRequest(ctx, a.duty, subscriber.id, { action: 'fulfil', evidenceIds: [evidence.id], note: 'Records attached.' }, { onBehalfOfCounterpart: true });

  await recordIncomingCall(ctx, a.duty, { ...EMERGENCY_CALL, fromParty: us, receivedAt: new Date(ctx.clock().getTime() - 4 * 60_000).toISOString() });

  const now = ctx.clock().getTime();
  const shift = (userId: string, role: 'duty_officer' | 'deputy' | 'supervisor') =>
    addShift(ctx, a.supervisor, { userId, role, start: new Date(now - 2 * HOUR_MS).toISOString(), end: new Date(now + 10 * HOUR_MS).toISOString(), timeZone: 'Asia/Shanghai' }, 'Asia/Shanghai');
  await shift(a.duty.userId, 'duty_officer');
  await shift(a.investigator.userId, 'deputy');
  await shift(a.supervisor.userId, 'supervisor');

  await seedFirstDialogue(ctx, a, us, now);
}

async function seedFirstDialogue(ctx: ServiceContext, a: DemoActors, us: string, now: number): Promise<void> {
  const { outcomes, ...meetingInput } = FIRST_DIALOGUE;
  const meeting = await createMeeting(ctx, a.supervisor, {
    ...meetingInput, parties: [ctx.config.nodeId, us],
    participants: [
      { party: ctx.config.nodeId, name: 'Head of the Chinese delegation', title: 'Ministry of Public Security' },
      { party: us, name: 'Head of the US delegation', title: 'Department of Justice / Department of Homeland Security' },
    ],
  });
  await actOnMeeting(ctx, a.supervisor, meeting.meeting.id, { action: 'mark_held' });
  const recorded = [];
  for (const text of outcomes) recorded.push(await recordOutcome(ctx, a.supervisor, meeting.meeting.id, { text }));
  const due = (days: number) => new Date(now + days * DAY_MS).toISOString().slice(0, 10);
  await createActionItem(ctx, a.supervisor, meeting.meeting.id, {
    outcomeId: recorded[1]!.id, title: { en: 'Publish both hotline duty rosters to the federation', zh: '向联邦发布双方热线值班表' },
    ownerParty: ctx.config.nodeId, ownerName: 'Liaison office', dueDate: due(14),
  });
  await createActionItem(ctx, a.supervisor, meeting.meeting.id, {
    outcomeId: recorded[2]!.id, title: { en: 'Plan the first tabletop exercise on ransomware', zh: '筹划首次勒索软件桌面推演' },
    ownerParty: us, ownerName: 'Cyber Division', dueDate: due(45),
  });
}
