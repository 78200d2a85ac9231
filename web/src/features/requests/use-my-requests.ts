// The number of requests waiting for a step this user may take now (the API's `mine` filter: the
// expected next step is theirs), shown on the Requests navigation item; refreshed every 15 seconds.
import { useQuery } from '@tanstack/react-query';
import { answer, http } from '../../api/client';
import { useSession } from '../../app/session';

export function useMyRequestsCount(): number {
  const { can } = useSession();
  const q = useQuery({
    queryKey: ['requests', 'list', { mine: 'true' }],
    queryFn: () => answer(http.GET('/api/requests', { params: { query: { mine: 'true', limit: 500 } } })),
    enabled: can('request:read'),
    refetchInterval: 15_000,
  });
  return q.data?.items.length ?? 0;
}
