// The crime categories named by the mechanism (docs/legal-bases.md), one list for requests, calls and cases.
import type { Bilingual } from '../../error-types.js';

export const CRIME_CATEGORIES = [
  'online_fraud',
  'csam',
  'trade_secret_theft',
  'intrusion',
  'terrorist_use',
  'ransomware',
  'bec_phishing',
  'firearms_trafficking',
  'other',
] as const;
export type CrimeCategory = (typeof CRIME_CATEGORIES)[number];

export const CRIME_CATEGORY_LABELS: Record<CrimeCategory, Bilingual> = {
  online_fraud: { en: 'Online fraud (incl. telecom fraud)', zh: '网络诈骗（含电信网络诈骗）' },
  csam: { en: 'Online child sexual abuse material', zh: '网络传播儿童色情' },
  trade_secret_theft: { en: 'Theft of trade secrets', zh: '商业窃密' },
  intrusion: { en: 'Computer intrusion', zh: '非法侵入计算机信息系统' },
  terrorist_use: {
    en: 'Terrorist use of technology and communications',
    zh: '利用技术和通讯工具组织、策划和实施恐怖活动',
  },
  ransomware: { en: 'Ransomware', zh: '勒索软件' },
  bec_phishing: { en: 'Business e-mail compromise / phishing', zh: '商业电子邮件诈骗／网络钓鱼' },
  firearms_trafficking: { en: 'Firearms trafficking', zh: '枪支贩运' },
  other: { en: 'Other', zh: '其他' },
};
