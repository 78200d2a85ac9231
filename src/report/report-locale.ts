// Which language(s) an exported report speaks: English, Chinese, or both side by side.
import type { Bilingual } from '../error-types.js';

export const REPORT_LOCALES = ['both', 'en', 'zh-CN'] as const;
export type ReportLocale = (typeof REPORT_LOCALES)[number];

export function localize(text: Bilingual, locale: ReportLocale): string {
  if (locale === 'en') return text.en;
  if (locale === 'zh-CN') return text.zh;
  return text.en === text.zh ? text.en : `${text.zh} / ${text.en}`;
}
