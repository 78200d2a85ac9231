// Table of extracted indicators with a checkbox each; shared by the extraction page and a case's
// "extract from free text" mode.
import { useTranslation } from 'react-i18next';
import type { ExtractedIndicator } from '../../api/intel-correlation-types';
import { useCaseMeta } from '../../api/meta';
import { useLabel } from '../../components/Bi';
import { DataTable } from '../../components/ListParts';
import { platformOf, useFlagNames, usePlatformName } from './IndicatorNotes';

export const keyOf = (i: { type: string; value: string }) => `${i.type}:${i.value}`;

export function IndicatorPicker({
  indicators,
  chosen,
  onChange,
}: {
  indicators: readonly ExtractedIndicator[];
  chosen: ReadonlySet<string>;
  onChange(next: Set<string>): void;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const meta = useCaseMeta().data;
  const platformName = usePlatformName();
  const flagNames = useFlagNames();
  const toggle = (k: string) => {
    const next = new Set(chosen);
    if (next.has(k)) next.delete(k);
    else next.add(k);
    onChange(next);
  };
  const all = indicators.length > 0 && indicators.every((i) => chosen.has(keyOf(i)));
  return (
    <DataTable
      items={indicators}
      rowKey={keyOf}
      columns={[
        <input
          key="all"
          type="checkbox"
          aria-label={t('intel.extract.chooseAll')}
          checked={all}
          onChange={() => onChange(all ? new Set() : new Set(indicators.map(keyOf)))}
        />,
        t('intel.extract.colType'),
        t('intel.extract.colValue'),
        t('intel.extract.colCount'),
        t('intel.extract.colFlags'),
      ]}
      row={(i) => (
        <>
          <td>
            <input
              type="checkbox"
              checked={chosen.has(keyOf(i))}
              onChange={() => toggle(keyOf(i))}
              aria-label={t('intel.extract.choose', { value: i.value })}
            />
          </td>
          <td className="nowrap">
            {label(meta?.observableTypes, i.type)}
            {platformOf(i.type, i.value) && (
              <div className="small" data-testid="platform">
                {platformName(platformOf(i.type, i.value)!)}
              </div>
            )}
          </td>
          <td className="mono break">
            {i.value}
            {i.spans[0] && i.spans[0].raw !== i.value && <div className="faint small">{i.spans[0].raw}</div>}
            {i.spans[0]?.cue && (
              <div className="faint small">{t('intel.extract.afterCue', { cue: i.spans[0].cue.raw })}</div>
            )}
          </td>
          <td>{i.spans.length}</td>
          <td className="small">{flagNames(i.flags)}</td>
        </>
      )}
    />
  );
}
