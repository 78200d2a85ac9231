// The web UI's two catalogs stay complete: the same keys in English and Chinese, no empty texts,
// the same {{placeholders}}, Chinese texts actually in Chinese, and every t('key') in the code
// present in both (keys built with ${…} must match at least one entry).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const WEB = path.resolve(import.meta.dirname, '../../web/src');
type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = '', out = new Map<string, string>()): Map<string, string> {
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else flatten(v, key, out);
  }
  return out;
}

const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Tree;
/** The core catalog plus every area file of that language (web/src/i18n/areas/<area>.<lang>.json). */
function load(lang: 'en' | 'zh-CN'): Map<string, string> {
  const areas = readdirSync(path.join(WEB, 'i18n', 'areas')).filter((f) => f.endsWith(`.${lang}.json`));
  const out = flatten(read(path.join(WEB, 'i18n', `${lang}.json`)));
  for (const f of areas) {
    const area = flatten(read(path.join(WEB, 'i18n', 'areas', f)));
    for (const [k, v] of area) {
      if (out.has(k)) throw new Error(`${f} redefines ${k}`);
      out.set(k, v);
    }
  }
  return out;
}
const en = load('en');
const zh = load('zh-CN');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.(ts|tsx)$/.test(e.name) && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}

/** Keys used as t('a.b'), t("a.b") or t(`a.${x}`) anywhere in web/src. */
function usedKeys(): { file: string; key: string; dynamic: boolean }[] {
  const out: { file: string; key: string; dynamic: boolean }[] = [];
  for (const file of sources(WEB)) {
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(/\bt\(\s*(['"])([A-Za-z0-9_.-]+)\1/g)) out.push({ file, key: m[2]!, dynamic: false });
    for (const m of code.matchAll(/\bt\(\s*`([^`]+)`/g)) out.push({ file, key: m[1]!, dynamic: m[1]!.includes('${') });
  }
  return out;
}

const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('web UI catalogs', () => {
  it('have the same keys in English and Chinese', () => {
    expect([...en.keys()].filter((k) => !zh.has(k))).toEqual([]);
    expect([...zh.keys()].filter((k) => !en.has(k))).toEqual([]);
  });

  it('have no empty text and the same placeholders in both languages', () => {
    for (const [key, text] of en) {
      expect(text.trim(), `en ${key}`).not.toBe('');
      expect(zh.get(key)?.trim(), `zh-CN ${key}`).not.toBe('');
      expect(placeholders(zh.get(key) ?? ''), `placeholders of ${key}`).toEqual(placeholders(text));
    }
  });

  it('are translated: each Chinese text contains Chinese unless it is language-neutral', () => {
    // Chinese punctuation alone (the enumeration comma 、 as a list separator) is Chinese too.
    const untranslated = [...zh]
      .filter(([key, text]) => !/[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u.test(text) && text !== en.get(key))
      .map(([k]) => k);
    expect(untranslated).toEqual([]);
    // Product names are the same in both languages (WhatsApp, Signal, Instagram).
    const copied = [...zh]
      .filter(
        ([key, text]) => text === en.get(key) && /[a-z]{4,}/.test(text) && !key.startsWith('intel.extract.platforms.'),
      )
      .map(([k]) => k);
    expect(copied).toEqual([]);
  });

  it('contain every key the code uses', () => {
    const used = usedKeys();
    expect(used.length).toBeGreaterThan(200);
    const missing = used.filter(({ key, dynamic }) => {
      // i18next plurals: `t(key, { count })` reads `key_one` / `key_other` (Chinese has `_other` only).
      const has = (catalog: Map<string, string>) => catalog.has(key) || catalog.has(`${key}_other`);
      if (!dynamic) return !has(en) || !has(zh);
      const pattern = new RegExp(
        `^${key
          .split(/\$\{[^}]+\}/)
          .map((p) => p.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))
          .join('[A-Za-z0-9_.-]+')}$`,
      );
      return ![...en.keys()].some((k) => pattern.test(k));
    });
    expect(missing.map((m) => `${path.relative(WEB, m.file)}: ${m.key}`)).toEqual([]);
  });
});
