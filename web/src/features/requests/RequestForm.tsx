// The per-type request form: the type drives the legal bases offered and the type-specific fields;
// every field shows its own message from the API's issues, in the user's language. In 'inject' mode
// (an exercise scenario's request inject) the sections are fieldsets inside the inject, and the
// requested party is the inject's target, so it is not asked for.
import { useContext, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestMeta } from '../../api/types';
import { useSession } from '../../app/session';
import { useBi } from '../../components/Bi';
import { FieldPathPrefix, fieldId, SelectField, TextArea, TextField } from '../../components/Field';
import { Panel } from '../../components/Page';
import { PartyPicker } from '../../components/PartyName';
import { IdentifiersEditor } from './IdentifiersEditor';
import { allowedBases, LegalBasisPicker } from './LegalBasisPicker';
import type { RequestFormState } from './request-form-state';
import { TypeDetailsFields } from './TypeDetailsFields';

type Props = {
  meta: RequestMeta;
  mode?: 'outgoing' | 'incoming' | 'inject';
  form: RequestFormState;
  onChange(next: RequestFormState): void;
  fieldError(path: string): string | undefined;
};

/** A section of the form: a panel on the request page, a fieldset inside an exercise inject. */
function Section({
  inject,
  id,
  title,
  children,
}: {
  inject: boolean;
  id: string;
  title: ReactNode;
  children: ReactNode;
}) {
  const prefix = useContext(FieldPathPrefix);
  if (!inject)
    return (
      <Panel title={title} id={prefix ? fieldId(prefix + id) : id}>
        {children}
      </Panel>
    );
  return (
    <fieldset className="form-section">
      <legend>{title}</legend>
      {children}
    </fieldset>
  );
}

export function RequestForm({ meta, mode = 'outgoing', form, onChange, fieldError }: Props) {
  const { t } = useTranslation();
  const bi = useBi();
  const { timeZone } = useSession();
  const inject = mode === 'inject';
  const set = (patch: Partial<RequestFormState>) => onChange({ ...form, ...patch });
  const text = (key: keyof RequestFormState, path: string) => ({
    path,
    value: String(form[key] ?? ''),
    error: fieldError(path),
    onChange: (e: { target: { value: string } }) => set({ [key]: e.target.value } as Partial<RequestFormState>),
  });
  const options = (labels: Record<string, { en: string; zh: string }>) =>
    Object.entries(labels).map(([value, label]) => ({ value, label: bi(label) }));

  const changeType = (type: string) => {
    const keep = allowedBases(meta, type).some((b) => b.id === form.legalBasis);
    onChange({
      ...form,
      type,
      details: {},
      legalBasis: keep ? form.legalBasis : '',
      urgency: type === 'emergency_disclosure' ? 'emergency' : form.urgency,
    });
  };

  return (
    <div className="stack">
      <Section inject={inject} title={t('requestForm.sectionType')} id="sec-type">
        <div className="form-grid">
          <SelectField
            label={t('requestForm.type')}
            path="type"
            required
            options={options(meta.types)}
            value={form.type}
            onChange={(e) => changeType(e.target.value)}
            error={fieldError('type')}
          />
          {!inject && (
            <PartyPicker
              label={mode === 'incoming' ? t('requestForm.requestingParty') : t('requestForm.requestedParty')}
              required
              allowOther
              path={mode === 'incoming' ? 'requestingParty' : 'requestedParty'}
              value={form.requestedParty}
              error={fieldError(mode === 'incoming' ? 'requestingParty' : 'requestedParty')}
              onChange={(id) => set({ requestedParty: id })}
            />
          )}
          <SelectField
            label={t('common.urgency')}
            path="urgency"
            required
            options={options(meta.urgencies)}
            value={form.urgency}
            onChange={(e) => set({ urgency: e.target.value })}
            error={fieldError('urgency')}
          />
          <SelectField
            label={t('requestForm.confidentiality')}
            path="confidentiality"
            options={options(meta.confidentiality)}
            value={form.confidentiality}
            onChange={(e) => set({ confidentiality: e.target.value })}
            error={fieldError('confidentiality')}
          />
        </div>
      </Section>

      <Section inject={inject} title={t('requestForm.sectionCase')} id="sec-case">
        <div className="form-grid">
          <TextField label={t('requestForm.caseRef')} required {...text('caseRef', 'caseRef')} />
          <SelectField
            label={t('requestForm.crimeCategory')}
            path="crimeCategory"
            required
            placeholder={t('common.choose')}
            options={options(meta.crimeCategories)}
            value={form.crimeCategory}
            onChange={(e) => set({ crimeCategory: e.target.value })}
            error={fieldError('crimeCategory')}
          />
          <TextField label={t('requestForm.subjectZh')} required lang="zh-CN" {...text('subjectZh', 'subject.zh')} />
          <TextField label={t('requestForm.subjectEn')} required lang="en" {...text('subjectEn', 'subject.en')} />
          <TextArea label={t('requestForm.facts')} required className="span-2" rows={5} {...text('facts', 'facts')} />
          <TextArea
            label={t('requestForm.dataRequested')}
            required
            className="span-2"
            rows={3}
            {...text('dataRequested', 'dataRequested')}
          />
        </div>
      </Section>

      {[
        'preservation',
        'expedited_disclosure',
        'emergency_disclosure',
        'takedown',
        'freeze_assets',
        'interview',
      ].includes(form.type) && (
        <Section
          inject={inject}
          title={t('requestForm.sectionDetails', { type: bi(meta.types[form.type]) })}
          id="sec-details"
        >
          <TypeDetailsFields
            type={form.type}
            values={form.details}
            fieldError={fieldError}
            onChange={(k, v) => set({ details: { ...form.details, [k]: v } })}
          />
        </Section>
      )}

      <Section inject={inject} title={t('requestForm.sectionIdentifiers')} id="sec-identifiers">
        <p className="faint">{t('requestForm.identifiersHelp')}</p>
        <IdentifiersEditor
          meta={meta}
          rows={form.identifiers}
          timeZone={timeZone}
          fieldError={fieldError}
          onChange={(identifiers) => set({ identifiers })}
        />
      </Section>

      <Section inject={inject} title={t('requestForm.sectionLegal')} id="sec-legal">
        <LegalBasisPicker
          meta={meta}
          type={form.type}
          value={form.legalBasis}
          note={form.legalBasisNote}
          urgency={form.urgency}
          onChange={(legalBasis) => set({ legalBasis })}
          onNote={(legalBasisNote) => set({ legalBasisNote })}
          error={fieldError('legalBasis')}
          noteError={fieldError('legalBasisNote')}
        />
      </Section>

      <Section inject={inject} title={t('requestForm.sectionContact')} id="sec-contact">
        <div className="form-grid">
          <TextField
            label={t('requestForm.requestedDeadline')}
            type="datetime-local"
            hint={t('requestForm.inYourZone', { zone: timeZone })}
            {...text('requestedDeadline', 'requestedDeadline')}
          />
          <TextField label={t('requestForm.contactName')} required {...text('contactName', 'contactOfficer.name')} />
          <TextField
            label={t('requestForm.contactEmail')}
            required
            type="email"
            {...text('contactEmail', 'contactOfficer.email')}
          />
          <TextField
            label={t('requestForm.contactPhone')}
            required
            type="tel"
            {...text('contactPhone', 'contactOfficer.phone')}
          />
        </div>
      </Section>
    </div>
  );
}
