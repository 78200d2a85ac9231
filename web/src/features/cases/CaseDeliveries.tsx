// Delivery per recipient of what the case's shares sent (GET /api/cases/{id}/deliveries): each
// message (the case, each evidence item) per peer, in the shared delivery table.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { answer, http } from '../../api/client';
import { DeliveryTable } from '../federation/DeliveryTable';

export function CaseDeliveries({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: ['cases', 'deliveries', caseId],
    queryFn: () => answer(http.GET('/api/cases/{id}/deliveries', { params: { path: { id: caseId } } })),
    refetchInterval: 10_000,
  });
  return (
    <DeliveryTable
      items={q.data?.items ?? []}
      id="case-deliveries"
      testId="case-deliveries"
      message={(d) => (d.type === 'evidence.transferred' ? t('deliveries.types.evidence') : t('share.caseContent'))}
    />
  );
}
