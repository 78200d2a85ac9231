// Shapes of the federation admin API (/api/federation/...), generated from the node's OpenAPI document
// (src/http/routes/federation/federation.response.ts).
import type { components } from '../../api/generated/api';

type S = components['schemas'];

export type NodeCardView = S['OwnNodeCard'];
export type PeerCardPreview = S['PeerCardPreview'];
export type PeerHealth = S['PeerHealth'];
export type PeerStatus = S['PeerStatus'];
/** An outbound message as the outbox lists it; `reason` explains a peer's refusal code when known. */
export type OutboxMessage = S['OutboxMessage'];
/** An inbound message this node refused for its content, kept for an administrator. */
export type DeadLetter = S['DeadLetter'];
/** The membership directory this node holds: members with their peer's health, and each version applied with what changed. */
export type DirectoryView = S['Directory'];
export type DirectoryMember = S['DirectoryMember'];
export type DirectoryDiff = S['DirectoryDiff'];
