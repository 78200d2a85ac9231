// Tells this node's officers about a step the other party took on a request (or a new request it
// sent), in the transaction that applies it: the duty role (points of contact) once, and each user
// who created or worked on the request and is not already reached through that role.
import { peerStepNotice, type RequestAction, type RequestRecord } from '../../domain/request/index.js';
import type { PeerActor } from '../../domain/shared/actor.js';
import type { Queryable } from '../../storage/db.js';
import { findPeer } from '../../storage/repositories/peer.repository.js';
import type { ServiceContext } from '../context.js';
import { markExerciseNotice } from '../notification/exercise-notice.js';
import { notify, type NotifyInput } from '../notification/notify.js';
import { requestPeople } from './request-people.js';
import { REQUEST_SUBJECT } from './request-support.js';

export async function noticePeerStep(
  tx: Queryable,
  ctx: ServiceContext,
  r: RequestRecord,
  step: RequestAction | 'received',
  params: Record<string, unknown>,
  peer: PeerActor,
  now: Date,
): Promise<void> {
  const party = (await findPeer(tx, peer.partyId))?.name ?? { en: peer.partyId, zh: peer.partyId };
  const n = peerStepNotice(r, step, params, party);
  const send = (to: NotifyInput['to']) =>
    notify(
      tx,
      markExerciseNotice(
        {
          to,
          kind: n.kind,
          subjectType: REQUEST_SUBJECT,
          subjectId: r.id,
          title: n.title,
          body: n.body,
          severity: n.severity,
        },
        r.exerciseId,
      ),
      now,
    );
  await send({ role: 'point_of_contact' });
  for (const u of await requestPeople(tx, ctx.config.nodeId, r)) {
    if (!u.roles.includes('point_of_contact')) await send({ userId: u.id });
  }
}
