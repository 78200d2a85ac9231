// Two-factor authentication: enrolment under "My account" (secret and otpauth address shown,
// confirmed with a first code), then signing in asks for the code after the password; a wrong code
// is refused with the API's message in the user's language.
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../../src/demo/demo-parties.js';
import { totpCode } from '../../../src/domain/user/totp.js';
import { signInThroughPage, signOut, text, type Lang } from '../support/ui.js';

export async function totpFlow(page: Page, base: string, username: string, lang: Lang): Promise<void> {
  const T = (key: string) => text(lang, key);
  await signInThroughPage(page, base, username, lang);
  await page.goto(`${base}/account`);
  await page.getByRole('button', { name: T('totp.start') }).click();
  const secret = (await page.getByTestId('totp-secret').textContent())!.replace(/\s/g, '');
  expect(await page.getByTestId('totp-uri').textContent()).toMatch(/^otpauth:\/\/totp\/.+secret=/);
  // The QR code an authenticator app scans is drawn in the page.
  expect(await page.getByTestId('totp-qr').locator('svg path').count()).toBeGreaterThan(0);
  await page.getByLabel(T('login.code'), { exact: true }).fill(totpCode(secret, new Date()));
  await page.getByRole('button', { name: T('totp.confirm'), exact: true }).click();
  await page.locator('section[aria-labelledby="totp-title"]').getByText(T('admin.totpOn'), { exact: true }).waitFor();
  await signOut(page, lang);

  await page.getByLabel(T('login.username'), { exact: true }).fill(username);
  await page.getByLabel(T('login.password'), { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: T('login.signIn') }).click();
  await page.getByRole('heading', { name: T('login.codeTitle') }).waitFor();
  const code = page.getByLabel(T('login.code'), { exact: true });
  await code.fill('000000');
  await page.getByRole('button', { name: T('login.verify') }).click();
  await page
    .getByRole('alert')
    .getByText(lang === 'en' ? 'The authentication code is wrong or expired.' : '验证码错误或已过期。')
    .waitFor();
  // The code of the next 30-second step: the one used to confirm enrolment may not be used twice.
  await code.fill(totpCode(secret, new Date(Date.now() + 30_000)));
  await page.getByRole('button', { name: T('login.verify') }).click();
  await page.getByRole('navigation', { name: T('nav.label') }).waitFor();
}
