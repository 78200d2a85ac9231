// Seeds a demo node with its users and a realistic bilingual workload, once (skipped when users exist).
// Everything goes through the same use cases as the API, so the demo data is audited like real work.
import type { UserActor } from '../domain/shared/actor.js';
import type { ServiceContext } from '../services/context.js';
import { toActor } from '../services/user/authenticate.js';
import { createUser } from '../services/user/create-user.js';
import { countUsers, findUserByUsername } from '../storage/repositories/user.repository.js';
import { DEMO_PASSWORD, DEMO_USERS, type DemoParty, type DemoUsername } from './demo-parties.js';
import { seedChinaWorkload } from './seed-workload.js';

export type DemoActors = Record<DemoUsername, UserActor>;

export async function seedDemoNode(ctx: ServiceContext, party: DemoParty, counterpart: string): Promise<boolean> {
  if ((await countUsers(ctx.db)) > 0) return false;
  const system = { kind: 'system', partyId: party.nodeId } as const;
  for (const u of DEMO_USERS) {
    await createUser(ctx, system, {
      username: u.username, displayName: party.locale === 'zh-CN' ? u.name.zh : u.name.en, roles: u.roles,
      password: DEMO_PASSWORD, locale: party.locale, timeZone: party.timeZone,
    });
  }
  const actors = {} as DemoActors;
  for (const u of DEMO_USERS) actors[u.username] = toActor((await findUserByUsername(ctx.db, u.username))!, party.nodeId);
  if (party.country === 'CN') await seedChinaWorkload(ctx, actors, counterpart);
  return true;
}
