// Whether something a peer sent (or a peering) is here yet, for callers that wait on the federation
// without a user to act as: the demo's seeding waits for each step to reach the other node.
import type { RequestStatus } from '../../domain/request/index.js';
import { findCall } from '../../storage/repositories/call.repository.js';
import { findPeer } from '../../storage/repositories/peer.repository.js';
import { findRequest } from '../../storage/repositories/request.repository.js';
import type { ServiceContext } from '../context.js';

/** The request's status on this node, or null while it has not arrived. */
export async function requestStatusHere(ctx: ServiceContext, id: string): Promise<RequestStatus | null> {
  return (await findRequest(ctx.db, id))?.status ?? null;
}

export async function callIsHere(ctx: ServiceContext, id: string): Promise<boolean> {
  return (await findCall(ctx.db, id)) !== null;
}

/** True once `peerId` is in this node's peer list (in any status). */
export async function hasPeer(ctx: ServiceContext, peerId: string): Promise<boolean> {
  return (await findPeer(ctx.db, peerId)) !== null;
}
