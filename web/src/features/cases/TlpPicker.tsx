// Choosing a TLP 2.0 marking, each level with what it allows recipients to do.
import { useTranslation } from 'react-i18next';
import { useCaseMeta } from '../../api/meta';
import { useBi } from '../../components/Bi';
import { TlpBadge } from '../../components/Tlp';

export function TlpPicker({ value, onChange, name }: { value: string; onChange(tlp: string): void; name: string }) {
  const { t } = useTranslation();
  const bi = useBi();
  const meta = useCaseMeta().data;
  return (
    <fieldset className="form-section">
      <legend className="sr-only">{t('cases.tlp')}</legend>
      <div className="choice-list">
        {Object.entries(meta?.tlp ?? {}).map(([level, info]) => (
          <label key={level} className="choice">
            <input type="radio" name={name} value={level} checked={value === level} onChange={() => onChange(level)} />
            <span>
              <TlpBadge tlp={level} />
              <span className="choice-sub" style={{ display: 'block' }}>
                {bi(info.description)}
              </span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
