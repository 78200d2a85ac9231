// A small issue collector with the typed property checks every STIX rule is built from.
import type { StixIssue } from './validate.js';
import { STIX_ISSUE_WORDING, type StixIssueCode } from './validate-messages.js';

export type Obj = Record<string, unknown>;

// RFC 3339 UTC timestamp as STIX 2.1 §3.2 writes it: seconds required, optional fraction, `Z`.
const TIMESTAMP_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?Z$/;
// RFC 4122/9562 UUID: the variant nibble is 8–b; versions 1–8 (SCOs use v5, others SHOULD use v4).
// Hex digits in either case (RFC 9562 §4: case-insensitive on input; the OASIS validator agrees);
// ids are then compared through stixIdKey (ids.ts). The type part stays lower case (isTypeName).
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const TYPE_RE = /^[a-z0-9-]{3,250}$/;

export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function isTypeName(v: string): boolean {
  return TYPE_RE.test(v) && !v.startsWith('-') && !v.endsWith('-') && !v.includes('--');
}

/** `type--UUID`; returns the type part or undefined when the shape is wrong. */
export function identifierType(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  const at = v.indexOf('--');
  if (at < 0) return undefined;
  const type = v.slice(0, at);
  return isTypeName(type) && UUID_RE.test(v.slice(at + 2)) ? type : undefined;
}

export function isTimestamp(v: unknown): v is string {
  if (typeof v !== 'string') return false;
  const m = TIMESTAMP_RE.exec(v);
  if (!m) return false;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return mo >= 1 && mo <= 12 && d >= 1 && d <= days && h <= 23 && mi <= 59 && s <= 60;
}

/** Compares two valid STIX timestamps at full precision (fractions padded, not rounded). */
export function compareTimestamps(a: string, b: string): number {
  const norm = (t: string): string => {
    const [main, frac = ''] = t.slice(0, -1).split('.');
    return `${main}.${frac.padEnd(9, '0')}`;
  };
  const x = norm(a);
  const y = norm(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export class Checker {
  readonly issues: StixIssue[] = [];
  constructor(readonly obj: Obj) {}

  add(path: string, code: StixIssueCode, detail = path): void {
    this.issues.push({ path, code, message: STIX_ISSUE_WORDING[code](detail) });
  }

  has(prop: string): boolean {
    return this.obj[prop] !== undefined;
  }

  required(...props: string[]): boolean {
    let ok = true;
    for (const p of props)
      if (!this.has(p)) {
        this.add(p, 'required');
        ok = false;
      }
    return ok;
  }

  string(prop: string, required = false): string | undefined {
    const v = this.obj[prop];
    if (v === undefined) {
      if (required) this.add(prop, 'required');
      return undefined;
    }
    if (typeof v !== 'string' || v.length === 0) {
      this.add(prop, 'string');
      return undefined;
    }
    return v;
  }

  boolean(prop: string, required = false): boolean | undefined {
    const v = this.obj[prop];
    if (v === undefined) {
      if (required) this.add(prop, 'required');
      return undefined;
    }
    if (typeof v !== 'boolean') {
      this.add(prop, 'boolean');
      return undefined;
    }
    return v;
  }

  integer(prop: string, min: number, max: number, required = false): number | undefined {
    const v = this.obj[prop];
    if (v === undefined) {
      if (required) this.add(prop, 'required');
      return undefined;
    }
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
      this.add(prop, 'integer_range', `${prop} (${min}–${max})`);
      return undefined;
    }
    return v;
  }

  timestamp(prop: string, required = false, millis = false): string | undefined {
    const v = this.obj[prop];
    if (v === undefined) {
      if (required) this.add(prop, 'required');
      return undefined;
    }
    if (!isTimestamp(v)) {
      this.add(prop, 'timestamp');
      return undefined;
    }
    if (millis && !/\.\d{3,}Z$/.test(v)) {
      this.add(prop, 'timestamp_precision');
      return undefined;
    }
    return v;
  }

  /** `later` must not come before `earlier` (or must come strictly after when `strict`). */
  order(earlier: string, later: string, strict = false): void {
    const a = this.obj[earlier];
    const b = this.obj[later];
    if (!isTimestamp(a) || !isTimestamp(b)) return;
    const c = compareTimestamps(a, b);
    if (c > 0 || (strict && c === 0)) this.add(later, 'time_order', `${earlier} ${strict ? '<' : '≤'} ${later}`);
  }

  stringList(prop: string, required = false): string[] | undefined {
    const v = this.obj[prop];
    if (v === undefined) {
      if (required) this.add(prop, 'required');
      return undefined;
    }
    if (!Array.isArray(v)) {
      this.add(prop, 'list');
      return undefined;
    }
    if (v.some((x) => typeof x !== 'string')) {
      this.add(prop, 'string', `${prop}[*]`);
      return undefined;
    }
    return v as string[];
  }

  /** An identifier, optionally restricted to some object types. */
  ref(prop: string, types?: readonly string[], required = false): void {
    const v = this.obj[prop];
    if (v === undefined) {
      if (required) this.add(prop, 'required');
      return;
    }
    this.checkRef(prop, v, types);
  }

  refList(prop: string, types?: readonly string[], required = false): void {
    const v = this.obj[prop];
    if (v === undefined) {
      if (required) this.add(prop, 'required');
      return;
    }
    if (!Array.isArray(v)) {
      this.add(prop, 'list');
      return;
    }
    v.forEach((x, i) => this.checkRef(`${prop}[${i}]`, x, types));
  }

  private checkRef(path: string, v: unknown, types?: readonly string[]): void {
    const t = identifierType(v);
    if (!t) this.add(path, 'identifier');
    else if (types && !types.includes(t)) this.add(path, 'ref_type');
  }
}
