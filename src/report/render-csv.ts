// CSV export of a report (RFC 4180, CRLF, UTF-8 with a BOM so Excel opens Chinese correctly).
// One file, one section per table: every row starts with the table id, sections are separated by
// an empty line, the header row holds the stable English column keys; with a Chinese or bilingual
// locale a second header row (first field "#") carries the labels.
import type { Cell, ReportDocument, ReportTable } from '../domain/report/report-model.js';
import { localize, type ReportLocale } from './report-locale.js';

const BOM = '\uFEFF';

/** Quotes a field when RFC 4180 requires it; text that a spreadsheet would run as a formula is defused with a leading apostrophe. */
export function csvField(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function line(cells: Cell[]): string {
  return `${cells.map(csvField).join(',')}\r\n`;
}

function summaryTable(doc: ReportDocument): ReportTable {
  return {
    id: 'summary',
    title: { en: 'Summary', zh: '概要' },
    columns: [
      { key: 'item', label: { en: 'Item', zh: '项目' }, kind: 'text' },
      { key: 'item_zh', label: { en: 'Item (Chinese)', zh: '项目（中文）' }, kind: 'text' },
      { key: 'value', label: { en: 'Value', zh: '值' }, kind: 'text' },
    ],
    rows: [
      ['title', doc.title.zh, doc.title.en],
      ['generated_at', '生成时间', doc.generatedAt],
      ['party', '本方', doc.party],
      ...doc.facts.map((f): Cell[] => [f.label.en, f.label.zh, f.value]),
    ],
  };
}

export function renderCsv(doc: ReportDocument, locale: ReportLocale = 'en'): Buffer {
  const sections = [summaryTable(doc), ...doc.tables].map((t) => {
    let out = line(['table', ...t.columns.map((c) => c.key)]);
    if (locale !== 'en') out += line(['#', ...t.columns.map((c) => localize(c.label, locale))]);
    for (const row of t.rows) out += line([t.id, ...row]);
    return out;
  });
  return Buffer.from(BOM + sections.join('\r\n'), 'utf8');
}
