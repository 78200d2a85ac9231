// Table of extracted indicators with a checkbox each; shared by the extraction page and a case's
// "extract from free text" mode.
import { useTranslation } from 'react-i18next';
import type { ExtractedIndicator } from '../../api/intel-correlation-types';
import { useCaseMeta } from '../../api/meta';
import { useLabel } from '../../components/Bi';

export const keyOf = (i: { type: string; value: string }) => `${i.type}:${i.value}`;

export function IndicatorPicker({ indicators, chosen, onChange }: {
  indicators: readonly ExtractedIndicator[]; chosen: ReadonlySet<string>; onChange(next: Set<string>): void;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const meta = useCaseMeta().data;
  const toggle = (k: string) => {
    const next = new Set(chosen);
    if (next.has(k)) next.delete(k); else next.add(k);
    onChange(next);
  };
  const all = indicators.length > 0 && indicators.every((i) => chosen.has(keyOf(i)));
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">
              <input type="checkbox" aria-label={t('intel.extract.chooseAll')} checked={all}
                onChange={() => onChange(all ? new Set() : new Set(indicators.map(keyOf)))} />
            </th>
            <th scope="col">{t('intel.extract.colType')}</th>
            <th scope="col">{t('intel.extract.colValue')}</th>
            <th scope="col">{t('intel.extract.colCount')}</th>
            <th scope="col">{t('intel.extract.colFlags')}</th>
          </tr>
        </thead>
        <tbody>
          {indicators.map((i) => (
            <tr key={keyOf(i)}>
              <td>
                <input type="checkbox" checked={chosen.has(keyOf(i))} onChange={() => toggle(keyOf(i))}
                  aria-label={t('intel.extract.choose', { value: i.value })} />
              </td>
              <td className="nowrap">{label(meta?.observableTypes, i.type)}</td>
              <td className="mono break">{i.value}{i.spans[0] && i.spans[0].raw !== i.value && <div className="faint small">{i.spans[0].raw}</div>}</td>
              <td>{i.spans.length}</td>
              <td className="small">{i.flags.map((f) => t(`intel.extract.flags.${f}`, { defaultValue: f })).join(' · ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
