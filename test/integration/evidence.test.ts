// Evidence through the HTTP API on both stores: encrypted at rest, downloads byte-identical and
// recorded in a signed chain of custody, tampering (custody rows, ciphertext) detected, limits kept.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/test-app.js';
import { STORES } from '../support/test-context.js';

const LIMIT = 256 * 1024;
type Json = Record<string, any>;

describe.each(STORES)('evidence (%s)', (store) => {
  let t: TestApp;
  let lead: { token: string; userId: string };
  let analyst: { token: string; userId: string };
  let reader: { token: string; userId: string };
  let outsider: { token: string; userId: string };
  let caseId: string;
  beforeAll(async () => {
    t = await createTestApp(store, { maxEvidenceBytes: LIMIT });
    lead = await t.userWith(['investigator']);
    analyst = await t.userWith(['analyst']);
    reader = await t.userWith(['read_only']);
    outsider = await t.userWith(['investigator']);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: bearer(lead.token),
      payload: {
        title: { en: 'Ransomware intrusion', zh: '勒索软件入侵' },
        crimeCategories: ['ransomware'],
        members: [
          { userId: analyst.userId, caseRole: 'member' },
          { userId: reader.userId, caseRole: 'viewer' },
        ],
      },
    });
    caseId = res.json().id;
  });
  afterAll(async () => {
    await t?.close();
  });

  const upload = (
    bytes: Buffer,
    query: Record<string, string> = {},
    token = lead.token,
    type = 'application/octet-stream',
  ) =>
    t.app.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/evidence`,
      query: { filename: 'ransom-note.txt', mediaType: 'text/plain', ...query },
      headers: { ...bearer(token), 'content-type': type },
      payload: bytes,
    });
  const get = (token: string, url: string) =>
    t.app.inject({ method: 'GET', url: `/api/cases/${caseId}/evidence${url}`, headers: bearer(token) });
  const custody = async (id: string) => (await get(lead.token, `/${id}/custody`)).json() as Json;
  const filePath = (id: string) => path.join(t.dataDir, 'evidence', caseId, id);
  const sample = () =>
    Buffer.concat([
      Buffer.from('YOUR FILES ARE ENCRYPTED. 你的文件已被加密。 Pay 2 BTC to bc1q…\n'),
      randomBytes(40_000),
    ]);

  it('stores the file encrypted, shows its SHA-256, and downloads identical bytes recording `accessed`', async () => {
    const bytes = sample();
    const res = await upload(bytes, {
      filename: '勒索信 "final".txt',
      description: 'Note left on the file server',
      tlp: 'AMBER+STRICT',
    });
    expect(res.statusCode, res.body).toBe(201);
    const ev = res.json();
    expect(ev).toMatchObject({
      sha256: createHash('sha256').update(bytes).digest('hex'),
      size: bytes.length,
      mediaType: 'text/plain',
      tlp: 'AMBER+STRICT',
    });
    expect(ev.custodyHead.seq).toBe(1);
    expect(JSON.stringify(ev)).not.toMatch(/wrappedKey|storageKey/);

    const onDisk = readFileSync(filePath(ev.id));
    expect(onDisk.length).toBe(bytes.length);
    expect(onDisk.equals(bytes)).toBe(false);
    expect(onDisk.includes(Buffer.from('YOUR FILES ARE ENCRYPTED'))).toBe(false);
    expect(readdirSync(path.dirname(filePath(ev.id))).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    t.clock.advance(60_000);
    const down = await get(reader.token, `/${ev.id}/content`);
    expect(down.statusCode).toBe(200);
    expect(down.rawPayload.equals(bytes)).toBe(true);
    expect(down.headers['content-type']).toBe('text/plain');
    expect(down.headers['content-disposition']).toBe(
      `attachment; filename="___ _final_.txt"; filename*=UTF-8''%E5%8B%92%E7%B4%A2%E4%BF%A1%20_final_.txt`,
    );
    expect(down.headers['x-content-type-options']).toBe('nosniff');

    const chain = await custody(ev.id);
    expect(chain.events.map((e: Json) => [e.seq, e.kind, e.party])).toEqual([
      [1, 'collected', 'cn-test'],
      [2, 'accessed', 'cn-test'],
    ]);
    expect(chain.events[1].actor).toBe(reader.userId);
    expect(chain.verification).toMatchObject({ ok: true, length: 2, headHash: chain.events[1].hash });
    expect(chain.head).toEqual({ seq: 2, hash: chain.events[1].hash });

    expect((await get(outsider.token, `/${ev.id}/content`)).json().error.code).toBe('CASE_NOT_FOUND');
    const listed = (await get(lead.token, '')).json().items;
    expect(listed.map((e: Json) => e.id)).toContain(ev.id);
  });

  it('records exports and other custody steps only for those the policy allows', async () => {
    const ev = (await upload(sample())).json();
    expect((await get(analyst.token, `/${ev.id}/content?purpose=export`)).json().error.code).toBe('CASE_FORBIDDEN');
    expect((await get(lead.token, `/${ev.id}/content?purpose=export`)).statusCode).toBe(200);
    const step = (token: string, payload: object) =>
      t.app.inject({
        method: 'POST',
        url: `/api/cases/${caseId}/evidence/${ev.id}/custody`,
        headers: bearer(token),
        payload,
      });
    expect((await step(analyst.token, { kind: 'verified', note: 'hash checked' })).statusCode).toBe(201);
    expect((await step(analyst.token, { kind: 'transferred' })).statusCode).toBe(403);
    expect((await step(reader.token, { kind: 'verified' })).statusCode).toBe(403); // read-only: route permission
    expect(
      (await step(lead.token, { kind: 'transferred', note: 'to the prosecutor on sealed media' })).statusCode,
    ).toBe(201);
    const chain = await custody(ev.id);
    expect(chain.events.map((e: Json) => e.kind)).toEqual(['collected', 'exported', 'verified', 'transferred']);
    expect(chain.verification.ok).toBe(true);
    const timeline = (
      await t.app.inject({ method: 'GET', url: `/api/cases/${caseId}/timeline`, headers: bearer(lead.token) })
    ).json().items;
    expect(timeline.filter((e: Json) => e.ref.id === ev.id).map((e: Json) => e.kind)).toEqual([
      'evidence.added',
      'evidence.custody',
      'evidence.custody',
      'evidence.custody',
      'evidence.custody',
    ]);
  });

  it('detects a custody row edited in the database, names the first bad event, and stops using the item', async () => {
    const ev = (await upload(sample())).json();
    for (let i = 0; i < 3; i++) await get(lead.token, `/${ev.id}/content`);
    // The table refuses edits; an attacker with database rights can still switch the trigger off.
    await expect(
      t.ctx.db.query('UPDATE custody_events SET kind = kind WHERE evidence_id = $1', [ev.id]),
    ).rejects.toThrow(/append-only/);
    await t.ctx.db.query('ALTER TABLE custody_events DISABLE TRIGGER custody_events_append_only');
    await t.ctx.db.query(
      `UPDATE custody_events SET doc = jsonb_set(doc, '{actorLabel}', '"Someone else"') WHERE evidence_id = $1 AND seq = 3`,
      [ev.id],
    );
    await t.ctx.db.query('ALTER TABLE custody_events ENABLE TRIGGER custody_events_append_only');
    const chain = await custody(ev.id);
    expect(chain.verification).toMatchObject({ ok: false, firstBadSeq: 3, reason: 'hash' });
    expect(chain.verification.message.zh).toMatch(/[\u4e00-\u9fff]/);
    const down = await get(lead.token, `/${ev.id}/content`);
    expect(down.statusCode).toBe(409);
    expect(down.json().error).toMatchObject({ code: 'EVIDENCE_CUSTODY_BROKEN', details: { firstBadSeq: 3 } });
    expect((await custody(ev.id)).events).toHaveLength(4);
  });

  it('detects a deleted tail of the chain against the recorded head', async () => {
    const ev = (await upload(sample())).json();
    await get(lead.token, `/${ev.id}/content`);
    await t.ctx.db.query('ALTER TABLE custody_events DISABLE TRIGGER custody_events_append_only');
    await t.ctx.db.query('DELETE FROM custody_events WHERE evidence_id = $1 AND seq = 2', [ev.id]);
    await t.ctx.db.query('ALTER TABLE custody_events ENABLE TRIGGER custody_events_append_only');
    expect((await custody(ev.id)).verification).toMatchObject({ ok: false, firstBadSeq: 2, reason: 'truncated' });
  });

  it('refuses to serve a tampered ciphertext (422 EVIDENCE_INTEGRITY_FAILED) and records nothing', async () => {
    const ev = (await upload(sample())).json();
    const file = filePath(ev.id);
    const bytes = readFileSync(file);
    bytes[100] = bytes[100]! ^ 0x01;
    writeFileSync(file, bytes);
    const down = await get(lead.token, `/${ev.id}/content`);
    expect(down.statusCode).toBe(422);
    expect(down.json().error.code).toBe('EVIDENCE_INTEGRITY_FAILED');
    expect(down.json().error.message.zh).toMatch(/完整性/);
    expect((await custody(ev.id)).events).toHaveLength(1);
    const verify = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/evidence/${ev.id}/custody`,
      headers: bearer(lead.token),
      payload: { kind: 'verified' },
    });
    expect(verify.json().error.code).toBe('EVIDENCE_INTEGRITY_FAILED');
  });

  it('refuses uploads over the limit (413), empty, mislabelled or with a wrong declared hash, leaving no file behind', async () => {
    const before = readdirSync(path.join(t.dataDir, 'evidence', caseId)).length;
    const big = await upload(randomBytes(LIMIT + 1));
    expect(big.statusCode).toBe(413);
    expect(big.json().error.message.zh).toBeTruthy();
    expect((await upload(Buffer.alloc(0))).json().error.issues[0].code).toBe('EVIDENCE_EMPTY');
    const wrong = await upload(sample(), { sha256: '0'.repeat(64) });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error).toMatchObject({ code: 'EVIDENCE_INTEGRITY_FAILED', details: { reason: 'sha256' } });
    expect((await upload(sample(), { filename: '../../etc/passwd' })).json().error.issues[0].code).toBe(
      'EVIDENCE_FILENAME_INVALID',
    );
    const unlinked = await upload(sample(), { requestId: '01900000-0000-7000-8000-000000000000' });
    expect(unlinked.json().error.issues[0]).toMatchObject({ path: 'requestId', code: 'EVIDENCE_REQUEST_NOT_LINKED' });
    expect((await upload(Buffer.from('{"a":1}'), {}, lead.token, 'application/json')).statusCode).toBe(415);
    expect((await upload(sample(), {}, analyst.token)).statusCode).toBe(403); // analysts do not add evidence
    expect((await upload(sample(), {}, outsider.token)).statusCode).toBe(404);
    expect(readdirSync(path.join(t.dataDir, 'evidence', caseId)).length).toBe(before);
  });

  it('refuses a media type that is not one (CR/LF in a quoted parameter, no subtype …) with 422, and never answers 500 for one stored earlier', async () => {
    const bad = [
      'text/plain; name="a\r\nX-Injected: yes"',
      'text/plain; name="a\nb"',
      'text/plain\r\n',
      'text/pla in',
      'text/',
      'text/plain; charset',
      'текст/plain',
    ];
    for (const mediaType of bad) {
      const res = await upload(sample(), { mediaType });
      expect(res.statusCode, JSON.stringify(mediaType)).toBe(422);
      expect(res.json().error.issues[0]).toMatchObject({ path: 'mediaType', code: 'EVIDENCE_MEDIA_TYPE_INVALID' });
    }
    const ok = await upload(sample(), { mediaType: 'Text/Plain; Charset="utf-8"' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().mediaType).toBe('text/plain; charset="utf-8"');
    // An item stored before the check (or by an older release) is served as bytes, not as a 500.
    await t.ctx.db.query(
      `UPDATE case_evidence SET doc = jsonb_set(doc, '{mediaType}', to_jsonb($2::text)) WHERE id = $1`,
      [ok.json().id, 'text/plain; name="a\r\nb"'],
    );
    const down = await get(lead.token, `/${ok.json().id}/content`);
    expect(down.statusCode, down.body).toBe(200);
    expect(down.headers['content-type']).toBe('application/octet-stream');
  });

  it('still opens and verifies evidence after a restart', async () => {
    const bytes = sample();
    const ev = (await upload(bytes)).json();
    await t.reopen();
    const down = await get(lead.token, `/${ev.id}/content`);
    expect(down.rawPayload.equals(bytes)).toBe(true);
    expect((await custody(ev.id)).verification).toMatchObject({ ok: true, length: 2 });
    expect(existsSync(filePath(ev.id))).toBe(true);
  });
});
