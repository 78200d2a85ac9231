// Cross-site request forgery in a real browser (security review item 6): a page served on another
// port of the same host — the same *site* for the browser, so the SameSite=Strict session cookie
// goes along — auto-submits a form and sends a credentialed fetch to "suspend peer" while an
// administrator is signed in. Both are refused with 403 AUTH_CROSS_ORIGIN_REFUSED and the peer stays
// active; the same action from the app's own page still works.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiSession } from './support/demo-data.js';
import { browserSuite } from './support/suite.js';
import { signInThroughPage } from './support/ui.js';

/** The attacker's pages: `/form` posts a text/plain form, `/fetch` a no-cors credentialed fetch, both to `target`. */
function attackerPage(kind: string, target: string): string {
  const t = JSON.stringify(target);
  if (kind === 'form') {
    return `<!doctype html><html><body><form id="f" method="POST" enctype="text/plain" action=${t}>
      <input type="hidden" name="x" value="y"></form><script>document.getElementById('f').submit();</script></body></html>`;
  }
  return `<!doctype html><html><body><p id="done">sending</p><script>
    fetch(${t}, { method: 'POST', credentials: 'include', mode: 'no-cors' })
      .finally(() => { document.getElementById('done').textContent = 'sent'; });
  </script></body></html>`;
}

describe('cross-site requests in a browser', () => {
  const suite = browserSuite();
  let attacker: http.Server | undefined;
  let attackerUrl = '';
  beforeAll(async () => {
    attacker = http.createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(attackerPage(url.pathname.slice(1), url.searchParams.get('target') ?? ''));
    });
    await new Promise<void>((resolve) => attacker!.listen(0, '127.0.0.1', resolve));
    attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => attacker?.close(resolve));
  });

  it('refuses a form post and a credentialed fetch from another port with 403 AUTH_CROSS_ORIGIN_REFUSED; the app itself still suspends the peer', async () => {
    const page = suite.browser.page;
    await signInThroughPage(page, suite.web.url, 'admin', 'en');
    const admin = await ApiSession.signIn(suite.web.url, 'admin');
    const peerStatus = async () =>
      (await admin.call<{ items: { id: string; status: string }[] }>('GET', '/federation/peers')).items[0]!;
    const peer = await peerStatus();
    expect(peer.status).toBe('active');
    const target = `${suite.web.url}/api/federation/peers/${peer.id}/suspend`;

    const formAnswer = page.waitForResponse((r) => r.url() === target);
    await page.goto(`${attackerUrl}/form?target=${encodeURIComponent(target)}`);
    const form = await formAnswer;
    expect(form.status()).toBe(403);
    expect(((await form.json()) as { error: { code: string } }).error.code).toBe('AUTH_CROSS_ORIGIN_REFUSED');
    expect((await peerStatus()).status).toBe('active');

    const fetchAnswer = page.waitForResponse((r) => r.url() === target);
    await page.goto(`${attackerUrl}/fetch?target=${encodeURIComponent(target)}`);
    expect((await fetchAnswer).status()).toBe(403);
    await page.locator('#done', { hasText: 'sent' }).waitFor();
    expect((await peerStatus()).status).toBe('active');

    // The app's own page, with the same cookie: allowed.
    await page.goto(`${suite.web.url}/`);
    const own = await page.evaluate(async (url) => {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
        credentials: 'same-origin',
      });
      return res.status;
    }, `/api/federation/peers/${peer.id}/suspend`);
    expect(own).toBe(200);
    expect((await peerStatus()).status).toBe('suspended');
    await admin.call('POST', `/federation/peers/${peer.id}/resume`, {});
    expect((await peerStatus()).status).toBe('active');
  }, 120_000);
});
