// PDF export of a report: bilingual text in an embedded (subset) CJK font, vector charts drawn
// with pdfkit (bar charts of counts, percentile bars of times, SLA stacked bars), then the tables.
import PDFDocument from 'pdfkit';
import type { ColumnKind, ReportChart, ReportDocument, ReportTable } from '../domain/report/report-model.js';
import { findCjkFont, type CjkFont } from './cjk-font.js';
import { formatCell, formatDuration, formatInstant, formatRate } from './format-cell.js';
import { localize, type ReportLocale } from './report-locale.js';
import type { Bilingual } from '../error-types.js';
import { zoneStatement } from '../domain/shared/human-time.js';

type Pdf = PDFKit.PDFDocument;

const MARGIN = 40;
const PALETTE = ['#2563eb', '#0891b2', '#7c3aed', '#db2777', '#ea580c', '#16a34a', '#ca8a04', '#475569'];
const MET = '#16a34a';
const MISSED = '#dc2626';
const PENDING = '#9ca3af';
const INK = '#111827';
const MUTED = '#6b7280';

/**
 * `timeZone`: the zone every time in the PDF is written in, stated in its header (the node's own);
 * `partyName`: the reporting agency's name, shown instead of its node id.
 */
export type PdfOptions = { locale?: ReportLocale; font?: CjkFont; timeZone?: string; partyName?: Bilingual };

export async function renderPdf(report: ReportDocument, options: PdfOptions = {}): Promise<Buffer> {
  const font = options.font ?? findCjkFont();
  const locale = options.locale ?? 'both';
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    info: { Title: localize(report.title, locale), Producer: 'Crossline' },
  });
  doc.registerFont('cjk', font.path, font.family);
  doc.font('cjk');
  const done = collect(doc);
  const L = (t: { en: string; zh: string }) => localize(t, locale);

  doc
    .fillColor(INK)
    .fontSize(16)
    .text(L(report.title), { width: pageWidth(doc) });
  const zone = options.timeZone ?? 'UTC';
  doc
    .moveDown(0.3)
    .fontSize(9)
    .fillColor(MUTED)
    .text(
      `${L({ en: 'Generated', zh: '生成时间' })}: ${formatInstant(report.generatedAt, zone)}   ${L({ en: 'Party', zh: '本方' })}: ${options.partyName ? L(options.partyName) : report.party}`,
    )
    .text(
      L({
        en: `All times are in ${zoneStatement(zone, report.generatedAt)}.`,
        zh: `文中时间均为 ${zoneStatement(zone, report.generatedAt)} 时间。`,
      }),
    );
  doc.moveDown(0.6);
  for (const f of report.facts) {
    doc
      .fontSize(9)
      .fillColor(MUTED)
      .text(`${L(f.label)}: `, { continued: true })
      .fillColor(INK)
      .text((f.text ? L(f.text) : f.value) || '–');
  }
  doc.moveDown(0.8);
  for (const chart of report.charts) drawChart(doc, chart, L);
  for (const table of report.tables) drawTable(doc, table, locale, report.valueLabels, zone);
  addPageNumbers(doc);
  doc.end();
  return done;
}

function collect(doc: Pdf): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

const pageWidth = (doc: Pdf) => doc.page.width - 2 * MARGIN;

/** Starts a new page when `height` more points would not fit; returns the y to draw at. */
function reserve(doc: Pdf, height: number): number {
  if (doc.y + height > doc.page.height - MARGIN) doc.addPage();
  return doc.y;
}

function heading(doc: Pdf, text: string): void {
  reserve(doc, 40);
  doc
    .fontSize(11)
    .fillColor(INK)
    .text(text, MARGIN, doc.y, { width: pageWidth(doc) });
  doc.moveDown(0.3);
}

function noData(doc: Pdf, L: (t: { en: string; zh: string }) => string): void {
  doc
    .fontSize(8)
    .fillColor(MUTED)
    .text(L({ en: 'No data in this period', zh: '本期无数据' }), MARGIN, doc.y);
  doc.moveDown(0.8);
}

function drawChart(doc: Pdf, chart: ReportChart, L: (t: { en: string; zh: string }) => string): void {
  heading(doc, L(chart.title));
  if (chart.kind === 'bars')
    drawBars(
      doc,
      chart.bars.map((b) => ({ label: L(b.label), value: b.value })),
      L,
    );
  else if (chart.kind === 'percentiles') drawPercentiles(doc, chart, L);
  else drawSla(doc, chart, L);
  doc.x = MARGIN;
}

const LABEL_W = 170;
const ROW_H = 13;

function drawBars(
  doc: Pdf,
  bars: { label: string; value: number }[],
  L: (t: { en: string; zh: string }) => string,
): void {
  const max = Math.max(0, ...bars.map((b) => b.value));
  if (max === 0) return noData(doc, L);
  const barW = pageWidth(doc) - LABEL_W - 40;
  bars.forEach((b, i) => {
    const y = reserve(doc, ROW_H);
    doc
      .fontSize(8)
      .fillColor(INK)
      .text(b.label, MARGIN, y + 2, { width: LABEL_W - 6, lineBreak: false, ellipsis: true, height: ROW_H });
    const w = Math.max(1, (b.value / max) * barW);
    doc.rect(MARGIN + LABEL_W, y + 2, w, ROW_H - 4).fill(PALETTE[i % PALETTE.length] as string);
    doc.fillColor(INK).text(String(b.value), MARGIN + LABEL_W + w + 4, y + 2, { lineBreak: false });
    doc.y = y + ROW_H;
  });
  doc.moveDown(0.8);
}

function drawPercentiles(
  doc: Pdf,
  chart: Extract<ReportChart, { kind: 'percentiles' }>,
  L: (t: { en: string; zh: string }) => string,
): void {
  const max = Math.max(0, ...chart.series.flatMap((s) => [s.p50Ms ?? 0, s.p90Ms ?? 0, s.p95Ms ?? 0]));
  if (max === 0) return noData(doc, L);
  const barW = pageWidth(doc) - LABEL_W - 60;
  const shades = ['#93c5fd', '#3b82f6', '#1e3a8a'];
  legend(doc, [
    ['p50', shades[0] as string],
    ['p90', shades[1] as string],
    ['p95', shades[2] as string],
  ]);
  for (const s of chart.series) {
    const y = reserve(doc, 3 * 8 + 6);
    doc
      .fontSize(8)
      .fillColor(INK)
      .text(`${L(s.label)} (n=${s.count})`, MARGIN, y + 6, {
        width: LABEL_W - 6,
        lineBreak: false,
        ellipsis: true,
        height: ROW_H,
      });
    [s.p50Ms, s.p90Ms, s.p95Ms].forEach((v, i) => {
      const by = y + i * 8;
      if (v === null) return;
      const w = Math.max(1, (v / max) * barW);
      doc.rect(MARGIN + LABEL_W, by + 1, w, 6).fill(shades[i] as string);
      doc
        .fontSize(6)
        .fillColor(INK)
        .text(formatDuration(v), MARGIN + LABEL_W + w + 3, by, { lineBreak: false });
    });
    doc.y = y + 3 * 8 + 6;
  }
  doc.moveDown(0.8);
}

function drawSla(
  doc: Pdf,
  chart: Extract<ReportChart, { kind: 'sla' }>,
  L: (t: { en: string; zh: string }) => string,
): void {
  if (chart.items.every((i) => i.met + i.missed + i.pending === 0)) return noData(doc, L);
  const barW = pageWidth(doc) - LABEL_W - 60;
  legend(doc, [
    [L({ en: 'met', zh: '按时' }), MET],
    [L({ en: 'missed', zh: '逾期' }), MISSED],
    [L({ en: 'pending', zh: '未到期' }), PENDING],
  ]);
  for (const item of chart.items) {
    const total = item.met + item.missed + item.pending;
    const y = reserve(doc, ROW_H);
    doc
      .fontSize(8)
      .fillColor(INK)
      .text(L(item.label), MARGIN, y + 2, { width: LABEL_W - 6, lineBreak: false, ellipsis: true, height: ROW_H });
    let x = MARGIN + LABEL_W;
    if (total === 0)
      doc
        .rect(x, y + 2, barW, ROW_H - 4)
        .lineWidth(0.5)
        .stroke('#d1d5db');
    for (const [n, color] of [
      [item.met, MET],
      [item.missed, MISSED],
      [item.pending, PENDING],
    ] as const) {
      if (n === 0) continue;
      const w = (n / total) * barW;
      doc.rect(x, y + 2, w, ROW_H - 4).fill(color);
      x += w;
    }
    doc
      .fillColor(INK)
      .fontSize(8)
      .text(item.rate === null ? '–' : formatRate(item.rate), MARGIN + LABEL_W + barW + 4, y + 2, { lineBreak: false });
    doc.y = y + ROW_H;
  }
  doc.moveDown(0.8);
}

function legend(doc: Pdf, entries: [string, string][]): void {
  const y = reserve(doc, 12);
  let x = MARGIN + LABEL_W;
  for (const [label, color] of entries) {
    doc.rect(x, y + 2, 8, 6).fill(color);
    doc
      .fontSize(7)
      .fillColor(MUTED)
      .text(label, x + 11, y + 1, { lineBreak: false });
    x += 60;
  }
  doc.y = y + 12;
}

const CELL_FONT = 7;
const CELL_H = 11;

function drawTable(
  doc: Pdf,
  table: ReportTable,
  locale: ReportLocale,
  labels: ReportDocument['valueLabels'],
  timeZone: string,
): void {
  heading(doc, localize(table.title, locale));
  if (table.rows.length === 0) return noData(doc, (t) => localize(t, locale));
  doc.fontSize(CELL_FONT);
  const cell = (v: ReportTable['rows'][number][number], kind: ColumnKind) =>
    kind === 'code' && typeof v === 'string' && labels[v] ? localize(labels[v], locale) : formatCell(v, kind, timeZone);
  const text = table.rows.map((r) => r.map((v, i) => cell(v, table.columns[i]?.kind ?? 'text')));
  const headers = table.columns.map((c) =>
    locale === 'both' ? [c.label.zh, c.label.en] : [localize(c.label, locale)],
  );
  const natural = table.columns.map((_, i) => {
    const cells = [...(headers[i] ?? []), ...text.slice(0, 200).map((r) => r[i] ?? '')];
    return Math.min(220, Math.max(24, ...cells.map((s) => doc.widthOfString(s) + 6)));
  });
  const sum = natural.reduce((a, b) => a + b, 0);
  const scale = Math.min(1, pageWidth(doc) / sum);
  const widths = natural.map((w) => w * scale);
  const headerH = headers[0]!.length * CELL_H;
  const drawHeader = () => {
    const y = reserve(doc, headerH + CELL_H);
    doc.rect(MARGIN, y, pageWidth(doc), headerH).fill('#f3f4f6');
    let x = MARGIN;
    table.columns.forEach((_, i) => {
      (headers[i] ?? []).forEach((h, line) => {
        doc
          .fontSize(CELL_FONT)
          .fillColor(line === 0 ? INK : MUTED)
          .text(h, x + 3, y + 2 + line * CELL_H, {
            width: widths[i]! - 4,
            lineBreak: false,
            ellipsis: true,
            height: CELL_H,
          });
      });
      x += widths[i]!;
    });
    doc.y = y + headerH;
  };
  drawHeader();
  for (const row of text) {
    if (doc.y + CELL_H > doc.page.height - MARGIN) {
      doc.addPage();
      drawHeader();
    }
    const y = doc.y;
    let x = MARGIN;
    row.forEach((cell, i) => {
      doc
        .fontSize(CELL_FONT)
        .fillColor(INK)
        .text(cell, x + 3, y + 2, { width: widths[i]! - 4, lineBreak: false, ellipsis: true, height: CELL_H });
      x += widths[i]!;
    });
    doc
      .moveTo(MARGIN, y + CELL_H)
      .lineTo(MARGIN + pageWidth(doc), y + CELL_H)
      .lineWidth(0.3)
      .stroke('#e5e7eb');
    doc.y = y + CELL_H;
  }
  doc.x = MARGIN;
  doc.moveDown(1);
}

function addPageNumbers(doc: Pdf): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    // Writing below the bottom margin would make pdfkit open a new page; lift the margin for the footer.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .fontSize(7)
      .fillColor(MUTED)
      .text(`${i + 1} / ${range.count}`, MARGIN, doc.page.height - 25, {
        width: pageWidth(doc),
        align: 'right',
        lineBreak: false,
      });
    doc.page.margins.bottom = bottom;
  }
}
