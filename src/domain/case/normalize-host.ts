// Domain, URL and e-mail normalization: refang, lower-case, IDN → punycode (Unicode kept for
// display), default ports dropped, DNS label rules checked.
import { domainToASCII, domainToUnicode } from 'node:url';
import type { ValidationIssue } from '../../error-types.js';
import { normalizeIp, parseIPv4 } from './normalize-ip.js';
import type { NormalizerOutcome } from './observable-types.js';
import { Notes, cleanInput, refang, toHalfWidth } from './text-clean.js';

const LABEL = /^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$/;

/** Validates a host name; returns its ASCII (punycode) and Unicode forms, or issues. */
export function checkDomain(input: string, notes: Notes): { ascii: string; unicode: string } | ValidationIssue[] {
  const s = toHalfWidth(input).toLowerCase().replace(/\.$/, '');
  if (s === '') return notes.fail('OBSERVABLE_DOMAIN_INVALID', 'The domain is empty.', '域名为空。');
  if (parseIPv4(s) !== undefined || s.includes(':')) {
    return notes.fail(
      'OBSERVABLE_DOMAIN_IS_IP',
      'This is an IP address; add it as an IP observable.',
      '这是 IP 地址，请作为 IP 类型添加。',
    );
  }
  const ascii = domainToASCII(s);
  const labels = ascii.split('.');
  const tld = labels[labels.length - 1] ?? '';
  if (
    ascii === '' ||
    ascii.length > 253 ||
    labels.length < 2 ||
    !labels.every((l) => LABEL.test(l)) ||
    /^\d+$/.test(tld) ||
    tld.includes('_')
  ) {
    return notes.fail(
      'OBSERVABLE_DOMAIN_INVALID',
      'Not a valid domain name (labels of letters, digits and hyphens, separated by dots, with a top-level domain).',
      '不是有效的域名（应由字母、数字、连字符组成的标签以点分隔，并带有顶级域）。',
    );
  }
  return { ascii, unicode: domainToUnicode(ascii) };
}

export function normalizeDomain(raw: string, path: string): NormalizerOutcome {
  const notes = new Notes(path);
  const r = refang(cleanInput(raw));
  if (r.changed)
    notes.warn(
      'refanged',
      'The value was written in defanged form and has been restored.',
      '该值以“去活化”形式书写，已还原。',
    );
  if (/[/\s@]/.test(r.value)) {
    return notes.fail(
      'OBSERVABLE_DOMAIN_INVALID',
      'Give only the domain name, without scheme, path or spaces.',
      '请只填写域名，不要包含协议、路径或空格。',
    );
  }
  const d = checkDomain(r.value, notes);
  if (Array.isArray(d)) return d;
  if (d.ascii !== d.unicode)
    notes.warn(
      'idn',
      'Internationalised domain name; stored in punycode form.',
      '国际化域名，已以 Punycode 形式存储。',
    );
  return { value: d.ascii, display: d.unicode, ...notes.extras() };
}

const URL_SCHEMES = new Set(['http:', 'https:', 'ftp:', 'ws:', 'wss:']);

export function normalizeUrl(raw: string, path: string): NormalizerOutcome {
  const notes = new Notes(path);
  const r = refang(cleanInput(raw));
  if (r.changed)
    notes.warn(
      'refanged',
      'The value was written in defanged form and has been restored.',
      '该值以“去活化”形式书写，已还原。',
    );
  let s = r.value;
  if (/\s/.test(s)) return notes.fail('OBSERVABLE_URL_INVALID', 'A URL cannot contain spaces.', '网址中不能包含空格。');
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(toHalfWidth(s))) {
    if (/^[a-z][a-z0-9+.-]*:(?!\d)/i.test(s)) {
      return notes.fail(
        'OBSERVABLE_URL_SCHEME',
        'Only http, https, ftp, ws and wss URLs are accepted.',
        '仅接受 http、https、ftp、ws 和 wss 网址。',
      );
    }
    s = `http://${s.replace(/^\/\//, '')}`;
    notes.warn('scheme_assumed', 'No scheme was given; http:// was assumed.', '未写明协议，已默认为 http://。');
  }
  // Full-width forms are folded only in scheme and host: the path is data and stays as written.
  const m = /^([^:]+:\/\/)([^/?#]*)(.*)$/s.exec(s)!;
  s = toHalfWidth(m[1]!) + toHalfWidth(m[2]!) + m[3]!;
  let url: URL;
  try {
    url = new URL(s);
  } catch {
    return notes.fail('OBSERVABLE_URL_INVALID', 'Not a valid URL.', '不是有效的网址。');
  }
  if (!URL_SCHEMES.has(url.protocol)) {
    return notes.fail(
      'OBSERVABLE_URL_SCHEME',
      'Only http, https, ftp, ws and wss URLs are accepted.',
      '仅接受 http、https、ftp、ws 和 wss 网址。',
    );
  }
  let displayHost = url.hostname;
  const related: { type: 'domain' | 'ip'; value: string }[] = [];
  if (/^\[.*\]$/.test(url.hostname) || /^[\d.]+$/.test(url.hostname)) {
    const written = toHalfWidth(m[2]!).replace(/^.*@/, '').replace(/:\d*$/, '');
    if (!written.startsWith('[') && written !== url.hostname) {
      // Browsers read 010.1.1.1 as octal and 0x7f.1 as hex; keep what a victim's browser would visit.
      notes.warn(
        'ip_host_rewritten',
        `The host was written in a non-standard numeric form; browsers read it as ${url.hostname}.`,
        `主机以非标准数字形式书写，浏览器会将其解读为 ${url.hostname}。`,
      );
    }
    const ip = normalizeIp(url.hostname, path);
    if (Array.isArray(ip)) return ip;
    (ip.flags ?? []).forEach((f, i) => notes.warn(f, ip.issues![i]!.message.en, ip.issues![i]!.message.zh));
    related.push({ type: 'ip', value: ip.value });
  } else {
    const d = checkDomain(url.hostname, notes);
    if (Array.isArray(d)) return d;
    displayHost = d.unicode;
    if (d.ascii !== d.unicode)
      notes.warn(
        'idn',
        'Internationalised domain name; stored in punycode form.',
        '国际化域名，已以 Punycode 形式存储。',
      );
    related.push({ type: 'domain', value: d.ascii });
  }
  const value = url.href;
  const auth = url.username ? `${url.username}${url.password ? `:${url.password}` : ''}@` : '';
  const rest = `${url.pathname}${url.search}${url.hash}`;
  let restDisplay = rest;
  try {
    restDisplay = decodeURI(rest);
  } catch {
    // Not valid UTF-8 percent-encoding: show it encoded.
  }
  const display = `${url.protocol}//${auth}${displayHost}${url.port ? `:${url.port}` : ''}${restDisplay}`;
  return { value, display, subtype: url.protocol.slice(0, -1), related, ...notes.extras() };
}

const LOCAL_PART = /^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+(?:\.[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+)*$/u;

export function normalizeEmail(raw: string, path: string): NormalizerOutcome {
  const notes = new Notes(path);
  const r = refang(toHalfWidth(cleanInput(raw)).replace(/^mailto:/i, ''));
  if (r.changed)
    notes.warn(
      'refanged',
      'The value was written in defanged form and has been restored.',
      '该值以“去活化”形式书写，已还原。',
    );
  const s = r.value.trim();
  const at = s.lastIndexOf('@');
  if (at < 1 || at === s.length - 1) {
    return notes.fail(
      'OBSERVABLE_EMAIL_INVALID',
      'Not a valid e-mail address (name@domain).',
      '不是有效的电子邮箱地址（格式：用户名@域名）。',
    );
  }
  // The local part is case-sensitive by RFC 5321; only the domain is folded.
  const local = s.slice(0, at);
  if (local.length > 64 || !LOCAL_PART.test(local)) {
    return notes.fail('OBSERVABLE_EMAIL_LOCAL_INVALID', 'The part before @ is not valid.', '@ 之前的部分无效。');
  }
  const d = checkDomain(s.slice(at + 1), notes);
  if (Array.isArray(d)) return d;
  const value = `${local}@${d.ascii}`;
  if (value.length > 254) return notes.fail('OBSERVABLE_EMAIL_INVALID', 'The address is too long.', '邮箱地址过长。');
  if (d.ascii !== d.unicode)
    notes.warn(
      'idn',
      'Internationalised domain name; stored in punycode form.',
      '国际化域名，已以 Punycode 形式存储。',
    );
  return { value, display: `${local}@${d.unicode}`, related: [{ type: 'domain', value: d.ascii }], ...notes.extras() };
}
