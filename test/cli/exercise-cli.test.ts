// `crossline exercises results` as a user runs it: a real process over a node's data directory
// holding one running exercise whose call inject was acknowledged in time.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import type { UserActor } from '../../src/domain/shared/actor.js';
import { hospitalRansomwareScenario } from '../../src/demo/demo-exercise.js';
import { loadOrCreateNodeSecrets } from '../../src/security/node-secrets.js';
import { applyPeerCallStep } from '../../src/services/call/call-federation.js';
import { listCalls } from '../../src/services/call/list-calls.js';
import type { ServiceContext } from '../../src/services/context.js';
import { createExercise } from '../../src/services/exercise/create-exercise.js';
import { createScenario } from '../../src/services/exercise/create-scenario.js';
import { startExercise } from '../../src/services/exercise/start-exercise.js';
import { addPeer } from '../../src/services/federation/add-peer.js';
import { ownNodeCard } from '../../src/services/federation/node-card.js';
import { sweepExerciseInjects } from '../../src/workers/exercise-worker.js';
import { createTestContext, type TestContext } from '../support/test-context.js';

const run = promisify(execFile);
const BIN = path.resolve('bin/crossline.js');

describe('crossline exercises results', () => {
  let t: TestContext;
  let peerDir: string;
  beforeAll(async () => {
    t = await createTestContext('embedded');
    t.clock.set(new Date(Date.now() - 3_600_000));
    peerDir = mkdtempSync(path.join(tmpdir(), 'crossline-peer-'));
    const peerCtx = {
      config: loadConfig({ dataDir: peerDir, nodeId: 'us-test', logLevel: 'silent' }, {}),
      secrets: loadOrCreateNodeSecrets(peerDir, {}),
      logger: pino({ level: 'silent' }),
    } as ServiceContext;
    await addPeer(
      t.ctx,
      { kind: 'system', partyId: 'cn-test' },
      { card: ownNodeCard(peerCtx, 'http://127.0.0.1:9'), confirmed: true },
    );
    const director: UserActor = {
      kind: 'user',
      userId: 'u',
      name: 'Sam Supervisor',
      roles: ['supervisor'],
      partyId: 'cn-test',
    };
    const s = await createScenario(t.ctx, director, hospitalRansomwareScenario('cn-test', 'us-test'));
    const ex = await createExercise(t.ctx, director, { scenarioId: s.id, timeScale: 1 });
    await startExercise(t.ctx, director, ex.id);
    await sweepExerciseInjects(t.ctx);
    const [call] = await listCalls(t.ctx, director, { exercise: ex.id, limit: 1, offset: 0 });
    t.clock.advance(6 * 60_000);
    await applyPeerCallStep(
      t.ctx,
      { kind: 'peer', partyId: 'us-test' },
      { callId: call!.call.id, input: { action: 'acknowledge' }, by: 'US Duty', at: t.clock.now().toISOString() },
    );
    await t.ctx.db.close();
  });
  afterAll(() => {
    rmSync(t.dataDir, { recursive: true, force: true });
    rmSync(peerDir, { recursive: true, force: true });
  });

  it('prints the score per party, as text and as JSON', async () => {
    const args = [BIN, 'exercises', 'results', '--data-dir', t.dataDir, '--node-id', 'cn-test'];
    const env = { ...process.env, CROSSLINE_LOG_LEVEL: 'warn' };
    const text = await run('node', args, { env });
    expect(text.stdout).toContain('Ransomware on a hospital / 医院遭勒索软件攻击 (running)');
    expect(text.stdout).toContain('us-test: score 100 (1 injects met, 0 missed)');
    const json = JSON.parse((await run('node', [...args, '--json'], { env })).stdout) as {
      parties: { partyId: string; score: number; injects: { measured: object }[] }[];
    }[];
    expect(json[0]!.parties[0]).toMatchObject({ partyId: 'us-test', score: 100 });
    expect(json[0]!.parties[0]!.injects[0]!.measured).toEqual({ acknowledgeMinutes: 6 });
  }, 60_000);
});
