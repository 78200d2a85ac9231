// A local mail catcher for the demo and tests: an in-process SMTP server (npm smtp-server) that
// accepts every message and keeps it — in memory and, when a directory is given, as one .eml file
// per message — so pages sent by e-mail can be read without a real mail system. Never for production:
// it accepts mail for anyone.
import { mkdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';

export type CaughtMail = { from: string; to: string[]; raw: Buffer; receivedAt: Date; file: string | null };

export type MailCatcher = {
  host: string;
  port: number;
  /** Where each message is written as an .eml file (null: memory only). */
  dir: string | null;
  mails: CaughtMail[];
  /** Resolves when `count` messages in all have arrived (or rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<CaughtMail[]>;
  close(): Promise<void>;
};

export type MailCatcherOptions = {
  host?: string;
  port?: number;
  dir?: string;
  /** Require SMTP AUTH with this user and password. */
  auth?: { user: string; pass: string };
  /** Offer STARTTLS with this key and certificate (PEM); without it STARTTLS is not offered. */
  tls?: { key: string; cert: string };
};

export async function startMailCatcher(options: MailCatcherOptions = {}): Promise<MailCatcher> {
  const mails: CaughtMail[] = [];
  const waiters: (() => void)[] = [];
  if (options.dir) mkdirSync(options.dir, { recursive: true });
  const server = new SMTPServer({
    logger: false,
    secure: false,
    authOptional: !options.auth,
    allowInsecureAuth: !options.tls,
    disabledCommands: options.tls ? [] : ['STARTTLS'],
    ...(options.tls ? { key: options.tls.key, cert: options.tls.cert } : {}),
    onAuth(auth, _session, callback) {
      if (options.auth && auth.username === options.auth.user && auth.password === options.auth.pass)
        callback(null, { user: auth.username });
      else callback(new Error('Invalid username or password'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const receivedAt = new Date();
        const raw = Buffer.concat(chunks);
        let file: string | null = null;
        if (options.dir) {
          file = path.join(options.dir, `${receivedAt.toISOString().replace(/[:.]/g, '-')}-${mails.length + 1}.eml`);
          writeFileSync(file, raw);
        }
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
          receivedAt,
          file,
        });
        for (const w of waiters.splice(0)) w();
        callback();
      });
    },
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  // A catcher never keeps a process alive on its own (tests and the demo stop it, or simply exit).
  server.server.unref();
  return {
    host,
    port,
    dir: options.dir ?? null,
    mails,
    waitFor(count, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`expected ${count} mails, got ${mails.length}`)), timeoutMs);
        const check = () => {
          if (mails.length >= count) {
            clearTimeout(timer);
            resolve(mails.slice());
          } else waiters.push(check);
        };
        check();
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
