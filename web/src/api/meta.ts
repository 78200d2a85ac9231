// Reference data for forms and labels (types, legal bases, statuses …), fetched once per session.
import { useQuery } from '@tanstack/react-query';
import { answer, http } from './client';

const forever = { staleTime: Number.POSITIVE_INFINITY, gcTime: Number.POSITIVE_INFINITY, retry: false } as const;

export const useRequestMeta = () =>
  useQuery({ queryKey: ['meta', 'requests'], queryFn: () => answer(http.GET('/api/requests/meta')), ...forever });

export const useCallMeta = () =>
  useQuery({ queryKey: ['meta', 'calls'], queryFn: () => answer(http.GET('/api/calls/meta')), ...forever });

export const useDialogueMeta = () =>
  useQuery({ queryKey: ['meta', 'dialogue'], queryFn: () => answer(http.GET('/api/dialogue/meta')), ...forever });

export const useCaseMeta = () =>
  useQuery({ queryKey: ['meta', 'cases'], queryFn: () => answer(http.GET('/api/cases/meta')), ...forever });
