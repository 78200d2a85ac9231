// Seeds the demo federation once (skipped when the first node already has users): users on every
// node, then work that really flows between the nodes through the federation.
import type { UserActor } from '../domain/shared/actor.js';
import type { ServiceContext } from '../services/context.js';
import { toActor } from '../services/user/authenticate.js';
import { createUser } from '../services/user/create-user.js';
import { findUserNamed, userCount } from '../services/user/read-users.js';
import { DEMO_PASSWORD, DEMO_USERS, type DemoParty, type DemoUsername } from './demo-parties.js';
import type { DemoNode } from './start-demo-federation.js';
import { seedWorkload } from './seed-workload.js';
import { seedDemoKnowledge } from './demo-knowledge.js';
import { seedDemoExercise } from './demo-exercise.js';
import { seedDemoPublicReports } from './demo-public-reports.js';

export type DemoActors = Record<DemoUsername, UserActor>;
export type SeededNode = { party: DemoParty; ctx: ServiceContext; as: DemoActors };

export async function seedDemoUsers(ctx: ServiceContext, party: DemoParty): Promise<DemoActors> {
  const system = { kind: 'system', partyId: party.nodeId } as const;
  const actors = {} as DemoActors;
  for (const u of DEMO_USERS) {
    await createUser(ctx, system, {
      username: u.username,
      displayName: party.locale === 'zh-CN' ? u.name.zh : u.name.en,
      roles: u.roles,
      password: DEMO_PASSWORD,
      locale: party.locale,
      timeZone: party.timeZone,
    });
    actors[u.username] = toActor((await findUserNamed(ctx, u.username))!, party.nodeId);
  }
  return actors;
}

/**
 * Users go on every node that has none (a third party can join a demo started with two); the
 * workload is created once, on the first run.
 */
export async function seedDemoFederation(nodes: readonly DemoNode[]): Promise<boolean> {
  const fresh = (await userCount(nodes[0]!.node.ctx)) === 0;
  const seeded: SeededNode[] = [];
  for (const { party, node } of nodes) {
    if ((await userCount(node.ctx)) === 0)
      seeded.push({ party, ctx: node.ctx, as: await seedDemoUsers(node.ctx, party) });
  }
  if (fresh) await seedWorkload(seeded);
  if (fresh) await seedDemoKnowledge(seeded);
  if (fresh) await seedDemoExercise(seeded);
  if (fresh) await seedDemoPublicReports(seeded);
  return fresh;
}
