// File hashes, Chinese ICP licence / filing numbers and bank accounts / cards.
import type { NormalizerOutcome } from './observable-types.js';
import { Notes, cleanInput, toHalfWidth } from './text-clean.js';

const HASH_LENGTHS: Record<number, string> = { 32: 'md5', 40: 'sha1', 64: 'sha256', 128: 'sha512' };

export function normalizeHash(raw: string, path: string): NormalizerOutcome {
  const notes = new Notes(path);
  let s = toHalfWidth(cleanInput(raw));
  let declared: string | undefined;
  const prefix = /^(md5|sha-?1|sha-?256|sha-?512)\s*[:=]\s*/i.exec(s);
  if (prefix) {
    declared = prefix[1]!.toLowerCase().replace('-', '');
    s = s.slice(prefix[0].length);
  }
  // Some tools print digests in groups ("ab:cd:…", "abcd efgh …").
  s = s.replace(/[\s:]/g, '').toLowerCase();
  if (!/^[0-9a-f]+$/.test(s)) {
    return notes.fail(
      'OBSERVABLE_HASH_NOT_HEX',
      'A hash contains only hexadecimal digits (0–9, a–f).',
      '哈希值只能包含十六进制字符（0–9、a–f）。',
    );
  }
  const alg = HASH_LENGTHS[s.length];
  if (!alg) {
    return notes.fail(
      'OBSERVABLE_HASH_LENGTH',
      'Expected an MD5 (32), SHA-1 (40), SHA-256 (64) or SHA-512 (128) hex digest.',
      '应为 MD5（32 位）、SHA-1（40 位）、SHA-256（64 位）或 SHA-512（128 位）十六进制摘要。',
    );
  }
  if (declared && declared !== alg) {
    return notes.fail(
      'OBSERVABLE_HASH_ALG_MISMATCH',
      `Labelled ${declared.toUpperCase()} but the length fits ${alg.toUpperCase()}.`,
      `标注为 ${declared.toUpperCase()}，但长度符合 ${alg.toUpperCase()}。`,
    );
  }
  if (/^0+$/.test(s))
    notes.warn(
      'null_digest',
      'An all-zero digest is a placeholder, not a real file hash.',
      '全零摘要是占位值，不是真实的文件哈希。',
    );
  return { value: s, display: s, subtype: alg, ...notes.extras() };
}

/** Province-level abbreviations used in ICP numbers, including the alternative forms in use. */
export const ICP_PROVINCES = '京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川蜀贵黔云滇藏陕秦甘陇青宁新';
const ICP = new RegExp(`^([${ICP_PROVINCES}])ICP(备|证)(\\d{4,12})(号)?(?:-(\\d{1,4}))?$`);

export function normalizeIcp(raw: string, path: string): NormalizerOutcome {
  const notes = new Notes(path);
  const s = toHalfWidth(cleanInput(raw))
    .replace(/\s+/g, '')
    .replace(/icp/gi, 'ICP')
    .replace(/備/g, '备')
    .replace(/[證証]/g, '证')
    .replace(/號/g, '号')
    .replace(/[‐‑–—﹣]/g, '-');
  if (s.includes('公网安备')) {
    return notes.fail(
      'OBSERVABLE_ICP_IS_PSB',
      'This is a public-security filing number (公网安备), not an ICP number.',
      '这是公安联网备案号（公网安备），不是 ICP 许可证或备案号。',
    );
  }
  const m = ICP.exec(s);
  if (!m) {
    return notes.fail(
      'OBSERVABLE_ICP_INVALID',
      'Expected a form such as 京ICP备05070218号, 京ICP备05070218号-1 or 京ICP证030173号.',
      '格式应为“京ICP备05070218号”“京ICP备05070218号-1”或“京ICP证030173号”等。',
    );
  }
  const [, province, kind, digits, hao, site] = m;
  if (!hao) notes.warn('suffix_added', 'The closing 号 was missing and has been added.', '缺少结尾的“号”字，已补全。');
  const value = `${province}ICP${kind}${digits}号${site ? `-${site}` : ''}`;
  return {
    value,
    display: value,
    subtype: kind === '备' ? 'filing' : 'licence',
    attributes: { province: province! },
    ...notes.extras(),
  };
}

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

export function ibanValid(iban: string): boolean {
  const moved = iban.slice(4) + iban.slice(0, 4);
  let rem = 0;
  for (const ch of moved) {
    const v = /\d/.test(ch) ? ch : String(ch.charCodeAt(0) - 55);
    for (const d of v) rem = (rem * 10 + Number(d)) % 97;
  }
  return rem === 1;
}

/** Issuer prefixes of the major card schemes (Visa, Mastercard, UnionPay, Amex, JCB, Discover). */
const CARD_IIN = /^(4|5[1-5]|2[2-7]|62|3[47]|35|6011|65)/;
const group4 = (s: string) => s.replace(/(.{4})(?=.)/g, '$1 ');

export function normalizeBankAccount(raw: string, path: string): NormalizerOutcome {
  const notes = new Notes(path);
  const s = toHalfWidth(cleanInput(raw))
    .replace(/[\s\-.]/g, '')
    .toUpperCase();
  if (!/^[A-Z0-9]{6,34}$/.test(s)) {
    return notes.fail(
      'OBSERVABLE_BANK_INVALID',
      'An account or card number has 6–34 letters and digits.',
      '账号或卡号应为 6–34 位字母和数字。',
    );
  }
  if (/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(s)) {
    // IBAN-like values are flagged, not refused, when the check digits fail: the match may still help.
    if (!ibanValid(s))
      notes.warn(
        'iban_checksum_failed',
        'Looks like an IBAN but its check digits do not match; please verify.',
        '看似 IBAN，但校验位不符，请核对。',
      );
    return { value: s, display: group4(s), subtype: 'iban', attributes: { country: s.slice(0, 2) }, ...notes.extras() };
  }
  if (/^\d{13,19}$/.test(s) && CARD_IIN.test(s)) {
    // Some UnionPay debit cards fail Luhn, so a failure is a warning, not a refusal.
    if (!luhnValid(s))
      notes.warn(
        'luhn_failed',
        'Looks like a card number but fails the Luhn check; please verify.',
        '看似银行卡号，但未通过 Luhn 校验，请核对。',
      );
    return { value: s, display: group4(s), subtype: 'card', ...notes.extras() };
  }
  return { value: s, display: s, subtype: 'account', ...notes.extras() };
}
