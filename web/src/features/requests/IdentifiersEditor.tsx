// The identifiers a request concerns (accounts, IPs, domains, wallets …), each with an optional
// time range read in its own time zone, as the provider's logs need it.
import { useTranslation } from 'react-i18next';
import type { RequestMeta } from '../../api/types';
import { useBi } from '../../components/Bi';
import { SelectField, TextField, useFieldId } from '../../components/Field';
import { emptyIdentifier, type IdentifierRow } from './request-form-state';

type Props = {
  meta: RequestMeta;
  rows: IdentifierRow[];
  timeZone: string;
  onChange(rows: IdentifierRow[]): void;
  fieldError(path: string): string | undefined;
};

export function IdentifiersEditor({ meta, rows, timeZone, onChange, fieldError }: Props) {
  const { t } = useTranslation();
  const bi = useBi();
  const kinds = Object.entries(meta.identifierKinds).map(([value, label]) => ({ value, label: bi(label) }));
  const set = (i: number, patch: Partial<IdentifierRow>) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  // The API numbers only the filled-in rows; map each row to its index there for error messages.
  let filled = -1;
  const apiIndex = rows.map((r) => (r.value.trim() ? (filled += 1) : -1));
  const listError = fieldError('identifiers');
  const listId = useFieldId('identifiers');
  const zonesId = useFieldId('time-zones');
  return (
    <div className="stack-sm">
      {listError && (
        <div className="field">
          <span className="error" id={listId}>
            ⚠ {listError}
          </span>
        </div>
      )}
      {rows.map((row, i) => {
        const n = apiIndex[i] ?? -1;
        const p = `identifiers.${n >= 0 ? n : `new${i}`}`;
        const err = (k: string) => (n >= 0 ? fieldError(`${p}.${k}`) : undefined);
        const label = (key: 'kind' | 'value' | 'service' | 'from' | 'to' | 'timeZone') =>
          t(`requestForm.identifier.${key}`);
        return (
          <div key={i} className="identifier-row">
            <SelectField
              label={label('kind')}
              path={`${p}.kind`}
              options={kinds}
              value={row.kind}
              onChange={(e) => set(i, { kind: e.target.value })}
            />
            <TextField
              label={label('value')}
              path={`${p}.value`}
              value={row.value}
              onChange={(e) => set(i, { value: e.target.value })}
              error={err('value')}
              className="grow-2"
            />
            <TextField
              label={label('service')}
              path={`${p}.service`}
              value={row.service}
              onChange={(e) => set(i, { service: e.target.value })}
            />
            <TextField
              label={label('from')}
              path={`${p}.from`}
              type="datetime-local"
              value={row.from}
              onChange={(e) => set(i, { from: e.target.value })}
              error={err('from')}
            />
            <TextField
              label={label('to')}
              path={`${p}.to`}
              type="datetime-local"
              value={row.to}
              onChange={(e) => set(i, { to: e.target.value })}
              error={err('to')}
            />
            <TextField
              label={label('timeZone')}
              path={`${p}.timeZone`}
              value={row.timeZone}
              onChange={(e) => set(i, { timeZone: e.target.value })}
              error={err('timeZone')}
              list={zonesId}
            />
            <button
              type="button"
              className="btn sm ghost"
              onClick={() => onChange(rows.filter((_, j) => j !== i))}
              disabled={rows.length === 1}
            >
              <span aria-hidden="true">✕</span>
              <span className="sr-only">{t('requestForm.identifier.remove', { n: i + 1 })}</span>
            </button>
          </div>
        );
      })}
      <div>
        <button type="button" className="btn sm" onClick={() => onChange([...rows, emptyIdentifier(timeZone)])}>
          + {t('requestForm.identifier.add')}
        </button>
      </div>
      <datalist id={zonesId}>
        {[
          'Asia/Shanghai',
          'Asia/Hong_Kong',
          'America/New_York',
          'America/Los_Angeles',
          'Europe/Brussels',
          'Europe/London',
          'UTC',
        ].map((z) => (
          <option key={z} value={z} />
        ))}
      </datalist>
    </div>
  );
}
