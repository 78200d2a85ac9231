// Vocabulary of the hotline: call topics, urgencies and the escalation ladder, with bilingual labels.
import type { CrimeCategory } from '../shared/crime-categories.js';
import type { RequestType } from '../request/types.js';
import type { Bilingual } from '../../error-types.js';

export const CALL_TOPICS = [
  'emergency_threat_to_life',
  'ransomware_incident',
  'online_fraud_funds_in_transit',
  'csam_victim_at_risk',
  'preservation_needed',
  'terrorism',
  'other',
] as const;
export type CallTopic = (typeof CALL_TOPICS)[number];

export const CALL_TOPIC_LABELS: Record<CallTopic, Bilingual> = {
  emergency_threat_to_life: { en: 'Emergency: threat to life', zh: '紧急情况：危及生命' },
  ransomware_incident: { en: 'Ransomware incident', zh: '勒索软件事件' },
  online_fraud_funds_in_transit: { en: 'Online fraud: funds in transit', zh: '网络诈骗：资金正在转移' },
  csam_victim_at_risk: { en: 'Child sexual abuse material: victim at risk', zh: '儿童性虐待材料：受害人面临危险' },
  preservation_needed: { en: 'Urgent data preservation needed', zh: '需紧急保全数据' },
  terrorism: { en: 'Terrorist use of the internet', zh: '利用网络实施恐怖活动' },
  other: { en: 'Other', zh: '其他' },
};

export const CALL_URGENCIES = ['routine', 'urgent', 'emergency'] as const;
export type CallUrgency = (typeof CALL_URGENCIES)[number];

export const CALL_URGENCY_LABELS: Record<CallUrgency, Bilingual> = {
  routine: { en: 'Routine', zh: '常规' },
  urgent: { en: 'Urgent', zh: '加急' },
  emergency: { en: 'Emergency', zh: '紧急' },
};

export const CALL_LANGUAGES = ['en', 'zh'] as const;
export type CallLanguage = (typeof CALL_LANGUAGES)[number];

/** Ladder level 0 is the duty officer; each missed acknowledgement period moves one rung up. */
export const ESCALATION_ROLES = ['duty_officer', 'deputy', 'supervisor'] as const;
export type EscalationRole = (typeof ESCALATION_ROLES)[number];
export type EscalationLevel = 0 | 1 | 2;
export const MAX_ESCALATION_LEVEL: EscalationLevel = 2;

export const ESCALATION_ROLE_LABELS: Record<EscalationRole, Bilingual> = {
  duty_officer: { en: 'Duty officer', zh: '值班员' },
  deputy: { en: 'Deputy duty officer', zh: '副值班员' },
  supervisor: { en: 'Supervisor', zh: '值班主管' },
};

export function escalationRole(level: EscalationLevel): EscalationRole {
  return ESCALATION_ROLES[level];
}

/**
 * Crime categories as docs/spec.md §4.1 names them. The request and case areas own the authoritative
 * lists; this is only what a call suggests, and the service maps it if the names differ.
 */
/** What a call suggests for the request or case it may become; the same vocabularies as those areas. */
export type CrimeCategoryGuess = CrimeCategory;
export type RequestTypeGuess = Extract<
  RequestType,
  'emergency_disclosure' | 'preservation' | 'freeze_assets' | 'takedown' | 'other'
>;

export const TOPIC_CRIME_CATEGORY: Record<CallTopic, CrimeCategoryGuess> = {
  emergency_threat_to_life: 'other',
  ransomware_incident: 'ransomware',
  online_fraud_funds_in_transit: 'online_fraud',
  csam_victim_at_risk: 'csam',
  preservation_needed: 'other',
  terrorism: 'terrorist_use',
  other: 'other',
};

export const TOPIC_REQUEST_TYPE: Record<CallTopic, RequestTypeGuess> = {
  // A life at risk or a child in danger calls for emergency disclosure (CETS 224 Art. 9/10).
  emergency_threat_to_life: 'emergency_disclosure',
  csam_victim_at_risk: 'emergency_disclosure',
  // Ransomware traces vanish fast; preservation (Budapest Art. 29) is the usual first step.
  ransomware_incident: 'preservation',
  online_fraud_funds_in_transit: 'freeze_assets',
  preservation_needed: 'preservation',
  terrorism: 'emergency_disclosure',
  other: 'other',
};
