// The catalogue check: every audit action the code writes has a label in both languages. Actions
// are found in the sources: literal actions (`action: 'auth.login'`, `'federation.…'` passed to
// audit helpers), the events services record (`{ type: 'acknowledged', at … }`, `type: 'call.placed'`),
// the request workflow's events and clock events; each combined with every subject type it may be
// written under must have a label.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTION_EVENT } from '../request/state-machine.js';
import { AUDIT_ACTION_LABELS, AUDIT_EVENT_LABELS, AUDIT_SUBJECT_LABELS, auditActionLabel } from './action-labels.js';

const SRC = path.resolve(__dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    if (statSync(p).isDirectory()) return sources(p);
    return p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
  });
}

const files = sources(SRC).map((f) => readFileSync(f, 'utf8'));
const text = files.join('\n');
const all = (re: RegExp) => [...text.matchAll(re)].map((m) => m[1]!);

describe('audit action labels', () => {
  it('names every whole action the code writes', () => {
    const auditing = files.filter((f) => /appendAudit|AuditInput/.test(f));
    const literal = new Set([
      ...all(/action: '([a-z_]+\.[a-z_.]+)'/g),
      ...auditing.flatMap((f) =>
        [...f.matchAll(/(?<!(?:kind|type|channel): )'((?:auth|federation|user|token|security|paging)\.[a-z_]+)'/g)].map(
          (m) => m[1]!,
        ),
      ),
    ]);
    // a literal action is written under its own record type or the node's (user, peer, api_token …)
    const unnamed = [...literal].filter((a) => !Object.keys(AUDIT_SUBJECT_LABELS).some((s) => auditActionLabel(a, s)));
    expect(unnamed.sort()).toEqual([]);
  });

  it('names every event services record, under any record type', () => {
    const events = new Set(
      [
        ...all(/\{ type: '([a-z_.]+)', at/g),
        ...all(/type: '([a-z_]+\.[a-z_.]+)'/g).filter((t) => !['crossline.page', 'federation.result'].includes(t)),
        ...Object.values(ACTION_EVENT),
        'ack_overdue',
        'response_overdue',
        'escalated',
        'renewal_reminder',
        'preservation_lapsed',
      ].map((t) => t.split('.').at(-1)!),
    );
    expect([...events].filter((e) => !AUDIT_EVENT_LABELS[e]).sort()).toEqual([]);
  });

  it('names every record type audit entries are written under', () => {
    const subjects = new Set([...all(/subjectType: '([a-z_]+)'/g), ...all(/_SUBJECT = '([a-z_]+)'/g)]);
    expect([...subjects].filter((s) => !AUDIT_SUBJECT_LABELS[s]).sort()).toEqual([]);
  });

  it('reads as people say it, in both languages', () => {
    expect(auditActionLabel('call.call.acknowledged', 'call')).toEqual({
      en: 'Hotline call: acknowledged',
      zh: '热线呼叫：已确认收到',
    });
    expect(auditActionLabel('request.clock.ack_overdue', 'request')).toEqual({
      en: 'Request: acknowledgement overdue',
      zh: '协助请求：确认逾期',
    });
    expect(auditActionLabel('user.preferences_changed', 'user')?.zh).toBe('更改语言或时区');
    for (const l of [
      ...Object.values(AUDIT_ACTION_LABELS),
      ...Object.values(AUDIT_EVENT_LABELS),
      ...Object.values(AUDIT_SUBJECT_LABELS),
    ]) {
      expect(l.en).not.toMatch(/_/);
      expect(l.zh).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
