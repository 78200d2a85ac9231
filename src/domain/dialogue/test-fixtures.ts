// Builders shared by this area's tests (not exported from index.ts).
import type { PeerActor, SystemActor, UserActor } from '../shared/actor.js';
import type { Role } from '../shared/roles.js';
import { createActionItem } from './action-item.js';
import { createMeeting } from './meeting.js';
import type { ActionItem, Meeting } from './types.js';
import type { ActionItemInput, MeetingInput } from './validation.js';

export const CN = 'cn-mps';
export const US = 'us-doj';
export const EU = 'eu-europol';
export const T0 = new Date('2025-05-01T00:00:00.000Z');

export function user(partyId: string, roles: Role[], name = `${roles[0] ?? 'nobody'}@${partyId}`): UserActor {
  return { kind: 'user', userId: `${name}-id`, name, roles, partyId };
}
export const peer = (partyId: string): PeerActor => ({ kind: 'peer', partyId });
export const system = (partyId: string): SystemActor => ({ kind: 'system', partyId });

export const cnSupervisor = user(CN, ['supervisor'], '张处长');
export const usPoc = user(US, ['point_of_contact'], 'Jane Doe');

export function meetingInput(over: Partial<MeetingInput> = {}): MeetingInput {
  return {
    title: { en: 'Fourth working group on cybercrime', zh: '第四次打击网络犯罪工作组会议' },
    kind: 'working_group',
    startsAt: '2025-06-10T01:00:00.000Z',
    endsAt: '2025-06-10T09:00:00.000Z',
    location: 'Beijing',
    parties: [CN, US],
    participants: [
      { party: CN, name: '张处长', title: '处长' },
      { party: US, name: 'Jane Doe', title: 'Deputy Assistant Attorney General' },
    ],
    agenda: [{ en: 'Online fraud cases', zh: '网络诈骗案件' }],
    ...over,
  };
}

export function plannedMeeting(over: Partial<MeetingInput> = {}): Meeting {
  return createMeeting(meetingInput(over), cnSupervisor, T0, { id: 'm1' }).record;
}

export function meetingIn(status: Meeting['status'], over: Partial<Meeting> = {}): Meeting {
  return { ...plannedMeeting(), status, ...over };
}

export function itemInput(over: Partial<ActionItemInput> = {}): ActionItemInput {
  return {
    title: { en: 'Share list of fraud call-centre domains', zh: '提供诈骗呼叫中心域名清单' },
    ownerParty: US,
    ownerName: 'Jane Doe',
    dueDate: '2025-07-31',
    ...over,
  };
}

export const AFTER = new Date('2025-06-11T00:00:00.000Z');

export function openItem(over: Partial<ActionItemInput> = {}): ActionItem {
  return createActionItem(meetingIn('held'), itemInput(over), cnSupervisor, AFTER, { id: 'a1' }).record;
}

export function itemIn(status: ActionItem['status'], over: Partial<ActionItem> = {}): ActionItem {
  return { ...openItem(), status, ...over };
}
