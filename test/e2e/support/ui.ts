// Browser-test helpers: the UI's own texts from its catalogs (so one flow runs in both languages),
// signing in through the page or the API, axe-core scans and screenshots.
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../../src/demo/demo-parties.js';

const ROOT = path.resolve(import.meta.dirname, '../../..');
export const SCREENSHOTS = path.join(ROOT, 'test-output/screenshots');
export type Lang = 'en' | 'zh-CN';

type Catalog = { [key: string]: string | Catalog };
const catalogs = new Map<Lang, Catalog>();

/** The UI catalog of `lang` as web/src/i18n/catalogs.ts merges it: the core file, then each area's top-level keys. */
function catalogOf(lang: Lang): Catalog {
  const dir = path.join(ROOT, 'web/src/i18n');
  const read = (file: string) => JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Catalog;
  const areas = readdirSync(path.join(dir, 'areas'))
    .filter((f) => f.endsWith(`.${lang}.json`))
    .sort();
  return Object.assign(read(`${lang}.json`), ...areas.map((f) => read(`areas/${f}`)));
}

/** The text the UI shows for `key` in `lang`, with {{placeholders}} filled. */
export function text(lang: Lang, key: string, values: Record<string, string | number> = {}): string {
  if (!catalogs.has(lang)) catalogs.set(lang, catalogOf(lang));
  let node: string | Catalog | undefined = catalogs.get(lang);
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  if (typeof node !== 'string') throw new Error(`no text ${key} in ${lang}`);
  return node.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(values[k] ?? ''));
}

/**
 * Signs in through the sign-in page, choosing the language there first. Cookies are cleared first:
 * the demo nodes share 127.0.0.1, and cookies are per host, not per port.
 */
export async function signInThroughPage(page: Page, base: string, username: string, lang: Lang): Promise<void> {
  await page.context().clearCookies();
  await page.goto(`${base}/`);
  await page.getByLabel(/^(Language|语言)$/).selectOption(lang);
  await page.getByLabel(text(lang, 'login.username')).fill(username);
  await page.getByLabel(text(lang, 'login.password')).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: text(lang, 'login.signIn'), exact: true }).click();
  await page.getByRole('navigation', { name: text(lang, 'nav.label') }).waitFor();
}

/** Signs in by API (the page shares the cookie) with the account set to `lang`. */
export async function signInByApi(page: Page, base: string, username: string, lang: Lang): Promise<void> {
  await page.context().clearCookies();
  const res = await page.request.post(`${base}/api/auth/login`, { data: { username, password: DEMO_PASSWORD } });
  if (!res.ok()) throw new Error(`sign-in of ${username} failed: ${res.status()}`);
  await page.request.patch(`${base}/api/auth/me`, { data: { locale: lang } });
}

export async function signOut(page: Page, lang: Lang): Promise<void> {
  await page.getByRole('button', { name: text(lang, 'header.signOut') }).click();
  await page.getByRole('button', { name: text(lang, 'login.signIn'), exact: true }).waitFor();
}

export type AxeViolation = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] };

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Serious and critical axe-core violations on the current page. */
export async function axeProblems(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document): Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run(document)).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} at ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(', ')}`,
    );
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Waits until no request is in flight and the loading placeholders are gone. */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page
    .locator('.loading')
    .first()
    .waitFor({ state: 'detached', timeout: 10_000 })
    .catch(() => undefined);
}
