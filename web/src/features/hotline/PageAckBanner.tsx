// A call opened from a page's one-time acknowledgement link (`?page=<token>`, issue 19): the link is
// redeemed once for the signed-in recipient and the call shows "Acknowledge" ready at the top.
import { useEffect, useRef } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { answer, http } from '../../api/client';
import type { CallDetail } from '../../api/types';
import { ErrorSummary } from '../../components/ErrorSummary';
import { AckButton } from './AckButton';

export function PageAckBanner({ call }: { call: CallDetail }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const token = params.get('page');
  const started = useRef(false);
  const open = useMutation({
    mutationFn: (tok: string) => answer(http.POST('/api/paging/ack-link', { body: { token: tok } })),
  });
  useEffect(() => {
    if (!token || started.current) return;
    started.current = true;
    open.mutate(token, { onSettled: () => setParams({}, { replace: true }) });
  }, [token, open, setParams]);
  if (open.error)
    return (
      <div style={{ marginBottom: 'var(--sp-4)' }}>
        <ErrorSummary error={open.error} />
      </div>
    );
  if (!open.isSuccess || open.data.subjectId !== call.id) return null;
  const canAck = call.allowedActions.includes('acknowledge');
  return (
    <div className="alert warning" role="status" style={{ marginBottom: 'var(--sp-4)' }}>
      <div className="stack-sm grow">
        <div className="alert-title">{canAck ? t('paging.fromPage') : t('paging.fromPageDone')}</div>
        {canAck && <AckButton id={call.id} reference={call.reference} block />}
      </div>
    </div>
  );
}
