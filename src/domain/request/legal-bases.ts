// Catalogue of legal bases a request can rely on (docs/legal-bases.md), with the types each covers and its default clocks.
import type { Bilingual } from '../../error-types.js';
import { REQUEST_TYPES, type RequestType, type Urgency } from './types.js';

export type Jurisdiction = 'coe' | 'us' | 'cn' | 'cn_us' | 'eu' | 'any';

export const JURISDICTION_LABELS: Record<Jurisdiction, Bilingual> = {
  coe: { en: 'Council of Europe', zh: '欧洲委员会' },
  us: { en: 'United States', zh: '美国' },
  cn: { en: "People's Republic of China", zh: '中华人民共和国' },
  cn_us: { en: 'China – United States', zh: '中美双边' },
  eu: { en: 'European Union', zh: '欧盟' },
  any: { en: 'Any', zh: '不限' },
};

export type PreservationClock = {
  days: number;
  renewalDays: number;
  /** null = no limit in the instrument (each renewal is a new request). */
  maxRenewals: number | null;
};

export type LegalBasis = {
  id: string;
  /** Official title in both languages; `officialIn` says which of them is authentic. */
  name: Bilingual;
  officialIn: readonly ('en' | 'zh')[];
  /** Compact label for lists and messages. */
  shortName: Bilingual;
  citation: string;
  jurisdiction: Jurisdiction;
  appliesTo: readonly RequestType[];
  /** The instrument only covers emergencies (threat to life or serious injury). */
  emergencyOnly?: boolean;
  /** Data may leave only after a competent authority's approval (DSL Art. 36, PIPL Art. 41). */
  requiresApproval?: boolean;
  /** The requester must name the instrument in `legalBasisNote`. */
  requiresNote?: boolean;
  /** ISO date from which the instrument applies. */
  applicableFrom?: string;
  /** Default response periods in hours, per urgency, that replace the generic ones. */
  responseHours?: Partial<Record<Urgency, number>>;
  preservation?: PreservationClock;
};

const DATA_TYPES = ['subscriber_info', 'traffic_data', 'content_data'] as const satisfies readonly RequestType[];
const MLA_TYPES = ['preservation', ...DATA_TYPES, 'freeze_assets', 'interview', 'other'] as const;

const budapest = (art: number, en: string, zh: string, appliesTo: readonly RequestType[]) => ({
  id: `coe_budapest_art${art}`,
  name: { en: `Convention on Cybercrime (ETS No. 185), Art. ${art} – ${en}`, zh: `《网络犯罪公约》第${art}条 ${zh}` },
  officialIn: ['en'] as const,
  shortName: { en: `Budapest Convention Art. ${art}`, zh: `《网络犯罪公约》第${art}条` },
  citation: `ETS No. 185, Art. ${art}`,
  jurisdiction: 'coe' as const,
  appliesTo,
});

const protocol = (art: number, en: string, zh: string, appliesTo: readonly RequestType[]) => ({
  id: `coe_p2_art${art}`,
  name: {
    en: `Second Additional Protocol to the Convention on Cybercrime (CETS No. 224), Art. ${art} – ${en}`,
    zh: `《网络犯罪公约关于加强合作和披露电子证据的第二附加议定书》第${art}条 ${zh}`,
  },
  officialIn: ['en'] as const,
  shortName: { en: `Second Additional Protocol Art. ${art}`, zh: `《第二附加议定书》第${art}条` },
  citation: `CETS No. 224, Art. ${art}`,
  jurisdiction: 'coe' as const,
  appliesTo,
});

export const LEGAL_BASES = [
  {
    ...budapest(29, 'Expedited preservation of stored computer data', '存储计算机数据的快速保全', ['preservation']),
    // "not less than 60 days"; a further request keeps the data preserved, with no fixed cap.
    preservation: { days: 60, renewalDays: 60, maxRenewals: null },
  },
  budapest(30, 'Expedited disclosure of preserved traffic data', '已保全流量数据的快速披露', ['expedited_disclosure']),
  budapest(
    31,
    'Mutual assistance regarding accessing of stored computer data',
    '关于访问已存储计算机数据的司法协助',
    DATA_TYPES,
  ),
  protocol(6, 'Request for domain name registration information', '域名注册信息请求', ['subscriber_info']),
  protocol(7, 'Disclosure of subscriber information', '用户信息的披露', ['subscriber_info']),
  protocol(8, 'Expedited production of subscriber information and traffic data', '快速提供用户信息和流量数据', [
    'subscriber_info',
    'traffic_data',
  ]),
  {
    ...protocol(
      9,
      'Expedited disclosure of stored computer data in an emergency',
      '紧急情况下已存储计算机数据的快速披露',
      ['emergency_disclosure'],
    ),
    emergencyOnly: true,
  },
  {
    ...protocol(10, 'Emergency mutual assistance', '紧急司法协助', ['emergency_disclosure', ...DATA_TYPES]),
    emergencyOnly: true,
  },
  protocol(11, 'Video conferencing', '视频会议', ['interview']),
  {
    id: 'us_2703f',
    name: {
      en: '18 U.S.C. § 2703(f) – Requirement to preserve evidence',
      zh: '《美国法典》第18编第2703条(f)款 保全证据的要求',
    },
    officialIn: ['en'],
    shortName: { en: '18 U.S.C. § 2703(f)', zh: '《美国法典》第18编第2703条(f)款' },
    citation: '18 U.S.C. § 2703(f)',
    jurisdiction: 'us',
    appliesTo: ['preservation'],
    preservation: { days: 90, renewalDays: 90, maxRenewals: 1 },
  },
  {
    id: 'us_2702_emergency',
    name: {
      en: '18 U.S.C. § 2702(b)(8) and (c)(4) – Voluntary disclosure in an emergency involving danger of death or serious physical injury',
      zh: '《美国法典》第18编第2702条(b)(8)款和(c)(4)款 涉及死亡或严重人身伤害危险的紧急情况下的自愿披露',
    },
    officialIn: ['en'],
    shortName: { en: '18 U.S.C. § 2702(b)(8), (c)(4)', zh: '《美国法典》第18编第2702条(b)(8)、(c)(4)款' },
    citation: '18 U.S.C. § 2702(b)(8), (c)(4)',
    jurisdiction: 'us',
    appliesTo: ['emergency_disclosure'],
    emergencyOnly: true,
  },
  {
    id: 'us_cloud_act_2523',
    name: {
      en: '18 U.S.C. § 2523 (CLOUD Act) – Executive agreement on access to data by foreign governments',
      zh: '《美国法典》第18编第2523条（《澄清域外合法使用数据法》）外国政府获取数据的行政协定',
    },
    officialIn: ['en'],
    shortName: { en: 'CLOUD Act (18 U.S.C. § 2523)', zh: 'CLOUD 法案（《美国法典》第18编第2523条）' },
    citation: '18 U.S.C. § 2523',
    jurisdiction: 'us',
    appliesTo: ['preservation', ...DATA_TYPES],
  },
  {
    id: 'cn_us_mlaa',
    name: {
      en: "Agreement between the Government of the People's Republic of China and the Government of the United States of America on Mutual Legal Assistance in Criminal Matters",
      zh: '中华人民共和国政府和美利坚合众国政府关于刑事司法协助的协定',
    },
    officialIn: ['en', 'zh'],
    shortName: { en: 'PRC–US Mutual Legal Assistance Agreement', zh: '中美刑事司法协助协定' },
    citation: 'PRC–US MLAA (2000)',
    jurisdiction: 'cn_us',
    appliesTo: MLA_TYPES,
  },
  {
    id: 'cn_icjal',
    name: {
      en: "International Criminal Judicial Assistance Law of the People's Republic of China",
      zh: '中华人民共和国国际刑事司法协助法',
    },
    officialIn: ['zh'],
    shortName: { en: 'PRC International Criminal Judicial Assistance Law', zh: '《国际刑事司法协助法》' },
    citation: '国际刑事司法协助法 (2018)',
    jurisdiction: 'cn',
    appliesTo: MLA_TYPES,
  },
  {
    id: 'cn_csl_art28',
    name: {
      en: "Cybersecurity Law of the People's Republic of China, Art. 28",
      zh: '《中华人民共和国网络安全法》第二十八条',
    },
    officialIn: ['zh'],
    shortName: { en: 'PRC Cybersecurity Law Art. 28', zh: '《网络安全法》第二十八条' },
    citation: '网络安全法 第二十八条',
    jurisdiction: 'cn',
    appliesTo: ['preservation', ...DATA_TYPES, 'emergency_disclosure'],
  },
  {
    id: 'cn_dsl_art36',
    name: {
      en: "Data Security Law of the People's Republic of China, Art. 36",
      zh: '《中华人民共和国数据安全法》第三十六条',
    },
    officialIn: ['zh'],
    shortName: { en: 'PRC Data Security Law Art. 36', zh: '《数据安全法》第三十六条' },
    citation: '数据安全法 第三十六条',
    jurisdiction: 'cn',
    appliesTo: ['expedited_disclosure', ...DATA_TYPES, 'emergency_disclosure'],
    requiresApproval: true,
  },
  {
    id: 'cn_pipl_art41',
    name: {
      en: "Personal Information Protection Law of the People's Republic of China, Art. 41",
      zh: '《中华人民共和国个人信息保护法》第四十一条',
    },
    officialIn: ['zh'],
    shortName: { en: 'PRC Personal Information Protection Law Art. 41', zh: '《个人信息保护法》第四十一条' },
    citation: '个人信息保护法 第四十一条',
    jurisdiction: 'cn',
    appliesTo: ['expedited_disclosure', ...DATA_TYPES, 'emergency_disclosure'],
    requiresApproval: true,
  },
  {
    id: 'eu_2023_1543_production',
    name: {
      en: 'Regulation (EU) 2023/1543 – European Production Order',
      zh: '欧盟第2023/1543号条例 欧洲电子证据提交令',
    },
    officialIn: ['en'],
    shortName: { en: 'EU e-Evidence Regulation: production order', zh: '欧盟电子证据条例：提交令' },
    citation: 'Regulation (EU) 2023/1543, Art. 10',
    jurisdiction: 'eu',
    appliesTo: [...DATA_TYPES, 'emergency_disclosure'],
    applicableFrom: '2026-08-18',
    responseHours: { routine: 10 * 24, urgent: 10 * 24, emergency: 8 },
  },
  {
    id: 'eu_2023_1543_preservation',
    name: {
      en: 'Regulation (EU) 2023/1543 – European Preservation Order',
      zh: '欧盟第2023/1543号条例 欧洲电子证据保全令',
    },
    officialIn: ['en'],
    shortName: { en: 'EU e-Evidence Regulation: preservation order', zh: '欧盟电子证据条例：保全令' },
    citation: 'Regulation (EU) 2023/1543, Art. 11',
    jurisdiction: 'eu',
    appliesTo: ['preservation'],
    applicableFrom: '2026-08-18',
    preservation: { days: 60, renewalDays: 30, maxRenewals: 1 },
  },
  {
    id: 'bilateral',
    name: { en: 'Bilateral agreement or cooperation mechanism', zh: '双边协议或合作机制' },
    officialIn: ['en', 'zh'],
    shortName: { en: 'Bilateral agreement or mechanism', zh: '双边协议或机制' },
    citation: 'bilateral',
    jurisdiction: 'any',
    appliesTo: REQUEST_TYPES,
    requiresNote: true,
  },
  {
    id: 'other',
    name: { en: 'Other legal basis', zh: '其他法律依据' },
    officialIn: ['en', 'zh'],
    shortName: { en: 'Other legal basis', zh: '其他法律依据' },
    citation: 'other',
    jurisdiction: 'any',
    appliesTo: REQUEST_TYPES,
    requiresNote: true,
  },
] as const satisfies readonly LegalBasis[];

export type LegalBasisId = (typeof LEGAL_BASES)[number]['id'];

const BY_ID = new Map<string, LegalBasis>(LEGAL_BASES.map((b) => [b.id, b]));

export const LEGAL_BASIS_IDS = LEGAL_BASES.map((b) => b.id) as LegalBasisId[];

export function getLegalBasis(id: string): LegalBasis | undefined {
  return BY_ID.get(id);
}

export function isLegalBasisId(id: string): id is LegalBasisId {
  return BY_ID.has(id);
}

/** Legal bases a request of `type` may cite; with `urgency`, emergency-only bases drop out of non-emergencies. */
export function allowedLegalBases(type: RequestType, urgency?: Urgency): LegalBasis[] {
  return LEGAL_BASES.filter(
    (b: LegalBasis) =>
      b.appliesTo.includes(type) && (urgency === undefined || !b.emergencyOnly || urgency === 'emergency'),
  );
}

export const ALLOWED_LEGAL_BASES_BY_TYPE: Record<RequestType, LegalBasisId[]> = Object.fromEntries(
  REQUEST_TYPES.map((t) => [t, allowedLegalBases(t).map((b) => b.id as LegalBasisId)]),
) as Record<RequestType, LegalBasisId[]>;

/** Types whose fulfilment sends data out of the requested party's jurisdiction. */
export const DATA_TRANSFER_TYPES: readonly RequestType[] = [
  'expedited_disclosure',
  'subscriber_info',
  'traffic_data',
  'content_data',
  'emergency_disclosure',
];

/**
 * Whether a request needs the approval step. The service passes `requestedPartyRequiresApproval`
 * from config (e.g. the requested node is in China, DSL Art. 36 / PIPL Art. 41); a legal basis that
 * requires approval forces it on. Preservation, takedown, freezing and interviews send no data out.
 */
export function isApprovalRequired(
  type: RequestType,
  legalBasisId: string,
  requestedPartyRequiresApproval: boolean,
): boolean {
  if (!DATA_TRANSFER_TYPES.includes(type)) return false;
  return requestedPartyRequiresApproval || getLegalBasis(legalBasisId)?.requiresApproval === true;
}
