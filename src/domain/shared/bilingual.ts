// Builders for bilingual validation issues, so every rule speaks both languages.
import type { Bilingual, ValidationIssue } from '../../error-types.js';

export function issue(path: string, code: string, en: string, zh: string): ValidationIssue {
  return { path, code, message: { en, zh } };
}

export function text(en: string, zh: string): Bilingual {
  return { en, zh };
}
