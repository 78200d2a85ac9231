// Charts of a report: count bars reuse the dashboard's BarCard; response-time percentiles and SLA
// compliance get their own recharts panels, each with the same figures in a table for screen readers.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import type { ReportChart } from '../../api/report-types';
import { useSession } from '../../app/session';
import { useBi } from '../../components/Bi';
import { Panel } from '../../components/Page';
import { durationScale } from '../../lib/duration-scale';
import { formatDuration } from '../../lib/format';
import { BarCard } from '../dashboard/BarCard';
import { useChartColors } from '../dashboard/chart-colors';

export function ReportChartCard({ chart }: { chart: ReportChart }) {
  if (chart.kind === 'bars') return <BarsChart chart={chart} />;
  if (chart.kind === 'percentiles') return <PercentileChart chart={chart} />;
  return <SlaChart chart={chart} />;
}

function BarsChart({ chart }: { chart: Extract<ReportChart, { kind: 'bars' }> }) {
  const bi = useBi();
  return (
    <BarCard
      id={`chart-${chart.id}`}
      title={bi(chart.title)}
      horizontal
      data={chart.bars.map((b) => ({ label: bi(b.label), value: b.value }))}
    />
  );
}

function PercentileChart({ chart }: { chart: Extract<ReportChart, { kind: 'percentiles' }> }) {
  const { t } = useTranslation();
  const bi = useBi();
  const { locale } = useSession();
  const c = useChartColors();
  const scale = durationScale(chart.series.flatMap((s) => [s.p50Ms, s.p90Ms, s.p95Ms]));
  const unit = t(`reports.unit.${scale.unit}`);
  const data = chart.series.map((s) => ({
    label: bi(s.label),
    p50: scale.toUnit(s.p50Ms),
    p90: scale.toUnit(s.p90Ms),
    p95: scale.toUnit(s.p95Ms),
  }));
  const dur = (ms: number | null) => (ms === null ? '—' : formatDuration(ms, locale));
  const empty = chart.series.every((s) => s.count === 0);
  return (
    <Panel title={bi(chart.title)} id={`chart-${chart.id}`}>
      {empty ? (
        <div className="empty">{t('reports.noData')}</div>
      ) : (
        <figure style={{ margin: 0 }}>
          <div style={{ width: '100%', height: Math.max(200, data.length * 56 + 60) }} aria-hidden="true">
            <ResponsiveContainer>
              <BarChart
                accessibilityLayer={false}
                data={data}
                layout="vertical"
                margin={{ top: 4, right: 16, bottom: 4, left: 8 }}
              >
                <CartesianGrid stroke={c['--border']} strokeDasharray="3 3" vertical horizontal={false} />
                <XAxis
                  type="number"
                  unit={unit}
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
                <Tooltip formatter={(v) => `${String(v)}${unit}`} />
                <Legend wrapperStyle={{ fontSize: 12 }} />
                <Bar dataKey="p50" name="p50" fill={c['--chart-1']} isAnimationActive={false} />
                <Bar dataKey="p90" name="p90" fill={c['--chart-2']} isAnimationActive={false} />
                <Bar dataKey="p95" name="p95" fill={c['--chart-3']} isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </div>
          <figcaption className="sr-only">
            <table>
              <caption>{bi(chart.title)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('reports.series')}</th>
                  <th scope="col">{t('reports.count')}</th>
                  <th scope="col">p50</th>
                  <th scope="col">p90</th>
                  <th scope="col">p95</th>
                </tr>
              </thead>
              <tbody>
                {chart.series.map((s) => (
                  <tr key={s.label.en}>
                    <th scope="row">{bi(s.label)}</th>
                    <td>{s.count}</td>
                    <td>{dur(s.p50Ms)}</td>
                    <td>{dur(s.p90Ms)}</td>
                    <td>{dur(s.p95Ms)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </figcaption>
        </figure>
      )}
    </Panel>
  );
}

function SlaChart({ chart }: { chart: Extract<ReportChart, { kind: 'sla' }> }) {
  const { t } = useTranslation();
  const bi = useBi();
  const c = useChartColors();
  const data = chart.items.map((i) => ({ label: bi(i.label), met: i.met, missed: i.missed, pending: i.pending }));
  const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)} %`);
  const empty = chart.items.every((i) => i.met + i.missed + i.pending === 0);
  return (
    <Panel title={bi(chart.title)} id={`chart-${chart.id}`}>
      {empty ? (
        <div className="empty">{t('reports.noData')}</div>
      ) : (
        <figure style={{ margin: 0 }}>
          <div style={{ width: '100%', height: Math.max(200, data.length * 36 + 70) }} aria-hidden="true">
            <ResponsiveContainer>
              <BarChart
                accessibilityLayer={false}
                data={data}
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
                  width={190}
                  tick={{ fill: c['--text-muted'], fontSize: 12 }}
                  stroke={c['--border']}
                />
                <Tooltip />
                <Legend wrapperStyle={{ fontSize: 12 }} />
                <Bar
                  dataKey="met"
                  stackId="s"
                  name={t('reports.met')}
                  fill={c['--success']}
                  isAnimationActive={false}
                />
                <Bar
                  dataKey="missed"
                  stackId="s"
                  name={t('reports.missed')}
                  fill={c['--danger']}
                  isAnimationActive={false}
                />
                <Bar
                  dataKey="pending"
                  stackId="s"
                  name={t('reports.pending')}
                  fill={c['--text-muted']}
                  isAnimationActive={false}
                />
              </BarChart>
            </ResponsiveContainer>
          </div>
          <figcaption className="sr-only">
            <table>
              <caption>{bi(chart.title)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('reports.series')}</th>
                  <th scope="col">{t('reports.met')}</th>
                  <th scope="col">{t('reports.missed')}</th>
                  <th scope="col">{t('reports.pending')}</th>
                  <th scope="col">{t('reports.compliance')}</th>
                </tr>
              </thead>
              <tbody>
                {chart.items.map((i) => (
                  <tr key={i.label.en}>
                    <th scope="row">{bi(i.label)}</th>
                    <td>{i.met}</td>
                    <td>{i.missed}</td>
                    <td>{i.pending}</td>
                    <td>{pct(i.rate)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </figcaption>
        </figure>
      )}
    </Panel>
  );
}
