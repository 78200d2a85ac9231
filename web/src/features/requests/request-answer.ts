// The request page's data about its answer: the cases linked to the request and its evidence items
// (GET /requests/:id/cases, /requests/:id/evidence), shared by the panels and the fulfilment form.
import { useQuery } from '@tanstack/react-query';
import { answer, http } from '../../api/client';
import type { components } from '../../api/generated/api';
import { useSession } from '../../app/session';

export type RequestCase = components['schemas']['RequestCase'];
export type RequestEvidenceItem = components['schemas']['RequestEvidenceItem'];

export const requestCasesKey = (id: string) => ['requests', 'cases', id] as const;
export const requestEvidenceKey = (id: string) => ['requests', 'evidence', id] as const;

export function useRequestCases(requestId: string) {
  return useQuery({
    queryKey: requestCasesKey(requestId),
    queryFn: () => answer(http.GET('/api/requests/{id}/cases', { params: { path: { id: requestId } } })),
  });
}

export function useRequestEvidence(requestId: string, refetch = false) {
  const { can } = useSession();
  return useQuery({
    queryKey: requestEvidenceKey(requestId),
    queryFn: () => answer(http.GET('/api/requests/{id}/evidence', { params: { path: { id: requestId } } })),
    enabled: can('evidence:read'),
    refetchInterval: refetch ? 15_000 : false,
  });
}
