// Builders shared by this area's tests (not exported from index.ts).
import type { PeerActor, SystemActor, UserActor } from '../shared/actor.js';
import type { Role } from '../shared/roles.js';
import { placeCall } from './place-call.js';
import type { CallRecord } from './types.js';
import type { NewCallInput } from './validation.js';

export const CN = 'cn-mps';
export const US = 'us-fbi';
export const T0 = new Date('2025-06-01T10:00:00.000Z');

export function user(partyId: string, roles: Role[], name = `${roles[0] ?? 'nobody'}@${partyId}`): UserActor {
  return { kind: 'user', userId: `${name}-id`, name, roles, partyId };
}
export const peer = (partyId: string): PeerActor => ({ kind: 'peer', partyId });
export const system = (partyId: string): SystemActor => ({ kind: 'system', partyId });

/** US calls CN: US is the caller, CN the receiver. */
export const callerPoc = user(US, ['point_of_contact'], 'Agent Smith');
export const receiverPoc = user(CN, ['point_of_contact'], '王警官');
export const receiverSupervisor = user(CN, ['supervisor'], '李主管');

export function newCallInput(over: Partial<NewCallInput> = {}): NewCallInput {
  return {
    fromParty: US,
    toParty: CN,
    topic: 'emergency_threat_to_life',
    urgency: 'emergency',
    message: 'Suicide threat posted on a Weibo account; need subscriber details now.',
    language: 'en',
    callback: {
      name: 'Agent Smith',
      phone: '+1 202 555 0100',
      email: 'smith@example.gov',
      timeZone: 'America/New_York',
    },
    ...over,
  };
}

export function placedCall(over: Partial<NewCallInput> = {}, now: Date = T0): CallRecord {
  return placeCall(newCallInput(over), callerPoc, now, { id: 'call-1', reference: 'US-CALL-2025-0001' }).record;
}

export function callIn(status: CallRecord['status'], over: Partial<CallRecord> = {}): CallRecord {
  return { ...placedCall(), status, ...over };
}
