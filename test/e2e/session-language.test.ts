// Language per browser session (issue 14, item 12): two desks signed in to the shared duty account;
// switching to Chinese at one desk leaves the other in English, across reloads, and the account's
// default language stays as it was.
import { afterAll, describe, expect, it } from 'vitest';
import { launchBrowser, type Browser } from './support/browser.js';
import { ApiSession } from './support/demo-data.js';
import { browserSuite } from './support/suite.js';
import { screenshot, settle, signInThroughPage, text } from './support/ui.js';

const suite = browserSuite();
let second: Browser | undefined;
afterAll(async () => {
  await second?.close();
});

describe('language per browser session', () => {
  it('a switch at one desk does not flip the other desk of the same account', async () => {
    const base = suite.web.url;
    const duty = await ApiSession.signIn(base, 'duty');
    await duty.call('PATCH', '/auth/me', { locale: 'en' });
    second = await launchBrowser();
    const deskA = suite.browser.page;
    const deskB = second.page;
    await signInThroughPage(deskA, base, 'duty', 'en');
    await signInThroughPage(deskB, base, 'duty', 'en');

    await deskA.getByLabel(text('en', 'header.language')).selectOption('zh-CN');
    await deskA.getByRole('navigation', { name: text('zh-CN', 'nav.label') }).waitFor();

    await deskB.reload();
    await deskB.getByRole('navigation', { name: text('en', 'nav.label') }).waitFor();
    await deskA.reload();
    await deskA.getByRole('navigation', { name: text('zh-CN', 'nav.label') }).waitFor();
    expect(await deskB.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await deskA.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect((await duty.call<{ user: { locale: string } }>('GET', '/auth/me')).user.locale).toBe('en');

    await settle(deskA);
    await settle(deskB);
    await screenshot(deskA, 'language-desk-a-zh');
    await screenshot(deskB, 'language-desk-b-en');
  }, 180_000);
});
