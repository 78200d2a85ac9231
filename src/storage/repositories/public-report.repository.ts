// SQL for reports from the public: the report document, its encrypted attachments and its indicators.
import type { EvidenceEncryption } from '../../domain/case/evidence-crypto.js';
import type {
  PublicReportRecord,
  ReportCategory,
  ReportIndicator,
  ReportStatus,
} from '../../domain/public-report/index.js';
import { PUBLIC_REPORT_DOCUMENT } from '../../domain/public-report/record-schema.js';
import type { Queryable } from '../db.js';
import { decodeDocument, decodeDocuments, documentKind } from './document-codec.js';
import { insertDocument, updateDocument, type Columns } from './document-store.js';

export const PUBLIC_REPORTS = documentKind('public_reports', PUBLIC_REPORT_DOCUMENT);

export type StoredReport = { record: PublicReportRecord; version: number; hasCorrelation: boolean };

function columns(r: PublicReportRecord): Columns {
  return {
    receipt: r.receipt,
    category: r.category,
    status: r.status,
    submitted_at: r.submittedAt,
    duplicate_of: r.duplicateOf,
    case_id: r.caseId,
  };
}

export async function insertReport(
  tx: Queryable,
  r: PublicReportRecord,
  secrets: { codeHash: string; clientIpHash: string },
): Promise<void> {
  await insertDocument(
    tx,
    PUBLIC_REPORTS,
    r.id,
    1,
    { ...columns(r), code_hash: secrets.codeHash, client_ip_hash: secrets.clientIpHash },
    r,
  );
}

export async function updateReport(tx: Queryable, r: PublicReportRecord, expectedVersion: number): Promise<void> {
  await updateDocument(tx, PUBLIC_REPORTS, r.id, expectedVersion, expectedVersion + 1, columns(r), r);
}

/**
 * Whether another source (a case, a request, another report, intel) holds one of this report's
 * values in the correlation index (migration 075): computed when read, so it is never stale.
 */
const HAS_CORRELATION = `EXISTS (SELECT 1 FROM observable_index mine JOIN observable_index other
  ON other.type = mine.type AND other.value_hash = mine.value_hash
  AND NOT (other.source_kind = 'report' AND other.source_id = mine.source_id)
  WHERE mine.source_kind = 'report' AND mine.source_id = public_reports.id)`;

type Row = { doc: unknown; version: number; has_correlation: boolean };
const stored = (r: Row): StoredReport => ({
  record: decodeDocument(PUBLIC_REPORTS, r.doc),
  version: r.version,
  hasCorrelation: r.has_correlation,
});

export async function findReport(db: Queryable, id: string, forUpdate = false): Promise<StoredReport | null> {
  const rows = await db.query<Row>(
    `SELECT doc, version, ${HAS_CORRELATION} AS has_correlation FROM public_reports WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return rows[0] ? stored(rows[0]) : null;
}

export async function findReportsByIds(
  db: Queryable,
  ids: readonly string[],
  forUpdate = false,
): Promise<StoredReport[]> {
  const rows = await db.query<Row>(
    `SELECT doc, version, ${HAS_CORRELATION} AS has_correlation FROM public_reports WHERE id = ANY($1::text[]) ORDER BY submitted_at, id${forUpdate ? ' FOR UPDATE' : ''}`,
    [ids],
  );
  return rows.map(stored);
}

/** Whether a receipt is already taken (a guard: a node's series only repeats if its key or code changed). */
export async function receiptTaken(db: Queryable, receipt: string): Promise<boolean> {
  return (await db.query('SELECT 1 FROM public_reports WHERE receipt = $1', [receipt])).length > 0;
}

export async function findReportForStatus(
  db: Queryable,
  receipt: string,
): Promise<{ record: PublicReportRecord; codeHash: string } | null> {
  const rows = await db.query<{ doc: unknown; code_hash: string }>(
    'SELECT doc, code_hash FROM public_reports WHERE receipt = $1',
    [receipt],
  );
  return rows[0] ? { record: decodeDocument(PUBLIC_REPORTS, rows[0].doc), codeHash: rows[0].code_hash } : null;
}

export type ReportFilter = {
  statuses?: ReportStatus[];
  categories?: ReportCategory[];
  from?: string;
  to?: string;
  hasCorrelation?: boolean;
  limit: number;
  offset: number;
};

export async function listReports(db: Queryable, f: ReportFilter): Promise<{ items: StoredReport[]; total: number }> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (f.statuses?.length) add('status = ANY(?::text[])', f.statuses);
  if (f.categories?.length) add('category = ANY(?::text[])', f.categories);
  if (f.from) add('submitted_at >= ?', f.from);
  if (f.to) add('submitted_at < ?', f.to);
  if (f.hasCorrelation !== undefined) add(`${HAS_CORRELATION} = ?`, f.hasCorrelation);
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const count = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM public_reports ${clause}`, params);
  const rows = await db.query<Row>(
    `SELECT doc, version, ${HAS_CORRELATION} AS has_correlation FROM public_reports ${clause} ORDER BY submitted_at DESC, id LIMIT ${f.limit} OFFSET ${f.offset}`,
    params,
  );
  return { items: rows.map(stored), total: count[0]?.n ?? 0 };
}

/** Reports submitted since `since` (newest first): the pool narrative similarity is checked against. */
export async function recentReports(db: Queryable, since: string, limit: number): Promise<PublicReportRecord[]> {
  const rows = await db.query<{ doc: unknown }>(
    `SELECT doc FROM public_reports WHERE submitted_at >= $1 ORDER BY submitted_at DESC LIMIT ${limit}`,
    [since],
  );
  return decodeDocuments(PUBLIC_REPORTS, rows);
}

// --- attachments ---

export type AttachmentMeta = {
  id: string;
  reportId: string;
  position: number;
  filename: string;
  mediaType: string;
  size: number;
  sha256: string;
  encryption: EvidenceEncryption;
  createdAt: string;
};
export type StoredAttachment = AttachmentMeta & { ciphertext: Buffer };

type AttachmentRow = {
  id: string;
  report_id: string;
  position: number;
  filename: string;
  media_type: string;
  size: number;
  sha256: string;
  encryption: EvidenceEncryption;
  created_at: Date | string;
  ciphertext?: Uint8Array;
};
const META = 'id, report_id, position, filename, media_type, size, sha256, encryption, created_at';
const meta = (r: AttachmentRow): AttachmentMeta => ({
  id: r.id,
  reportId: r.report_id,
  position: r.position,
  filename: r.filename,
  mediaType: r.media_type,
  size: r.size,
  sha256: r.sha256,
  encryption: r.encryption,
  createdAt: new Date(r.created_at).toISOString(),
});

export async function insertAttachment(tx: Queryable, a: StoredAttachment): Promise<void> {
  await tx.query(
    `INSERT INTO public_report_attachments (${META}, ciphertext) VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10)`,
    [
      a.id,
      a.reportId,
      a.position,
      a.filename,
      a.mediaType,
      a.size,
      a.sha256,
      JSON.stringify(a.encryption),
      a.createdAt,
      a.ciphertext,
    ],
  );
}

export async function listAttachments(db: Queryable, reportIds: readonly string[]): Promise<AttachmentMeta[]> {
  const rows = await db.query<AttachmentRow>(
    `SELECT ${META} FROM public_report_attachments WHERE report_id = ANY($1::text[]) ORDER BY report_id, position`,
    [reportIds],
  );
  return rows.map(meta);
}

export async function findAttachment(db: Queryable, reportId: string, id: string): Promise<StoredAttachment | null> {
  const rows = await db.query<AttachmentRow>(
    `SELECT ${META}, ciphertext FROM public_report_attachments WHERE report_id = $1 AND id = $2`,
    [reportId, id],
  );
  const r = rows[0];
  return r ? { ...meta(r), ciphertext: Buffer.from(r.ciphertext!) } : null;
}

export async function loadAttachments(db: Queryable, reportIds: readonly string[]): Promise<StoredAttachment[]> {
  const rows = await db.query<AttachmentRow>(
    `SELECT ${META}, ciphertext FROM public_report_attachments WHERE report_id = ANY($1::text[]) ORDER BY report_id, position`,
    [reportIds],
  );
  return rows.map((r) => ({ ...meta(r), ciphertext: Buffer.from(r.ciphertext!) }));
}

// --- indicators ---

export async function insertIndicators(
  tx: Queryable,
  reportId: string,
  indicators: readonly ReportIndicator[],
): Promise<void> {
  for (const i of indicators) {
    await tx.query(
      'INSERT INTO public_report_indicators (report_id, type, value, display, source) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING',
      [reportId, i.type, i.value, i.display, i.source],
    );
  }
}

export async function listIndicators(
  db: Queryable,
  reportIds: readonly string[],
): Promise<(ReportIndicator & { reportId: string })[]> {
  const rows = await db.query<{
    report_id: string;
    type: ReportIndicator['type'];
    value: string;
    display: string;
    source: ReportIndicator['source'];
  }>(
    'SELECT report_id, type, value, display, source FROM public_report_indicators WHERE report_id = ANY($1::text[]) ORDER BY report_id, type, value',
    [reportIds],
  );
  return rows.map((r) => ({
    reportId: r.report_id,
    type: r.type,
    value: r.value,
    display: r.display,
    source: r.source,
  }));
}

/** Other reports holding any of these indicators, most shared first. */
export async function reportsSharingIndicators(db: Queryable, reportId: string, limit: number): Promise<string[]> {
  const rows = await db.query<{ report_id: string }>(
    `SELECT o.report_id FROM public_report_indicators o
       JOIN public_report_indicators s ON s.type = o.type AND s.value = o.value AND s.report_id = $1
      WHERE o.report_id <> $1 GROUP BY o.report_id ORDER BY count(*) DESC, o.report_id LIMIT ${limit}`,
    [reportId],
  );
  return rows.map((r) => r.report_id);
}

/** Honeypot submissions discarded so far (a counter row; nothing the bots sent is kept). */
export const SPAM_COUNTER = 'PUBLIC_REPORT_SPAM_DISCARDED';

export async function countDiscardedSpam(db: Queryable): Promise<number> {
  const rows = await db.query<{ value: number }>('SELECT value FROM counters WHERE name = $1', [SPAM_COUNTER]);
  return rows[0]?.value ?? 0;
}

export type ReportCorrelation = {
  type: string;
  value: string;
  sourceKind: string;
  sourceId: string;
  sourceLabel: string | null;
};

/** Other sources in the correlation index holding one of the report's values (not the report itself). */
export async function listReportCorrelations(
  db: Queryable,
  reportId: string,
  limit: number,
): Promise<ReportCorrelation[]> {
  const rows = await db.query<{
    type: string;
    value: string;
    source_kind: string;
    source_id: string;
    source_label: string | null;
  }>(
    `SELECT mine.type, mine.value, other.source_kind, other.source_id, other.source_label
       FROM observable_index mine JOIN observable_index other
         ON other.type = mine.type AND other.value_hash = mine.value_hash
        AND NOT (other.source_kind = 'report' AND other.source_id = mine.source_id)
      WHERE mine.source_kind = 'report' AND mine.source_id = $1
      ORDER BY mine.type, mine.value, other.source_kind, other.source_id LIMIT ${limit}`,
    [reportId],
  );
  return rows.map((r) => ({
    type: r.type,
    value: r.value,
    sourceKind: r.source_kind,
    sourceId: r.source_id,
    sourceLabel: r.source_label,
  }));
}

export async function countReportsByStatus(db: Queryable): Promise<{ status: ReportStatus; count: number }[]> {
  const rows = await db.query<{ status: ReportStatus; n: number }>(
    'SELECT status, count(*)::int AS n FROM public_reports GROUP BY status ORDER BY status',
  );
  return rows.map((r) => ({ status: r.status, count: r.n }));
}
