// Paging in the demo (issue 19): a local mail catcher (src/demo/mail-catcher.ts) stands in for the
// agencies' mail systems, every node sends its e-mail pages to it, and every demo user has an
// address `<username>@<node-id>.demo` for pages, so an emergency call placed by one node visibly
// pages the other's duty officer. The mails are kept as .eml files under `<data-dir>/mail`.
import path from 'node:path';
import type { ConfigInput } from '../config.js';
import { givePagingEmailIfUnset } from '../services/paging/paging-settings.js';
import type { ServiceContext } from '../services/context.js';
import { DEMO_USERS } from './demo-parties.js';
import { startMailCatcher, type MailCatcher } from './mail-catcher.js';

/** The catcher listens next to the nodes: `basePort + 25` (a free port when `basePort` is 0). */
export async function startDemoMailCatcher(dataDir: string, host: string, basePort: number): Promise<MailCatcher> {
  return startMailCatcher({ host, port: basePort === 0 ? 0 : basePort + 25, dir: path.join(dataDir, 'mail') });
}

/** Configuration overrides that send a node's e-mail pages to the catcher. */
export function demoSmtpConfig(mail: MailCatcher, nodeId: string): Partial<ConfigInput> {
  return {
    smtpHost: mail.host,
    smtpPort: mail.port,
    smtpSecurity: 'none',
    smtpFrom: `Crossline ${nodeId} <pages@${nodeId}.demo>`,
  };
}

/** Gives each demo user who has not set up paging an e-mail address for pages (idempotent). */
export async function ensureDemoPaging(ctx: ServiceContext, nodeId: string): Promise<void> {
  for (const u of DEMO_USERS) await givePagingEmailIfUnset(ctx, u.username, `${u.username}@${nodeId}.demo`);
}
