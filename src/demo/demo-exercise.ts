// The sample tabletop exercise of the demo (docs/spec.md §7.2): "Ransomware on a hospital", seeded as a
// draft scenario on the first node that its supervisor can start from /exercises.
import type { TScenarioInput } from '../domain/exercise/index.js';
import { createScenario } from '../services/exercise/create-scenario.js';
import type { SeededNode } from './seed-demo.js';

export function hospitalRansomwareScenario(director: string, participant: string): TScenarioInput {
  return {
    title: { en: 'Ransomware on a hospital', zh: '医院遭勒索软件攻击' },
    briefing: {
      en:
        'At 03:00 a regional hospital finds its patient systems encrypted. The ransom note points to infrastructure abroad. ' +
        'Practise the emergency hotline and a preservation request under time pressure.',
      zh: '凌晨 3 点，一家地区医院发现病患系统被加密，勒索信指向境外基础设施。请在时间压力下演练紧急热线和数据保全请求。',
    },
    participants: [participant],
    injects: [
      {
        kind: 'call',
        offsetMinutes: 0,
        party: participant,
        urgency: 'emergency',
        topic: 'ransomware_incident',
        title: { en: 'Emergency call: ransomware on a hospital', zh: '紧急呼叫：医院遭勒索软件攻击' },
        text: {
          en: 'Hospital patient systems encrypted; the ransom note names a server hosted in your country. Please acknowledge and call back.',
          zh: '医院病患系统被加密，勒索信指向贵国境内托管的服务器。请确认并回电。',
        },
        callback: { name: 'Exercise duty desk', phone: '+86 10 5555 0101', email: null, timeZone: 'Asia/Shanghai' },
      },
      {
        kind: 'info',
        offsetMinutes: 10,
        party: participant,
        title: { en: 'Situation update', zh: '态势通报' },
        text: {
          en: 'Ambulances are being diverted; the gang threatens to publish patient data in 48 hours.',
          zh: '救护车已被分流；犯罪团伙威胁在 48 小时内公开病患数据。',
        },
      },
      {
        kind: 'request',
        offsetMinutes: 20,
        party: participant,
        title: { en: 'Preservation request for the ransom contact accounts', zh: '对勒索联系账户的保全请求' },
        request: {
          type: 'preservation',
          urgency: 'urgent',
          confidentiality: 'confidential',
          caseRef: `${director.toUpperCase()}-EX-0001`,
          subject: { en: 'Preserve the mailbox named in the ransom note', zh: '保全勒索信所列邮箱' },
          crimeCategory: 'ransomware',
          facts:
            'A hospital was encrypted; the ransom note asks victims to write to this mailbox to negotiate payment.',
          dataRequested: 'Mailbox content, subscriber records and login IP logs.',
          identifiers: [{ kind: 'email', value: 'decrypt.help@example.com', service: 'Example Mail' }],
          legalBasis: 'coe_budapest_art29',
          contactOfficer: { name: 'Exercise desk', email: 'exercise.desk@example.gov', phone: '+86 10 5555 0101' },
          details: {
            preservation: {
              dataToPreserve: 'Mailbox content, subscriber information, IP logs',
              provider: 'Example Mail Inc.',
            },
          },
        },
      },
      {
        kind: 'info',
        offsetMinutes: 30,
        party: participant,
        title: { en: 'Hot wash-up', zh: '现场复盘' },
        text: {
          en: 'End of play: note what slowed the response for the debrief.',
          zh: '演练结束：请记录拖慢响应的因素，供复盘使用。',
        },
      },
    ],
  };
}

/** On the first node, directed by its supervisor, with the second node as participant. */
export async function seedDemoExercise(seeded: readonly SeededNode[]): Promise<void> {
  const [director, participant] = seeded;
  if (!director || !participant) return;
  await createScenario(
    director.ctx,
    director.as.supervisor,
    hospitalRansomwareScenario(director.party.nodeId, participant.party.nodeId),
  );
}
