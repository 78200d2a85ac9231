// The tables of a report, as sent by the API: stable columns, bilingual headers, values formatted
// for people (durations, rates, local times) while the CSV keeps the raw ones.
import { useTranslation } from 'react-i18next';
import type { ReportCell, ReportColumnKind, ReportTable } from '../../api/report-types';
import type { Bilingual } from '../../api/types';
import { useSession } from '../../app/session';
import { useBi } from '../../components/Bi';
import { DateTime } from '../../components/DateTime';
import { DataTable } from '../../components/ListParts';
import { Empty, Panel } from '../../components/Page';
import { formatDuration } from '../../lib/format';

/** Text, codes and times read left-aligned; every other kind is a number. */
const textual = (kind: ReportColumnKind) => kind === 'text' || kind === 'code' || kind === 'instant';

function Cell({
  value,
  kind,
  labels,
}: {
  value: ReportCell;
  kind: ReportColumnKind;
  labels: Record<string, Bilingual>;
}) {
  const { locale } = useSession();
  const bi = useBi();
  if (value === null || value === '') return <span className="muted">—</span>;
  if (kind === 'code' && typeof value === 'string' && labels[value]) return <>{bi(labels[value])}</>;
  if (typeof value === 'number' && kind === 'duration') return <>{formatDuration(value, locale)}</>;
  if (typeof value === 'number' && kind === 'rate') return <>{`${(value * 100).toFixed(1)} %`}</>;
  if (kind === 'instant' && typeof value === 'string') return <DateTime at={value} />;
  return <>{String(value)}</>;
}

export function ReportTableCard({ table, labels }: { table: ReportTable; labels: Record<string, Bilingual> }) {
  const { t } = useTranslation();
  const bi = useBi();
  const title = bi(table.title);
  return (
    <Panel title={title} flush id={`table-${table.id}`}>
      <DataTable
        items={table.rows}
        rowKey={(_, i) => i}
        region={title}
        empty={<Empty title={t('reports.noData')} />}
        columns={table.columns.map((c) => ({ title: bi(c.label), className: textual(c.kind) ? '' : 'num' }))}
        row={(row) =>
          row.map((v, j) => {
            const col = table.columns[j];
            const kind = col?.kind ?? 'text';
            return (
              <td key={col?.key ?? j} className={textual(kind) ? (col?.key === 'sha256' ? 'mono small' : '') : 'num'}>
                <Cell value={v} kind={kind} labels={labels} />
              </td>
            );
          })
        }
      />
    </Panel>
  );
}
