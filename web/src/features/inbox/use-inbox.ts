// Data for the inbox and the navigation badge, refreshed every 15 seconds.
import { useQuery } from '@tanstack/react-query';
import { answer, http } from '../../api/client';
import { useSession } from '../../app/session';
import { buildInbox, needsAttention, type InboxItem } from './inbox-items';

export function useInbox() {
  const { can } = useSession();
  const requests = useQuery({
    // Exercise injects of running exercises belong in the inbox too (marked): the exercise measures the response.
    queryKey: ['requests', 'list', { direction: 'incoming', exercise: 'running' }],
    queryFn: () =>
      answer(
        http.GET('/api/requests', { params: { query: { direction: 'incoming', exercise: 'running', limit: 500 } } }),
      ),
    enabled: can('request:read'),
    refetchInterval: 15_000,
  });
  const calls = useQuery({
    queryKey: ['calls', 'list', { direction: 'incoming', exercise: 'running' }],
    queryFn: () =>
      answer(http.GET('/api/calls', { params: { query: { direction: 'incoming', exercise: 'running', limit: 500 } } })),
    enabled: can('call:read'),
    refetchInterval: 15_000,
  });
  const items: InboxItem[] = buildInbox(requests.data?.items ?? [], calls.data?.items ?? []);
  return {
    items,
    isLoading: requests.isLoading || calls.isLoading,
    error: requests.error ?? calls.error,
  };
}

export function useInboxCount(): number {
  return needsAttention(useInbox().items);
}
