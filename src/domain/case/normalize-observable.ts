// Entry point for observable normalization (docs/spec.md §4.2): dispatch by type, and the dedupe key.
import { validationError } from '../../errors.js';
import { issue } from '../shared/bilingual.js';
import { normalizeHandle } from './normalize-handle.js';
import { normalizeDomain, normalizeEmail, normalizeUrl } from './normalize-host.js';
import { normalizeBankAccount, normalizeHash, normalizeIcp } from './normalize-ids.js';
import { normalizeIp } from './normalize-ip.js';
import { normalizePhone } from './normalize-phone.js';
import { normalizeWallet } from './normalize-wallet.js';
import type {
  NormalizeOptions,
  NormalizeResult,
  NormalizedObservable,
  NormalizerOutcome,
  ObservableType,
} from './observable-types.js';
import { OBSERVABLE_TYPES } from './observable-types.js';

export const MAX_RAW_OBSERVABLE_CHARS = 4096;

function dispatch(type: ObservableType, raw: string, o: NormalizeOptions, path: string): NormalizerOutcome {
  switch (type) {
    case 'url':
      return normalizeUrl(raw, path);
    case 'domain':
      return normalizeDomain(raw, path);
    case 'ip':
      return normalizeIp(raw, path);
    case 'email':
      return normalizeEmail(raw, path);
    case 'phone':
      return normalizePhone(raw, path, o.defaultCountry);
    case 'crypto_wallet':
      return normalizeWallet(raw, path, o.chain);
    case 'file_hash':
      return normalizeHash(raw, path);
    case 'account_handle':
      return normalizeHandle(raw, path, o.platform);
    case 'icp_licence':
      return normalizeIcp(raw, path);
    case 'bank_account':
      return normalizeBankAccount(raw, path);
  }
}

export function tryNormalizeObservable(type: string, raw: string, options: NormalizeOptions = {}): NormalizeResult {
  const path = options.path ?? 'value';
  if (!(OBSERVABLE_TYPES as readonly string[]).includes(type)) {
    return {
      ok: false,
      issues: [
        issue(
          path.replace(/value$/, 'type'),
          'OBSERVABLE_TYPE_UNKNOWN',
          `Unknown observable type “${type}”.`,
          `未知的可观测数据类型“${type}”。`,
        ),
      ],
    };
  }
  if (raw.trim() === '')
    return { ok: false, issues: [issue(path, 'OBSERVABLE_EMPTY', 'The value is empty.', '值为空。')] };
  if (raw.length > MAX_RAW_OBSERVABLE_CHARS) {
    return {
      ok: false,
      issues: [
        issue(
          path,
          'OBSERVABLE_TOO_LONG',
          `The value is longer than ${MAX_RAW_OBSERVABLE_CHARS} characters.`,
          `值超过 ${MAX_RAW_OBSERVABLE_CHARS} 个字符。`,
        ),
      ],
    };
  }
  const out = dispatch(type as ObservableType, raw, options, path);
  if (Array.isArray(out)) return { ok: false, issues: out };
  return { ok: true, observable: { type: type as ObservableType, ...out } };
}

/** Like tryNormalizeObservable but throws OBSERVABLE_INVALID (422) with bilingual issues. */
export function normalizeObservable(type: string, raw: string, options: NormalizeOptions = {}): NormalizedObservable {
  const r = tryNormalizeObservable(type, raw, options);
  if (!r.ok) throw validationError(r.issues, 'OBSERVABLE_INVALID');
  return r.observable;
}

/** Two observables are the same when type and canonical value are equal. */
export function dedupeKey(obs: { type: ObservableType | string; value: string }): string {
  return `${obs.type}:${obs.value}`;
}
