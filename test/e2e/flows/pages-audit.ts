// Every main page, as a user who may see it: an axe-core scan (serious and critical violations
// are reported) and a full-page screenshot under test-output/screenshots/.
import type { Page } from 'playwright-core';
import { ApiSession } from '../support/demo-data.js';
import { axeProblems, screenshot, settle, signInByApi, type Lang } from '../support/ui.js';

type PageSpec = { name: string; user: string; path: string | ((ids: Ids) => string); theme?: 'dark' };
type Ids = { requestId: string; callId: string; caseId: string; meetingId: string };

export const MAIN_PAGES: PageSpec[] = [
  { name: 'inbox', user: 'duty', path: '/' },
  { name: 'requests', user: 'supervisor', path: '/requests' },
  { name: 'request', user: 'supervisor', path: (i) => `/requests/${i.requestId}` },
  { name: 'request-new', user: 'investigator', path: '/requests/new' },
  { name: 'hotline', user: 'duty', path: '/hotline' },
  { name: 'hotline-place', user: 'duty', path: '/hotline?tab=place' },
  { name: 'hotline-roster', user: 'supervisor', path: '/hotline?tab=roster' },
  { name: 'call', user: 'duty', path: (i) => `/hotline/calls/${i.callId}` },
  { name: 'cases', user: 'investigator', path: '/cases' },
  { name: 'case', user: 'investigator', path: (i) => `/cases/${i.caseId}` },
  { name: 'case-evidence', user: 'investigator', path: (i) => `/cases/${i.caseId}?tab=evidence` },
  { name: 'case-new', user: 'investigator', path: '/cases/new' },
  { name: 'dashboard', user: 'supervisor', path: '/dashboard' },
  { name: 'knowledge', user: 'investigator', path: '/knowledge' },
  { name: 'search', user: 'investigator', path: `/search?q=${encodeURIComponent('网络诈骗 OR fraud')}` },
  { name: 'reports', user: 'supervisor', path: '/reports' },
  { name: 'dialogue', user: 'supervisor', path: '/dialogue' },
  { name: 'meeting', user: 'supervisor', path: (i) => `/dialogue/${i.meetingId}` },
  { name: 'federation', user: 'admin', path: '/network' },
  { name: 'audit', user: 'auditor', path: '/audit' },
  { name: 'admin', user: 'admin', path: '/admin' },
  { name: 'account', user: 'duty', path: '/account' },
  { name: 'notifications', user: 'supervisor', path: '/notifications' },
  { name: 'inbox-dark', user: 'duty', path: '/', theme: 'dark' },
  { name: 'dashboard-dark', user: 'supervisor', path: '/dashboard', theme: 'dark' },
  { name: 'case-dark', user: 'investigator', path: (i) => `/cases/${i.caseId}?tab=observables`, theme: 'dark' },
];

export async function findIds(base: string): Promise<Ids> {
  const investigator = await ApiSession.signIn(base, 'investigator');
  const supervisor = await ApiSession.signIn(base, 'supervisor');
  const requests = await supervisor.call<{ items: { id: string; type: string }[] }>('GET', '/requests');
  const calls = await supervisor.call<{ items: { id: string }[] }>('GET', '/calls');
  const cases = await investigator.call<{ items: { id: string }[] }>('GET', '/cases');
  const meetings = await supervisor.call<{ items: { id: string }[] }>('GET', '/dialogue/meetings');
  return {
    requestId: (requests.items.find((r) => r.type === 'preservation') ?? requests.items[0])!.id,
    callId: calls.items[0]!.id,
    caseId: cases.items[0]!.id,
    meetingId: meetings.items[0]!.id,
  };
}

/** Scans and photographs every page in `lang`; returns the problems found, by page. */
export async function auditPages(page: Page, base: string, lang: Lang, suffix = ''): Promise<string[]> {
  const ids = await findIds(base);
  const problems: string[] = [];
  let signedInAs = '';
  // Contrast does not depend on the language: the dark-theme pages are scanned once, in English.
  for (const spec of MAIN_PAGES.filter((p) => lang === 'en' || !p.theme)) {
    if (spec.user !== signedInAs) {
      await signInByApi(page, base, spec.user, lang);
      signedInAs = spec.user;
    }
    await page.goto(`${base}${typeof spec.path === 'string' ? spec.path : spec.path(ids)}`);
    const theme = spec.theme ?? 'light';
    if ((await page.evaluate(() => document.documentElement.dataset.theme)) !== theme) {
      await page.evaluate((t) => localStorage.setItem('crossline.theme', t), theme);
      await page.reload();
    }
    await page.locator('main h1').first().waitFor();
    await settle(page);
    for (const p of await axeProblems(page)) problems.push(`${spec.name}: ${p}`);
    await screenshot(page, `${spec.name}${suffix}`);
  }
  return problems;
}
