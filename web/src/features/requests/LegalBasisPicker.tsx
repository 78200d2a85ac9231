// Legal basis choices for the chosen request type, with what each implies (emergency only,
// approval before data leaves, preservation period); a note field when the basis needs one.
import { useTranslation } from 'react-i18next';
import type { LegalBasis, RequestMeta } from '../../api/types';
import { useBi } from '../../components/Bi';
import { TextField, useFieldId } from '../../components/Field';
import { Badge } from '../../components/Badge';
import { sameLabel } from '../../lib/same-label';

type Props = {
  meta: RequestMeta;
  type: string;
  value: string;
  note: string;
  urgency: string;
  onChange(value: string): void;
  onNote(note: string): void;
  error?: string;
  noteError?: string;
};

export function allowedBases(meta: RequestMeta, type: string): LegalBasis[] {
  const ids = new Set(meta.legalBasesByType[type] ?? []);
  return meta.legalBases.filter((b) => ids.has(b.id));
}

export function LegalBasisPicker({ meta, type, value, note, urgency, onChange, onNote, error, noteError }: Props) {
  const { t } = useTranslation();
  const bi = useBi();
  const bases = allowedBases(meta, type);
  const chosen = bases.find((b) => b.id === value);
  const id = useFieldId('legalBasis');
  return (
    <div className="stack-sm">
      <fieldset className="form-section" aria-describedby={error ? `${id}-error` : undefined}>
        <legend className="sr-only">{t('requestForm.legalBasis')}</legend>
        <div className="choice-list" id={id} tabIndex={-1}>
          {bases.map((b) => (
            <label key={b.id} className="choice">
              <input
                type="radio"
                name={id}
                value={b.id}
                checked={value === b.id}
                onChange={() => onChange(b.id)}
                aria-invalid={error ? true : undefined}
              />
              <span>
                <span>{bi(b.shortName)}</span>{' '}
                {b.emergencyOnly && (
                  <Badge tone={urgency === 'emergency' ? 'danger' : 'warning'}>{t('requestForm.emergencyOnly')}</Badge>
                )}{' '}
                {b.requiresApproval && <Badge tone="warning">{t('requestForm.needsApproval')}</Badge>}
                <span className="choice-sub" style={{ display: 'block' }}>
                  {[
                    b.citation !== b.id && !sameLabel(b.citation, bi(b.shortName)) ? b.citation : '',
                    b.preservation ? t('requestForm.preservationDays', { days: b.preservation.days }) : '',
                  ]
                    .filter(Boolean)
                    .join(' · ') || '\u00a0'}
                </span>
              </span>
            </label>
          ))}
        </div>
        {error && (
          <span className="field">
            <span className="error" id={`${id}-error`}>
              ⚠ {error}
            </span>
          </span>
        )}
      </fieldset>
      {chosen && (
        <p className="faint" style={{ margin: 0 }}>
          {bi(chosen.name)}
        </p>
      )}
      {chosen?.requiresNote && (
        <TextField
          label={t('requestForm.legalBasisNote')}
          path="legalBasisNote"
          required
          value={note}
          onChange={(e) => onNote(e.target.value)}
          error={noteError}
          hint={t('requestForm.legalBasisNoteHint')}
        />
      )}
    </div>
  );
}
