// Bilingual values from the API ({ en, zh }) shown in the current language.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Bilingual } from '../api/types';
import { pickBi } from '../lib/format';

export function useBi(): (value: Bilingual | null | undefined) => string {
  const { i18n } = useTranslation();
  return useCallback((value) => pickBi(value, i18n.language), [i18n.language]);
}

/**
 * A label from a label table; "…" while the table is still loading (never the code value, which
 * would flash on screen), the raw key only when the loaded table lacks it.
 */
export function useLabel(): (labels: Record<string, Bilingual> | undefined, key: string | null | undefined) => string {
  const bi = useBi();
  return useCallback((labels, key) => (!key ? '—' : !labels ? '…' : labels[key] ? bi(labels[key]) : key), [bi]);
}

export function Bi({ value }: { value: Bilingual | null | undefined }) {
  const bi = useBi();
  return <>{bi(value)}</>;
}
