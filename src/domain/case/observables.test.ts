import { describe, expect, it } from 'vitest';
import type { AppError } from '../../errors.js';
import type { ObservableRecord } from './observables.js';
import { MAX_OBSERVABLES_PER_BATCH, addObservables, effectiveTlp, mergeObservables } from './observables.js';
import { LOCAL, NOW, PEER_US, buildCase, codeOf, lead, member, viewer } from './test-fixtures.js';

const LATER = new Date(NOW.getTime() + 3_600_000);
let n = 0;
const newId = () => `obs-${++n}`;

function rec(overrides: Partial<ObservableRecord> & Pick<ObservableRecord, 'id' | 'value'>): ObservableRecord {
  const at = NOW.toISOString();
  return {
    caseId: 'case-1',
    type: 'domain',
    display: overrides.value,
    subtype: null,
    flags: [],
    attributes: {},
    related: [],
    tlp: 'GREEN',
    sources: [{ party: LOCAL, ref: 'manual', tlp: 'GREEN', namedRecipients: [], at }],
    tags: [],
    note: null,
    firstSeenAt: at,
    lastSeenAt: at,
    createdAt: at,
    createdBy: 'u',
    updatedAt: at,
    version: 1,
    ...overrides,
  };
}

describe('mergeObservables', () => {
  const existing = [rec({ id: 'e1', value: 'evil.com', tags: ['phishing'] }), rec({ id: 'e2', value: 'other.com' })];

  it('adds new values and keeps the first-seen record for duplicates', () => {
    const later = LATER.toISOString();
    const incoming = [
      rec({ id: 'i1', value: 'new.com' }),
      rec({
        id: 'i2',
        value: 'evil.com',
        display: 'EVIL.com',
        tags: ['phishing', 'bank'],
        tlp: 'RED',
        sources: [{ party: PEER_US, ref: 'share:9', tlp: 'RED', namedRecipients: [LOCAL], at: later }],
        firstSeenAt: later,
        lastSeenAt: later,
      }),
    ];
    const r = mergeObservables(existing, incoming, LATER);
    expect(r.added.map((o) => o.id)).toEqual(['i1']);
    expect(r.duplicates).toEqual([{ key: 'domain:evil.com', keptId: 'e1', droppedId: 'i2' }]);
    expect(r.observables.map((o) => o.id)).toEqual(['e1', 'e2', 'i1']);
    const kept = r.updated[0]!;
    expect(kept).toMatchObject({
      id: 'e1',
      display: 'evil.com',
      tags: ['phishing', 'bank'],
      tlp: 'RED',
      version: 2,
      updatedAt: LATER.toISOString(),
    });
    expect(kept.firstSeenAt).toBe(NOW.toISOString());
    expect(kept.lastSeenAt).toBe(later);
    expect(kept.sources.map((s) => s.party)).toEqual([LOCAL, PEER_US]);
  });

  it('stricter TLP wins, whichever side has it', () => {
    const r = mergeObservables(
      [
        rec({
          id: 'a',
          value: 'x.com',
          tlp: 'AMBER',
          sources: [{ party: LOCAL, ref: 'm', tlp: 'AMBER', namedRecipients: [], at: '' }],
        }),
      ],
      [rec({ id: 'b', value: 'x.com' })],
      LATER,
    );
    expect(r.observables[0]!.tlp).toBe('AMBER');
    expect(effectiveTlp([])).toBe('CLEAR');
  });

  it('bumps an existing record once even when several incoming duplicates hit it', () => {
    const r = mergeObservables(
      existing,
      [rec({ id: 'i1', value: 'evil.com', tags: ['a'] }), rec({ id: 'i2', value: 'evil.com', tags: ['b'] })],
      LATER,
    );
    expect(r.updated).toHaveLength(1);
    expect(r.updated[0]).toMatchObject({ version: 2, tags: ['phishing', 'a', 'b'] });
    expect(r.duplicates.map((d) => d.droppedId)).toEqual(['i1', 'i2']);
  });

  it('an exact repeat changes nothing', () => {
    const r = mergeObservables(existing, [rec({ id: 'i9', value: 'evil.com', tags: ['phishing'] })], LATER);
    expect(r.updated).toEqual([]);
    expect(r.observables[0]).toBe(existing[0]);
    expect(r.duplicates).toHaveLength(1);
  });

  it('collapses duplicates inside one incoming batch into the first', () => {
    const r = mergeObservables(
      [],
      [rec({ id: 'i1', value: 'dup.com' }), rec({ id: 'i2', value: 'dup.com', tags: ['t'] })],
      LATER,
    );
    expect(r.added).toHaveLength(1);
    expect(r.added[0]).toMatchObject({ id: 'i1', tags: ['t'], version: 1 });
    expect(r.updated).toEqual([]);
  });
});

describe('addObservables', () => {
  const kase = buildCase();
  const base = {
    kase,
    existing: [] as ObservableRecord[],
    actor: lead,
    now: NOW,
    newId,
    sourceParty: LOCAL,
    sourceRef: 'manual',
    defaultCountry: 'CN',
  };

  it('normalizes, dedupes and emits one event per batch', () => {
    const r = addObservables({
      ...base,
      inputs: [
        { type: 'domain', value: 'Evil[.]com' },
        { type: 'domain', value: 'evil.com.' },
        { type: 'phone', value: '138 1234 5678', tlp: 'RED', tags: [' mule ', 'mule'] },
      ],
    });
    expect(r.added.map((o) => o.value)).toEqual(['evil.com', '+8613812345678']);
    expect(r.added[0]).toMatchObject({
      tlp: 'AMBER',
      flags: ['refanged'],
      sources: [{ party: LOCAL, ref: 'manual', tlp: 'AMBER' }],
    });
    expect(r.added[1]).toMatchObject({ tlp: 'RED', tags: ['mule'], subtype: 'CN' });
    expect(r.duplicates).toHaveLength(1);
    expect(r.events).toHaveLength(1);
    expect(r.events[0]).toMatchObject({ type: 'observable.added', data: { caseId: 'case-1', count: 2 } });
  });

  it('emits observable.merged when existing records gain a source', () => {
    const first = addObservables({ ...base, inputs: [{ type: 'ip', value: '8.8.8.8' }] });
    const again = addObservables({
      ...base,
      existing: first.observables,
      now: LATER,
      sourceRef: 'report:7',
      inputs: [{ type: 'ip', value: '8[.]8[.]8[.]8' }],
    });
    expect(again.added).toEqual([]);
    expect(again.updated[0]!.sources.map((s) => s.ref)).toEqual(['manual', 'report:7']);
    expect(again.events.map((e) => e.type)).toEqual(['observable.merged']);
  });

  it('is all-or-nothing by default, and reports rejects when not atomic', () => {
    const inputs = [
      { type: 'ip', value: '1.2.3.4' },
      { type: 'ip', value: '300.1.1.1' },
    ];
    try {
      addObservables({ ...base, inputs });
      expect.unreachable();
    } catch (e) {
      expect((e as AppError).code).toBe('OBSERVABLE_INVALID');
      expect((e as AppError).issues?.[0]?.path).toBe('observables.1.value');
    }
    const r = addObservables({ ...base, inputs, atomic: false });
    expect(r.added.map((o) => o.value)).toEqual(['1.2.3.4']);
    expect(r.rejected).toMatchObject([{ index: 1, issues: [{ code: 'OBSERVABLE_IP_INVALID' }] }]);
  });

  it('refuses viewers, closed cases and oversized batches', () => {
    expect(codeOf(() => addObservables({ ...base, actor: viewer, inputs: [{ type: 'ip', value: '1.1.1.1' }] }))).toBe(
      'CASE_FORBIDDEN',
    );
    expect(
      codeOf(() =>
        addObservables({ ...base, kase: buildCase({ status: 'closed' }), inputs: [{ type: 'ip', value: '1.1.1.1' }] }),
      ),
    ).toBe('CASE_CLOSED');
    const many = Array.from({ length: MAX_OBSERVABLES_PER_BATCH + 1 }, () => ({ type: 'ip', value: '1.1.1.1' }));
    expect(codeOf(() => addObservables({ ...base, actor: member, inputs: many }))).toBe('OBSERVABLE_BATCH_TOO_LARGE');
  });
});
