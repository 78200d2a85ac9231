// Checks that tell a bank card number from numbers that only look like one.
import { luhnValid } from '../../domain/case/normalize-ids.js';

/** Issuer prefixes of the card schemes seen in cases: Visa, Mastercard, UnionPay, Amex, JCB, Discover, Diners. */
const CARD_IIN = /^(?:4|5[1-5]|2[2-7]|62|81|3[47]|35(?:2[89]|[3-8])|30[0-5]|36|38|6011|64[4-9]|65)/;

/** Card lengths per scheme prefix; anything else in 13–19 is accepted only for UnionPay/Visa. */
export function isPlausibleCard(digits: string): boolean {
  if (digits.length < 13 || digits.length > 19) return false;
  if (!CARD_IIN.test(digits)) return false;
  if (/^3[47]/.test(digits) && digits.length !== 15) return false;
  if (/^(?:5[1-5]|2[2-7])/.test(digits) && digits.length !== 16) return false;
  // Runs like 4444444444444448 are test or placeholder numbers, not evidence.
  if (/^(\d)\1+\d?$/.test(digits)) return false;
  return luhnValid(digits);
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** Mainland China resident ID number (GB 11643): region, plausible birth date, ISO 7064 check character. */
export function isChineseIdNumber(s: string): boolean {
  if (!/^[1-8]\d{16}[\dX]$/i.test(s)) return false;
  const year = Number(s.slice(6, 10));
  const month = Number(s.slice(10, 12));
  const day = Number(s.slice(12, 14));
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1 || day > 31) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(s[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11] === s[17]!.toUpperCase();
}
