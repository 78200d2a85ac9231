// The time scale of an exercise in words: "10× faster: 1 exercise minute = 6 real seconds".
import type { TFunction } from 'i18next';

export function timeScaleLabel(t: TFunction, scale: number): string {
  if (scale <= 1) return t('exercise.scaleRealTime');
  const seconds = Math.round((60 / scale) * 100) / 100;
  return seconds === 1 ? t('exercise.scaleOptionOneSecond', { scale }) : t('exercise.scaleOption', { scale, seconds });
}
