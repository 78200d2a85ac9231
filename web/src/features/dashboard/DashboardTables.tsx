// Tables of the dashboard: preservations that lapse within 30 days, and hotline response times.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../app/session';
import { Badge } from '../../components/Badge';
import { DateTime } from '../../components/DateTime';
import { DataTable } from '../../components/ListParts';
import { Empty, Panel } from '../../components/Page';
import { PartyName } from '../../components/PartyName';
import { formatDuration } from '../../lib/format';
import type { Expiry, HotlineRow } from './compute-stats';

export function ExpiriesCard({ expiries }: { expiries: Expiry[] }) {
  const { t } = useTranslation();
  return (
    <Panel title={t('dashboard.expiries')} flush id="expiries">
      <DataTable
        items={expiries}
        rowKey={(e) => e.id}
        rowClass={(e) => (e.days <= 7 ? 'overdue' : undefined)}
        region={t('dashboard.expiries')}
        empty={<Empty title={t('dashboard.noExpiries')} />}
        columns={[
          t('requests.colReference'),
          t('requests.colCounterpart'),
          t('dashboard.expires'),
          { title: t('dashboard.daysLeft'), className: 'num' },
        ]}
        row={(e) => (
          <>
            <td className="mono">
              <Link className="row-link" to={`/requests/${e.id}`}>
                {e.reference}
              </Link>
            </td>
            <td>
              <PartyName id={e.party} />
            </td>
            <td className="small">
              <DateTime at={e.expiresAt} />
            </td>
            <td className="num">
              <Badge tone={e.days <= 7 ? 'danger' : e.days <= 14 ? 'warning' : 'neutral'}>{e.days}</Badge>
              {e.canRenew && <span className="faint"> · {t('dashboard.renewable')}</span>}
            </td>
          </>
        )}
      />
    </Panel>
  );
}

export function HotlineCard({ rows, labelOf }: { rows: HotlineRow[]; labelOf(urgency: string): string }) {
  const { t } = useTranslation();
  const { locale } = useSession();
  const dur = (ms: number | null) => (ms === null ? '—' : formatDuration(ms, locale));
  return (
    <Panel title={t('dashboard.hotline')} flush id="hotline-times">
      <DataTable
        items={rows}
        rowKey={(r) => r.urgency}
        region={t('dashboard.hotline')}
        columns={[
          t('common.urgency'),
          { title: t('dashboard.calls'), className: 'num' },
          { title: t('dashboard.median'), className: 'num' },
          { title: t('dashboard.p90'), className: 'num' },
          { title: t('dashboard.late'), className: 'num' },
          { title: t('dashboard.waiting'), className: 'num' },
        ]}
        row={(r) => (
          <>
            <th scope="row" style={{ textAlign: 'left', fontWeight: 600 }}>
              {labelOf(r.urgency)}
            </th>
            <td className="num">{r.count}</td>
            <td className="num">{dur(r.medianMs)}</td>
            <td className="num">{dur(r.p90Ms)}</td>
            <td className="num">{r.late}</td>
            <td className="num">{r.waiting}</td>
          </>
        )}
      />
    </Panel>
  );
}
