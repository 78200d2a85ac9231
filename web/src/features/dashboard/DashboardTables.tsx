// Tables of the dashboard: preservations that lapse within 30 days, and hotline response times.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../app/session';
import { Badge } from '../../components/Badge';
import { DateTime } from '../../components/DateTime';
import { Empty, Panel } from '../../components/Page';
import { PartyName } from '../../components/PartyName';
import { formatDuration } from '../../lib/format';
import type { Expiry, HotlineRow } from './compute-stats';

export function ExpiriesCard({ expiries }: { expiries: Expiry[] }) {
  const { t } = useTranslation();
  return (
    <Panel title={t('dashboard.expiries')} flush id="expiries">
      {expiries.length === 0 ? <Empty title={t('dashboard.noExpiries')} /> : (
        <div className="table-wrap" tabIndex={0} role="region" aria-label={t('dashboard.expiries')}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('requests.colReference')}</th>
                <th scope="col">{t('requests.colCounterpart')}</th>
                <th scope="col">{t('dashboard.expires')}</th>
                <th scope="col" className="num">{t('dashboard.daysLeft')}</th>
              </tr>
            </thead>
            <tbody>
              {expiries.map((e) => (
                <tr key={e.id} className={e.days <= 7 ? 'overdue' : ''}>
                  <td className="mono"><Link className="row-link" to={`/requests/${e.id}`}>{e.reference}</Link></td>
                  <td><PartyName id={e.party} /></td>
                  <td className="small"><DateTime at={e.expiresAt} /></td>
                  <td className="num">
                    <Badge tone={e.days <= 7 ? 'danger' : e.days <= 14 ? 'warning' : 'neutral'}>{e.days}</Badge>
                    {e.canRenew && <span className="faint"> · {t('dashboard.renewable')}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Panel>
  );
}

export function HotlineCard({ rows, labelOf }: { rows: HotlineRow[]; labelOf(urgency: string): string }) {
  const { t } = useTranslation();
  const { locale } = useSession();
  const dur = (ms: number | null) => (ms === null ? '—' : formatDuration(ms, locale));
  return (
    <Panel title={t('dashboard.hotline')} flush id="hotline-times">
      <div className="table-wrap" tabIndex={0} role="region" aria-label={t('dashboard.hotline')}>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('common.urgency')}</th>
              <th scope="col" className="num">{t('dashboard.calls')}</th>
              <th scope="col" className="num">{t('dashboard.median')}</th>
              <th scope="col" className="num">{t('dashboard.p90')}</th>
              <th scope="col" className="num">{t('dashboard.late')}</th>
              <th scope="col" className="num">{t('dashboard.waiting')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.urgency}>
                <th scope="row" style={{ textAlign: 'left', fontWeight: 600 }}>{labelOf(r.urgency)}</th>
                <td className="num">{r.count}</td>
                <td className="num">{dur(r.medianMs)}</td>
                <td className="num">{dur(r.p90Ms)}</td>
                <td className="num">{r.late}</td>
                <td className="num">{r.waiting}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Panel>
  );
}
