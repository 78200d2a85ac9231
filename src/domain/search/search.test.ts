import { describe, expect, it } from 'vitest';
import { foldText, indexTerms } from './tokenizer.js';
import { highlightTerms, parseQuery, toTsQuery } from './query.js';
import { buildSnippet } from './snippet.js';
import { buildTsVector } from './tsvector.js';

describe('indexTerms', () => {
  it('indexes Chinese segmented words and overlapping bigrams', () => {
    const terms = indexTerms('电信网络诈骗案件');
    expect(terms).toEqual(expect.arrayContaining(['电信', '网络', '诈骗', '案件', '信网', '络诈', '骗案']));
  });

  it('stems, case-folds and drops stop words in English', () => {
    expect(indexTerms('The Frauds were Laundering')).toEqual(['fraud', 'launder']);
  });

  it('folds full-width characters (NFKC)', () => {
    expect(foldText('ＡＢＣ１２３')).toBe('abc123');
    expect(indexTerms('ＱＱ号码１２３４５')).toEqual(expect.arrayContaining(['qq', '号码', '12345']));
  });

  it('handles mixed-language text', () => {
    const terms = indexTerms('杀猪盘 pig-butchering scams');
    expect(terms).toEqual(expect.arrayContaining(['杀猪', '猪盘', 'pig', 'butcher', 'scam']));
  });
});

describe('parseQuery / toTsQuery', () => {
  it('requires every bigram of a Chinese term, so "诈骗案件" matches "电信网络诈骗案件"', () => {
    const q = parseQuery('诈骗案件');
    expect(toTsQuery(q)).toBe("('诈骗' & '骗案' & '案件')");
    const doc = new Set(indexTerms('电信网络诈骗案件'));
    for (const l of q.must[0]!.anyOf[0]!.lexemes) expect(doc.has(l)).toBe(true);
  });

  it('supports OR and exclusion and quotes lexemes', () => {
    expect(toTsQuery(parseQuery('phones OR wallets -crypto'))).toBe("('phone' | 'wallet') & !'crypto'");
    // Synonyms of both sides join one clause once each.
    expect(toTsQuery(parseQuery('frauds OR scam'))).toBe("('诈骗' | '欺诈' | 'fraud' | 'scam' | 'swindl')");
    expect(toTsQuery(parseQuery("o'brien"))).toBe("'o' & 'brien'");
  });

  it('ignores a query of stop words only', () => {
    expect(parseQuery('the of and').must).toHaveLength(0);
  });
});

describe('buildTsVector', () => {
  it('weights title terms A and body terms B with positions', () => {
    expect(
      buildTsVector([
        { text: 'Fraud', weight: 'A' },
        { text: 'fraud cases', weight: 'B' },
      ]),
    ).toBe("'fraud':1A,2B 'case':3B");
  });

  it('escapes quotes and backslashes', () => {
    expect(buildTsVector([{ text: 'a\\b', weight: 'B' }])).toBe("'b':1B");
  });
});

describe('buildSnippet', () => {
  it('marks Chinese and stemmed English matches in the original text', () => {
    const q = highlightTerms(parseQuery('诈骗案件 wallets'));
    const s = buildSnippet('关于电信网络诈骗案件的 WALLET report', q);
    expect(s.pieces.filter((p) => p.hit).map((p) => p.text)).toEqual(['诈骗案件', 'WALLET']);
    expect(s.pieces.map((p) => p.text).join('')).toBe('关于电信网络诈骗案件的 WALLET report');
  });

  it('maps full-width matches back to the original characters', () => {
    const s = buildSnippet('账号ＱＱ１２３ used', highlightTerms(parseQuery('qq123')));
    expect(s.pieces.find((p) => p.hit)?.text).toBe('ＱＱ１２３');
  });

  it('picks the window with the matches in a long text', () => {
    const text = `${'无关内容。'.repeat(100)}这里提到洗钱。${'其他。'.repeat(100)}`;
    const s = buildSnippet(text, highlightTerms(parseQuery('洗钱')), 60);
    expect(s.cutStart).toBe(true);
    expect(s.cutEnd).toBe(true);
    expect(s.pieces.some((p) => p.hit && p.text === '洗钱')).toBe(true);
  });

  it('keeps HTML as plain text', () => {
    const s = buildSnippet('<script>fraud</script>', highlightTerms(parseQuery('fraud')));
    expect(s.pieces).toEqual([
      { text: '<script>', hit: false },
      { text: 'fraud', hit: true },
      { text: '</script>', hit: false },
    ]);
  });
});

describe('synonyms and plain text', () => {
  it('widens a word with synonyms to any of its forms, in both languages', async () => {
    const { parseQuery: parse, toTsQuery: ts } = await import('./query.js');
    const q = parse('电信诈骗 账户');
    expect(q.must).toHaveLength(2);
    expect(q.must[0]!.anyOf.map((t) => t.raw)).toEqual(
      expect.arrayContaining(['电信诈骗', '网络诈骗', '电诈', 'online fraud']),
    );
    expect(ts(q)).toContain("'电诈'");
    expect(parse('scams').must[0]!.anyOf.map((t) => t.raw)).toContain('诈骗'); // English forms by their stem
    const pig = parse('pig butchering');
    expect(pig.must.map((c) => c.anyOf.length)).toEqual([1, 1]); // two words typed: each as it is
    expect(parse('杀猪盘').must[0]!.anyOf.find((t) => t.raw === 'pig butchering')?.lexemes).toEqual(['pig', 'butcher']);
  });

  it('reduces markdown to the words a reader sees', async () => {
    const { plainTextOfMarkdown } = await import('./plain-text.js');
    expect(
      plainTextOfMarkdown('## 要点\n\n- **先保全**再冻结\n- 见 [流程](https://x.org)\n> `code` and _emphasis_'),
    ).toBe('要点\n\n先保全再冻结\n见 流程\ncode and emphasis');
  });
});
