// Notifications about exercise records still reach the people who must act (the exercise measures
// them), but every one says EXERCISE first, so nobody mistakes it for a real emergency.
import type { NotifyInput } from './notify.js';

export function markExerciseNotice(notice: NotifyInput, exerciseId: string | null | undefined): NotifyInput {
  if (!exerciseId) return notice;
  return {
    ...notice,
    kind: `exercise.${notice.kind}`,
    title: { en: `[EXERCISE] ${notice.title.en}`, zh: `【演练】${notice.title.zh}` },
    body: { en: `Exercise ${exerciseId}. ${notice.body.en}`, zh: `演练 ${exerciseId}。${notice.body.zh}` },
  };
}
