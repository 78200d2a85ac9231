// The setup every browser suite shares: Chromium first (without it the suite fails at once, before
// a node is started), then the demo federation the pages are served from; both stopped after.
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser, type Browser } from './browser.js';
import { startWebNode, type WebNode } from './web-node.js';

export type BrowserSuite = { readonly browser: Browser; readonly web: WebNode };

/** Registers the suite's hooks; read `browser` and `web` inside tests and later hooks only. */
export function browserSuite(setupTimeoutMs = 300_000): BrowserSuite {
  let browser: Browser | undefined;
  let web: WebNode | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
    web = await startWebNode();
  }, setupTimeoutMs);
  afterAll(async () => {
    await browser?.close();
    await web?.stop();
  });
  const ready = <T>(value: T | undefined, what: string): T => {
    if (!value) throw new Error(`${what} is not ready: read it inside a test or a later hook`);
    return value;
  };
  return {
    get browser() {
      return ready(browser, 'the browser');
    },
    get web() {
      return ready(web, 'the demo node');
    },
  };
}
