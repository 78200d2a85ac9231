// Phone numbers → E.164 (+<country code><national number>). Numbers written without a
// country code take the caller's default country (e.g. CN: 13812345678 → +8613812345678).
import type { NormalizerOutcome } from './observable-types.js';
import { DIAL_PLANS, splitCallingCode } from './phone-codes.js';
import { Notes, cleanInput, toHalfWidth } from './text-clean.js';

const EXTENSION = /\s*(?:ext\.?|x|#|分机|转)\s*(\d{1,6})$/i;

export function normalizePhone(raw: string, path: string, defaultCountry?: string): NormalizerOutcome {
  const notes = new Notes(path);
  let s = toHalfWidth(cleanInput(raw)).replace(/^tel:/i, '').trim();
  const attributes: Record<string, string> = {};
  const ext = EXTENSION.exec(s);
  if (ext) {
    attributes.extension = ext[1]!;
    s = s.slice(0, ext.index);
    notes.warn('extension', `Extension ${ext[1]} kept apart; the number is matched without it.`, `分机号 ${ext[1]} 已单独保存，匹配时不计分机。`);
  }
  if (!/^\+?[\d\s\-.()/]+$/.test(s)) {
    return notes.fail('OBSERVABLE_PHONE_INVALID', 'A phone number may contain only digits, spaces, + - . ( ) and /.', '电话号码只能包含数字、空格及 + - . ( ) /。');
  }
  const hasPlus = s.startsWith('+');
  let digits = s.replace(/\D/g, '');
  const plan = defaultCountry ? DIAL_PLANS[defaultCountry.toUpperCase()] : undefined;
  let intl: string | undefined;
  if (hasPlus) intl = digits;
  else {
    const prefix = [...(plan?.intl ?? []), '00'].find((p) => digits.startsWith(p));
    if (prefix) intl = digits.slice(prefix.length);
    else if (plan) {
      // 86 13812345678 written without + is common enough in Chinese reports to recognise.
      if (plan.cc === '86' && /^861[3-9]\d{9}$/.test(digits)) digits = digits.slice(2);
      else if (plan.trunk && digits.startsWith(plan.trunk)) digits = digits.slice(plan.trunk.length);
      intl = plan.cc + digits;
    }
  }
  if (intl === undefined) {
    return notes.fail('OBSERVABLE_PHONE_COUNTRY_REQUIRED', 'Add the country code (e.g. +86) or choose a default country.', '请加上国家／地区代码（如 +86）或选择默认国家／地区。');
  }
  if (!/^[1-9]\d{6,14}$/.test(intl)) {
    return notes.fail('OBSERVABLE_PHONE_LENGTH', 'An international number has 7 to 15 digits and a country code that does not start with 0.', '国际号码应为 7 至 15 位数字，且国家／地区代码不以 0 开头。');
  }
  const split = splitCallingCode(intl);
  if (!split) {
    notes.warn('unknown_country_code', 'The country code is not one we recognise; please check it.', '无法识别该国家／地区代码，请核对。');
    return { value: `+${intl}`, display: `+${intl}`, ...notes.extras(), ...(ext ? { attributes } : {}) };
  }
  const { cc, national, region } = split;
  const ruleIssue = nationalRule(cc, national, notes);
  if (ruleIssue) return ruleIssue;
  attributes.region = region;
  return { value: `+${intl}`, display: formatDisplay(cc, national), subtype: region, attributes, ...notes.extras() };
}

function nationalRule(cc: string, n: string, notes: Notes) {
  if (cc === '86') {
    if (/^1[3-9]/.test(n) && !/^1[3-9]\d{9}$/.test(n)) {
      return notes.fail('OBSERVABLE_PHONE_CN_MOBILE', 'Chinese mobile numbers have 11 digits starting with 13–19.', '中国大陆手机号码为 11 位，以 13–19 开头。');
    }
    if (!/^1[3-9]\d{9}$/.test(n) && !/^10\d{8}$/.test(n) && !/^[2-9]\d{8,10}$/.test(n)) {
      return notes.fail('OBSERVABLE_PHONE_CN_INVALID', 'Not a valid mainland China number (11-digit mobile, or area code + 7–8 digit landline).', '不是有效的中国大陆号码（11 位手机号，或区号加 7–8 位固话号码）。');
    }
  }
  if (cc === '1' && !/^[2-9]\d{2}[2-9]\d{6}$/.test(n)) {
    return notes.fail('OBSERVABLE_PHONE_NANP_INVALID', 'North American numbers have a 3-digit area code and a 7-digit number, neither starting with 0 or 1.', '北美号码由 3 位区号和 7 位号码组成，均不以 0 或 1 开头。');
  }
  if ((cc === '852' || cc === '853') && !/^\d{8}$/.test(n)) {
    return notes.fail('OBSERVABLE_PHONE_LENGTH', 'Hong Kong and Macao numbers have 8 digits.', '香港和澳门号码为 8 位。');
  }
  return undefined;
}

function formatDisplay(cc: string, n: string): string {
  if (cc === '86' && /^1[3-9]\d{9}$/.test(n)) return `+86 ${n.slice(0, 3)} ${n.slice(3, 7)} ${n.slice(7)}`;
  if (cc === '86') {
    const area = /^(10|2\d)/.test(n) ? 2 : 3;
    return `+86 ${n.slice(0, area)} ${n.slice(area)}`;
  }
  if (cc === '1') return `+1 ${n.slice(0, 3)}-${n.slice(3, 6)}-${n.slice(6)}`;
  if (cc === '852' || cc === '853') return `+${cc} ${n.slice(0, 4)} ${n.slice(4)}`;
  return `+${cc} ${n}`;
}
