// Account handles: `platform:handle`, with per-platform rules (case folding, allowed characters).
import type { NormalizerOutcome } from './observable-types.js';
import { Notes, cleanInput, toHalfWidth } from './text-clean.js';

type PlatformRule = { re?: RegExp; caseInsensitive: boolean; en: string; zh: string };

/** Known platforms; handles on other platforms are kept as written (case preserved). */
export const PLATFORM_RULES: Record<string, PlatformRule> = {
  telegram: {
    re: /^[a-z][a-z0-9_]{3,31}$/i,
    caseInsensitive: true,
    en: '5–32 letters, digits or _ starting with a letter',
    zh: '5–32 位字母、数字或下划线，以字母开头',
  },
  x: {
    re: /^[a-z0-9_]{1,15}$/i,
    caseInsensitive: true,
    en: '1–15 letters, digits or _',
    zh: '1–15 位字母、数字或下划线',
  },
  instagram: {
    re: /^[a-z0-9._]{1,30}$/i,
    caseInsensitive: true,
    en: '1–30 letters, digits, . or _',
    zh: '1–30 位字母、数字、点或下划线',
  },
  github: {
    re: /^[a-z0-9](?:[a-z0-9-]{0,38})$/i,
    caseInsensitive: true,
    en: '1–39 letters, digits or hyphens',
    zh: '1–39 位字母、数字或连字符',
  },
  wechat: {
    re: /^[a-z][a-z0-9_-]{5,19}$/i,
    caseInsensitive: true,
    en: '6–20 letters, digits, _ or - starting with a letter',
    zh: '6–20 位字母、数字、下划线或连字符，以字母开头',
  },
  qq: { re: /^[1-9]\d{4,11}$/, caseInsensitive: false, en: '5–12 digits', zh: '5–12 位数字' },
  tiktok: {
    re: /^[a-z0-9._]{2,24}$/i,
    caseInsensitive: true,
    en: '2–24 letters, digits, . or _',
    zh: '2–24 位字母、数字、点或下划线',
  },
  discord: {
    re: /^[a-z0-9._]{2,32}$/i,
    caseInsensitive: true,
    en: '2–32 letters, digits, . or _',
    zh: '2–32 位字母、数字、点或下划线',
  },
  whatsapp: { caseInsensitive: false, en: '', zh: '' },
  facebook: {
    re: /^[a-z0-9.]{5,50}$/i,
    caseInsensitive: true,
    en: '5–50 letters, digits or dots',
    zh: '5–50 位字母、数字或点',
  },
  weibo: { caseInsensitive: false, en: '', zh: '' },
  douyin: { caseInsensitive: false, en: '', zh: '' },
  signal: { caseInsensitive: false, en: '', zh: '' },
  line: { caseInsensitive: true, en: '', zh: '' },
  skype: { caseInsensitive: true, en: '', zh: '' },
  alipay: { caseInsensitive: false, en: '', zh: '' },
  other: { caseInsensitive: false, en: '', zh: '' },
};

/** A platform with rules of its own, where the same handle means the same account everywhere. */
export function isKnownPlatform(platform: string): boolean {
  return platform !== 'other' && Object.hasOwn(PLATFORM_RULES, platform);
}

const ALIASES: Record<string, string> = {
  twitter: 'x',
  tg: 'telegram',
  weixin: 'wechat',
  微信: 'wechat',
  微博: 'weibo',
  抖音: 'douyin',
  支付宝: 'alipay',
};

/** Profile links are accepted too: https://t.me/name → telegram:name. */
const PROFILE_HOSTS: Record<string, string> = {
  't.me': 'telegram',
  'telegram.me': 'telegram',
  'x.com': 'x',
  'twitter.com': 'x',
  'instagram.com': 'instagram',
  'github.com': 'github',
  'tiktok.com': 'tiktok',
  'facebook.com': 'facebook',
};
const PROFILE_URL =
  /^(?:https?:\/\/)?(?:www\.)?(t\.me|telegram\.me|x\.com|twitter\.com|instagram\.com|github\.com|tiktok\.com|facebook\.com)\/@?([^/?#]+)\/?(?:[?#].*)?$/i;

export function normalizeHandle(raw: string, path: string, platformHint?: string): NormalizerOutcome {
  const notes = new Notes(path);
  let s = toHalfWidth(cleanInput(raw));
  let platform = platformHint?.trim().toLowerCase();
  const link = PROFILE_URL.exec(s);
  const m = /^([\p{L}\p{N}_-]{1,20}):(.+)$/u.exec(s);
  if (link) {
    platform ??= PROFILE_HOSTS[link[1]!.toLowerCase()];
    s = link[2]!;
  } else if (!platform && m) {
    platform = m[1]!.toLowerCase();
    s = m[2]!;
  }
  if (!platform) {
    return notes.fail(
      'OBSERVABLE_HANDLE_PLATFORM_REQUIRED',
      'Say which platform the account is on (e.g. telegram:@name).',
      '请注明账号所属平台（如 telegram:@name）。',
    );
  }
  platform = ALIASES[platform] ?? platform;
  const rule = PLATFORM_RULES[platform] ?? PLATFORM_RULES.other!;
  const name = s.trim().replace(/^@/, '');
  if (name === '' || name.length > 100 || /[\s/]/.test(name)) {
    return notes.fail(
      'OBSERVABLE_HANDLE_INVALID',
      'The handle must be 1–100 characters without spaces or slashes.',
      '账号须为 1–100 个字符，且不含空格或斜杠。',
    );
  }
  if (rule.re && !rule.re.test(name)) {
    return notes.fail(
      'OBSERVABLE_HANDLE_INVALID',
      `Not a valid ${platform} handle (${rule.en}).`,
      `不是有效的 ${platform} 账号（${rule.zh}）。`,
    );
  }
  const handle = rule.caseInsensitive ? name.toLowerCase() : name;
  if (!PLATFORM_RULES[platform])
    notes.warn(
      'unknown_platform',
      `Unknown platform “${platform}”; the handle is kept as written.`,
      `未知平台“${platform}”，账号已按原样保存。`,
    );
  return { value: `${platform}:${handle}`, display: `${platform}: @${name}`, subtype: platform, ...notes.extras() };
}
