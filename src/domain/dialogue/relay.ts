// Who did a dialogue change and when: the signed-in user, or the person a peer node names when
// it mirrors a change made on its side (the peer's own timestamp keeps both copies in step).
import { validationError } from '../../errors.js';
import type { Actor } from '../shared/actor.js';
import { actorLabel } from '../shared/actor.js';
import { issue } from '../shared/bilingual.js';
import { iso } from '../shared/time.js';
import type { RelayParams } from './types.js';
import { isIsoInstant } from './validation.js';

export function performedBy(actor: Actor, params: RelayParams, now: Date): { by: string; at: string } {
  if (actor.kind !== 'peer') return { by: actorLabel(actor), at: iso(now) };
  const by = params.relayedBy?.trim();
  const issues = [];
  if (!by)
    issues.push(
      issue(
        'relayedBy',
        'required',
        'A relayed change must name the person who made it.',
        '转发的变更必须注明操作人。',
      ),
    );
  if (params.relayedAt != null && !isIsoInstant(params.relayedAt)) {
    issues.push(issue('relayedAt', 'invalid_instant', 'Not a valid time.', '时间无效。'));
  }
  if (issues.length > 0) throw validationError(issues, 'DIALOGUE_VALIDATION_FAILED');
  return { by: by!, at: params.relayedAt != null ? iso(params.relayedAt) : iso(now) };
}
