// SLA compliance per peer: deadlines met, met late and missed (still open past due), for the
// requests we sent them or the ones they sent us. With many peers (30+) the chart shows the TOP_N
// with the most deadlines and the table the same, with "show all" for the rest.
import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../components/Field';
import { DataTable } from '../../components/ListParts';
import { Panel } from '../../components/Page';
import { usePeerDirectory } from '../../components/PartyName';
import { useBi } from '../../components/Bi';
import { useChartColors } from './chart-colors';
import type { PeerSla } from './compute-stats';

const TOP_N = 8;

export function SlaCard({ outgoing, incoming }: { outgoing: PeerSla[]; incoming: PeerSla[] }) {
  const { t } = useTranslation();
  const bi = useBi();
  const c = useChartColors();
  const peers = usePeerDirectory();
  const [dir, setDir] = useState<'outgoing' | 'incoming'>('outgoing');
  const [showAll, setShowAll] = useState(false);
  const rows = (dir === 'outgoing' ? outgoing : incoming).map((r) => {
    const name = peers.get(r.party)?.name;
    return { ...r, label: name ? bi(name) : r.party };
  });
  // Rows come sorted by number of deadlines (slaByPeer), so the first ones are the busiest peers.
  const top = rows.slice(0, TOP_N);
  const many = rows.length > TOP_N;
  return (
    <Panel
      title={t('dashboard.sla')}
      id="sla"
      actions={
        <SelectField
          label={<span className="sr-only">{t('dashboard.slaDirection')}</span>}
          path="sla-direction"
          value={dir}
          onChange={(e) => setDir(e.target.value as 'outgoing' | 'incoming')}
          options={[
            { value: 'outgoing', label: t('dashboard.slaTheirs') },
            { value: 'incoming', label: t('dashboard.slaOurs') },
          ]}
        />
      }
    >
      {rows.length === 0 ? (
        <div className="empty">{t('dashboard.noData')}</div>
      ) : (
        <figure style={{ margin: 0 }}>
          {many && <p className="faint small">{t('peerList.slaTop', { count: TOP_N })}</p>}
          <div style={{ width: '100%', height: Math.max(180, top.length * 40 + 70) }} aria-hidden="true">
            <ResponsiveContainer>
              <BarChart
                accessibilityLayer={false}
                data={top}
                layout="vertical"
                margin={{ top: 4, right: 16, bottom: 4, left: 8 }}
              >
                <CartesianGrid stroke={c['--border']} strokeDasharray="3 3" vertical horizontal={false} />
                <XAxis
                  type="number"
                  allowDecimals={false}
                  tick={{ fill: c['--text-muted'], fontSize: 12 }}
                  stroke={c['--border']}
                />
                <YAxis
                  type="category"
                  dataKey="label"
                  width={170}
                  tick={{ fill: c['--text-muted'], fontSize: 12 }}
                  stroke={c['--border']}
                />
                <Tooltip />
                <Legend wrapperStyle={{ fontSize: 12 }} />
                <Bar
                  dataKey="onTime"
                  stackId="a"
                  name={t('dashboard.onTime')}
                  fill={c['--success']}
                  isAnimationActive={false}
                />
                <Bar
                  dataKey="late"
                  stackId="a"
                  name={t('dashboard.late')}
                  fill={c['--warning']}
                  isAnimationActive={false}
                />
                <Bar
                  dataKey="overdue"
                  stackId="a"
                  name={t('dashboard.missed')}
                  fill={c['--danger']}
                  isAnimationActive={false}
                />
              </BarChart>
            </ResponsiveContainer>
          </div>
          {/* Focusable so a keyboard user can scroll the table when it is wider than the card. */}
          <figcaption>
            <DataTable
              items={showAll ? rows : top}
              rowKey={(r) => r.party}
              region={t('dashboard.sla')}
              className="small"
              columns={[
                t('requests.colCounterpart'),
                { title: t('dashboard.onTime'), className: 'num' },
                { title: t('dashboard.late'), className: 'num' },
                { title: t('dashboard.missed'), className: 'num' },
                { title: t('dashboard.compliance'), className: 'num' },
              ]}
              row={(r) => (
                <>
                  <th scope="row" style={{ textAlign: 'left', fontWeight: 500 }}>
                    {r.label}
                  </th>
                  <td className="num">{r.onTime}</td>
                  <td className="num">{r.late}</td>
                  <td className="num">{r.overdue}</td>
                  <td className="num">{r.rate === null ? '—' : `${Math.round(r.rate * 100)}%`}</td>
                </>
              )}
            />
            {many && (
              <div className="row" style={{ marginTop: 'var(--sp-2)' }}>
                <button type="button" className="btn sm ghost" onClick={() => setShowAll(!showAll)}>
                  {showAll ? t('peerList.showTop', { count: TOP_N }) : t('peerList.showAll', { count: rows.length })}
                </button>
              </div>
            )}
          </figcaption>
        </figure>
      )}
    </Panel>
  );
}
