// A titled bar chart with the same numbers in a table for screen readers.
import type { ReactNode } from 'react';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import { Panel } from '../../components/Page';
import { useChartColors } from './chart-colors';

export type BarDatum = { label: string; value: number };

export function BarCard({
  id,
  title,
  data,
  color,
  horizontal,
  footer,
  unit,
}: {
  id: string;
  title: string;
  data: BarDatum[];
  color?: string;
  horizontal?: boolean;
  footer?: ReactNode;
  unit?: string;
}) {
  const { t } = useTranslation();
  const c = useChartColors();
  const fill = color ?? c['--chart-1'];
  const empty = data.every((d) => d.value === 0);
  const height = horizontal ? Math.max(160, data.length * 34 + 40) : 240;
  return (
    <Panel title={title} id={id} footer={footer}>
      {empty ? (
        <div className="empty">{t('dashboard.noData')}</div>
      ) : (
        <figure style={{ margin: 0 }}>
          <div style={{ width: '100%', height }} aria-hidden="true">
            <ResponsiveContainer>
              <BarChart
                accessibilityLayer={false}
                data={data}
                layout={horizontal ? 'vertical' : 'horizontal'}
                margin={{ top: 4, right: 16, bottom: 4, left: horizontal ? 8 : -16 }}
              >
                <CartesianGrid
                  stroke={c['--border']}
                  strokeDasharray="3 3"
                  horizontal={!horizontal}
                  vertical={horizontal}
                />
                {horizontal ? (
                  <>
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
                  </>
                ) : (
                  <>
                    <XAxis
                      dataKey="label"
                      tick={{ fill: c['--text-muted'], fontSize: 12 }}
                      stroke={c['--border']}
                      interval={0}
                    />
                    <YAxis
                      allowDecimals={false}
                      tick={{ fill: c['--text-muted'], fontSize: 12 }}
                      stroke={c['--border']}
                    />
                  </>
                )}
                <Tooltip cursor={{ fill: 'rgba(127,127,127,0.08)' }} />
                <Bar
                  dataKey="value"
                  name={unit ?? title}
                  fill={fill}
                  radius={horizontal ? [0, 4, 4, 0] : [4, 4, 0, 0]}
                  isAnimationActive={false}
                />
              </BarChart>
            </ResponsiveContainer>
          </div>
          <figcaption className="sr-only">
            <table>
              <caption>{title}</caption>
              <tbody>
                {data.map((d) => (
                  <tr key={d.label}>
                    <th scope="row">{d.label}</th>
                    <td>{d.value}</td>
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
