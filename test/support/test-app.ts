// An HTTP app on a test context, with helpers to create users and sign in.
import { buildApp, type App } from '../../src/http/app.js';
import type { Role } from '../../src/domain/shared/roles.js';
import { createUser } from '../../src/services/user/create-user.js';
import { login } from '../../src/services/user/login.js';
import { createTestContext, type StoreKind, type TestContext } from './test-context.js';

export type TestApp = TestContext & {
  app: App;
  /** Creates a user with these roles and returns a session token for it. */
  userWith(roles: Role[], username?: string): Promise<{ token: string; userId: string; username: string }>;
  close(): Promise<void>;
};

export const TEST_PASSWORD = 'correct horse battery staple';
let counter = 0;

export async function createTestApp(
  kind: StoreKind,
  overrides: Parameters<typeof createTestContext>[1] = {},
): Promise<TestApp> {
  const tc = await createTestContext(kind, overrides);
  const app = await buildApp({ ctx: tc.ctx });
  await app.ready();
  return {
    ...tc,
    app,
    async userWith(roles, username) {
      counter += 1;
      const name = username ?? `${roles.join('-').replace(/_/g, '-')}-${counter}`;
      const user = await createUser(
        tc.ctx,
        { kind: 'system', partyId: tc.ctx.config.nodeId },
        {
          username: name,
          displayName: `Test ${name}`,
          roles,
          password: TEST_PASSWORD,
          locale: 'en',
          timeZone: 'UTC',
        },
      );
      const session = await login(tc.ctx, { username: name, password: TEST_PASSWORD });
      return { token: session.token, userId: user.id, username: name };
    },
    async close() {
      await app.close();
      await tc.cleanup();
    },
  };
}

export function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}
