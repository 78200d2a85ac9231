// Calls POST /api/intel/extract and keeps the chosen indicators (all chosen by default).
import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { ExtractResult } from '../../api/intel-correlation-types';
import { keyOf } from './IndicatorPicker';

export function useExtract() {
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [extractedText, setExtractedText] = useState('');
  const run = useMutation({
    mutationFn: (text: string) => api.post<ExtractResult>('/intel/extract', { text }),
    onSuccess: (r, text) => {
      setExtractedText(text);
      setChosen(new Set(r.indicators.map(keyOf)));
    },
  });
  const picked = (run.data?.indicators ?? []).filter((i) => chosen.has(keyOf(i)));
  return { run, chosen, setChosen, picked, extractedText };
}
