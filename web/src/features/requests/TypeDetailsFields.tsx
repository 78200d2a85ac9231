// Fields that only one request type has: what to preserve and where, the threat in an emergency,
// URLs to take down, assets to freeze, the person to interview.
import { useTranslation } from 'react-i18next';
import { SelectField, TextArea, TextField } from '../../components/Field';
import { DETAIL_BLOCK } from './request-form-state';

type Props = {
  type: string;
  values: Record<string, string>;
  onChange(key: string, value: string): void;
  fieldError(path: string): string | undefined;
};

export function TypeDetailsFields({ type, values, onChange, fieldError }: Props) {
  const { t } = useTranslation();
  const block = DETAIL_BLOCK[type];
  if (!block) return null;
  const path = (k: string) => `details.${block}.${k}`;
  const common = (k: string) => ({
    path: path(k),
    value: values[k] ?? '',
    error: fieldError(path(k)),
    onChange: (e: { target: { value: string } }) => onChange(k, e.target.value),
  });
  switch (type) {
    case 'preservation':
      return (
        <div className="form-grid">
          <TextArea
            label={t('details.dataToPreserve')}
            required
            className="span-2"
            hint={t('details.dataToPreserveHint')}
            {...common('dataToPreserve')}
          />
          <TextField label={t('details.provider')} required hint={t('details.providerHint')} {...common('provider')} />
        </div>
      );
    case 'expedited_disclosure':
      return (
        <TextField
          label={t('details.preservationReference')}
          required
          hint={t('details.preservationReferenceHint')}
          {...common('preservationReference')}
        />
      );
    case 'emergency_disclosure':
      return (
        <TextArea
          label={t('details.threatDescription')}
          required
          hint={t('details.threatDescriptionHint')}
          {...common('threatDescription')}
        />
      );
    case 'takedown':
      return (
        <div className="form-grid">
          <TextArea
            label={t('details.urls')}
            required
            className="span-2"
            hint={t('details.urlsHint')}
            {...common('urls')}
          />
          <SelectField
            label={t('details.contentKind')}
            required
            placeholder={t('common.choose')}
            {...common('contentKind')}
            options={(['csam', 'terrorist_content', 'fraud_site', 'phishing', 'malware', 'other'] as const).map(
              (v) => ({ value: v, label: t(`details.contentKinds.${v}`) }),
            )}
          />
          <TextField label={t('details.hostingProvider')} {...common('hostingProvider')} />
        </div>
      );
    case 'freeze_assets':
      return (
        <div className="form-grid">
          <SelectField
            label={t('details.assetKind')}
            required
            placeholder={t('common.choose')}
            {...common('assetKind')}
            options={(['funds', 'crypto'] as const).map((v) => ({ value: v, label: t(`details.assetKinds.${v}`) }))}
          />
          <TextField label={t('details.institution')} required {...common('institution')} />
          <TextField label={t('details.account')} required {...common('account')} />
          <div className="row" style={{ alignItems: 'flex-start' }}>
            <TextField
              label={t('details.amount')}
              required
              inputMode="decimal"
              className="grow"
              {...common('amount')}
            />
            <TextField label={t('details.currency')} required maxLength={10} {...common('currency')} />
          </div>
        </div>
      );
    case 'interview':
      return (
        <div className="form-grid">
          <TextField label={t('details.personName')} required {...common('personName')} />
          <SelectField
            label={t('details.role')}
            required
            placeholder={t('common.choose')}
            {...common('role')}
            options={(['witness', 'suspect'] as const).map((v) => ({ value: v, label: t(`details.roles.${v}`) }))}
          />
          <TextField label={t('details.language')} {...common('language')} />
          <label className="check" style={{ alignSelf: 'end' }}>
            <input
              type="checkbox"
              checked={values.videoConference === 'true'}
              onChange={(e) => onChange('videoConference', e.target.checked ? 'true' : '')}
            />
            {t('details.videoConference')}
          </label>
          <TextArea label={t('details.questions')} className="span-2" {...common('questions')} />
        </div>
      );
    default:
      return null;
  }
}
