// The on-call roster: who holds each rung of the ladder now (with their local time), the shifts of
// the coming two weeks in the officer's zone and ours, and gaps in cover.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { answer, http } from '../../api/client';
import { useCallMeta } from '../../api/meta';
import { useSession } from '../../app/session';
import { Badge } from '../../components/Badge';
import { useLabel } from '../../components/Bi';
import { DateTime } from '../../components/DateTime';
import { DataTable } from '../../components/ListParts';
import { Panel, QueryState } from '../../components/Page';
import { formatDateTime, formatDuration, formatTime } from '../../lib/format';
import { ShiftForm } from './ShiftForm';

const RUNGS = ['duty_officer', 'deputy', 'supervisor'] as const;

export function RosterPanel() {
  const { t } = useTranslation();
  const label = useLabel();
  const { can, locale } = useSession();
  const meta = useCallMeta().data;
  const onDuty = useQuery({
    queryKey: ['roster', 'on-duty'],
    queryFn: () => answer(http.GET('/api/roster/on-duty')),
    refetchInterval: 60_000,
  });
  const roster = useQuery({ queryKey: ['roster', 'list'], queryFn: () => answer(http.GET('/api/roster')) });
  return (
    <div className="stack">
      <Panel title={t('roster.onDutyNow')} id="on-duty">
        <QueryState isLoading={onDuty.isLoading} error={onDuty.error}>
          <div className="grid-3">
            {RUNGS.map((rung) => {
              const holders = onDuty.data?.onDuty[rung] ?? [];
              return (
                <div key={rung} className="rung">
                  <div className="rung-title">{label(meta?.escalationRoles, rung)}</div>
                  {holders.length === 0 ? (
                    <Badge tone="danger">{t('roster.nobody')}</Badge>
                  ) : (
                    holders.map((h) => (
                      <div key={h.id}>
                        <div className="title-cell">{h.officer?.name ?? h.userId}</div>
                        <div className="faint">
                          {t('roster.untilTheirTime', {
                            time: formatDateTime(h.end, locale, h.timeZone, true),
                            now: formatTime(new Date().toISOString(), locale, h.timeZone),
                          })}
                        </div>
                      </div>
                    ))
                  )}
                </div>
              );
            })}
          </div>
        </QueryState>
      </Panel>
      <Panel title={t('roster.shifts')} flush id="shifts">
        <QueryState isLoading={roster.isLoading} error={roster.error}>
          <DataTable
            items={roster.data?.shifts ?? []}
            rowKey={(s) => s.id}
            empty={<div className="empty">{t('roster.noShifts')}</div>}
            columns={[
              t('roster.rung'),
              t('roster.officer'),
              t('roster.start'),
              t('roster.end'),
              t('roster.theirZone'),
              { title: t('roster.length'), className: 'num' },
            ]}
            row={(s) => (
              <>
                <td>{label(meta?.escalationRoles, s.role)}</td>
                <td className="title-cell">{s.officer?.name ?? s.userId}</td>
                <td>
                  <DateTime at={s.start} />
                </td>
                <td>
                  <DateTime at={s.end} />
                </td>
                <td className="small">
                  {formatDateTime(s.start, locale, s.timeZone)} – {formatDateTime(s.end, locale, s.timeZone, true)}
                </td>
                <td className="num">
                  {formatDuration(s.durationMs, locale)}
                  {s.crossesOffsetChange ? ' *' : ''}
                </td>
              </>
            )}
          />
          {roster.data && (
            <div className="panel-body">
              <h3 className="section-title">{t('roster.gaps')}</h3>
              <ul className="small" style={{ margin: 0, paddingLeft: 18 }}>
                {RUNGS.flatMap((rung) =>
                  (roster.data?.gaps[rung] ?? []).slice(0, 3).map((g) => (
                    <li key={`${rung}-${g.start}`}>
                      {label(meta?.escalationRoles, rung)}: <DateTime at={g.start} /> – <DateTime at={g.end} />
                    </li>
                  )),
                )}
              </ul>
            </div>
          )}
        </QueryState>
      </Panel>
      {can('roster:manage') && (
        <Panel title={t('roster.addShift')} id="add-shift">
          <ShiftForm shifts={roster.data?.shifts ?? []} />
        </Panel>
      )}
    </div>
  );
}
