// `crossline users add|list`: manage users from the command line (e.g. before the first start).
import { randomBytes } from 'node:crypto';
import type { Command } from 'commander';
import { ROLES, type Role } from '../../domain/shared/roles.js';
import { ZCreateUserSchema } from '../../domain/user/schemas.js';
import { AppError } from '../../errors.js';
import { openNodeContext } from '../../node.js';
import { createUser } from '../../services/user/create-user.js';
import { listAllUsers } from '../../services/user/read-users.js';
import { configFrom, withNodeOptions, type NodeOptions } from '../options.js';

type AddOptions = NodeOptions & {
  role: string[];
  name?: string;
  email?: string;
  password?: string;
  locale: string;
  timeZone: string;
};

export function registerUsers(program: Command, setExit: (code: number) => void): void {
  const users = program.command('users').description('manage users');
  withNodeOptions(users.command('add <username>').description('create a user'))
    .option(
      '--role <role>',
      `role, repeatable (${ROLES.join(', ')})`,
      (v: string, acc: string[]) => [...acc, v],
      [] as string[],
    )
    .option('--name <display>', 'display name')
    .option('--email <email>', 'e-mail address')
    .option('--password <pw>', 'password (default: generated and printed once)')
    .option('--locale <locale>', 'en or zh-CN', 'en')
    .option('--time-zone <tz>', 'IANA time zone', 'UTC')
    .action(async (username: string, opts: AddOptions) => {
      const password = opts.password ?? randomBytes(12).toString('base64url');
      const parsed = ZCreateUserSchema.safeParse({
        username,
        displayName: opts.name ?? username,
        email: opts.email,
        roles: opts.role.length ? opts.role : ['read_only'],
        password,
        locale: opts.locale,
        timeZone: opts.timeZone,
      });
      if (!parsed.success) {
        throw new AppError('INVALID_INPUT', {
          issues: parsed.error.issues.map((i) => ({
            path: i.path.join('.'),
            code: i.code,
            message: { en: i.message, zh: `无效：${i.message}` },
          })),
        });
      }
      const ctx = await openNodeContext(configFrom(opts, { logLevel: 'warn' }));
      try {
        const user = await createUser(ctx, { kind: 'system', partyId: ctx.config.nodeId }, parsed.data);
        process.stdout.write(
          `created user ${user.username} (${user.roles.join(', ')})${opts.password ? '' : ` with password: ${password}`}\n`,
        );
        setExit(0);
      } finally {
        await ctx.db.close();
      }
    });
  withNodeOptions(users.command('list').description('list users')).action(async (opts: NodeOptions) => {
    const ctx = await openNodeContext(configFrom(opts, { logLevel: 'warn' }));
    try {
      for (const u of await listAllUsers(ctx)) {
        process.stdout.write(
          `${u.username}\t${(u.roles as Role[]).join(',')}\t${u.disabled ? 'disabled' : 'active'}\t${u.displayName}\n`,
        );
      }
      setExit(0);
    } finally {
      await ctx.db.close();
    }
  });
}
