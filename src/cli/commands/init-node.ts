// `crossline init`: create a data dir with its config, keys, database and a first administrator.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { openNodeContext } from '../../node.js';
import { createUser } from '../../services/user/create-user.js';
import { userCount } from '../../services/user/read-users.js';
import { configFrom, withNodeOptions, type NodeOptions } from '../options.js';

type InitOptions = NodeOptions & {
  nameEn?: string;
  nameZh?: string;
  country?: string;
  timeZone?: string;
  adminUser: string;
  adminPassword?: string;
};

export function registerInit(program: Command, setExit: (code: number) => void): void {
  withNodeOptions(program.command('init').description('create a node: config, keys, database, first admin'))
    .option('--name-en <name>', 'agency name in English')
    .option('--name-zh <name>', 'agency name in Chinese')
    .option('--country <cc>', 'ISO 3166 country code')
    .option('--time-zone <zone>', "the node's IANA time zone, e.g. Asia/Shanghai (server texts and PDF reports use it)")
    .option('--admin-user <name>', 'first administrator user name', 'admin')
    .option('--admin-password <pw>', 'first administrator password (default: generated and printed once)')
    .action(async (opts: InitOptions) => {
      const config = configFrom(opts);
      mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
      const file = path.join(config.dataDir, 'crossline.json');
      if (!existsSync(file)) {
        const settings = {
          nodeId: config.nodeId,
          nodeName: { en: opts.nameEn ?? config.nodeName.en, zh: opts.nameZh ?? config.nodeName.zh },
          country: (opts.country ?? config.country).toUpperCase(),
          timeZone: opts.timeZone ?? config.timeZone,
          port: config.port,
        };
        writeFileSync(file, `${JSON.stringify(settings, null, 2)}\n`, { mode: 0o600 });
      }
      const ctx = await openNodeContext(configFrom(opts, { logLevel: 'warn' }));
      try {
        if ((await userCount(ctx)) === 0) {
          const password = opts.adminPassword ?? randomBytes(12).toString('base64url');
          await createUser(
            ctx,
            { kind: 'system', partyId: ctx.config.nodeId },
            {
              username: opts.adminUser,
              displayName: 'Administrator',
              roles: ['admin'],
              password,
              locale: 'en',
              timeZone: 'UTC',
            },
          );
          process.stdout.write(`created administrator "${opts.adminUser}" with password: ${password}\n`);
        }
        process.stdout.write(
          `node ${ctx.config.nodeId} initialised in ${ctx.config.dataDir} (${ctx.db.store === 'embedded' ? 'embedded PostgreSQL' : 'external PostgreSQL'})\n`,
        );
        setExit(0);
      } finally {
        await ctx.db.close();
      }
    });
}
