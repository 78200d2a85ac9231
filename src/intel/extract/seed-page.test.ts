// Extraction on the real scraped page the project grew from (a copy kept in test/fixtures/; a Chinese government news page with an
// injected spam domain in its header and the site's ICP filing number in its footer), and the
// HTML-to-text step used for .html files.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlToText, looksLikeHtml } from './html-text.js';
import { extractIndicators } from './index.js';

const SEED_FILE = path.resolve(import.meta.dirname, '../../../test/fixtures/seed-page.txt');

describe('seed page', () => {
  it('finds exactly the indicators the page holds, with spans into its text', () => {
    const raw = readFileSync(SEED_FILE, 'utf8');
    const text = looksLikeHtml(SEED_FILE, raw) ? htmlToText(raw) : raw;
    const found = extractIndicators(text);
    expect(found.map((f) => [f.type, f.value])).toEqual([
      ['domain', 'm.nakedoat.com'],
      // Written in traditional characters on the page (京ICP備05070218號); stored in the normal form.
      ['icp_licence', '京ICP备05070218号'],
    ]);
    for (const f of found) expect(text.slice(f.start, f.end)).toBe(f.raw);
    // Dates, times and the pinyin-broken Chinese domain name (中國(guó)政府網(wǎng).政務(wù)) give nothing.
    expect(text).toContain('2015-12-04 10:25');
  });
});

describe('htmlToText', () => {
  it('keeps visible text, drops scripts and decodes entities', () => {
    const html =
      '<html><head><style>a{}</style><script>var x="http://hidden.example.com"</script></head><body><p>访问&nbsp;<a href="http://link.example.com">http://shown.example.com</a></p><div>京ICP备05070218号&#x2d;1</div></body></html>';
    const text = htmlToText(html);
    expect(text).not.toContain('hidden');
    expect(extractIndicators(text).map((f) => f.value)).toEqual(['http://shown.example.com/', '京ICP备05070218号-1']);
  });
});
