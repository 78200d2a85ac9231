// Dead letters (admins): messages from peers this node refused for their content. Each shows who sent
// it, where it stood in its channel, the code and its meaning and the details (schema issues, the
// handler's refusal); the signed message can be exported as received, and a handled one discarded.
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { answer, http } from '../../api/client';
import { Badge } from '../../components/Badge';
import { useBi } from '../../components/Bi';
import { DateTime } from '../../components/DateTime';
import { ErrorSummary } from '../../components/ErrorSummary';
import { DataTable } from '../../components/ListParts';
import { Empty, Panel, QueryState } from '../../components/Page';
import { PartyName } from '../../components/PartyName';

export function DeadLetters() {
  const { t } = useTranslation();
  const bi = useBi();
  const qc = useQueryClient();
  const [all, setAll] = useState(false);
  const q = useQuery({
    queryKey: ['federation', 'dead-letters', all],
    queryFn: () =>
      answer(
        http.GET('/api/federation/dead-letters', { params: { query: { state: all ? 'all' : 'open', limit: 200 } } }),
      ),
    refetchInterval: 30_000,
  });
  const discard = useMutation({
    mutationFn: (mid: string) =>
      answer(http.POST('/api/federation/dead-letters/{mid}/discard', { params: { path: { mid } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['federation', 'dead-letters'] }),
  });
  return (
    <Panel
      title={t('deadLetters.title')}
      flush
      footer={<p className="faint small">{t('deadLetters.help')}</p>}
      id="dead-letters"
      actions={
        <label className="check small">
          <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} />{' '}
          {t('deadLetters.showDiscarded')}
        </label>
      }
    >
      <QueryState isLoading={q.isLoading} error={q.error}>
        <DataTable
          items={q.data?.items ?? []}
          rowKey={(d) => d.mid}
          testId="dead-letters"
          empty={<Empty title={t('deadLetters.none')} />}
          columns={[
            t('deadLetters.from'),
            t('deadLetters.where'),
            t('deadLetters.type'),
            t('deadLetters.code'),
            t('deadLetters.received'),
            t('deadLetters.state'),
            <span key="actions" className="sr-only">
              {t('common.actions')}
            </span>,
          ]}
          row={(d) => (
            <>
              <td>
                <PartyName id={d.from} />
              </td>
              <td className="mono small">
                {d.channel} #{d.seq}
              </td>
              <td className="mono small">
                {d.type} v{d.schema}
              </td>
              <td>
                <div className="danger-text mono small">{d.code}</div>
                {d.reason && <div className="sub small">{bi(d.reason)}</div>}
                {d.details && (
                  <details className="small">
                    <summary>{t('deadLetters.details')}</summary>
                    <code className="mono small wrap-anywhere">{JSON.stringify(d.details)}</code>
                  </details>
                )}
              </td>
              <td className="small">
                <DateTime at={d.receivedAt} />
              </td>
              <td className="small">
                <Badge tone={d.state === 'open' ? 'warning' : 'neutral'}>{t(`deadLetters.states.${d.state}`)}</Badge>
                {d.discardedBy && <div className="sub">{t('deadLetters.discardedBy', { by: d.discardedBy })}</div>}
              </td>
              <td>
                <div className="row">
                  <a className="btn sm" href={`/api/federation/dead-letters/${d.mid}/export`} download>
                    {t('deadLetters.export')}
                  </a>
                  {d.state === 'open' && (
                    <button
                      type="button"
                      className="btn sm"
                      disabled={discard.isPending}
                      onClick={() => discard.mutate(d.mid)}
                    >
                      {t('deadLetters.discard')}
                    </button>
                  )}
                </div>
              </td>
            </>
          )}
        />
        <ErrorSummary error={discard.error} />
      </QueryState>
    </Panel>
  );
}
