// Who sees what of correlation (docs/spec.md §4.5): an alert only when the viewer may see both sources.
import type { UserActor } from '../../domain/shared/actor.js';
import { rolesHave } from '../../domain/user/permissions.js';
import type { AlertVisibility } from '../../storage/repositories/observable-index.repository.js';

export function alertVisibilityOf(actor: UserActor): AlertVisibility {
  return {
    userId: actor.userId,
    canRequest: rolesHave(actor.roles, 'request:read'),
    canReport: rolesHave(actor.roles, 'triage:read'),
    canIntel: rolesHave(actor.roles, 'intel:read'),
  };
}
