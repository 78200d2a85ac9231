// Reference data for forms and labels (types, legal bases, statuses …), fetched once per session.
import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import type { CaseMeta } from './case-types';
import type { CallMeta, DialogueMeta, RequestMeta } from './types';

const forever = { staleTime: Number.POSITIVE_INFINITY, gcTime: Number.POSITIVE_INFINITY, retry: false } as const;

export const useRequestMeta = () =>
  useQuery({ queryKey: ['meta', 'requests'], queryFn: () => api.get<RequestMeta>('/requests/meta'), ...forever });

export const useCallMeta = () =>
  useQuery({ queryKey: ['meta', 'calls'], queryFn: () => api.get<CallMeta>('/calls/meta'), ...forever });

export const useDialogueMeta = () =>
  useQuery({ queryKey: ['meta', 'dialogue'], queryFn: () => api.get<DialogueMeta>('/dialogue/meta'), ...forever });

export const useCaseMeta = () =>
  useQuery({ queryKey: ['meta', 'cases'], queryFn: () => api.get<CaseMeta>('/cases/meta'), ...forever });
