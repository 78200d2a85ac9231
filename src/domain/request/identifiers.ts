// Loose format checks for identifiers, e-mail, phone and time zones: catch typos, never reject real-world variety.
import { isIP } from 'node:net';
import type { Bilingual } from '../../error-types.js';
import type { IdentifierKind } from './types.js';

const DOMAIN_RE = /^(?=.{1,253}$)(?:(?!-)[\p{L}\p{N}-]{1,63}(?<!-)\.)+(?:\p{L}{2,63}|xn--[a-z0-9-]{1,59})$/iu;
const EMAIL_RE = /^[^\s@]{1,64}@([^\s@]+)$/u;
const PHONE_RE = /^\+?[0-9][0-9 ().-]*$/;
const EVM_RE = /^0x[0-9a-fA-F]{40}$/;
const WALLET_RE = /^(?:[a-z]+:)?[A-Za-z0-9]{20,120}$/;
const DEFANGED_RE = /hxxp|\[\.\]|\(\.\)|\[dot\]|\[:\]/i;

export function isValidDomain(value: string): boolean {
  return DOMAIN_RE.test(value.replace(/\.$/, ''));
}

export function isValidEmail(value: string): boolean {
  const m = EMAIL_RE.exec(value);
  return m !== null && isValidDomain(m[1] ?? '');
}

/** A single address or a CIDR block, IPv4 or IPv6. */
export function isValidIp(value: string): boolean {
  const [addr = '', prefix, ...rest] = value.split('/');
  if (rest.length > 0) return false;
  const version = isIP(addr);
  if (version === 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (version === 4 ? 32 : 128);
}

/** E.164 allows up to 15 digits; national numbers entered without a country code have at least 5. */
export function isValidPhone(value: string): boolean {
  if (!PHONE_RE.test(value)) return false;
  const digits = value.replace(/\D/g, '').length;
  return digits >= 5 && digits <= 15;
}

/** Chains differ too much for strict checks; require one plausible token (EVM addresses exactly). */
export function isValidWallet(value: string): boolean {
  if (/^0x/i.test(value)) return EVM_RE.test(value);
  return WALLET_RE.test(value);
}

export function isValidUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return ['http:', 'https:', 'ftp:'].includes(url.protocol) && url.hostname.length > 0;
  } catch {
    return false;
  }
}

export function looksDefanged(value: string): boolean {
  return DEFANGED_RE.test(value);
}

/** IANA zone names as the runtime's ICU knows them (accepts "UTC", which supportedValuesOf omits). */
export { isValidTimeZone } from '../shared/time.js';

/** True for an ISO-8601 date-time that names its offset, so it denotes one instant everywhere. */
export function isIsoInstant(value: string): boolean {
  return (
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value) &&
    !Number.isNaN(Date.parse(value))
  );
}

const KIND_HINTS: Record<IdentifierKind, Bilingual> = {
  account: { en: 'Enter the account name or ID.', zh: '请填写账号名称或 ID。' },
  domain: { en: 'Enter a domain name such as example.com.', zh: '请填写域名，例如 example.com。' },
  ip: {
    en: 'Enter an IPv4 or IPv6 address (optionally with /prefix).',
    zh: '请填写 IPv4 或 IPv6 地址（可带 /前缀长度）。',
  },
  wallet: { en: 'Enter a crypto wallet address without spaces.', zh: '请填写不含空格的加密货币钱包地址。' },
  phone: {
    en: 'Enter a phone number, preferably with the country code (+86 …).',
    zh: '请填写电话号码，最好带国家代码（+86 …）。',
  },
  email: { en: 'Enter an e-mail address such as name@example.com.', zh: '请填写电子邮箱，例如 name@example.com。' },
  url: {
    en: 'Enter a full URL starting with http:// or https://.',
    zh: '请填写以 http:// 或 https:// 开头的完整网址。',
  },
  other: { en: 'Enter a value.', zh: '请填写内容。' },
};

/** Returns a bilingual problem for an identifier value of `kind`, or null when it looks right. */
export function checkIdentifierValue(kind: IdentifierKind, value: string): Bilingual | null {
  const v = value.trim();
  if (v === '') return KIND_HINTS[kind];
  if ((kind === 'url' || kind === 'domain' || kind === 'email' || kind === 'ip') && looksDefanged(v)) {
    return {
      en: 'This value looks defanged (hxxp, [.]); enter the real value so the provider can find it.',
      zh: '该值似乎经过防误点处理（hxxp、[.]），请填写原始值，以便服务提供者查找。',
    };
  }
  const ok: Record<IdentifierKind, (s: string) => boolean> = {
    account: (s) => s.length <= 256,
    domain: isValidDomain,
    ip: isValidIp,
    wallet: isValidWallet,
    phone: isValidPhone,
    email: isValidEmail,
    url: isValidUrl,
    other: (s) => s.length <= 1000,
  };
  return ok[kind](v) ? null : KIND_HINTS[kind];
}
