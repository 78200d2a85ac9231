import { describe, expect, it } from 'vitest';
import type { Tlp, TlpAudience } from './tlp.js';
import {
  TLP_AUDIENCES,
  TLP_DESCRIPTIONS,
  TLP_LEVELS,
  checkShareAllowed,
  checkViewAllowed,
  mayShareTlp,
  parseTlp,
  stricterTlp,
  tlpRank,
} from './tlp.js';

const A = 'cn-mps';
const B = 'us-fbi';
const C = 'eu-europol';

describe('TLP levels', () => {
  it('are ordered CLEAR < GREEN < AMBER < AMBER+STRICT < RED', () => {
    expect(TLP_LEVELS.map(tlpRank)).toEqual([0, 1, 2, 3, 4]);
    expect(stricterTlp('GREEN', 'AMBER')).toBe('AMBER');
    expect(stricterTlp('RED', 'AMBER+STRICT')).toBe('RED');
    expect(stricterTlp('CLEAR', 'CLEAR')).toBe('CLEAR');
  });
  it('have bilingual descriptions and official labels', () => {
    for (const t of TLP_LEVELS) {
      expect(TLP_DESCRIPTIONS[t].label).toBe(`TLP:${t}`);
      expect(TLP_DESCRIPTIONS[t].description.zh).toMatch(/[\u4e00-\u9fff]/);
    }
  });
  it.each([
    ['TLP:AMBER+STRICT', 'AMBER+STRICT'],
    ['amber + strict', 'AMBER+STRICT'],
    ['tlp:white', 'CLEAR'],
    [' red ', 'RED'],
    ['TLP: GREEN', 'GREEN'],
    ['orange', undefined],
  ])('parseTlp(%j) = %j', (raw, expected) => expect(parseTlp(raw)).toBe(expected));
});

describe('mayShareTlp', () => {
  const widest: Record<Tlp, TlpAudience> = {
    RED: 'named',
    'AMBER+STRICT': 'organisation',
    AMBER: 'clients',
    GREEN: 'community',
    CLEAR: 'public',
  };
  for (const tlp of TLP_LEVELS) {
    for (const audience of TLP_AUDIENCES) {
      const expected = TLP_AUDIENCES.indexOf(audience) <= TLP_AUDIENCES.indexOf(widest[tlp]);
      it(`${tlp} → ${audience}: ${expected}`, () => expect(mayShareTlp(tlp, audience)).toBe(expected));
    }
  }
});

describe('checkShareAllowed', () => {
  it.each([
    // first-hand sharing by the originator
    ['CLEAR', A, A, [], true],
    ['GREEN', A, A, [], true],
    ['AMBER', A, A, [], true],
    ['AMBER+STRICT', A, A, [], true],
    ['RED', A, A, [C], true],
    ['RED', A, A, [B], false],
    ['RED', A, A, [], false],
    // onward sharing by a recipient (B) to a third party (C)
    ['CLEAR', A, B, [], true],
    ['GREEN', A, B, [], true],
    ['AMBER', A, B, [], false],
    ['AMBER+STRICT', A, B, [], false],
    ['RED', A, B, [B], false],
    ['RED', A, B, [B, C], true],
  ] as const)('%s from origin %s, sent by %s, named %j → %s', (tlp, origin, sender, named, ok) => {
    const r = checkShareAllowed({
      tlp,
      originParty: origin,
      senderParty: sender,
      recipientParty: C,
      namedRecipients: named,
    });
    expect(r.ok).toBe(ok);
    if (!r.ok) {
      expect(r.code).toBe('CASE_SHARE_TLP_REFUSED');
      expect(r.reason.zh).toMatch(/TLP/);
    }
  });
  it('returning information to its originator is always allowed', () => {
    for (const tlp of TLP_LEVELS)
      expect(checkShareAllowed({ tlp, originParty: A, senderParty: B, recipientParty: A }).ok).toBe(true);
  });
  it('explains RED refusals differently for forwarding', () => {
    const first = checkShareAllowed({ tlp: 'RED', originParty: A, recipientParty: C });
    const onward = checkShareAllowed({ tlp: 'RED', originParty: A, senderParty: B, recipientParty: C });
    expect(!first.ok && !onward.ok && first.reason.en !== onward.reason.en).toBe(true);
  });
});

describe('checkViewAllowed', () => {
  it.each([
    // local viewers on the holding node
    ['AMBER', B, B, A, [], undefined, undefined, true],
    ['AMBER+STRICT', B, B, A, [], undefined, undefined, true],
    ['RED', B, B, A, [B], undefined, undefined, true],
    ['RED', B, B, A, [C], undefined, undefined, false],
    ['RED', A, A, A, [], undefined, undefined, true],
    ['RED', B, B, A, [B], ['u1'], 'u1', true],
    ['RED', B, B, A, [B], ['u1'], 'u2', false],
    // a viewer from another party is an onward disclosure
    ['GREEN', C, B, A, [], undefined, undefined, true],
    ['AMBER', C, B, A, [], undefined, undefined, false],
    ['AMBER', A, B, A, [], undefined, undefined, true],
    // anonymous
    ['CLEAR', null, B, A, [], undefined, undefined, true],
    ['GREEN', null, B, A, [], undefined, undefined, false],
  ] as const)(
    '%s viewer %s on %s (origin %s, named %j, users %j, viewer %s) → %s',
    (tlp, viewerParty, holder, origin, named, users, viewerUserId, ok) => {
      const r = checkViewAllowed({
        tlp,
        viewerParty,
        holderParty: holder,
        originParty: origin,
        namedRecipients: named,
        namedUsers: users,
        viewerUserId,
      });
      expect(r.ok).toBe(ok);
      if (!r.ok) expect(r.code).toBe('CASE_VIEW_TLP_REFUSED');
    },
  );
});
