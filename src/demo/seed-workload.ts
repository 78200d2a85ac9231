// The demo workload, flowing between the Chinese (first) and US (second) demo nodes: a fraud case with
// observables, a preservation request awaiting acknowledgement, a fulfilled subscriber-information
// request, an unacknowledged emergency call, rosters on both sides and the mechanism's first dialogue.
import { DAY_MS, HOUR_MS } from '../domain/shared/time.js';
import type { TCreateRequestDraft, TRequestAction } from '../domain/request/index.js';
import type { ServiceContext } from '../services/context.js';
import { addShift } from '../services/call/add-shift.js';
import { placeCall } from '../services/call/place-call.js';
import { addCaseObservables } from '../services/case/add-observables.js';
import { actOnCase } from '../services/case/act-on-case.js';
import { createCase } from '../services/case/create-case.js';
import { actOnMeeting } from '../services/dialogue/act-on-meeting.js';
import { createActionItem } from '../services/dialogue/create-action-item.js';
import { createMeeting } from '../services/dialogue/create-meeting.js';
import { recordOutcome } from '../services/dialogue/record-outcome.js';
import { actOnRequest } from '../services/request/act-on-request.js';
import { createDraftRequest } from '../services/request/create-request-draft.js';
import { callIsHere, requestStatusHere } from '../services/federation/arrivals.js';
import type { SeededNode } from './seed-demo.js';
import {
  EMERGENCY_CALL,
  FIRST_DIALOGUE,
  FRAUD_CASE,
  FRAUD_OBSERVABLES,
  PRESERVATION_REQUEST,
  SUBSCRIBER_REQUEST,
} from './demo-content.js';

const OFFICER = { name: '张伟 Zhang Wei', email: 'zhang.wei@cn-demo.example', phone: '+86 10 5555 0101' };

/** Waits until a message has been delivered and applied on the other node. */
async function arrived(check: () => Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`demo seed: ${what} did not arrive within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function seedWorkload(nodes: readonly SeededNode[]): Promise<void> {
  const [cn, us] = nodes as [SeededNode, SeededNode];
  const fraudCase = await createCase(cn.ctx, cn.as.investigator, {
    ...FRAUD_CASE,
    crimeCategories: ['online_fraud'],
    participatingParties: [us.party.nodeId],
    tlp: 'AMBER',
    members: [
      { userId: cn.as.analyst.userId, caseRole: 'member' },
      { userId: cn.as.duty.userId, caseRole: 'member' },
      { userId: cn.as.supervisor.userId, caseRole: 'viewer' },
    ],
  });
  await actOnCase(cn.ctx, cn.as.investigator, fraudCase.record.id, { action: 'activate' });
  await addCaseObservables(cn.ctx, cn.as.analyst, fraudCase.record.id, {
    observables: FRAUD_OBSERVABLES.map((o) => ({
      ...o,
      tags: 'tags' in o ? [...o.tags] : undefined,
      options: { defaultCountry: 'CN' },
    })),
  });

  const submit = async (input: object) => {
    const draft = await createDraftRequest(cn.ctx, cn.as.investigator, {
      ...input,
      requestedParty: us.party.nodeId,
      caseRef: fraudCase.record.reference,
      contactOfficer: OFFICER,
    } as TCreateRequestDraft);
    await actOnRequest(cn.ctx, cn.as.investigator, draft.id, { action: 'submit' });
    await arrived(async () => (await requestStatusHere(us.ctx, draft.id)) !== null, `request ${draft.reference}`);
    return draft.id;
  };
  await submit(PRESERVATION_REQUEST);
  const subscriberId = await submit(SUBSCRIBER_REQUEST);
  await actOnCase(cn.ctx, cn.as.investigator, fraudCase.record.id, { action: 'link_request', requestId: subscriberId });
  const steps: TRequestAction[] = [
    { action: 'acknowledge' },
    { action: 'accept' },
    { action: 'start_work' },
    {
      action: 'fulfil',
      note: 'Subscriber: Northgate Consulting LLC, 1200 W Example Ave, Chicago IL; activated 2026-02-27, prepaid card.',
    },
  ];
  for (const step of steps) await actOnRequest(us.ctx, us.as.duty, subscriberId, step);
  await arrived(async () => (await requestStatusHere(cn.ctx, subscriberId)) === 'fulfilled', 'the fulfilment');

  const call = await placeCall(us.ctx, us.as.duty, { ...EMERGENCY_CALL, toParty: cn.party.nodeId });
  await arrived(async () => await callIsHere(cn.ctx, call.call.id), 'the emergency call');

  for (const node of nodes) await seedRoster(node);
  await seedFirstDialogue(cn.ctx, cn, us.party.nodeId);
}

async function seedRoster(node: SeededNode): Promise<void> {
  const now = node.ctx.clock().getTime();
  const shift = (userId: string, role: 'duty_officer' | 'deputy' | 'supervisor') =>
    addShift(
      node.ctx,
      node.as.supervisor,
      {
        userId,
        role,
        start: new Date(now - 2 * HOUR_MS).toISOString(),
        end: new Date(now + 10 * HOUR_MS).toISOString(),
        timeZone: node.party.timeZone,
      },
      node.party.timeZone,
    );
  await shift(node.as.duty.userId, 'duty_officer');
  await shift(node.as.investigator.userId, 'deputy');
  await shift(node.as.supervisor.userId, 'supervisor');
}

async function seedFirstDialogue(ctx: ServiceContext, cn: SeededNode, us: string): Promise<void> {
  const { outcomes, ...meetingInput } = FIRST_DIALOGUE;
  const view = await createMeeting(ctx, cn.as.supervisor, {
    ...meetingInput,
    parties: [ctx.config.nodeId, us],
    participants: [
      { party: ctx.config.nodeId, name: 'Head of the Chinese delegation', title: 'Ministry of Public Security' },
      {
        party: us,
        name: 'Head of the US delegation',
        title: 'Department of Justice / Department of Homeland Security',
      },
    ],
  });
  const meetingId = view.meeting.id;
  await actOnMeeting(ctx, cn.as.supervisor, meetingId, { action: 'mark_held' });
  const recorded = [];
  for (const text of outcomes) recorded.push(await recordOutcome(ctx, cn.as.supervisor, meetingId, { text }));
  const due = (days: number) => new Date(ctx.clock().getTime() + days * DAY_MS).toISOString().slice(0, 10);
  await createActionItem(ctx, cn.as.supervisor, meetingId, {
    outcomeId: recorded[1]!.id,
    title: { en: 'Publish both hotline duty rosters to the federation', zh: '向联邦发布双方热线值班表' },
    ownerParty: ctx.config.nodeId,
    ownerName: 'Liaison office',
    dueDate: due(14),
  });
  await createActionItem(ctx, cn.as.supervisor, meetingId, {
    outcomeId: recorded[2]!.id,
    title: { en: 'Plan the first tabletop exercise on ransomware', zh: '筹划首次勒索软件桌面推演' },
    ownerParty: us,
    ownerName: 'Cyber Division',
    dueDate: due(45),
  });
}
