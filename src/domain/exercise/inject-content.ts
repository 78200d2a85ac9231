// What an inject becomes on the wire: the call message always starts with the exercise marker, so
// even a peer that predates exercise mode shows the call for what it is.
import type { Bilingual } from '../../error-types.js';

export const EXERCISE_MARK: Bilingual = { en: 'EXERCISE', zh: '演练' };

export function callMessage(text: Bilingual): string {
  return `[${EXERCISE_MARK.en} / ${EXERCISE_MARK.zh}] ${text.en.trim()}\n${text.zh.trim()}`;
}

/** The subject of an injected request, marked the same way in both languages. */
export function markedSubject(subject: Bilingual | undefined): Bilingual {
  return {
    en: `[${EXERCISE_MARK.en}] ${subject?.en ?? ''}`.trim(),
    zh: `【${EXERCISE_MARK.zh}】${subject?.zh ?? ''}`.trim(),
  };
}
