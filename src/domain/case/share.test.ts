import { describe, expect, it } from 'vitest';
import type { EvidenceRecord } from './evidence.js';
import type { ObservableRecord, ObservableSource } from './observables.js';
import { planCaseShare } from './share.js';
import { LOCAL, NOW, PEER_EU, PEER_US, buildCase, codeOf, lead, member, supervisor } from './test-fixtures.js';
import type { Tlp } from './tlp.js';

const src = (party: string, tlp: Tlp, namedRecipients: string[] = []): ObservableSource => ({
  party,
  ref: 'x',
  tlp,
  namedRecipients,
  at: NOW.toISOString(),
});
const obs = (id: string, sources: ObservableSource[]) => ({ id, sources, tlp: sources[0]!.tlp }) as ObservableRecord;
const ev = (id: string, tlp: Tlp, originParty: string, namedRecipients: string[] = []) =>
  ({ id, tlp, originParty, namedRecipients }) as EvidenceRecord;

const observables = [
  obs('o-local-amber', [src(LOCAL, 'AMBER')]),
  obs('o-us-amber', [src(PEER_US, 'AMBER')]),
  obs('o-us-green', [src(PEER_US, 'GREEN')]),
  obs('o-us-red-named', [src(PEER_US, 'RED', [LOCAL, PEER_EU])]),
  obs('o-mixed', [src(LOCAL, 'GREEN'), src(PEER_US, 'RED', [LOCAL])]),
];
const evidence = [ev('e-local-red', 'RED', LOCAL), ev('e-us-strict', 'AMBER+STRICT', PEER_US)];

describe('planCaseShare', () => {
  const base = {
    kase: buildCase(),
    actor: lead,
    localParty: LOCAL,
    observables,
    evidence,
    granularity: 'whole_case' as const,
  };

  it('decides per recipient and per item from each source’s marking', () => {
    const [eu] = planCaseShare({ ...base, recipients: [PEER_EU] });
    expect(eu!.caseContent).toBe(true);
    expect(eu!.observables.map((o) => o.id)).toEqual(['o-local-amber', 'o-us-green', 'o-us-red-named', 'o-mixed']);
    // only our own GREEN contribution of the mixed record may go, so it leaves as GREEN
    expect(eu!.observables.find((o) => o.id === 'o-mixed')).toMatchObject({
      tlp: 'GREEN',
      sources: [{ party: LOCAL }],
    });
    expect(eu!.evidenceIds).toEqual(['e-local-red']);
    expect(eu!.refused.map((r) => [r.kind, r.id])).toEqual([
      ['observable', 'o-us-amber'],
      ['evidence', 'e-us-strict'],
    ]);
    expect(eu!.refused[0]!.reason.zh).toMatch(/TLP:AMBER/);
  });

  it('anything may go back to its originator', () => {
    const [us] = planCaseShare({ ...base, recipients: [PEER_US] });
    expect(us!.refused).toEqual([]);
    expect(us!.observables).toHaveLength(5);
  });

  it('selected granularity sends only the chosen items and refuses unknown ids', () => {
    const [eu] = planCaseShare({
      ...base,
      granularity: 'selected',
      recipients: [PEER_EU],
      observableIds: ['o-us-green'],
      evidenceIds: [],
    });
    expect(eu!.observables.map((o) => o.id)).toEqual(['o-us-green']);
    expect(eu!.evidenceIds).toEqual([]);
    expect(
      codeOf(() => planCaseShare({ ...base, granularity: 'selected', recipients: [PEER_EU], observableIds: ['nope'] })),
    ).toBe('CASE_INVALID');
  });

  it('RED case content received from a peer only goes to parties it named', () => {
    const kase = buildCase({ tlp: 'RED', originParty: PEER_US });
    expect(planCaseShare({ ...base, kase, recipients: [PEER_EU] })[0]!.caseContent).toBe(false);
    expect(
      planCaseShare({ ...base, kase, recipients: [PEER_EU], caseNamedRecipients: [PEER_EU] })[0]!.caseContent,
    ).toBe(true);
  });

  it('enforces confidentiality, role and recipients', () => {
    expect(
      codeOf(() =>
        planCaseShare({
          ...base,
          kase: buildCase({ confidentiality: 'secret' }),
          actor: supervisor,
          recipients: [PEER_EU],
        }),
      ),
    ).toBe('CASE_SHARE_CONFIDENTIAL');
    expect(
      codeOf(() =>
        planCaseShare({ ...base, kase: buildCase({ confidentiality: 'restricted' }), recipients: [PEER_EU] }),
      ),
    ).toBe('CASE_FORBIDDEN');
    expect(
      codeOf(() =>
        planCaseShare({
          ...base,
          kase: buildCase({ confidentiality: 'restricted' }),
          actor: supervisor,
          recipients: [PEER_EU],
        }),
      ),
    ).toBe('none');
    expect(codeOf(() => planCaseShare({ ...base, actor: member, recipients: [PEER_EU] }))).toBe('CASE_FORBIDDEN');
    expect(codeOf(() => planCaseShare({ ...base, recipients: [] }))).toBe('CASE_INVALID');
    expect(codeOf(() => planCaseShare({ ...base, recipients: [LOCAL] }))).toBe('CASE_INVALID');
  });
});
