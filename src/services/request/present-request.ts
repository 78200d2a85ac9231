// What a viewer sees of a request: the record's own fields, its live clock status, the actions
// this viewer may take, and whether the counterpart's steps are recorded here (off-federation).
import {
  allowedActions, evaluateClocks, type ClockStatus, type RequestAction, type RequestRecord,
} from '../../domain/request/index.js';
import type { Actor } from '../../domain/shared/actor.js';
import type { ServiceContext } from '../context.js';
import { requestClockPolicy } from './request-support.js';

export type PresentedRequest = RequestRecord & {
  direction: 'outgoing' | 'incoming';
  clock: ClockStatus;
  allowedActions: RequestAction[];
};

export function presentRequest(ctx: ServiceContext, r: RequestRecord, viewer: Actor, now: Date): PresentedRequest {
  const clockPolicy = requestClockPolicy(ctx);
  return {
    ...r,
    direction: r.requestingParty === ctx.config.nodeId ? 'outgoing' : 'incoming',
    clock: evaluateClocks(r, now, { clockPolicy }),
    allowedActions: allowedActions(r, viewer, now, { clockPolicy }),
  };
}
