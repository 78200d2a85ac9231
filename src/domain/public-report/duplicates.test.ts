import { describe, expect, it } from 'vitest';
import { narrativeSimilarity, scoreDuplicate, suggestDuplicates, type DuplicateCandidate } from './duplicates.js';

const report = (id: string, narrative: string, extra: Partial<DuplicateCandidate> = {}): DuplicateCandidate => ({
  id,
  category: 'fraud',
  narrative,
  indicators: [],
  contacts: [],
  ...extra,
});
const wallet = { type: 'crypto_wallet', value: 'TXYZabc' };
const phone = { type: 'phone', value: '+8613800138000' };

describe('duplicate scoring', () => {
  it('treats a shared payment destination as strong evidence', () => {
    const s = scoreDuplicate(
      report('a', '投资平台骗了我', { indicators: [wallet] }),
      report('b', 'An investment site took my money', { indicators: [wallet] }),
    );
    expect(s.reasons).toEqual(['shared_indicator']);
    expect(s.score).toBeCloseTo(0.6);
  });

  it('adds evidence from the same contact and a near-identical story, never above 1', () => {
    const text = '对方自称京东客服，说我的百万保障服务要扣费，让我下载会议软件共享屏幕，然后转账到安全账户。';
    const a = report('a', text, { indicators: [wallet, phone], contacts: [phone] });
    const b = report('b', `${text}我一共转了三次。`, { indicators: [wallet, phone], contacts: [phone] });
    const s = scoreDuplicate(a, b);
    expect(s.reasons).toEqual(['shared_indicator', 'same_contact', 'similar_narrative']);
    expect(s.score).toBeGreaterThan(0.95);
    expect(s.score).toBeLessThanOrEqual(1);
  });

  it('does not call two different stories with no shared facts duplicates', () => {
    const a = report('a', 'Someone on a dating app asked me to invest in crypto.');
    const b = report('b', 'A parcel delivery text asked me to pay a customs fee by card.');
    expect(narrativeSimilarity(a.narrative, b.narrative)).toBeLessThan(0.3);
    expect(suggestDuplicates(a, [b])).toEqual([]);
  });

  it('ranks suggestions best first and leaves the report itself out', () => {
    const a = report('a', 'x', { indicators: [wallet, phone] });
    const ranked = suggestDuplicates(a, [
      a,
      report('b', 'y', { indicators: [wallet] }),
      report('c', 'z', { indicators: [wallet, phone] }),
    ]);
    expect(ranked.map((r) => r.id)).toEqual(['c', 'b']);
  });
});
