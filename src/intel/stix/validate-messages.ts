// Bilingual wording of STIX validation issues, one entry per issue code, so the rules in
// validate.ts stay readable and every code says the same thing wherever it is reported.
import type { Bilingual } from '../../error-types.js';

type Wording = (detail: string) => Bilingual;

export const STIX_ISSUE_WORDING = {
  not_object: () => ({ en: 'A STIX object must be a JSON object.', zh: 'STIX 对象必须是 JSON 对象。' }),
  required: (p) => ({ en: `Required property ${p} is missing.`, zh: `缺少必填属性 ${p}。` }),
  type_syntax: (p) => ({
    en: `Invalid object type "${p}": 3–250 characters a–z, 0–9 and hyphen.`,
    zh: `对象类型“${p}”无效：须为 3–250 个 a–z、0–9 或连字符。`,
  }),
  spec_version: (p) => ({
    en: `spec_version must be "2.1" (found ${p}).`,
    zh: `spec_version 必须为“2.1”（实际为 ${p}）。`,
  }),
  identifier: (p) => ({
    en: `${p} is not a STIX identifier (type--UUID).`,
    zh: `${p} 不是 STIX 标识符（类型--UUID）。`,
  }),
  id_type_mismatch: (p) => ({ en: `The id prefix does not match the type "${p}".`, zh: `id 前缀与类型“${p}”不一致。` }),
  ref_type: (p) => ({ en: `${p} points to an object of the wrong type.`, zh: `${p} 引用的对象类型不正确。` }),
  timestamp: (p) => ({
    en: `${p} must be an RFC 3339 UTC timestamp ending in Z.`,
    zh: `${p} 必须是以 Z 结尾的 RFC 3339 UTC 时间戳。`,
  }),
  timestamp_precision: (p) => ({
    en: `${p} must be precise to at least the millisecond.`,
    zh: `${p} 的精度必须至少到毫秒。`,
  }),
  time_order: (p) => ({ en: `Timestamps out of order: ${p}.`, zh: `时间先后顺序错误：${p}。` }),
  string: (p) => ({ en: `${p} must be a text.`, zh: `${p} 必须为文本。` }),
  boolean: (p) => ({ en: `${p} must be true or false.`, zh: `${p} 必须为 true 或 false。` }),
  integer_range: (p) => ({
    en: `${p} must be a whole number in the allowed range.`,
    zh: `${p} 必须为允许范围内的整数。`,
  }),
  list: (p) => ({ en: `${p} must be a list.`, zh: `${p} 必须为列表。` }),
  empty_list: (p) => ({ en: `${p} must not be an empty list.`, zh: `${p} 不得为空列表。` }),
  dictionary: (p) => ({ en: `${p} must be a non-empty dictionary.`, zh: `${p} 必须为非空字典。` }),
  property_name: (p) => ({
    en: `Property name "${p}" is invalid: 3–250 characters a–z, 0–9, underscore.`,
    zh: `属性名“${p}”无效：须为 3–250 个 a–z、0–9 或下划线。`,
  }),
  reserved_property: (p) => ({
    en: `Property name "${p}" is reserved by STIX 2.1.`,
    zh: `属性名“${p}”为 STIX 2.1 保留名称。`,
  }),
  pattern: (p) => ({ en: `The indicator pattern does not parse: ${p}`, zh: `指标模式无法解析：${p}` }),
  external_reference: (p) => ({
    en: `External reference ${p} needs source_name and one of description, url or external_id.`,
    zh: `外部引用 ${p} 需要 source_name，以及 description、url、external_id 之一。`,
  }),
  granular_marking: (p) => ({
    en: `Granular marking ${p} needs selectors and exactly one of marking_ref or lang.`,
    zh: `细粒度标记 ${p} 需要 selectors，且 marking_ref 与 lang 只能有其一。`,
  }),
  marking_definition: (p) => ({ en: `Invalid marking definition: ${p}.`, zh: `标记定义无效：${p}。` }),
  value_format: (p) => ({ en: `${p} has an invalid format.`, zh: `${p} 格式无效。` }),
  hash: (p) => ({ en: `Hash ${p} is not valid for its algorithm.`, zh: `哈希值 ${p} 与其算法不符。` }),
  at_least_one: (p) => ({ en: `At least one of ${p} is required.`, zh: `${p} 至少需要其一。` }),
  exclusive: (p) => ({ en: `Only one of ${p} may be present.`, zh: `${p} 只能出现其一。` }),
  language: (p) => ({ en: `${p} must be an RFC 5646 language tag.`, zh: `${p} 必须为 RFC 5646 语言标记。` }),
} as const satisfies Record<string, Wording>;

export type StixIssueCode = keyof typeof STIX_ISSUE_WORDING;
