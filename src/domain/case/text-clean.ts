// Text clean-up shared by observable normalizers: invisible characters, full-width forms and
// "defanged" indicators as analysts write them (hxxp://, example[.]com, user[at]mail.com).
import type { ValidationIssue } from '../../error-types.js';
import { issue } from '../shared/bilingual.js';

const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;

/** Removes zero-width characters and soft hyphens, trims, and strips wrapping quotes/brackets. */
export function cleanInput(raw: string): string {
  let s = raw.replace(INVISIBLE, '').trim();
  const pairs: Record<string, string> = {
    '"': '"',
    "'": "'",
    '<': '>',
    '“': '”',
    '‘': '’',
    '「': '」',
    '《': '》',
    '`': '`',
  };
  while (s.length >= 2 && pairs[s[0]!] === s[s.length - 1]) s = s.slice(1, -1).trim();
  return s;
}

/** Full-width letters, digits and punctuation → ASCII (NFKC), ideographic full stops → '.'. */
export function toHalfWidth(s: string): string {
  return s.normalize('NFKC').replace(/[\u3002\uff61\uff0e]/g, '.');
}

const REFANGS: readonly [RegExp, string][] = [
  [/^h(?:xx|\*\*|x\*|\*x|\[tt\]|\[xx\])p(s?)(?=:|\[:)/i, 'http$1'],
  [/^f(?:x|\*)p(?=:|\[:)/i, 'ftp'],
  [/\[:\/\/\]/g, '://'],
  [/\[:\]/g, ':'],
  [/\[\/\]/g, '/'],
  [/\s*(?:\[\.\]|\(\.\)|\{\.\}|\[dot\]|\(dot\)|\{dot\}|\[点\]|\(点\))\s*/gi, '.'],
  [/\s*(?:\[@\]|\(@\)|\{@\}|\[at\]|\(at\)|\{at\})\s*/gi, '@'],
];

/** Undoes common defanging; `changed` tells the caller to flag the value as refanged. */
export function refang(s: string): { value: string; changed: boolean } {
  let out = s;
  for (const [re, to] of REFANGS) out = out.replace(re, to);
  return { value: out, changed: out !== s };
}

export class Notes {
  readonly flags: string[] = [];
  readonly issues: ValidationIssue[] = [];
  constructor(readonly path: string) {}

  warn(flag: string, en: string, zh: string): void {
    if (this.flags.includes(flag)) return;
    this.flags.push(flag);
    this.issues.push(issue(this.path, `OBSERVABLE_${flag.toUpperCase()}`, en, zh));
  }

  fail(code: string, en: string, zh: string): ValidationIssue[] {
    return [issue(this.path, code, en, zh)];
  }

  /** Fields to spread into a Normalized result (omitted when empty). */
  extras(): { flags?: string[]; issues?: ValidationIssue[] } {
    return this.flags.length ? { flags: [...this.flags], issues: [...this.issues] } : {};
  }
}
