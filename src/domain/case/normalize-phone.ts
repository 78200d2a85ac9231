// Phone numbers → E.164 (+<country code><national number>). Numbers written without a
// country code take the caller's default country (e.g. CN: 13812345678 → +8613812345678).
// The numbering plans (calling codes, trunk and international prefixes, valid ranges, regions)
// are libphonenumber-js's, with its full ('max') metadata: this file only maps its verdicts onto
// the project's bilingual codes and keeps apart what the library does not read (extensions
// written 转 / 分机, full-width digits, tel: links).
import {
  ParseError,
  isSupportedCountry,
  parsePhoneNumberWithError,
  type CountryCode,
  type PhoneNumber,
} from 'libphonenumber-js/max';
import type { NormalizerOutcome } from './observable-types.js';
import { Notes, cleanInput, toHalfWidth } from './text-clean.js';

const EXTENSION = /\s*(?:ext\.?|x|#|分机|转)\s*(\d{1,6})$/i;
/** E.164: at most 15 digits, a calling code that does not start with 0; 7 is the shortest real number. */
const E164_DIGITS = /^[1-9]\d{6,14}$/;

export function normalizePhone(raw: string, path: string, defaultCountry?: string): NormalizerOutcome {
  const notes = new Notes(path);
  let s = toHalfWidth(cleanInput(raw)).replace(/^tel:/i, '').trim();
  const attributes: Record<string, string> = {};
  const ext = EXTENSION.exec(s);
  if (ext) {
    attributes.extension = ext[1]!;
    s = s.slice(0, ext.index);
    notes.warn(
      'extension',
      `Extension ${ext[1]} kept apart; the number is matched without it.`,
      `分机号 ${ext[1]} 已单独保存，匹配时不计分机。`,
    );
  }
  if (!/^\+?[\d\s\-.()/]+$/.test(s)) {
    return notes.fail(
      'OBSERVABLE_PHONE_INVALID',
      'A phone number may contain only digits, spaces, + - . ( ) and /.',
      '电话号码只能包含数字、空格及 + - . ( ) /。',
    );
  }
  const digits = s.replace(/\D/g, '');
  const country = defaultCountry?.toUpperCase();
  const region: CountryCode | undefined = country && isSupportedCountry(country) ? country : undefined;
  // Without a default country only a written country code (+, or the common 00 prefix) says where the number is.
  const intl = s.startsWith('+') ? digits : !region && digits.startsWith('00') ? digits.slice(2) : undefined;
  if (intl === undefined && !region) {
    return notes.fail(
      'OBSERVABLE_PHONE_COUNTRY_REQUIRED',
      'Add the country code (e.g. +86) or choose a default country.',
      '请加上国家／地区代码（如 +86）或选择默认国家／地区。',
    );
  }
  if (intl !== undefined && !E164_DIGITS.test(intl)) return lengthIssue(notes);
  let n: PhoneNumber;
  try {
    n = parsePhoneNumberWithError(intl !== undefined ? `+${intl}` : digits, region ? { defaultCountry: region } : {});
  } catch (e) {
    if (!(e instanceof ParseError)) throw e;
    if (e.message === 'INVALID_COUNTRY' && intl !== undefined) {
      notes.warn(
        'unknown_country_code',
        'The country code is not one we recognise; please check it.',
        '无法识别该国家／地区代码，请核对。',
      );
      return { value: `+${intl}`, display: `+${intl}`, ...notes.extras(), ...(ext ? { attributes } : {}) };
    }
    return lengthIssue(notes);
  }
  if (!E164_DIGITS.test(n.number.slice(1))) return lengthIssue(notes);
  if (!n.isValid()) {
    const refused = invalidNumber(n, notes);
    if (refused) return refused;
    notes.warn(
      'unverified_number',
      'The number is not in the known numbering plan of its country; please check it.',
      '该号码不在其国家／地区已知的号码范围内，请核对。',
    );
  }
  const where = n.country ?? (n.isNonGeographic() ? 'INTL' : onlyCountry(n));
  if (where) attributes.region = where;
  return {
    value: n.number,
    display: n.formatInternational(),
    ...(where ? { subtype: where } : {}),
    ...(Object.keys(attributes).length ? { attributes } : {}),
    ...notes.extras(),
  };
}

/** A number the plan refuses: the partners' own codes for China and North America, a length code elsewhere; undefined to accept with a warning. */
function invalidNumber(n: PhoneNumber, notes: Notes) {
  const cc = n.countryCallingCode;
  const national = n.nationalNumber;
  if (cc === '86' && /^1[3-9]/.test(national) && national.length !== 11) {
    return notes.fail(
      'OBSERVABLE_PHONE_CN_MOBILE',
      'Chinese mobile numbers have 11 digits starting with 13–19.',
      '中国大陆手机号码为 11 位，以 13–19 开头。',
    );
  }
  if (cc === '86') {
    return notes.fail(
      'OBSERVABLE_PHONE_CN_INVALID',
      'Not a valid mainland China number (11-digit mobile, or area code + 7–8 digit landline).',
      '不是有效的中国大陆号码（11 位手机号，或区号加 7–8 位固话号码）。',
    );
  }
  if (cc === '1') {
    return notes.fail(
      'OBSERVABLE_PHONE_NANP_INVALID',
      'North American numbers have a 3-digit area code and a 7-digit number, neither starting with 0 or 1.',
      '北美号码由 3 位区号和 7 位号码组成，均不以 0 或 1 开头。',
    );
  }
  if ((cc === '852' || cc === '853') && national.length !== 8) {
    return notes.fail(
      'OBSERVABLE_PHONE_LENGTH',
      'Hong Kong and Macao numbers have 8 digits.',
      '香港和澳门号码为 8 位。',
    );
  }
  return n.isPossible() ? undefined : lengthIssue(notes);
}

function lengthIssue(notes: Notes) {
  return notes.fail(
    'OBSERVABLE_PHONE_LENGTH',
    'An international number has 7 to 15 digits and a country code that does not start with 0.',
    '国际号码应为 7 至 15 位数字，且国家／地区代码不以 0 开头。',
  );
}

/** The region of a number the plan does not place (not valid), when its calling code belongs to one country only; `INTL` above for non-geographic codes (+800, +882 …). */
function onlyCountry(n: PhoneNumber): string | undefined {
  const possible = n.getPossibleCountries();
  return possible.length === 1 ? possible[0] : undefined;
}
