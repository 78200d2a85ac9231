// Writing or revising an article: bilingual title, summary and Markdown body, kind, status, TLP,
// tags and the parties it concerns. Saving an existing article makes a new version.
import { useEffect, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { answer, http } from '../../api/client';
import { ARTICLE_KINDS, ARTICLE_STATUSES, type ArticleContent } from '../../api/knowledge-types';
import { ErrorSummary, useFieldErrors } from '../../components/ErrorSummary';
import { SelectField, TextArea, TextField } from '../../components/Field';
import { PageHeader, Panel, QueryState } from '../../components/Page';
import { TLP_LEVELS } from '../../../../src/domain/case/tlp';

type Form = {
  kind: string;
  status: string;
  tlp: string;
  titleZh: string;
  titleEn: string;
  summaryZh: string;
  summaryEn: string;
  bodyZh: string;
  bodyEn: string;
  tags: string;
  concerns: string;
  note: string;
};
const EMPTY: Form = {
  kind: 'typology',
  status: 'draft',
  tlp: 'GREEN',
  titleZh: '',
  titleEn: '',
  summaryZh: '',
  summaryEn: '',
  bodyZh: '',
  bodyEn: '',
  tags: '',
  concerns: '',
  note: '',
};
const list = (s: string) =>
  s
    .split(/[,，]/)
    .map((x) => x.trim())
    .filter(Boolean);

export function ArticleEditorPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const existing = useQuery({
    queryKey: ['knowledge', 'detail', id],
    enabled: Boolean(id),
    queryFn: () => answer(http.GET('/api/knowledge/articles/{id}', { params: { path: { id: id! } } })),
  });
  const [v, setV] = useState<Form>(EMPTY);
  useEffect(() => {
    const a = existing.data;
    if (a) {
      setV({
        kind: a.kind,
        status: a.status,
        tlp: a.tlp,
        titleZh: a.title.zh,
        titleEn: a.title.en,
        summaryZh: a.summary.zh,
        summaryEn: a.summary.en,
        bodyZh: a.body.zh,
        bodyEn: a.body.en,
        tags: a.tags.join(', '),
        concerns: a.concerns.join(', '),
        note: '',
      });
    }
  }, [existing.data]);
  const content = (): ArticleContent => ({
    kind: v.kind as ArticleContent['kind'],
    status: v.status as ArticleContent['status'],
    tlp: TLP_LEVELS.find((x) => x === v.tlp) ?? 'GREEN',
    title: { zh: v.titleZh, en: v.titleEn },
    summary: { zh: v.summaryZh, en: v.summaryEn },
    body: { zh: v.bodyZh, en: v.bodyEn },
    tags: list(v.tags),
    concerns: list(v.concerns),
  });
  const save = useMutation({
    mutationFn: () =>
      answer(
        id
          ? http.PATCH('/api/knowledge/articles/{id}', {
              params: { path: { id } },
              body: { content: content(), note: v.note, expectedVersion: existing.data?.version ?? 1 },
            })
          : http.POST('/api/knowledge/articles', { body: content() }),
      ),
    onSuccess: async (a) => {
      await qc.invalidateQueries({ queryKey: ['knowledge'] });
      navigate(`/knowledge/${a.id}`);
    },
  });
  const err = useFieldErrors(save.error);
  const field = (key: keyof Form, path: string) => ({
    path,
    value: v[key],
    error: err(path),
    onChange: (e: { target: { value: string } }) => setV({ ...v, [key]: e.target.value }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <>
      <PageHeader
        eyebrow={<Link to="/knowledge">{t('knowledge.title')}</Link>}
        title={id ? t('knowledge.editTitle') : t('knowledge.newTitle')}
      />
      <QueryState isLoading={Boolean(id) && existing.isLoading} error={existing.error}>
        <form className="stack" onSubmit={submit} noValidate>
          <ErrorSummary error={save.error} />
          <Panel id="article-form" title={t('knowledge.sectionArticle')}>
            <div className="form-grid">
              <SelectField
                label={t('knowledge.kind')}
                {...field('kind', 'kind')}
                options={ARTICLE_KINDS.map((k) => ({ value: k, label: t(`knowledge.kinds.${k}`) }))}
              />
              <SelectField
                label={t('knowledge.status')}
                {...field('status', 'status')}
                options={ARTICLE_STATUSES.map((s) => ({ value: s, label: t(`knowledge.statuses.${s}`) }))}
              />
              <SelectField
                label="TLP"
                {...field('tlp', 'tlp')}
                options={TLP_LEVELS.map((x) => ({ value: x, label: `TLP:${x}` }))}
              />
              <TextField label={t('knowledge.tagsField')} hint={t('knowledge.commaHint')} {...field('tags', 'tags')} />
              <TextField
                label={t('knowledge.titleZh')}
                lang="zh-CN"
                {...field('titleZh', 'title.zh')}
                error={err('title.zh') ?? err('title')}
              />
              <TextField label={t('knowledge.titleEn')} lang="en" {...field('titleEn', 'title.en')} />
              <TextArea label={t('knowledge.summaryZh')} lang="zh-CN" {...field('summaryZh', 'summary.zh')} />
              <TextArea label={t('knowledge.summaryEn')} lang="en" {...field('summaryEn', 'summary.en')} />
            </div>
          </Panel>
          <Panel id="article-body" title={t('knowledge.sectionBody')}>
            <div className="form-grid">
              <TextArea
                label={t('knowledge.bodyZh')}
                lang="zh-CN"
                rows={14}
                hint={t('knowledge.markdownHint')}
                {...field('bodyZh', 'body.zh')}
                error={err('body.zh') ?? err('body')}
              />
              <TextArea label={t('knowledge.bodyEn')} lang="en" rows={14} {...field('bodyEn', 'body.en')} />
              <TextField
                label={t('knowledge.concernsField')}
                hint={t('knowledge.commaHint')}
                {...field('concerns', 'concerns')}
              />
              {id && <TextField label={t('knowledge.versionNote')} {...field('note', 'note')} />}
            </div>
          </Panel>
          <div className="toolbar">
            <button type="submit" className="btn primary" disabled={save.isPending}>
              {id ? t('knowledge.saveVersion') : t('knowledge.create')}
            </button>
            <Link className="btn" to={id ? `/knowledge/${id}` : '/knowledge'}>
              {t('knowledge.cancel')}
            </Link>
          </div>
        </form>
      </QueryState>
    </>
  );
}
