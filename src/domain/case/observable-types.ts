// Observable kinds (docs/spec.md §4.2) and the shapes normalization produces.
import type { Bilingual, ValidationIssue } from '../../error-types.js';

export const OBSERVABLE_TYPES = [
  'url',
  'domain',
  'ip',
  'email',
  'phone',
  'crypto_wallet',
  'file_hash',
  'account_handle',
  'icp_licence',
  'bank_account',
] as const;
export type ObservableType = (typeof OBSERVABLE_TYPES)[number];

export const OBSERVABLE_TYPE_LABELS: Record<ObservableType, Bilingual> = {
  url: { en: 'URL', zh: '网址' },
  domain: { en: 'Domain', zh: '域名' },
  ip: { en: 'IP address', zh: 'IP 地址' },
  email: { en: 'E-mail address', zh: '电子邮箱' },
  phone: { en: 'Phone number', zh: '电话号码' },
  crypto_wallet: { en: 'Crypto wallet', zh: '加密货币钱包' },
  file_hash: { en: 'File hash', zh: '文件哈希' },
  account_handle: { en: 'Account handle', zh: '网络账号' },
  icp_licence: { en: 'ICP licence / filing number', zh: 'ICP 许可证／备案号' },
  bank_account: { en: 'Bank account / card', zh: '银行账户／银行卡' },
};

export type NormalizedObservable = {
  type: ObservableType;
  /** Canonical form: what deduplication and correlation compare. */
  value: string;
  /** Form shown to people (e.g. Unicode domain, grouped digits, EIP-55 checksum case). */
  display: string;
  /** Kind within the type: ipv4/ipv6, md5/sha1/sha256/sha512, btc/eth/tron/ltc/doge, card/iban/account, … */
  subtype?: string;
  /** Machine-readable notes, e.g. `refanged`, `private`, `luhn_failed`, `testnet`. */
  flags?: string[];
  /** Non-blocking bilingual notes for the user (one per flag worth telling). */
  issues?: ValidationIssue[];
  /** Extra facts, e.g. `{ network: 'testnet' }`, `{ region: 'CN' }`, `{ extension: '123' }`. */
  attributes?: Record<string, string>;
  /** Observables implied by this one (a URL's host, an e-mail's domain), for correlation. */
  related?: { type: ObservableType; value: string }[];
};

export type NormalizeResult = { ok: true; observable: NormalizedObservable } | { ok: false; issues: ValidationIssue[] };

export type NormalizeOptions = {
  /** ISO 3166 alpha-2 country for phone numbers written without a country code (e.g. `CN`). */
  defaultCountry?: string;
  /** Wallet chain hint: btc, eth, tron, ltc, doge, or another chain to accept unverified. */
  chain?: string;
  /** Platform for account handles when the raw value is not `platform:handle`. */
  platform?: string;
  /** Path used in issues (e.g. `observables.3.value`); defaults to `value`. */
  path?: string;
};

/** What a type-specific normalizer returns: the result without `type`, or the blocking issues. */
export type Normalized = Omit<NormalizedObservable, 'type'>;
export type NormalizerOutcome = Normalized | ValidationIssue[];
