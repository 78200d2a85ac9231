// Acknowledging an incoming call in one tap, from the inbox or the hotline list (the call page has
// its own row of actions). The reference is in the button's accessible name, so several rows differ.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { answer, http } from '../../api/client';
import { ErrorSummary } from '../../components/ErrorSummary';

export function AckButton({ id, reference, block }: { id: string; reference: string; block?: boolean }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const ack = useMutation({
    mutationFn: () =>
      answer(http.POST('/api/calls/{id}/actions', { params: { path: { id } }, body: { action: 'acknowledge' } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['calls'] }),
  });
  return (
    <div className="stack-sm">
      <button
        type="button"
        className={`btn urgent${block ? ' block' : ' sm'}`}
        disabled={ack.isPending}
        onClick={() => ack.mutate()}
      >
        {t('calls.acknowledge')}
        <span className="sr-only"> {reference}</span>
      </button>
      {ack.error && <ErrorSummary error={ack.error} />}
    </div>
  );
}
