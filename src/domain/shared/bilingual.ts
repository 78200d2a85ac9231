// Builders for bilingual validation issues, so every rule speaks both languages.
import type { Bilingual, ValidationIssue } from '../../error-types.js';

export function issue(path: string, code: string, en: string, zh: string): ValidationIssue {
  return { path, code, message: { en, zh } };
}

export function text(en: string, zh: string): Bilingual {
  return { en, zh };
}

// A Zod rule keeps one message string. Rules that need their own words (a pattern, a refinement)
// give the English one to Zod and leave its Chinese twin here, where the HTTP layer finds it when
// it turns a failed rule into a bilingual issue (src/http/plugins/zod-issue-text.ts). Schemas are
// module-level constants, so every twin is known before the first request.
const CHINESE_OF = new Map<string, string>();

/** The message of one Zod rule in both languages; returns the English text, as Zod expects. */
export function ruleMessage(en: string, zh: string): string {
  CHINESE_OF.set(en, zh);
  return en;
}

/** Both languages of a message given with ruleMessage, or undefined for Zod's own messages. */
export function ruleMessageOf(en: string): Bilingual | undefined {
  const zh = CHINESE_OF.get(en);
  return zh === undefined ? undefined : { en, zh };
}
