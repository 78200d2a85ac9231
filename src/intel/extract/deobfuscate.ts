// De-obfuscation before matching: the ways fraud texts hide an identifier from keyword filters
// (www点example点com, example。com, example . com, 一三八…, 138.1234.5678, emoji or zero-width
// characters inside a number) are undone in a working copy of the text. Nothing is invented: a
// separator is only dropped or read as the dot it stands for, a Chinese numeral only becomes the
// digit it names. Every working-copy character keeps the span of the original text it came from,
// so a match maps back to exactly what was written, and each edit names the flag it sets.
import { isKnownTld } from './tld.js';

export type ObfuscationFlag =
  'obfuscated_dot' | 'obfuscated_at' | 'chinese_numerals' | 'split_digits' | 'inserted_chars';

/** One change: source span [start, end) replaced by `text` ('' removes it). */
type Edit = { start: number; end: number; text: string; flag: ObfuscationFlag };

export type Deobfuscated = {
  text: string;
  /** For working-copy character i, the original span [srcStart[i], srcEnd[i]). Absent when nothing changed. */
  srcStart?: Int32Array;
  srcEnd?: Int32Array;
  /** The edits in original offsets, in order, for the flags of a span. */
  edits: { start: number; end: number; flag: ObfuscationFlag }[];
};

function applyEdits(text: string, edits: readonly Edit[]): { text: string; start: Int32Array; end: Int32Array } {
  let out = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let at = 0;
  const copy = (upTo: number) => {
    out += text.slice(at, upTo);
    for (let i = at; i < upTo; i++) {
      starts.push(i);
      ends.push(i + 1);
    }
  };
  for (const e of edits) {
    copy(e.start);
    out += e.text;
    // A replacement character stands for the whole span it replaces.
    for (let i = 0; i < e.text.length; i++) {
      starts.push(e.start);
      ends.push(e.end);
    }
    at = e.end;
  }
  copy(text.length);
  return { text: out, start: Int32Array.from(starts), end: Int32Array.from(ends) };
}

// ---- stage 1: characters inserted into an identifier -------------------------------------------

const INVISIBLE = String.raw`\u200b-\u200d\u2060\ufeff\u00ad`;
const DIGIT_LIKE = '零〇○一二三四五六七八九幺壹贰貳叁参肆伍陆陸柒捌玖⓪①②③④⑤⑥⑦⑧⑨';
const ID_CHAR = `A-Za-z0-9_@.\\-${DIGIT_LIKE}`;
/** Emoji (with skin tones, variation selectors, joiners) or invisible characters between two identifier characters. */
const INSERTED = new RegExp(
  `(?<=[${ID_CHAR}])(?:[${INVISIBLE}]|\\ufe0f|\\u20e3|\\p{Extended_Pictographic}|[\\u{1F3FB}-\\u{1F3FF}])+(?=[${ID_CHAR}])`,
  'gu',
);
const STRAY_INVISIBLE = new RegExp(`[${INVISIBLE}]+`, 'g');
/** Emoji splitting a cue word (微❤️信): dropped so the cue is read; Chinese text around it is unchanged. */
const INSERTED_HAN =
  /(?<=\p{Script=Han})(?:\p{Extended_Pictographic}|\ufe0f|[\u{1F3FB}-\u{1F3FF}])+(?=\p{Script=Han})/gu;

function insertedEdits(text: string): Edit[] {
  const edits: Edit[] = [];
  if (!/[\u200b-\u200d\u2060\ufeff\u00ad\u{1F000}-\u{1FAFF}\u2600-\u27bf]/u.test(text)) return edits;
  for (const m of text.matchAll(INSERTED))
    edits.push({ start: m.index, end: m.index + m[0].length, text: '', flag: 'inserted_chars' });
  for (const m of text.matchAll(INSERTED_HAN))
    edits.push({ start: m.index, end: m.index + m[0].length, text: '', flag: 'inserted_chars' });
  // Invisible characters anywhere else are dropped too (they only ever hide something).
  for (const m of text.matchAll(STRAY_INVISIBLE)) {
    if (!edits.some((e) => m.index >= e.start && m.index < e.end))
      edits.push({ start: m.index, end: m.index + m[0].length, text: '', flag: 'inserted_chars' });
  }
  return edits.sort((a, b) => a.start - b.start);
}

// ---- stage 2: spelled-out dots and @ ------------------------------------------------------------

const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
/** Separators read as a dot: 点/點, the ideographic full stop, ` dot `, a dot with spaces around it. */
const OBF_SEP = String.raw`(?:[ \t]*[点點][ \t]*|。|[ \t]+(?:dot|DOT|Dot)[ \t]+|[ \t]+\.[ \t]*|[ \t]*\.[ \t]+)`;
const DOT_CHAIN = new RegExp(`(?<![A-Za-z0-9-])${LABEL}(?:(?:\\.|${OBF_SEP})${LABEL})+(?![A-Za-z0-9-])`, 'g');
const SEP_IN_CHAIN = new RegExp(OBF_SEP, 'g');
/** TLDs a spaced or spelled-out dot may end in (a looser TLD after a space would take prose for a domain). */
const COMMON_TLDS = new Set([
  'com',
  'net',
  'org',
  'cn',
  'top',
  'xyz',
  'vip',
  'cc',
  'info',
  'shop',
  'site',
  'online',
  'club',
  'icu',
  'app',
  'io',
  'co',
  'me',
  'tk',
  'hk',
  'tw',
  'biz',
  'pro',
  'live',
  'fun',
  'ltd',
  'link',
  'asia',
  'uk',
  'us',
  'ru',
  'bet',
  'win',
  'cyou',
  'buzz',
  'store',
  'tech',
  'work',
  'gov',
  'edu',
]);
/** Words prose puts before "dot com" or a spaced dot: "the dot com bubble" is not the.com. */
const PROSE_WORDS = new Set([
  'the',
  'a',
  'an',
  'this',
  'that',
  'of',
  'and',
  'or',
  'to',
  'in',
  'on',
  'at',
  'is',
  'it',
  'my',
  'your',
  'our',
  'their',
  'was',
  'be',
  'me',
  'so',
  'do',
  'go',
  'no',
  'ok',
  'yes',
  'up',
  'he',
  'she',
  'we',
  'they',
  'you',
  'i',
]);
const DOT_HINT = /[A-Za-z0-9][ \t]*(?:[点點。#]|艾特)|[A-Za-z0-9][ \t]+(?:\.|dot|DOT|Dot)|[A-Za-z0-9]\.[ \t]/;
const HASH_IS_AT =
  /#\s*(?:换成|改成|替换成|替换为|换为|改为|=|＝|就是|代表|replace(?:d)? (?:with|by)|means?|is)\s*@|@\s*(?:用|写成|写作)\s*#/i;
const HASH_AT = /(?<=[A-Za-z0-9._%+-])#(?=[A-Za-z0-9-]+(?:\.|[点點])[A-Za-z])/g;
const AT_WORD = /(?<=[A-Za-z0-9._-])[ \t]*(?:艾特|\(艾特\)|（艾特）|\[艾特\]|【艾特】)[ \t]*(?=[A-Za-z0-9])/g;

function dotEdits(text: string): Edit[] {
  const edits: Edit[] = [];
  // Most text has none of these next to a Latin letter or digit: one cheap scan decides.
  if (!DOT_HINT.test(text)) return edits;
  for (const m of text.matchAll(DOT_CHAIN)) {
    let chain = m[0];
    let offset = m.index;
    let seps = [...chain.matchAll(SEP_IN_CHAIN)];
    // "w w w 点 cai88 点 vip": letters spelled one by one before a spaced separator are not a label.
    while (seps.length > 0 && seps[0]!.index <= 1 && /[ \t]/.test(seps[0]![0])) {
      const cut = seps[0]!.index + seps[0]![0].length;
      chain = chain.slice(cut);
      offset += cut;
      seps = [...chain.matchAll(SEP_IN_CHAIN)];
    }
    if (seps.length === 0) continue;
    const labels = chain.split(new RegExp(`\\.|${OBF_SEP}`));
    const tld = labels[labels.length - 1]!;
    if (labels.length < 2 || !/^[a-zA-Z]{2,}$/.test(tld) || !isKnownTld(tld)) continue;
    // "下午3点net": a number before 点 is a time of day, not a label (163点com is).
    if (!/[A-Za-z]/.test(labels[0]!) && labels[0]!.length < 3) continue;
    const spaced = seps.some((s) => /[ \t]/.test(s[0]));
    if (spaced || seps.some((s) => s[0] === '。')) {
      // Prose ("ok. me too", "the dot com bubble") must not become a domain.
      if (!COMMON_TLDS.has(tld) || PROSE_WORDS.has(labels[0]!.toLowerCase())) continue;
      if (spaced && (tld !== tld.toLowerCase() || labels[0]!.length < 2)) continue;
    }
    for (const s of seps)
      edits.push({ start: offset + s.index, end: offset + s.index + s[0].length, text: '.', flag: 'obfuscated_dot' });
  }
  for (const m of text.matchAll(AT_WORD))
    edits.push({ start: m.index, end: m.index + m[0].length, text: '@', flag: 'obfuscated_at' });
  // "kefu#163.com（把#换成@）": a # stands for @ only where the text itself says so.
  if (HASH_IS_AT.test(text)) {
    for (const m of text.matchAll(HASH_AT))
      edits.push({ start: m.index, end: m.index + 1, text: '@', flag: 'obfuscated_at' });
  }
  return edits.sort((a, b) => a.start - b.start);
}

// ---- stage 3: digits written as Chinese numerals or split up --------------------------------------

const NUMERAL_VALUE: Record<string, string> = {
  零: '0',
  〇: '0',
  '○': '0',
  一: '1',
  幺: '1',
  二: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
  壹: '1',
  贰: '2',
  貳: '2',
  叁: '3',
  参: '3',
  肆: '4',
  伍: '5',
  陆: '6',
  陸: '6',
  柒: '7',
  捌: '8',
  玖: '9',
  '⓪': '0',
  '①': '1',
  '②': '2',
  '③': '3',
  '④': '4',
  '⑤': '5',
  '⑥': '6',
  '⑦': '7',
  '⑧': '8',
  '⑨': '9',
};
const UNIT = `[0-9${DIGIT_LIKE}]`;
const DSEP = String.raw`(?:[ ]?[\-._/·|—–~][ ]?|[ ]{1,2})`;
const GROUP = new RegExp(`\\+?${UNIT}+`, 'g');
const NON_DIGIT = new RegExp(`[${DIGIT_LIKE}]`);
/** A run of digit-like characters with single separators between them; split into groups below. */
// At least five units: shorter runs cannot spell a number worth undoing (a QQ number has five digits).
// Runs are maximal, so only a letter can touch one; that (and a leading +) is checked in code, which
// is twice as fast on Chinese text as look-arounds.
const DIGIT_RUN = new RegExp(`${UNIT}(?:${DSEP}?${UNIT}){4,}`, 'g');
const QQ_CUE_BEFORE = /(?:QQ|qq|Qq|扣扣|企鹅号?)(?:号码?|账号|号)?[\s:：=是为]{0,3}$/;
/** A Chinese landline with its area code (010, 02x, 0xxx) and a local number, when written digit by digit. */
const LANDLINE = /^0(?:10|2\d|[3-9]\d{2})[2-9]\d{6,7}$/;
const SPLIT_ONLY = /^\d(?: ?[ -] ?\d)+$/;
/** The way the existing patterns already read a Chinese mobile (3-4-4 with a space or dash, or none). */
const PLAIN_MOBILE = /^(?:\+?(?:00)?86[ -]?)?1[3-9]\d(?:[ -]?\d{4}){2}$/;

function digitsOf(s: string): string {
  let out = '';
  for (const ch of s) out += /[0-9]/.test(ch) ? ch : (NUMERAL_VALUE[ch] ?? '');
  return out;
}

function isIpv4Like(groups: readonly string[], seps: readonly string[]): boolean {
  return (
    groups.length === 4 && seps.every((s) => s === '.') && groups.every((g) => /^\d{1,3}$/.test(g) && Number(g) <= 255)
  );
}

function digitEdits(text: string): Edit[] {
  const edits: Edit[] = [];
  for (const found of text.matchAll(DIGIT_RUN)) {
    const plus = text[found.index - 1] === '+';
    const m = { index: plus ? found.index - 1 : found.index, 0: plus ? `+${found[0]}` : found[0] };
    if (/[A-Za-z0-9]/.test(text[m.index - 1] ?? '') || /[A-Za-z]/.test(text[found.index + found[0].length] ?? ''))
      continue;
    const run = m[0];
    // Nothing to undo in a run of plain digits with ordinary grouping: the patterns read it as written.
    if (!NON_DIGIT.test(run) && !/[._/·|—–~]| {2}|(?:\d[ -]){3}/.test(run)) continue;
    // Groups (maximal units without a separator), then windows of whole groups that spell a number.
    const parts = [...run.matchAll(GROUP)];
    const windows: [number, number][] = [];
    const qq = QQ_CUE_BEFORE.test(text.slice(Math.max(0, m.index - 16), m.index));
    if (qq && /^[1-9]\d{4,11}$/.test(digitsOf(run))) windows.push([0, parts.length]);
    for (let i = 0; windows.length === 0 && i < parts.length;) {
      let digits = '';
      let found = -1;
      for (let j = i; j < parts.length && digits.length < 13; j++) {
        digits += digitsOf(parts[j]![0]);
        if (/^(?:86)?1[3-9]\d{9}$/.test(digits) || (SPLIT_ONLY.test(run) && LANDLINE.test(digits))) found = j + 1;
      }
      if (found < 0) {
        i++;
        continue;
      }
      windows.push([i, found]);
      i = found;
    }
    for (const [i, j] of windows) {
      const first = parts[i]!;
      const last = parts[j - 1]!;
      const start = m.index + first.index;
      const written = text.slice(start, m.index + last.index + last[0].length);
      const groups = parts.slice(i, j).map((p) => p[0]);
      const seps = parts
        .slice(i + 1, j)
        .map((p, k) => run.slice(parts[i + k]!.index + parts[i + k]![0].length, p.index));
      if (isIpv4Like(groups, seps) || PLAIN_MOBILE.test(written)) continue;
      // Dots join version numbers and decimals (13.8.12345678); a dotted phone is written in groups of 3-4.
      if (seps.some((x) => x.includes('.')) && (groups.some((g) => g.length < 3) || seps.some((x) => x !== '.')))
        continue;
      // Nor may the number be cut out of a dotted run (an address or a version followed by more digits).
      const before = i > 0 ? run.slice(parts[i - 1]!.index + parts[i - 1]![0].length, first.index) : '';
      const after = j < parts.length ? run.slice(last.index + last[0].length, parts[j]!.index) : '';
      if (before.includes('.') || after.includes('.')) continue;
      // A landline keeps one dash after its area code, the form the landline pattern reads.
      const digits = digitsOf(written);
      const areaEnd = LANDLINE.test(digits) ? (/^0(?:10|2)/.test(digits) ? 3 : 4) : -1;
      if (areaEnd > 0 && !new RegExp(`^(?:\\D*\\d){${areaEnd}}[ ]?[-\\s]`).test(written)) continue;
      let at = start;
      let seen = 0;
      let dashDone = false;
      const sepRun = /^[^0-9+]+/;
      while (at < start + written.length) {
        const ch = text[at]!;
        if (/[0-9+]/.test(ch)) {
          seen += ch === '+' ? 0 : 1;
          at++;
          continue;
        }
        const v = NUMERAL_VALUE[ch];
        if (v !== undefined) {
          edits.push({ start: at, end: at + 1, text: v, flag: 'chinese_numerals' });
          seen++;
          at++;
          continue;
        }
        const sep = sepRun
          .exec(text.slice(at, start + written.length))![0]
          .replace(new RegExp(`[${DIGIT_LIKE}].*$`), '');
        const keepDash = areaEnd > 0 && seen === areaEnd && !dashDone;
        if (keepDash) dashDone = true;
        edits.push({ start: at, end: at + sep.length, text: keepDash ? '-' : '', flag: 'split_digits' });
        at += sep.length;
      }
    }
  }
  return edits;
}

// ---- pipeline ---------------------------------------------------------------------------------------

type Stage = (text: string) => Edit[];
const STAGES: readonly Stage[] = [insertedEdits, dotEdits, digitEdits];

/** The working copy of `text` (already width-folded) with the obfuscations undone, or `text` itself when there are none. */
export function deobfuscate(text: string): Deobfuscated {
  let current = text;
  let srcStart: Int32Array | undefined;
  let srcEnd: Int32Array | undefined;
  const all: Deobfuscated['edits'] = [];
  for (const stage of STAGES) {
    const edits = stage(current);
    if (edits.length === 0) continue;
    for (const e of edits) {
      // Edit offsets are in the current copy; record them in original offsets.
      const s = srcStart ? srcStart[e.start]! : e.start;
      const en = srcEnd ? srcEnd[e.end - 1]! : e.end;
      all.push({ start: s, end: en, flag: e.flag });
    }
    const next = applyEdits(current, edits);
    if (srcStart && srcEnd) {
      const ps = srcStart;
      const pe = srcEnd;
      srcStart = next.start.map((i) => ps[i]!);
      // A character's end in the original is the end of the last source character it covers.
      srcEnd = next.end.map((i) => pe[i - 1]!);
    } else {
      srcStart = next.start;
      srcEnd = next.end;
    }
    current = next.text;
  }
  all.sort((a, b) => a.start - b.start);
  return { text: current, srcStart, srcEnd, edits: all };
}

/** The original span of working-copy span [start, end). */
export function toOriginal(d: Deobfuscated, start: number, end: number): { start: number; end: number } {
  if (!d.srcStart || !d.srcEnd) return { start, end };
  return { start: d.srcStart[start]!, end: d.srcEnd[end - 1]! };
}

/** Flags of the edits inside the original span [start, end). */
export function flagsWithin(d: Deobfuscated, start: number, end: number): ObfuscationFlag[] {
  const out: ObfuscationFlag[] = [];
  for (const e of d.edits) {
    if (e.start >= end) break;
    if (e.end > start && e.start >= start && !out.includes(e.flag)) out.push(e.flag);
  }
  return out;
}
