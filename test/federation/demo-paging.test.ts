// The two-node demo pages (issue 19): an emergency call placed by the US node pages the CN duty
// officer by e-mail within seconds, through the demo's local mail catcher, once.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMERGENCY_CALL } from '../../src/demo/demo-content.js';
import { startDemoFederation, type DemoNode } from '../../src/demo/start-demo-federation.js';
import type { MailCatcher } from '../../src/demo/mail-catcher.js';
import { placeCall } from '../../src/services/call/place-call.js';
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
  });
});
