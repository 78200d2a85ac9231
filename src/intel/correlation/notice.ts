// The words of a correlation notice, pure: the shared value's kind and the two records it links
// named for people in both languages ("相同的银行账户／银行卡", "案件 … 与 群众举报 …"), never as
// the code values the store keeps (bank_account, report).
import type { Bilingual } from '../../error-types.js';
import { OBSERVABLE_TYPE_LABELS, type ObservableType } from '../../domain/case/observable-types.js';
import type { SourceRef } from './rules.js';

export const SOURCE_KIND_LABELS: Record<SourceRef['kind'], Bilingual> = {
  case: { en: 'Case', zh: '案件' },
  request: { en: 'Request', zh: '协助请求' },
  report: { en: 'Public report', zh: '群众举报' },
  intel: { en: 'Intelligence object', zh: '威胁情报对象' },
};

const typeLabel = (type: string): Bilingual => OBSERVABLE_TYPE_LABELS[type as ObservableType] ?? { en: type, zh: type };

function named(s: SourceRef, lang: 'en' | 'zh'): string {
  const kind = SOURCE_KIND_LABELS[s.kind][lang];
  return `${lang === 'en' ? kind.toLowerCase() : kind} ${s.label ?? s.id}`;
}

export function correlationNotice(
  match: { type: string; value: string },
  a: SourceRef,
  b: SourceRef,
): { title: Bilingual; body: Bilingual } {
  const type = typeLabel(match.type);
  const first = named(a, 'en');
  return {
    title: {
      en: `Correlation: two records share a ${type.en.toLowerCase()}`,
      zh: `关联：两条记录含有相同的${type.zh}`,
    },
    body: {
      en: `${first.charAt(0).toUpperCase()}${first.slice(1)} and ${named(b, 'en')} both hold ${match.value}.`,
      zh: `${named(a, 'zh')} 与 ${named(b, 'zh')} 均含有 ${match.value}。`,
    },
  };
}
