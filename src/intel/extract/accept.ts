// Turns one pattern candidate into an indicator: normalizes it with the case normalizers (so
// extracted values equal what a case stores) and applies the checks free text needs.
import { domainToUnicode } from 'node:url';
import { tryNormalizeObservable } from '../../domain/case/normalize-observable.js';
import type { NormalizedObservable, ObservableType } from '../../domain/case/observable-types.js';
import { profileLinkAccount } from './handles.js';
import type { PatternKind } from './patterns.js';
import { isChineseIdNumber, isPlausibleCard } from './number-checks.js';
import { isFileLikeTld, isKnownTld } from './tld.js';

export type Accepted = { type: ObservableType; value: string; flags: string[] } | 'ignore' | undefined;

const KIND_TYPE: Record<Exclude<PatternKind, 'psb' | 'cn_id'>, ObservableType> = {
  url: 'url',
  email: 'email',
  domain: 'domain',
  ipv4: 'ip',
  ipv6: 'ip',
  hash: 'file_hash',
  eth: 'crypto_wallet',
  base58: 'crypto_wallet',
  bech32: 'crypto_wallet',
  e164: 'phone',
  cn_mobile: 'phone',
  cn_landline: 'phone',
  national_phone: 'phone',
  icp: 'icp_licence',
  card: 'bank_account',
};

const DEFANG =
  /\[\.\]|\(\.\)|\{\.\}|\[dot\]|\(dot\)|\[点\]|\(点\)|\[:\]|\[:\/\/\]|\[@\]|\(@\)|\[at\]|\(at\)|\{at\}|^h(?:xx|\*\*|\[tt\]|\[xx\])p|^fxp/i;
const CYRILLIC_GREEK = /[\u0370-\u03ff\u0400-\u04ff]/;
const LATIN = /[a-z\u00c0-\u024f]/i;

/** A label that mixes Latin with Cyrillic/Greek letters, or a Cyrillic/Greek name under a Latin TLD. */
export function looksLikeHomoglyph(host: string): boolean {
  const labels = host.toLowerCase().split('.');
  const tld = labels[labels.length - 1] ?? '';
  return labels.some(
    (l) => (CYRILLIC_GREEK.test(l) && LATIN.test(l)) || (CYRILLIC_GREEK.test(l) && /^[a-z]+$/.test(tld)),
  );
}

function hostOf(o: NormalizedObservable): string | undefined {
  if (o.type === 'domain') return o.display;
  if (o.type === 'email') return o.display.slice(o.display.lastIndexOf('@') + 1);
  if (o.type === 'url')
    return o.related?.find((r) => r.type === 'domain') ? domainToUnicode(new URL(o.value).hostname) : undefined;
  return undefined;
}

export function acceptCandidate(kind: PatternKind, text: string, defaultCountry?: string): Accepted {
  if (kind === 'psb') return 'ignore';
  if (kind === 'cn_id') return isChineseIdNumber(text) ? 'ignore' : undefined;
  const defanged = DEFANG.test(text);
  if (kind === 'hash' && !(/\d/.test(text) && /[a-f]/i.test(text))) return undefined;
  if (kind === 'ipv6' && (text.split(':').filter(Boolean).length < 2 || !/\d/.test(text))) return undefined;
  if (kind === 'card' && !isPlausibleCard(text.replace(/[ -]/g, ''))) return undefined;
  if (kind === 'national_phone' && (!defaultCountry || defaultCountry.toUpperCase() === 'CN')) return undefined;
  const country =
    kind === 'cn_mobile' || kind === 'cn_landline' ? 'CN' : kind === 'national_phone' ? defaultCountry : undefined;
  const r = tryNormalizeObservable(KIND_TYPE[kind], text, { defaultCountry: country });
  if (!r.ok) return undefined;
  const o = r.observable;
  const flags = (o.flags ?? []).map((f) => (f === 'refanged' ? 'defanged' : f));
  if (defanged && !flags.includes('defanged')) flags.push('defanged');
  // A t.me or wa.me profile link names an account: it is reported (and correlated) as that account.
  const account = o.type === 'url' ? profileLinkAccount(o.value) : undefined;
  if (account) return { type: 'account_handle', value: account.value, flags };
  const host = hostOf(o);
  if (host !== undefined) {
    const labels = host.split('.');
    const tld = labels[labels.length - 1]!;
    if (!isKnownTld(tld)) return undefined;
    // `readme.md`, `setup.py`: a two-label name with a file-extension TLD is a file unless defanged.
    if (kind === 'domain' && !defanged && labels.length === 2 && isFileLikeTld(tld)) return undefined;
    if (looksLikeHomoglyph(host)) flags.push('homoglyph');
  }
  return { type: o.type, value: o.value, flags };
}
