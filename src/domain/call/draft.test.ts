import { describe, expect, it } from 'vitest';
import { draftCaseFromCall, draftRequestFromCall } from './draft.js';
import { CN, US, callIn, placedCall } from './test-fixtures.js';
import type { CallTopic } from './topics.js';
import { CALL_TOPICS } from './topics.js';

describe('draftRequestFromCall', () => {
  it('prefills a request from the caller to the called party', () => {
    const call = callIn('answered', { answer: 'Subscriber identified.', answeredBy: '王警官' });
    const d = draftRequestFromCall(call);
    expect(d).toMatchObject({
      requestType: 'emergency_disclosure',
      requestingParty: US,
      requestedParty: CN,
      urgency: 'emergency',
      crimeCategory: 'other',
      sourceCallId: 'call-1',
      sourceCallReference: 'US-CALL-2025-0001',
      subject: {
        en: 'Emergency: threat to life (hotline call US-CALL-2025-0001)',
        zh: '紧急情况：危及生命（热线呼叫 US-CALL-2025-0001）',
      },
      contactOfficer: { name: 'Agent Smith', timeZone: 'America/New_York' },
      factsLanguage: 'en',
    });
    expect(d.facts).toContain(call.message);
    expect(d.facts).toContain('Answer from 王警官');
    expect(d.facts).toContain('Subscriber identified.');
  });

  it('writes the facts header in Chinese for a Chinese call and omits an absent answer', () => {
    const d = draftRequestFromCall(placedCall({ language: 'zh', message: '疑似勒索软件攻击' }));
    expect(d.facts.startsWith('热线呼叫 US-CALL-2025-0001')).toBe(true);
    expect(d.facts).not.toContain('答复');
  });

  it.each<[CallTopic, string, string]>([
    ['ransomware_incident', 'preservation', 'ransomware'],
    ['online_fraud_funds_in_transit', 'freeze_assets', 'online_fraud'],
    ['csam_victim_at_risk', 'emergency_disclosure', 'csam'],
    ['preservation_needed', 'preservation', 'other'],
    ['terrorism', 'emergency_disclosure', 'terrorist_use'],
    ['other', 'other', 'other'],
  ])('guesses type and category for %s', (topic, type, category) => {
    expect(draftRequestFromCall(placedCall({ topic }))).toMatchObject({ requestType: type, crimeCategory: category });
  });

  it('has a bilingual subject for every topic', () => {
    for (const topic of CALL_TOPICS) {
      const { subject } = draftRequestFromCall(placedCall({ topic }));
      expect(subject.en).toMatch(/[A-Za-z]/);
      expect(subject.zh).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe('draftCaseFromCall', () => {
  it('leads with the caller by default and links the call', () => {
    const d = draftCaseFromCall(placedCall({ topic: 'ransomware_incident' }));
    expect(d).toMatchObject({
      leadParty: US,
      participatingParties: [US, CN],
      crimeCategories: ['ransomware'],
      linkedCallIds: ['call-1'],
    });
  });
  it('lets the receiving node lead its own case', () => {
    expect(draftCaseFromCall(placedCall(), CN)).toMatchObject({ leadParty: CN, participatingParties: [CN, US] });
  });
});
