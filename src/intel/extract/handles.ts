// Messaging and social accounts named by a cue word ("微信：abc123", "QQ 12345678", "TG @name",
// "WhatsApp +44 7700 900123"), WeChat's own `wxid_…` ids, and profile links (t.me/name, wa.me/number).
// A value is only taken right after its cue (a colon, 号/ID/是, "is", "at" may stand between) and only
// when the platform's rules accept it; a value of letters alone also needs an explicit separator
// ("WeChat account please" names no account). The account normalizer gives the stored value.
import { tryNormalizeObservable } from '../../domain/case/normalize-observable.js';

export type HandleHit = {
  /** Span of the value (with a leading @ when written) and of the cue, in the searched text. */
  start: number;
  end: number;
  cueStart: number;
  cueEnd: number;
  results: { type: 'account_handle' | 'phone' | 'url'; value: string; flags: string[] }[];
};

type Cue = { platform: string; re: string };
/** Cue words per platform, Chinese and English, including the homophones used to dodge filters. */
const CUES: readonly Cue[] = [
  {
    platform: 'wechat',
    re: String.raw`微信号?|威信号?|薇信号?|徽信号?|维信号?|[Vv]信号?|[Ww]e[Cc]hat(?:\s?ID)?|WECHAT(?:\s?ID)?|[Ww]eixin|[Vv][Xx]|[Ww][Xx](?!id_)|(?:加|\+|➕)\s?[Vv](?![A-Za-z])|[Vv](?=[:：])|加薇(?=[:：])`,
  },
  { platform: 'qq', re: String.raw`[Qq]{2}号?|Q Q|扣扣号?|企鹅号?|(?:加|\+)?Q(?=[:：])` },
  { platform: 'telegram', re: String.raw`电报号?|纸?飞机号?|小飞机|[Tt]elegram|TELEGRAM|TG|tg|Tg` },
  { platform: 'whatsapp', re: String.raw`[Ww]hats[Aa]pp|WHATSAPP|WA(?=[:：]?\s*\+)` },
  { platform: 'line', re: String.raw`LINE(?:\s?ID)?|[Ll]ine\s?(?:ID|id)|[Ll]ine(?=号)|加[賴赖]|[賴赖]\s?ID` },
  { platform: 'signal', re: String.raw`[Ss]ignal|SIGNAL` },
  { platform: 'douyin', re: String.raw`抖音号` },
  { platform: 'instagram', re: String.raw`[Ii]nstagram|INSTAGRAM|[Ii][Gg](?=\s?[:：])|ins(?=\s?[:：])` },
  { platform: 'x', re: String.raw`推特|[Tt]witter` },
];

const CUE_ANY = CUES.map((c) => `(?:${c.re})`).join('|');
const CUE_RES = CUES.map((c) => ({ platform: c.platform, re: new RegExp(`^(?:${c.re})`) }));
/** What may stand between cue and value. */
const FILLER = String.raw`(?:[ \t:：=＝(（【\[,，]|号码|号|账号|帐号|用户名|是|为|搜索|搜|加|添加|(?:ID|Id|id|username|handle|number|is|at|on|me)(?![A-Za-z0-9_]))*`;
const VALUE = String.raw`\+?\d[\d ()-]{5,18}\d|@?[A-Za-z0-9](?:[A-Za-z0-9_.-]{0,40}[A-Za-z0-9_])?`;
const CUED = new RegExp(
  `(?<![A-Za-z0-9_])((?:${CUE_ANY})(?:[ \\t]*[/、&|或和][ \\t]*(?:${CUE_ANY}))*)(?:(?<=[A-Za-z])(?![A-Za-z])|(?<![A-Za-z]))(${FILLER})(${VALUE})(?![A-Za-z0-9_@/:]|[.-][A-Za-z0-9])`,
  'g',
);
const WXID = /(?<![A-Za-z0-9_])wxid_[a-z0-9]{6,14}(?![A-Za-z0-9_])/g;
/** Profile links without a scheme (with one, the URL pattern finds them and accept.ts turns them into accounts). */
const LINK = /(?<![A-Za-z0-9./@-])(?:www\.)?(?:t\.me|telegram\.me|wa\.me)\/[A-Za-z0-9_+@/-]*[A-Za-z0-9_]/g;
/** "Add me on WhatsApp so we can talk: +1 202 555 0163": a phone-based account's number later in the same sentence. */
const PHONE_LATER =
  /(?<![A-Za-z])(WhatsApp|Whatsapp|WHATSAPP|whatsapp|Signal|SIGNAL)(?![A-Za-z])[^\n。.!?！？]{0,60}?(?<![\d+])(\+[1-9][\d ()-]{6,18}\d)(?![\d])/g;
/** "@name on Telegram": the cue after the handle. */
const CUE_AFTER =
  /(?<![A-Za-z0-9_@])@([A-Za-z][A-Za-z0-9_]{3,31})[ \t]+(?:on|in|at)[ \t]+(Telegram|TG|Instagram|Twitter|X)(?![A-Za-z])/g;
const LIST_NEXT =
  /^[ \t]*(?:和|或者?|以及|、|\/|,|，|and|or)[ \t]*(@?[A-Za-z0-9](?:[A-Za-z0-9_.-]{0,40}[A-Za-z0-9_])?)(?![A-Za-z0-9_@/:]|[.-][A-Za-z0-9])/;

const PHONE_PLATFORMS = new Set(['whatsapp', 'signal']);

/** A phone-based account (WhatsApp, Signal) is stored as platform:+E.164, and the number is a phone too. */
function phoneAccount(platform: string, raw: string, defaultCountry?: string): HandleHit['results'] | undefined {
  const digits = raw.replace(/[\s()-]/g, '');
  const country = /^1[3-9]\d{9}$/.test(digits) ? 'CN' : defaultCountry;
  // WhatsApp ids are the full international number; wa.me links and many people write it without the +.
  const written =
    !raw.startsWith('+') && !country && platform === 'whatsapp' && /^[1-9]\d{9,14}$/.test(digits) ? `+${digits}` : raw;
  if (!written.startsWith('+') && !country) return undefined;
  const p = tryNormalizeObservable('phone', written, { defaultCountry: country });
  if (!p.ok) return undefined;
  const h = tryNormalizeObservable('account_handle', p.observable.value, { platform });
  if (!h.ok) return undefined;
  return [
    { type: 'account_handle', value: h.observable.value, flags: [] },
    { type: 'phone', value: p.observable.value, flags: p.observable.flags ?? [] },
  ];
}

function handleValue(platform: string, raw: string): string | undefined {
  if (platform === 'signal' && !/^@?[A-Za-z][A-Za-z0-9_]{2,31}\.\d{2,}$/.test(raw)) return undefined;
  if (platform === 'line' && !/[A-Za-z]/.test(raw)) return undefined;
  const h = tryNormalizeObservable('account_handle', raw, { platform });
  return h.ok ? h.observable.value : undefined;
}

/** The platforms a cue group names, in order; `after` is what follows the group (some cues look ahead). */
function platformsIn(cueGroup: string, after: string): string[] {
  const out: string[] = [];
  const parts = cueGroup.split(/[ \t]*[/、&|或和][ \t]*/);
  for (const [i, part] of parts.entries()) {
    const hit = CUE_RES.find((c) => c.re.test(i === parts.length - 1 ? part + after : part));
    if (hit && !out.includes(hit.platform)) out.push(hit.platform);
  }
  return out;
}

/** A profile link's account, or undefined when the link is something else (an invite, a post). */
export function profileLinkAccount(link: string): { value: string } | undefined {
  const m = /^(?:https?:\/\/)?(?:www\.)?(t\.me|telegram\.me|wa\.me)\/@?([^/?#]+)\/?$/i.exec(link);
  if (!m) return undefined;
  if (m[1]!.toLowerCase() === 'wa.me') {
    const r = phoneAccount('whatsapp', `+${m[2]!.replace(/^\+/, '')}`);
    return r ? { value: r[0]!.value } : undefined;
  }
  const h = tryNormalizeObservable('account_handle', m[2]!, { platform: 'telegram' });
  // t.me/joinchat/…, t.me/+invite and t.me/c/… are groups or posts, not accounts.
  return h.ok && !/^(?:joinchat|addstickers|share|proxy|socks|iv|s|c)$/i.test(m[2]!)
    ? { value: h.observable.value }
    : undefined;
}

export function findHandles(text: string, defaultCountry?: string): HandleHit[] {
  const out: HandleHit[] = [];
  for (const m of text.matchAll(CUED)) {
    const [, cue = '', filler = '', raw = ''] = m;
    const cueStart = m.index;
    const start = cueStart + cue.length + filler.length;
    const explicit = /[:：=＝@＠]|号|ID|id|是|为/.test(filler) || raw.startsWith('@');
    const isPhoneLike = /^\+?\d[\d ()-]+$/.test(raw);
    for (const platform of platformsIn(cue, filler + raw)) {
      let results: HandleHit['results'] | undefined;
      if (isPhoneLike && PHONE_PLATFORMS.has(platform)) results = phoneAccount(platform, raw, defaultCountry);
      else if (isPhoneLike && platform !== 'qq') continue;
      else if (isPhoneLike) {
        // "QQ 12345678 13812345678": the QQ number is the first group.
        const q = /^[1-9]\d{4,11}(?![\d()-]|\s\d{1,4}(?!\d))/.exec(raw);
        const v = q ? handleValue(platform, q[0]) : undefined;
        if (v) {
          out.push({
            start,
            end: start + q![0].length,
            cueStart,
            cueEnd: cueStart + cue.length,
            results: [{ type: 'account_handle', value: v, flags: [] }],
          });
          break;
        }
        continue;
      } else {
        // A word after a cue ("Telegram group") is not an account; digits, _ or an explicit separator say it is.
        if (!/[\d_]/.test(raw) && !explicit) continue;
        const v = handleValue(platform, raw);
        results = v ? [{ type: 'account_handle', value: v, flags: [] }] : undefined;
      }
      if (results) {
        out.push({ start, end: start + raw.length, cueStart, cueEnd: cueStart + cue.length, results });
        // "微信：a_one 和 a_two": further values of the same kind after one cue.
        let at = start + raw.length;
        for (let next = LIST_NEXT.exec(text.slice(at, at + 64)); next; next = LIST_NEXT.exec(text.slice(at, at + 64))) {
          const v = isPhoneLike ? undefined : handleValue(platform, next[1]!);
          if (!v || (!/\d/.test(next[1]!) && !next[1]!.startsWith('@'))) break;
          const s0 = at + next[0].length - next[1]!.length;
          out.push({
            start: s0,
            end: s0 + next[1]!.length,
            cueStart,
            cueEnd: cueStart + cue.length,
            results: [{ type: 'account_handle', value: v, flags: [] }],
          });
          at = s0 + next[1]!.length;
        }
        break;
      }
    }
  }
  for (const m of text.matchAll(PHONE_LATER)) {
    const platform = m[1]!.toLowerCase();
    const results = phoneAccount(platform, m[2]!, defaultCountry);
    const start = m.index + m[0].length - m[2]!.length;
    if (results)
      out.push({ start, end: start + m[2]!.length, cueStart: m.index, cueEnd: m.index + m[1]!.length, results });
  }
  for (const m of text.matchAll(CUE_AFTER)) {
    const platform =
      ({ tg: 'telegram', twitter: 'x' } as Record<string, string>)[m[2]!.toLowerCase()] ?? m[2]!.toLowerCase();
    const v = handleValue(platform, m[1]!);
    const cueStart = m.index + m[0].length - m[2]!.length;
    if (v)
      out.push({
        start: m.index,
        end: m.index + 1 + m[1]!.length,
        cueStart,
        cueEnd: cueStart + m[2]!.length,
        results: [{ type: 'account_handle', value: v, flags: [] }],
      });
  }
  for (const m of text.matchAll(WXID)) {
    const v = handleValue('wechat', m[0]);
    if (v)
      out.push({
        start: m.index,
        end: m.index + m[0].length,
        cueStart: m.index,
        cueEnd: m.index,
        results: [{ type: 'account_handle', value: v, flags: [] }],
      });
  }
  for (const m of text.matchAll(LINK)) {
    const a = profileLinkAccount(m[0]);
    if (a) {
      out.push({
        start: m.index,
        end: m.index + m[0].length,
        cueStart: m.index,
        cueEnd: m.index,
        results: [{ type: 'account_handle', value: a.value, flags: [] }],
      });
      continue;
    }
    // A group invite or a post (t.me/joinchat/…, t.me/+…, t.me/name/123) is reported as the link it is.
    const u = tryNormalizeObservable('url', m[0]);
    if (u.ok)
      out.push({
        start: m.index,
        end: m.index + m[0].length,
        cueStart: m.index,
        cueEnd: m.index,
        results: [{ type: 'url', value: u.observable.value, flags: u.observable.flags ?? [] }],
      });
  }
  return out;
}
