// `crossline extract FILE`: indicators in a text or HTML file (`-` reads standard input), as a
// table (one row per distinct value, with how often and where it first appears) or as JSON.
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { htmlToText, looksLikeHtml } from '../../intel/extract/html-text.js';
import { dedupeIndicators, extractIndicators } from '../../intel/extract/index.js';

type ExtractOptions = { json?: boolean; country?: string };

/** Line and column (1-based) of a string offset, for people reading the table next to the file. */
function lineCol(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `${line}:${offset - before.lastIndexOf('\n')}`;
}

export function formatTable(text: string, rows: ReturnType<typeof dedupeIndicators>): string {
  const lines = rows.map((r) => [
    r.type,
    r.value,
    String(r.spans.length),
    lineCol(text, r.spans[0]!.start),
    r.flags.join(','),
  ]);
  const header = ['TYPE', 'VALUE', 'COUNT', 'FIRST', 'FLAGS'];
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => [...l[i]!].length)));
  const fmt = (cols: string[]) =>
    cols
      .map((c, i) => c + ' '.repeat(widths[i]! - [...c].length))
      .join('  ')
      .trimEnd();
  return [fmt(header), ...lines.map(fmt)].join('\n');
}

export function registerExtract(program: Command, setExit: (code: number) => void): void {
  program
    .command('extract')
    .argument('<file>', 'text or HTML file; - for standard input')
    .description(
      'extract indicators (URLs, domains, IPs, e-mails, hashes, wallets, phones, messaging accounts, ICP, cards) from text',
    )
    .option('--json', 'print {indicators, occurrences, chars} as JSON, every span included')
    .option('--country <cc>', 'default country for phone numbers (ISO 3166 alpha-2)')
    .action((file: string, opts: ExtractOptions) => {
      const content = readFileSync(file === '-' ? 0 : file, 'utf8');
      // For HTML the spans are offsets into the page's text content, which is what is searched.
      const text = looksLikeHtml(file, content) ? htmlToText(content) : content;
      const found = extractIndicators(text, { defaultCountry: opts.country });
      const rows = dedupeIndicators(found);
      if (opts.json)
        process.stdout.write(
          `${JSON.stringify({ indicators: rows, occurrences: found.length, chars: text.length })}\n`,
        );
      else
        process.stdout.write(
          rows.length
            ? `${formatTable(text, rows)}\n${rows.length} indicators, ${found.length} occurrences\n`
            : 'no indicators found\n',
        );
      setExit(0);
    });
}
