// Who may do what in the dialogue mechanism: one declarative table, read by canDialogue.
import { AppError } from '../../errors.js';
import type { Actor } from '../shared/actor.js';
import type { Role } from '../shared/roles.js';
import { ROLES } from '../shared/roles.js';

export type DialoguePolicyAction =
  | 'view'
  | 'create_meeting'
  | 'update_meeting'
  | 'mark_held'
  | 'agree_minutes'
  | 'cancel_meeting'
  | 'record_outcome'
  | 'amend_outcome'
  | 'create_action_item'
  | 'update_action_item'
  | 'start_action_item'
  | 'complete_action_item'
  | 'drop_action_item'
  | 'reopen_action_item'
  | 'note_action_item';

/** parties: the actor's party takes part in the record; owner: the actor's party owns the item. */
type Scope = 'parties' | 'owner';
type Rule = { roles: readonly Role[]; scope: Scope };

/** The people who speak for their agency in the mechanism. */
export const DIALOGUE_EDITORS: readonly Role[] = ['supervisor', 'admin', 'point_of_contact'];
const edit: Rule = { roles: DIALOGUE_EDITORS, scope: 'parties' };
/** Progress on a commitment is reported by the party that owes it. */
const own: Rule = { roles: DIALOGUE_EDITORS, scope: 'owner' };

export const DIALOGUE_POLICY: Readonly<Record<DialoguePolicyAction, Rule>> = {
  view: { roles: ROLES, scope: 'parties' },
  create_meeting: edit,
  update_meeting: edit,
  mark_held: edit,
  agree_minutes: edit,
  cancel_meeting: edit,
  record_outcome: edit,
  amend_outcome: edit,
  create_action_item: edit,
  update_action_item: edit,
  start_action_item: own,
  complete_action_item: own,
  // Dropping or reopening a shared commitment may come from either side (e.g. the counterpart
  // finds an item was not in fact done), so any taking-part party may do it.
  drop_action_item: edit,
  reopen_action_item: edit,
  note_action_item: edit,
};

export type DialogueScopeRecord = { parties: readonly string[]; ownerParty?: string };

/**
 * Users need an editor role (any role to view) and the right party; a peer may mirror what its
 * own side did; the node's automation never edits dialogue records. Without a record, roles only.
 */
export function canDialogue(actor: Actor, action: DialoguePolicyAction, record?: DialogueScopeRecord): boolean {
  const rule = DIALOGUE_POLICY[action];
  if (record) {
    const inScope =
      rule.scope === 'owner' ? actor.partyId === record.ownerParty : record.parties.includes(actor.partyId);
    if (!inScope) return false;
  }
  if (actor.kind === 'user') return actor.roles.some((r) => rule.roles.includes(r));
  if (actor.kind === 'peer') return record !== undefined;
  return false;
}

export function requireDialogueAccess(actor: Actor, action: DialoguePolicyAction, record?: DialogueScopeRecord): void {
  if (!canDialogue(actor, action, record)) {
    throw new AppError('DIALOGUE_FORBIDDEN', { details: { action, actorKind: actor.kind, partyId: actor.partyId } });
  }
}
