// Records that make the layout check mean something: an officer with a long name, urgent calls with
// long messages and several requests with long subjects, all sent from the US node to the Chinese
// one so they land in its inbox and hotline list awaiting acknowledgement.
import { DEMO_PASSWORD } from '../../../src/demo/demo-parties.js';
import { ApiSession, eventually } from './demo-data.js';

/** The Chinese node's officer the layout check signs in as: point of contact and supervisor, long name. */
export const LAYOUT_USER = 'layout.officer';
export const LAYOUT_USER_NAME = 'Alexandra Konstantinopoulou-Featherstonehaugh 欧阳建国';

const LONG_SUBJECT = {
  en: 'Preserve every mailbox, cloud drive and payment account used by the cross-border investment-fraud ring operating under the names "Golden Harvest Capital" and "Silk Road Wealth Partners"',
  zh: '保全跨境投资诈骗团伙以“金色丰收资本”和“丝路财富合伙人”名义使用的全部邮箱、云盘和支付账户数据',
};

function requestBody(i: number, urgency: 'routine' | 'urgent' | 'emergency') {
  return {
    type: 'preservation',
    requestedParty: 'cn-demo',
    caseRef: `US-FBI-2026-LAYOUT-${String(i).padStart(4, '0')}`,
    subject:
      i === 0 ? LONG_SUBJECT : { en: `Preserve the account records of suspect ${i}`, zh: `保全嫌疑人${i}的账户记录` },
    crimeCategory: 'online_fraud',
    facts:
      'Victims in Ohio and Texas transferred funds after instructions sent from these accounts between 1 and 20 March 2026; the losses exceed USD 4.2 million and the accounts are still active.',
    dataRequested: 'All stored content, subscriber records and login IP logs of the accounts listed.',
    identifiers: [
      {
        kind: 'email',
        value: `very.long.mailbox.name.used.by.the.ring.${i}@an-unusually-long-provider-domain.example.com`,
        from: '2026-03-01T00:00:00-05:00',
        to: '2026-03-20T23:59:59-05:00',
        timeZone: 'America/New_York',
        service: 'Example Mail',
      },
    ],
    legalBasis: 'coe_budapest_art29',
    urgency,
    confidentiality: 'confidential',
    contactOfficer: {
      name: 'Special Agent Jordan Maximilian Miles-Featherstonehaugh',
      email: 'jordan.miles@us-demo.example',
      phone: '+1 202 555 0100',
    },
    details: {
      preservation: {
        dataToPreserve: 'Mailbox content, subscriber information, IP logs',
        provider: 'Example Mail Inc.',
      },
    },
  };
}

const LONG_MESSAGE =
  'Funds from a pig-butchering scheme are moving right now from account 6222 0212 3456 7890 at a Shanghai bank to three ' +
  'crypto exchanges; the victim is a 71-year-old in Ohio. Please call back at once to discuss an emergency freeze.';

export type LayoutData = { requestIds: string[]; callIds: string[] };

/** Creates the layout officer on the Chinese node and the incoming work from the US node; waits until it arrived. */
export async function seedLayoutData(cnBase: string, usBase: string): Promise<LayoutData> {
  const admin = await ApiSession.signIn(cnBase, 'admin');
  await admin.call('POST', '/users', {
    username: LAYOUT_USER,
    displayName: LAYOUT_USER_NAME,
    roles: ['point_of_contact', 'supervisor'],
    password: DEMO_PASSWORD,
    locale: 'en',
    timeZone: 'Asia/Shanghai',
  });
  const usInvestigator = await ApiSession.signIn(usBase, 'investigator');
  const requestIds: string[] = [];
  for (const [i, urgency] of (['emergency', 'urgent', 'routine'] as const).entries()) {
    const draft = await usInvestigator.call<{ id: string }>('POST', '/requests', requestBody(i, urgency));
    await usInvestigator.call('POST', `/requests/${draft.id}/actions`, { action: 'submit' });
    requestIds.push(draft.id);
  }
  const usDuty = await ApiSession.signIn(usBase, 'duty');
  const callIds: string[] = [];
  for (const urgency of ['urgent', 'emergency'] as const) {
    const call = await usDuty.call<{ id: string }>('POST', '/calls', {
      toParty: 'cn-demo',
      topic: 'online_fraud_funds_in_transit',
      urgency,
      language: 'en',
      message: LONG_MESSAGE,
      callback: {
        name: 'Special Agent Jordan Maximilian Miles-Featherstonehaugh',
        phone: '+1 202 555 0100',
        email: 'jordan.miles@us-demo.example',
        timeZone: 'America/New_York',
      },
    });
    callIds.push(call.id);
  }
  const cn = await ApiSession.signIn(cnBase, LAYOUT_USER);
  await eventually(async () => {
    const [requests, calls] = await Promise.all([
      cn.call<{ items: { id: string }[] }>('GET', '/requests?direction=incoming&limit=200'),
      cn.call<{ items: { id: string }[] }>('GET', '/calls?direction=incoming&limit=200'),
    ]);
    return (
      requestIds.every((id) => requests.items.some((r) => r.id === id)) &&
      callIds.every((id) => calls.items.some((c) => c.id === id))
    );
  }, 'the layout records on the Chinese node');
  return { requestIds, callIds };
}
