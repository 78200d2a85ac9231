// The federation's parties as people name them: this node and its peers, by name in both
// languages and country. Pickers offer the active ones; every page names a party through it, and
// server messages that name a peer take its name from here too (an unknown id stays as it is).
import type { Bilingual } from '../../error-types.js';
import type { Queryable } from '../../storage/db.js';
import { listPeers } from '../../storage/repositories/peer.repository.js';
import type { ServiceContext } from '../context.js';

export type PartyView = {
  id: string;
  name: Bilingual;
  country: string;
  /** This node itself. */
  self: boolean;
  /** Can be written to now: this node, or a peer that is not suspended. */
  active: boolean;
};

/** This node first, then the peers by id. */
export async function listParties(ctx: Pick<ServiceContext, 'config'>, db: Queryable): Promise<PartyView[]> {
  const own: PartyView = {
    id: ctx.config.nodeId,
    name: { ...ctx.config.nodeName },
    country: ctx.config.country,
    self: true,
    active: true,
  };
  const peers = (await listPeers(db))
    .filter((p) => p.id !== own.id)
    .map((p): PartyView => ({
      id: p.id,
      name: { en: p.name.en, zh: p.name.zh },
      country: p.country,
      self: false,
      active: p.status === 'active',
    }));
  return [own, ...peers];
}

export type PartyNames = (id: string) => Bilingual;

/** A lookup of party names for texts this node writes (notifications, reports); unknown ids name themselves. */
export async function partyNames(ctx: Pick<ServiceContext, 'config'>, db: Queryable): Promise<PartyNames> {
  const byId = new Map((await listParties(ctx, db)).map((p) => [p.id, p.name]));
  return (id) => {
    const name = byId.get(id);
    return name ? { en: name.en || id, zh: name.zh || name.en || id } : { en: id, zh: id };
  };
}
