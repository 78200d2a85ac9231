// The two-node demo pages (issue 19): an emergency call placed by the US node pages the CN duty
// officer by e-mail within seconds, through the demo's local mail catcher, once; left unacknowledged
// past its 15-minute deadline, it pages the deputy of the demo roster (the investigator), once.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMERGENCY_CALL } from '../../src/demo/demo-content.js';
import { startDemoFederation, type DemoNode } from '../../src/demo/start-demo-federation.js';
import type { MailCatcher } from '../../src/demo/mail-catcher.js';
import { placeCall } from '../../src/services/call/place-call.js';
import { deliverDuePages } from '../../src/services/paging/deliver-pages.js';
import { sweepDeadlines } from '../../src/workers/deadline-worker.js';
import { CLOCK_SOURCES } from '../../src/workers/clock-sources.js';
import { toActor } from '../../src/services/user/authenticate.js';
import { findUserByUsername } from '../../src/storage/repositories/user.repository.js';

describe('paging on the two-node demo', () => {
  let dataDir: string;
  let nodes: DemoNode[];
  let mail: MailCatcher;
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'crossline-demo-paging-'));
    ({ nodes, mail } = await startDemoFederation({
      dataDir,
      basePort: 0,
      host: '127.0.0.1',
      parties: 2,
      logLevel: 'silent',
    }));
  }, 240_000);
  afterAll(async () => {
    for (const { node } of nodes ?? []) await node.stop();
    await mail?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('an emergency call from the US node pages the CN duty officer by e-mail within seconds, once', async () => {
    const [cn, us] = nodes as [DemoNode, DemoNode];
    const before = mail.mails.length;
    const duty = toActor((await findUserByUsername(us.node.ctx.db, 'duty'))!, us.party.nodeId);
    const started = Date.now();
    const { call } = await placeCall(us.node.ctx, duty, { ...EMERGENCY_CALL, toParty: cn.party.nodeId });
    await mail.waitFor(before + 1, 15_000);
    const seconds = (Date.now() - started) / 1000;
    expect(seconds).toBeLessThan(15);
    await new Promise((r) => setTimeout(r, 1500)); // nothing else arrives for this call
    const mails = await Promise.all(mail.mails.slice(before).map((m) => simpleParser(m.raw)));
    const about = mails.filter((m) => m.subject?.includes(call.reference));
    expect(about.map((m) => (Array.isArray(m.to) ? m.to[0] : m.to)?.text)).toEqual(['duty@cn-demo.demo']);
    expect(about[0]!.subject).toBe(`[Crossline] 新的热线呼叫 ${call.reference}（紧急）`);
    expect(about[0]!.text).not.toContain('Weibo');
    expect(readdirSync(path.join(dataDir, 'mail')).filter((f) => f.endsWith('.eml')).length).toBe(mail.mails.length);
    process.stdout.write(
      `demo page reached the CN duty officer ${seconds.toFixed(2)} s after the US node placed the call\n`,
    );

    // Nobody acknowledges: the CN node's clock sweep, run as if 16 minutes had passed, escalates the
    // call to the next rung and pages the deputy, once (the page is due at the moved clock's time, so it
    // is delivered at that time too).
    const later = { ...cn.node.ctx, clock: () => new Date(Date.now() + 16 * 60_000) };
    const afterFirst = mail.mails.length;
    const fired = async () =>
      (await sweepDeadlines(later, CLOCK_SOURCES)).fired.filter((f) => f.id === call.id).map((f) => f.event);
    expect(await fired()).toEqual(['escalation:1']);
    expect(await fired()).toEqual([]);
    await Promise.all([deliverDuePages(later), deliverDuePages(later)]); // two passes at once still page once
    await mail.waitFor(afterFirst + 1, 15_000);
    await new Promise((r) => setTimeout(r, 1500));
    const escalated = (await Promise.all(mail.mails.slice(afterFirst).map((m) => simpleParser(m.raw)))).filter((m) =>
      m.subject?.includes(call.reference),
    );
    expect(escalated.map((m) => (Array.isArray(m.to) ? m.to[0] : m.to)?.text)).toEqual(['investigator@cn-demo.demo']);
    expect(escalated[0]!.subject).toMatch(/escalated|升级/);
  });
});
