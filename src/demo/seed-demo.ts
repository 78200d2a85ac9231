// Seeds one demo node with its users and realistic bilingual data, once (skipped when users exist).
import type { ServiceContext } from '../services/context.js';
import { createUser } from '../services/user/create-user.js';
import { countUsers } from '../storage/repositories/user.repository.js';
import { DEMO_PASSWORD, DEMO_USERS, type DemoParty } from './demo-parties.js';

export async function seedDemoNode(ctx: ServiceContext, party: DemoParty): Promise<boolean> {
  if ((await countUsers(ctx.db)) > 0) return false;
  const system = { kind: 'system', partyId: party.nodeId } as const;
  for (const u of DEMO_USERS) {
    await createUser(ctx, system, {
      username: u.username, displayName: party.locale === 'zh-CN' ? u.name.zh : u.name.en, roles: u.roles,
      password: DEMO_PASSWORD, locale: party.locale, timeZone: party.timeZone,
    });
  }
  return true;
}
