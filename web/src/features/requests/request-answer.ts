// The request page's data about its answer: the cases linked to the request and its evidence items
// (GET /requests/:id/cases, /requests/:id/evidence), shared by the panels and the fulfilment form.
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Evidence } from '../../api/case-types';
import type { Bilingual } from '../../api/types';
import { useSession } from '../../app/session';

export type RequestCase = { id: string; reference: string; status: string; title: Bilingual | null; mayAddEvidence: boolean };

export type RequestEvidenceItem = {
  evidence: Evidence;
  case: { id: string; reference: string; title: Bilingual };
  /** received: arrived from the other party; sent: delivered by one of our steps; ready: filed here, not sent yet. */
  state: 'received' | 'sent' | 'ready';
  received: Evidence['received'];
};

export const requestCasesKey = (id: string) => ['requests', 'cases', id] as const;
export const requestEvidenceKey = (id: string) => ['requests', 'evidence', id] as const;

export function useRequestCases(requestId: string) {
  return useQuery({ queryKey: requestCasesKey(requestId), queryFn: () => api.get<{ items: RequestCase[] }>(`/requests/${requestId}/cases`) });
}

export function useRequestEvidence(requestId: string, refetch = false) {
  const { can } = useSession();
  return useQuery({
    queryKey: requestEvidenceKey(requestId),
    queryFn: () => api.get<{ items: RequestEvidenceItem[]; notShown: number }>(`/requests/${requestId}/evidence`),
    enabled: can('evidence:read'),
    refetchInterval: refetch ? 15_000 : false,
  });
}
