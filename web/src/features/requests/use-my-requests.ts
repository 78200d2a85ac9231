// The number of requests waiting for a step this user may take now (the API's `mine` filter: the
// expected next step is theirs), shown on the Requests navigation item; refreshed every 15 seconds.
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { RequestView } from '../../api/types';
import { useSession } from '../../app/session';

export function useMyRequestsCount(): number {
  const { can } = useSession();
  const q = useQuery({
    queryKey: ['requests', 'list', { mine: 'true' }],
    queryFn: () => api.get<{ items: RequestView[] }>('/requests', { mine: 'true', limit: 500 }),
    enabled: can('request:read'),
    refetchInterval: 15_000,
  });
  return q.data?.items.length ?? 0;
}
