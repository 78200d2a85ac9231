// Who is acting: a signed-in user of this node, or a peer node acting through the federation.
import type { Role } from './roles.js';

export type UserActor = {
  kind: 'user';
  userId: string;
  /** Display name, copied into audit entries and timelines. */
  name: string;
  roles: readonly Role[];
  /** Node (party) id of the user's own node. */
  partyId: string;
};

/** A peer node acting through the federation; `name` is the officer who acted on that node, when known. */
export type PeerActor = { kind: 'peer'; partyId: string; name?: string };

export type SystemActor = { kind: 'system'; partyId: string };

export type Actor = UserActor | PeerActor | SystemActor;

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return actor.kind === 'user' && actor.roles.some((r) => roles.includes(r));
}

export function actorLabel(actor: Actor): string {
  if (actor.kind === 'user') return actor.name;
  if (actor.kind === 'peer') return actor.name ? `${actor.name} (${actor.partyId})` : `peer:${actor.partyId}`;
  return 'system';
}
