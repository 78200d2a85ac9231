// Human forms of report cells for the PDF (CSV and JSON keep raw values): durations, rates, instants.
import type { Cell, ColumnKind } from '../domain/report/report-model.js';
import { localDateTime } from '../domain/shared/human-time.js';

export function formatDuration(ms: number): string {
  const min = ms / 60_000;
  if (min < 1) return `${Math.round(ms / 1000)} s`;
  if (min < 90) return `${Math.round(min)} min`;
  const h = min / 60;
  if (h < 48) return `${h.toFixed(1)} h`;
  return `${(h / 24).toFixed(1)} d`;
}

export function formatRate(rate: number): string {
  return `${(rate * 100).toFixed(1)} %`;
}

/**
 * "2026-07-01 18:00": the wall time in the document's zone, which the PDF states once in its header
 * (the node's own zone); without a zone, in UTC and saying so.
 */
export function formatInstant(iso: string, timeZone?: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return timeZone ? localDateTime(d, timeZone) : `${localDateTime(d, 'UTC')} UTC`;
}

export function formatCell(value: Cell, kind: ColumnKind, timeZone?: string): string {
  if (value === null) return '–';
  if (typeof value === 'number') {
    if (kind === 'duration') return formatDuration(value);
    if (kind === 'rate') return formatRate(value);
    return String(value);
  }
  return kind === 'instant' ? formatInstant(value, timeZone) : value;
}
