// Opening a case: bilingual title and summary, crime categories, TLP and confidentiality.
import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { answer, http } from '../../api/client';
import { useCaseMeta } from '../../api/meta';
import type { JsonBody } from '../../api/types';
import { useBi } from '../../components/Bi';
import { ErrorSummary, useFieldErrors } from '../../components/ErrorSummary';
import { fieldId, SelectField, TextArea, TextField } from '../../components/Field';
import { PageHeader, Panel, QueryState } from '../../components/Page';
import { TlpPicker } from './TlpPicker';

const EMPTY = {
  titleEn: '',
  titleZh: '',
  summaryEn: '',
  summaryZh: '',
  reference: '',
  tlp: 'AMBER',
  confidentiality: 'normal',
};
type Form = typeof EMPTY;
type NewCase = JsonBody<'/api/cases', 'post'>;

/**
 * The body of POST /cases. Selects and checkboxes hold strings; the route's schema is the authority on
 * them (an unknown value comes back as a field error), so the body is typed as the route declares it here, once.
 */
function newCaseBody(v: Form, categories: string[]): NewCase {
  return {
    title: { en: v.titleEn, zh: v.titleZh },
    summary: { en: v.summaryEn, zh: v.summaryZh },
    crimeCategories: categories,
    tlp: v.tlp,
    confidentiality: v.confidentiality,
    ...(v.reference.trim() ? { reference: v.reference.trim() } : {}),
  } as NewCase;
}

export function NewCasePage() {
  const { t } = useTranslation();
  const bi = useBi();
  const meta = useCaseMeta();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [v, setV] = useState<Form>(EMPTY);
  const [categories, setCategories] = useState<string[]>([]);
  const create = useMutation({
    mutationFn: () => answer(http.POST('/api/cases', { body: newCaseBody(v, categories) })),
    onSuccess: async (c) => {
      await qc.invalidateQueries({ queryKey: ['cases'] });
      navigate(`/cases/${c.id}`);
    },
  });
  const err = useFieldErrors(create.error);
  const field = (key: keyof typeof v, path: string) => ({
    path,
    value: v[key],
    error: err(path),
    onChange: (e: { target: { value: string } }) => setV({ ...v, [key]: e.target.value }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <>
      <PageHeader eyebrow={<Link to="/cases">{t('cases.title')}</Link>} title={t('cases.newTitle')} />
      <QueryState isLoading={meta.isLoading} error={meta.error}>
        <form className="stack" onSubmit={submit} noValidate>
          <ErrorSummary error={create.error} />
          <Panel title={t('cases.sectionCase')} id="new-case">
            <div className="form-grid">
              <TextField label={t('cases.titleZh')} lang="zh-CN" {...field('titleZh', 'title.zh')} />
              <TextField label={t('cases.titleEn')} lang="en" {...field('titleEn', 'title.en')} />
              <TextArea label={t('cases.summaryZh')} lang="zh-CN" {...field('summaryZh', 'summary.zh')} />
              <TextArea label={t('cases.summaryEn')} lang="en" {...field('summaryEn', 'summary.en')} />
              <TextField
                label={t('cases.reference')}
                hint={t('cases.referenceHint')}
                {...field('reference', 'reference')}
              />
              <SelectField
                label={t('requestForm.confidentiality')}
                {...field('confidentiality', 'confidentiality')}
                options={Object.entries(meta.data?.confidentiality ?? {}).map(([value, l]) => ({
                  value,
                  label: bi(l),
                }))}
              />
            </div>
          </Panel>
          <Panel title={t('cases.categories')} id="new-case-categories">
            <fieldset
              className="form-section"
              aria-describedby={err('crimeCategories') ? `${fieldId('crimeCategories')}-error` : undefined}
            >
              <legend className="sr-only">{t('cases.categories')}</legend>
              <div className="grid-3" id={fieldId('crimeCategories')} tabIndex={-1}>
                {Object.entries(meta.data?.crimeCategories ?? {}).map(([k, l]) => (
                  <label key={k} className="check">
                    <input
                      type="checkbox"
                      checked={categories.includes(k)}
                      onChange={(e) =>
                        setCategories(e.target.checked ? [...categories, k] : categories.filter((c) => c !== k))
                      }
                    />
                    {bi(l)}
                  </label>
                ))}
              </div>
              {err('crimeCategories') && (
                <span className="field">
                  <span className="error" id={`${fieldId('crimeCategories')}-error`}>
                    ⚠ {err('crimeCategories')}
                  </span>
                </span>
              )}
            </fieldset>
          </Panel>
          <Panel title={t('cases.tlp')} id="new-case-tlp">
            <TlpPicker value={v.tlp} onChange={(tlp) => setV({ ...v, tlp })} name="case-tlp" />
          </Panel>
          <div className="form-actions">
            <button type="submit" className="btn primary" disabled={create.isPending}>
              {t('cases.create')}
            </button>
          </div>
        </form>
      </QueryState>
    </>
  );
}
