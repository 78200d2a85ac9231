// Passkeys in a real browser (issue 18, item 2): Chromium's virtual authenticator (DevTools
// protocol, CTAP2, resident keys, user verification) answers the node's real ceremonies. A user
// adds and renames a passkey on the account page, signs out, signs in with the passkey alone, uses
// it as the second step after the password, and removes it; the sign-in page and the panel in both
// languages; the supervisor's policy sends a user without a passkey to add one; and the node refuses
// a browser's answer that is replayed or was made on another origin.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../src/demo/demo-parties.js';
import { setPasskeyPolicy } from '../../src/services/passkey/passkey-policy.js';
import { launchBrowser, type Browser } from './support/browser.js';
import { startPasskeyWebNode, type PasskeyWebNode } from './support/passkey-node.js';
import { axeProblems, screenshot, signInThroughPage, signOut, text, type Lang } from './support/ui.js';

describe('passkeys in the browser', () => {
  let browser: Browser;
  let web: PasskeyWebNode;
  let cdp: CDPSession;
  let authenticatorId: string | null = null;

  beforeAll(async () => {
    browser = await launchBrowser();
    web = await startPasskeyWebNode();
    cdp = await browser.context.newCDPSession(browser.page);
    await cdp.send('WebAuthn.enable', { enableUI: false });
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await web?.stop();
  });

  /** A new, empty virtual authenticator (the previous one is dropped): one passkey in it at a time. */
  async function freshAuthenticator(): Promise<void> {
    if (authenticatorId) await cdp.send('WebAuthn.removeVirtualAuthenticator', { authenticatorId });
    ({ authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
        automaticPresenceSimulation: true,
      },
    }));
  }

  const panelOf = (page: Page) => page.locator('section[aria-labelledby="passkeys-title"]');

  async function addPasskey(page: Page, lang: Lang, name: string): Promise<void> {
    const T = (key: string) => text(lang, key);
    const panel = panelOf(page);
    await panel.getByLabel(T('passkey.name'), { exact: true }).fill(name);
    await panel.getByRole('button', { name: T('passkey.add') }).click();
    await panel.locator('td', { hasText: name }).waitFor();
  }

  /** A new authenticator, `user` signed in through the page, and one passkey named `name` added on the account page. */
  async function signInAndAddPasskey(page: Page, user: string, lang: Lang, name: string): Promise<void> {
    await freshAuthenticator();
    await signInThroughPage(page, web.url, user, lang);
    await page.goto(`${web.url}/account`);
    await addPasskey(page, lang, name);
  }

  it('adds, renames, signs in with (alone and as second step) and removes a passkey', async () => {
    const T = (key: string) => text('en', key);
    const page = browser.page;
    await signInAndAddPasskey(page, 'investigator', 'en', 'Office laptop');
    const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId: authenticatorId! });
    expect(credentials).toHaveLength(1);
    expect(credentials[0]!.isResidentCredential).toBe(true);
    expect(credentials[0]!.rpId).toBe('localhost');

    const panel = panelOf(page);
    await panel.getByRole('button', { name: `${T('passkey.rename')}: Office laptop` }).click();
    await panel.getByLabel(T('passkey.rename'), { exact: true }).fill('Desk laptop');
    await panel.getByRole('button', { name: T('passkey.save') }).click();
    await panel.locator('td', { hasText: 'Desk laptop' }).waitFor();
    expect(await axeProblems(page)).toEqual([]);
    await screenshot(page, 'passkey-panel-en');

    // Password-less: no user name, no password.
    await signOut(page, 'en');
    expect(await axeProblems(page)).toEqual([]);
    await screenshot(page, 'passkey-login-en');
    await page.getByTestId('passkey-sign-in').click();
    await page.getByRole('navigation', { name: T('nav.label') }).waitFor();
    expect(
      ((await (await page.request.get(`${web.url}/api/auth/me`)).json()) as { user: { username: string } }).user
        .username,
    ).toBe('investigator');

    // The password is now followed by the passkey as the second step.
    await signOut(page, 'en');
    await page.getByLabel(T('login.username'), { exact: true }).fill('investigator');
    await page.getByLabel(T('login.password'), { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: T('login.signIn') }).click();
    await page.getByRole('heading', { name: T('passkey.confirmTitle') }).waitFor();
    await screenshot(page, 'passkey-second-step-en');
    await page.getByRole('button', { name: T('passkey.confirm') }).click();
    await page.getByRole('navigation', { name: T('nav.label') }).waitFor();

    // Removing it takes a fresh answer of a passkey (or the password).
    await page.goto(`${web.url}/account`);
    await panel.getByRole('button', { name: `${T('passkey.remove')}: Desk laptop` }).click();
    await page
      .getByTestId('passkey-remove')
      .getByRole('button', { name: T('passkey.removeWithPasskey') })
      .click();
    await panel.getByText(T('passkey.none')).waitFor();
    await signOut(page, 'en');
  }, 120_000);

  it('in zh-CN: the panel and the sign-in page, then signs in with the passkey', async () => {
    const T = (key: string) => text('zh-CN', key);
    const page = browser.page;
    await signInAndAddPasskey(page, 'analyst', 'zh-CN', '办公室电脑');
    expect(await axeProblems(page)).toEqual([]);
    await screenshot(page, 'passkey-panel-zh-CN');
    await signOut(page, 'zh-CN');
    await page.getByTestId('passkey-sign-in').getByText(T('passkey.signIn')).waitFor();
    await screenshot(page, 'passkey-login-zh-CN');
    await page.getByTestId('passkey-sign-in').click();
    await page.getByRole('navigation', { name: T('nav.label') }).waitFor();
    await signOut(page, 'zh-CN');
  }, 120_000);

  it('sends a user the supervisor’s policy covers to add a passkey before anything else', async () => {
    const T = (key: string) => text('en', key);
    const page = browser.page;
    // The policy covers the supervisor too: with a passkey first, the workspace stays open.
    await signInAndAddPasskey(page, 'supervisor', 'en', 'Supervisor key');
    await page.getByTestId('passkey-policy-toggle').click();
    await page
      .locator('section[aria-labelledby="passkey-policy-title"]')
      .getByText(T('passkey.policy.saved'))
      .waitFor();
    await screenshot(page, 'passkey-policy-en');

    await signInThroughPage(page, web.url, 'duty', 'en').catch(() => undefined);
    await page.getByTestId('passkey-required').waitFor();
    const api = await page.request.get(`${web.url}/api/cases`);
    expect(api.status()).toBe(403);
    expect(((await api.json()) as { error: { code: string } }).error.code).toBe('AUTH_PASSKEY_REQUIRED');
    expect(await axeProblems(page)).toEqual([]);
    await screenshot(page, 'passkey-required-en');
    // Adding it lifts the gate: the page gives way to the workspace by itself.
    await panelOf(page).getByLabel(T('passkey.name'), { exact: true }).fill('Duty desk');
    await panelOf(page)
      .getByRole('button', { name: T('passkey.add') })
      .click();
    await page.getByTestId('passkey-required').waitFor({ state: 'detached' });
    expect((await page.request.get(`${web.url}/api/cases`)).status()).toBe(200);

    await signOut(page, 'en');
    // Back to the demo's default for the other tests (the supervisor now signs in with a passkey).
    await setPasskeyPolicy(
      web.node.ctx,
      { kind: 'user', userId: 'system', name: 'test', roles: ['supervisor'], partyId: web.node.ctx.config.nodeId },
      { requireForRedRoles: false },
    );
  }, 120_000);

  it('lets an admin reset a lost device from the users page, in both languages, but not for their own account', async () => {
    const page = browser.page;
    await signInAndAddPasskey(page, 'investigator', 'en', 'Lost phone');
    await signOut(page, 'en');

    for (const lang of ['zh-CN', 'en'] as const) {
      const T = (key: string) => text(lang, key);
      await signInThroughPage(page, web.url, 'admin', lang);
      await page.goto(`${web.url}/admin`);
      // Their own account: refused with the bilingual reason, nothing changed.
      await page.getByRole('button', { name: `${T('admin.edit')}: admin` }).click();
      await page.getByLabel(T('admin.resetSecondFactors')).check();
      await page.getByRole('button', { name: T('common.save') }).click();
      await page
        .getByRole('alert')
        .filter({ hasText: lang === 'en' ? 'cannot reset their own' : '不能在此重置自己' })
        .waitFor();
      await screenshot(page, `admin-reset-own-refused-${lang}`);
      await page.getByRole('button', { name: T('common.cancel') }).click();
      if (lang === 'zh-CN') {
        const row = page.getByRole('row').filter({ hasText: 'investigator' });
        const badge = row.getByText(/\d+ 个通行密钥/);
        await badge.waitFor();
        await page.getByRole('button', { name: `${T('admin.edit')}: investigator` }).click();
        await page.getByLabel(T('admin.resetSecondFactors')).check();
        await screenshot(page, 'admin-reset-factors-zh-CN');
        await page.getByRole('button', { name: T('common.save') }).click();
        await page.locator('#user-editor').waitFor({ state: 'detached' });
        await badge.waitFor({ state: 'detached' });
      }
      await signOut(page, lang);
    }

    // The lost phone's passkey signs in no more.
    await page.getByTestId('passkey-sign-in').click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('navigation', { name: text('en', 'nav.label') }).count()).toBe(0);
  }, 180_000);

  it('refuses a real browser answer that is replayed, or that was made on another node’s origin', async () => {
    const page = browser.page;
    await signInAndAddPasskey(page, 'admin', 'en', 'Admin key');
    await page.context().clearCookies();

    /** Asks the node at `node` for a sign-in challenge and lets the page at `origin` answer it. */
    const answerOn = async (origin: string, node: string) => {
      await page.goto(`${origin}/`);
      const options = (await (
        await page.request.post(`${node}/api/auth/passkeys/challenge`, { data: { purpose: 'login' } })
      ).json()) as { challenge: string; rpId: string };
      return page.evaluate(async ({ challenge, rpId }) => {
        const fromB64 = (s: string) =>
          Uint8Array.from(atob(s.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((s.length + 3) % 4)), (c) =>
            c.charCodeAt(0),
          );
        const toB64 = (b: ArrayBuffer) =>
          btoa(String.fromCharCode(...new Uint8Array(b)))
            .replace(/\+/g, '-')
            .replace(/\//g, '_')
            .replace(/=+$/, '');
        const cred = (await navigator.credentials.get({
          publicKey: { challenge: fromB64(challenge), rpId, userVerification: 'required' },
        })) as PublicKeyCredential;
        const r = cred.response as AuthenticatorAssertionResponse;
        return {
          id: cred.id,
          rawId: toB64(cred.rawId),
          type: 'public-key',
          response: {
            clientDataJSON: toB64(r.clientDataJSON),
            authenticatorData: toB64(r.authenticatorData),
            signature: toB64(r.signature),
            ...(r.userHandle ? { userHandle: toB64(r.userHandle) } : {}),
          },
          clientExtensionResults: {},
        };
      }, options);
    };

    const response = await answerOn(web.url, web.url);
    const first = await page.request.post(`${web.url}/api/auth/passkeys/login`, { data: { response } });
    expect(first.status()).toBe(200);
    const replay = await page.request.post(`${web.url}/api/auth/passkeys/login`, { data: { response } });
    expect(replay.status()).toBe(401);
    expect(((await replay.json()) as { error: { code: string } }).error.code).toBe('AUTH_PASSKEY_INVALID');

    // The peer node's page (same RP ID `localhost`, another origin) answering this node's challenge.
    const foreign = await answerOn(web.peerUrl, web.url);
    const refused = await page.request.post(`${web.url}/api/auth/passkeys/login`, { data: { response: foreign } });
    expect(refused.status()).toBe(401);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('AUTH_PASSKEY_INVALID');
  }, 120_000);
});
