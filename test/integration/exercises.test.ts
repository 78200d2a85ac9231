// Exercise mode on both stores with a test clock (docs/spec.md §7.2): injects fire at start + offset exactly
// once (also with two sweeps racing and across a restart), create marked calls and requests that no
// real list shows, and the score follows the participant's steps as they arrive from the peer.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { AppError } from '../../src/errors.js';
import type { TScenarioInput } from '../../src/domain/exercise/index.js';
import type { UserActor } from '../../src/domain/shared/actor.js';
import { loadOrCreateNodeSecrets } from '../../src/security/node-secrets.js';
import { applyPeerCallStep } from '../../src/services/call/call-federation.js';
import { actOnCall } from '../../src/services/call/act-on-call.js';
import { listCalls } from '../../src/services/call/list-calls.js';
import { createCaseFromCall } from '../../src/services/case/create-case-from-call.js';
import type { ServiceContext } from '../../src/services/context.js';
import { createExercise } from '../../src/services/exercise/create-exercise.js';
import { createScenario } from '../../src/services/exercise/create-scenario.js';
import { endExercise } from '../../src/services/exercise/end-exercise.js';
import { getExerciseBoard } from '../../src/services/exercise/exercise-board.js';
import { listExerciseResults } from '../../src/services/exercise/exercise-results.js';
import { startExercise } from '../../src/services/exercise/start-exercise.js';
import { addPeer } from '../../src/services/federation/add-peer.js';
import { ownNodeCard } from '../../src/services/federation/node-card.js';
import { createDraftRequest } from '../../src/services/request/create-request-draft.js';
import type { TCreateRequestDraft } from '../../src/domain/request/index.js';
import { listVisibleRequests } from '../../src/services/request/read-requests.js';
import { applyPeerRequestStep } from '../../src/services/request/request-federation.js';
import { sweepExerciseInjects } from '../../src/workers/exercise-worker.js';
import { preservationDraft } from '../factories.js';
import { createTestContext, STORES, type TestContext } from '../support/test-context.js';

const MIN = 60_000;
const PEER = 'us-test';
const { requestedParty: _p, ...preservation } = preservationDraft();

const scenario: TScenarioInput = {
  title: { en: 'Ransomware on a hospital', zh: '医院遭勒索软件攻击' },
  briefing: { en: 'A hospital is hit.', zh: '一家医院遭到攻击。' },
  participants: [PEER],
  injects: [
    {
      kind: 'call',
      offsetMinutes: 0,
      party: PEER,
      urgency: 'emergency',
      topic: 'ransomware_incident',
      title: { en: 'Emergency call', zh: '紧急呼叫' },
      text: { en: 'Hospital encrypted', zh: '医院系统被加密' },
      callback: { name: 'Desk', phone: '+86 10 5555 0101', email: null, timeZone: 'Asia/Shanghai' },
    },
    {
      kind: 'info',
      offsetMinutes: 5,
      party: PEER,
      title: { en: 'Update', zh: '通报' },
      text: { en: 'Press calls.', zh: '媒体来电。' },
    },
    {
      kind: 'request',
      offsetMinutes: 20,
      party: PEER,
      title: { en: 'Preservation', zh: '保全' },
      request: preservation as Extract<TScenarioInput['injects'][number], { kind: 'request' }>['request'],
    },
  ],
};

describe.each(STORES)('exercises (%s)', (store) => {
  let t: TestContext;
  let peerDir: string;
  const director: UserActor = {
    kind: 'user',
    userId: 'u-sup',
    name: 'Sam Supervisor',
    roles: ['supervisor'],
    partyId: 'cn-test',
  };
  const peer = { kind: 'peer', partyId: PEER, name: 'US Duty' } as const;
  beforeAll(async () => {
    t = await createTestContext(store);
    // The participant only needs to exist as an active peer: its card, signed with its own keys.
    peerDir = mkdtempSync(path.join(tmpdir(), 'crossline-peer-'));
    const peerCtx = {
      config: loadConfig({ dataDir: peerDir, nodeId: PEER, logLevel: 'silent' }, {}),
      secrets: loadOrCreateNodeSecrets(peerDir, {}),
      logger: pino({ level: 'silent' }),
    } as ServiceContext;
    await addPeer(
      t.ctx,
      { kind: 'system', partyId: 'cn-test' },
      { card: ownNodeCard(peerCtx, 'http://127.0.0.1:9'), confirmed: true },
    );
  });
  afterAll(async () => {
    await t?.cleanup();
    rmSync(peerDir, { recursive: true, force: true });
  });

  it('refuses an invalid scenario with bilingual issues and changes nothing', async () => {
    const bad = { ...scenario, participants: ['nobody'], title: { en: 'x', zh: '' } };
    const err = await createScenario(t.ctx, director, bad).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('EXERCISE_VALIDATION_FAILED');
    expect((err as AppError).issues!.map((i) => i.path)).toEqual(
      expect.arrayContaining(['title.zh', 'participants.0', 'injects.0.party']),
    );
    const reader: UserActor = { ...director, roles: ['read_only'] };
    expect(await createScenario(t.ctx, reader, scenario).catch((e: AppError) => e.code)).toBe('EXERCISE_FORBIDDEN');
  });

  it("fires each inject once at its time, keeps it out of real lists, and scores the peer's steps", async () => {
    const s = await createScenario(t.ctx, director, scenario);
    const run = await createExercise(t.ctx, director, { scenarioId: s.id, timeScale: 1 });
    const start = t.clock.now();
    await startExercise(t.ctx, director, run.id);

    expect(await sweepExerciseInjects(t.ctx)).toEqual({ fired: 1, failed: 0 });
    const [call] = await listCalls(t.ctx, director, { exercise: run.id, limit: 10, offset: 0 });
    expect(call!.call).toMatchObject({ toParty: PEER, urgency: 'emergency', exerciseId: run.id });
    expect((await listCalls(t.ctx, director, { limit: 500, offset: 0 })).map((c) => c.call.id)).not.toContain(
      call!.call.id,
    );
    // Its own reference series, and listed (marked by exerciseId) where the inbox and hotline look while it runs.
    expect(call!.call.reference).toMatch(/^[A-Z0-9-]+-EX-CALL-\d{4}-0001$/);
    expect(
      (await listCalls(t.ctx, director, { exercise: 'running', limit: 500, offset: 0 })).map((c) => c.call.id),
    ).toContain(call!.call.id);

    // T+9: the peer's acknowledgement arrives (ack deadline 15 min → met).
    t.clock.set(new Date(start.getTime() + 9 * MIN));
    await applyPeerCallStep(t.ctx, peer, {
      callId: call!.call.id,
      input: { action: 'acknowledge' },
      by: 'US Duty',
      at: t.clock.now().toISOString(),
    });

    // T+20: two sweeps race for the info and request injects; each fires once.
    t.clock.set(new Date(start.getTime() + 20 * MIN));
    const [a, b] = await Promise.all([sweepExerciseInjects(t.ctx), sweepExerciseInjects(t.ctx)]);
    expect(a.fired + b.fired).toBe(2);
    await t.reopen();
    expect(await sweepExerciseInjects(t.ctx)).toEqual({ fired: 0, failed: 0 });
    const requests = await listVisibleRequests(t.ctx, director, { exercise: run.id, limit: 10, offset: 0 });
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ status: 'submitted', exerciseId: run.id, type: 'preservation' });
    expect((await listVisibleRequests(t.ctx, director, { limit: 500, offset: 0 })).map((r) => r.id)).not.toContain(
      requests[0]!.id,
    );
    expect(requests[0]!.reference).toMatch(/^[A-Z0-9-]+-EX-REQ-\d{4}-0001$/);
    expect(
      (await listVisibleRequests(t.ctx, director, { exercise: 'running', limit: 500, offset: 0 })).map((r) => r.id),
    ).toContain(requests[0]!.id);

    // T+20+36 h: the acknowledgement comes at 1.5 × its 24 h deadline (urgent) → 50 points; the
    // 24 h preservation response deadline has passed without fulfilment → missed, 0 points.
    t.clock.set(new Date(start.getTime() + 20 * MIN + 36 * 60 * MIN));
    await applyPeerRequestStep(t.ctx, peer, {
      requestId: requests[0]!.id,
      command: { action: 'acknowledge' },
      by: 'US Duty',
      at: t.clock.now().toISOString(),
    });

    const board = await getExerciseBoard(t.ctx, director, run.id);
    const steps = board.rows.map((r) => r.score.steps.map((x) => [x.step, x.measuredMinutes, x.status]));
    expect(steps).toEqual([
      [['acknowledge', 9, 'met']],
      [],
      [
        ['acknowledge', 2160, 'missed'],
        ['accept', null, 'pending'],
        ['fulfil', null, 'missed'],
      ],
    ]);
    // (100 + 50 + 0) / 3
    expect(board.parties).toEqual([{ party: PEER, score: 50, met: 1, missed: 2, pending: 1 }]);

    const [result] = await listExerciseResults(t.ctx, {
      from: new Date(start.getTime() - MIN),
      to: new Date(start.getTime() + MIN),
    });
    expect(result).toMatchObject({
      exerciseId: run.id,
      title: scenario.title,
      parties: [{ partyId: PEER, score: 50 }],
    });
    expect(result!.parties[0]!.injects.map((i) => [i.kind, i.measured, i.deadlines, i.met])).toEqual([
      ['call', { acknowledgeMinutes: 9 }, { acknowledgeMinutes: 15 }, true],
      ['info', {}, {}, null],
      ['request', { acknowledgeMinutes: 2160 }, { acknowledgeMinutes: 1440, fulfilMinutes: 1440 }, false],
    ]);
  });

  it('keeps an exercise call out of real work: no case is opened from it and it links to no real request', async () => {
    const s2 = await createScenario(t.ctx, director, { ...scenario, injects: [scenario.injects[0]!] });
    const run = await createExercise(t.ctx, director, { scenarioId: s2.id, timeScale: 1 });
    await startExercise(t.ctx, director, run.id);
    await sweepExerciseInjects(t.ctx);
    const [call] = await listCalls(t.ctx, director, { exercise: run.id, limit: 10, offset: 0 });
    const code = (e: unknown) => (e instanceof AppError ? e.code : String(e));
    await expect(createCaseFromCall(t.ctx, director, call!.call.id).catch(code)).resolves.toBe(
      'EXERCISE_RECORD_STAYS_IN_EXERCISE',
    );
    await expect(
      actOnCall(t.ctx, director, call!.call.id, { action: 'link_case', caseId: 'any' }).catch(code),
    ).resolves.toBe('EXERCISE_RECORD_STAYS_IN_EXERCISE');
    const real = await createDraftRequest(
      t.ctx,
      director,
      preservationDraft({ requestedParty: PEER }) as TCreateRequestDraft,
    );
    await expect(
      actOnCall(t.ctx, director, call!.call.id, { action: 'link_request', requestId: real.id }).catch(code),
    ).resolves.toBe('EXERCISE_RECORD_STAYS_IN_EXERCISE');
    // Drills use up no real reference: the first real request is number 1 of the real series.
    expect(real.reference).toMatch(/^[A-Z0-9-]+-REQ-\d{4}-0001$/);
    // Once the exercise ends, its records leave the running lists.
    await endExercise(t.ctx, director, run.id);
    expect(
      (await listCalls(t.ctx, director, { exercise: 'running', limit: 500, offset: 0 })).map((c) => c.call.id),
    ).not.toContain(call!.call.id);
  });
});
