// Action items with owner, due date (a calendar day that ends everywhere on Earth before it is
// overdue), status, and the one-click steps the API allows.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { answer, http } from '../../api/client';
import { useDialogueMeta } from '../../api/meta';
import type { ActionItemView } from '../../api/types';
import { Badge, genericTone } from '../../components/Badge';
import { useBi, useLabel } from '../../components/Bi';
import { Countdown } from '../../components/Countdown';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Empty } from '../../components/Page';
import { PartyName } from '../../components/PartyName';

const ONE_CLICK = ['start', 'complete'] as const;

export function ActionItemsTable({ items, showMeeting }: { items: ActionItemView[]; showMeeting?: boolean }) {
  const { t } = useTranslation();
  const bi = useBi();
  const label = useLabel();
  const meta = useDialogueMeta().data;
  const qc = useQueryClient();
  const act = useMutation({
    mutationFn: ({ id, action }: { id: string; action: (typeof ONE_CLICK)[number] }) =>
      answer(http.POST('/api/dialogue/action-items/{id}/actions', { params: { path: { id } }, body: { action } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['dialogue'] }),
  });
  if (items.length === 0) return <Empty title={t('dialogue.noItems')} />;
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('dialogue.item')}</th>
            <th scope="col">{t('dialogue.owner')}</th>
            <th scope="col">{t('dialogue.due')}</th>
            <th scope="col">{t('common.status')}</th>
            <th scope="col">
              <span className="sr-only">{t('common.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((a) => (
            <tr key={a.id} className={a.clock.isOverdue ? 'overdue' : ''}>
              <td>
                <div className="title-cell">{bi(a.title)}</div>
                {showMeeting && (
                  <div className="sub">
                    <Link to={`/dialogue/${a.meetingId}`}>{t('dialogue.openMeeting')}</Link>
                  </div>
                )}
              </td>
              <td className="small">
                {a.ownerName}
                <div className="sub">
                  <PartyName id={a.ownerParty} />
                </div>
              </td>
              <td className="small">
                <div className="mono">{a.dueDate}</div>
                {a.clock.isOpen && <Countdown dueAt={a.clock.dueAt} periodMs={7 * 86_400_000} />}
              </td>
              <td>
                <Badge tone={genericTone(a.status)}>{label(meta?.actionItemStatuses, a.status)}</Badge>
              </td>
              <td>
                <div className="row">
                  {ONE_CLICK.filter((x) => a.allowedActions.includes(x)).map((x) => (
                    <button
                      key={x}
                      type="button"
                      className={`btn sm ${x === 'complete' ? 'primary' : ''}`}
                      disabled={act.isPending}
                      onClick={() => act.mutate({ id: a.id, action: x })}
                      aria-label={`${t(`dialogue.itemActions.${x}`)}: ${bi(a.title)}`}
                    >
                      {t(`dialogue.itemActions.${x}`)}
                    </button>
                  ))}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ErrorSummary error={act.error} />
    </div>
  );
}
