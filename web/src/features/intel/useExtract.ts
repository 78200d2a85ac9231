// Calls POST /api/intel/extract and keeps the chosen indicators (all chosen by default); builds the
// batch that adds the chosen ones to a case.
import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { answer, http } from '../../api/client';
import type { ExtractedIndicator } from '../../api/intel-correlation-types';
import type { JsonBody } from '../../api/types';
import { keyOf } from './IndicatorPicker';

/**
 * The body adding the chosen indicators to a case, not all-or-nothing. The TLP comes from the case
 * form's select as a string; the route's schema is the authority on it.
 */
export function observablesBody(
  picked: ExtractedIndicator[],
  tlp?: string,
): JsonBody<'/api/cases/{id}/observables', 'post'> {
  return {
    observables: picked.map((i) => ({ type: i.type, value: i.value, ...(tlp === undefined ? {} : { tlp }) })),
    atomic: false,
  } as JsonBody<'/api/cases/{id}/observables', 'post'>;
}

export function useExtract() {
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [extractedText, setExtractedText] = useState('');
  const run = useMutation({
    mutationFn: (text: string) => answer(http.POST('/api/intel/extract', { body: { text } })),
    onSuccess: (r, text) => {
      setExtractedText(text);
      setChosen(new Set(r.indicators.map(keyOf)));
    },
  });
  const picked = (run.data?.indicators ?? []).filter((i) => chosen.has(keyOf(i)));
  return { run, chosen, setChosen, picked, extractedText };
}
