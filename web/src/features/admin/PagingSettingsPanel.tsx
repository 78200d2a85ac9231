// Paging settings of the node (issue 19), for administrators: the SMTP relay in force (never its
// password), what a page may say, the hosts webhooks may reach, and how many hours before a response
// deadline the request's officers are paged. A change is stored in the database over the configuration;
// "Use the configuration" puts every value back to the configuration's.
import { useEffect, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { answer, http } from '../../api/client';
import type { components } from '../../api/generated/api';
import type { JsonBody } from '../../api/types';
import { Badge } from '../../components/Badge';
import { ErrorSummary, useFieldErrors } from '../../components/ErrorSummary';
import { SelectField, TextArea, TextField } from '../../components/Field';
import { Panel, QueryState } from '../../components/Page';

const FIELDS = ['reference', 'urgency', 'deadline', 'title', 'summary'] as const;
type NodePaging = components['schemas']['NodePagingSettings'];
type Security = NodePaging['smtp']['security'];
type Key = NodePaging['overridden'][number];
type ContentField = NodePaging['content'][number];
type Change = JsonBody<'/api/paging/settings', 'put'>;
type Form = {
  smtpHost: string;
  smtpPort: string;
  smtpSecurity: Security;
  smtpFrom: string;
  content: ContentField[];
  webhookHosts: string;
  deadlineSoonHours: string;
};

const toForm = (s: NodePaging): Form => ({
  smtpHost: s.smtp.host ?? '',
  smtpPort: String(s.smtp.port),
  smtpSecurity: s.smtp.security,
  smtpFrom: s.smtp.from,
  content: [...s.content],
  webhookHosts: s.webhookHosts.join('\n'),
  deadlineSoonHours: String(s.deadlineSoonHours),
});

const hostsOf = (text: string) =>
  text
    .split(/[\s,]+/)
    .map((h) => h.trim())
    .filter(Boolean);
const num = (v: string) => (v.trim() === '' ? null : Number(v));

/** Only what the administrator changed: an emptied field goes back to the configuration (null). */
function changes(s: NodePaging, f: Form): Change {
  const out: Change = {};
  if (f.smtpHost.trim() !== (s.smtp.host ?? '')) out.smtpHost = f.smtpHost.trim() || null;
  if (f.smtpPort.trim() !== String(s.smtp.port)) out.smtpPort = num(f.smtpPort);
  if (f.smtpSecurity !== s.smtp.security) out.smtpSecurity = f.smtpSecurity;
  if (f.smtpFrom.trim() !== s.smtp.from) out.smtpFrom = f.smtpFrom.trim() || null;
  if ([...f.content].sort().join() !== [...s.content].sort().join()) out.content = f.content;
  if (hostsOf(f.webhookHosts).join() !== s.webhookHosts.join()) out.webhookHosts = hostsOf(f.webhookHosts);
  if (f.deadlineSoonHours.trim() !== String(s.deadlineSoonHours)) out.deadlineSoonHours = num(f.deadlineSoonHours);
  return out;
}

export function PagingSettingsPanel() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const settings = useQuery({
    queryKey: ['paging-node-settings'],
    queryFn: () => answer(http.GET('/api/paging/settings')),
  });
  const [v, setV] = useState<Form | null>(null);
  useEffect(() => {
    if (settings.data && !v) setV(toForm(settings.data));
  }, [settings.data, v]);
  const save = useMutation({
    mutationFn: (body: Change) => answer(http.PUT('/api/paging/settings', { body })),
    onSuccess: (data) => {
      setV(toForm(data));
      qc.setQueryData(['paging-node-settings'], data);
      void qc.invalidateQueries({ queryKey: ['paging'] });
    },
  });
  const err = useFieldErrors(save.error);
  const s = settings.data;
  const source = (k: Key) =>
    s?.overridden.includes(k) ? (
      <Badge tone="info">{t('pagingAdmin.setHere')}</Badge>
    ) : (
      <span className="faint small">{t('pagingAdmin.fromConfig')}</span>
    );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (v && s) save.mutate(changes(s, v));
  };
  const reset = () => save.mutate(Object.fromEntries((s?.overridden ?? []).map((k) => [k, null])));
  return (
    <Panel title={t('pagingAdmin.title')} id="paging-settings">
      <QueryState isLoading={settings.isLoading || !v} error={settings.error}>
        {v && s && (
          <form className="stack" onSubmit={submit} noValidate>
            <p className="faint small">{t('pagingAdmin.help')}</p>
            <fieldset className="stack-sm" style={{ border: 0, padding: 0, margin: 0 }}>
              <legend className="label">{t('pagingAdmin.smtp')}</legend>
              {!s.smtp.host && (
                <div className="alert warning" role="status">
                  {t('pagingAdmin.noSmtp')}
                </div>
              )}
              <div className="form-grid">
                <TextField
                  label={t('pagingAdmin.smtpHost')}
                  path="smtpHost"
                  value={v.smtpHost}
                  error={err('smtpHost')}
                  hint={source('smtpHost')}
                  onChange={(e) => setV({ ...v, smtpHost: e.target.value })}
                />
                <TextField
                  label={t('pagingAdmin.smtpPort')}
                  path="smtpPort"
                  type="number"
                  min={1}
                  max={65535}
                  value={v.smtpPort}
                  error={err('smtpPort')}
                  hint={source('smtpPort')}
                  onChange={(e) => setV({ ...v, smtpPort: e.target.value })}
                />
                <SelectField
                  label={t('pagingAdmin.smtpSecurity')}
                  path="smtpSecurity"
                  value={v.smtpSecurity}
                  error={err('smtpSecurity')}
                  hint={source('smtpSecurity')}
                  options={(['starttls', 'tls', 'none'] as const).map((x) => ({
                    value: x,
                    label: t(`pagingAdmin.security.${x}`),
                  }))}
                  onChange={(e) => setV({ ...v, smtpSecurity: e.target.value as Security })}
                />
                <TextField
                  label={t('pagingAdmin.smtpFrom')}
                  path="smtpFrom"
                  value={v.smtpFrom}
                  error={err('smtpFrom')}
                  hint={source('smtpFrom')}
                  onChange={(e) => setV({ ...v, smtpFrom: e.target.value })}
                />
              </div>
              <dl className="kv small" data-testid="smtp-auth">
                <dt>{t('pagingAdmin.smtpUser')}</dt>
                <dd>{s.smtp.user ?? t('pagingAdmin.none')}</dd>
                <dt>{t('pagingAdmin.smtpPassword')}</dt>
                <dd>{s.smtp.hasPassword ? t('pagingAdmin.passwordSet') : t('pagingAdmin.none')}</dd>
                <dt>{t('pagingAdmin.smtpCa')}</dt>
                <dd className="mono">{s.smtp.caFile ?? t('pagingAdmin.systemCas')}</dd>
              </dl>
              <p className="faint small">{t('pagingAdmin.smtpAuthHelp')}</p>
            </fieldset>
            <fieldset className="stack-sm" style={{ border: 0, padding: 0, margin: 0 }}>
              <legend className="label">
                {t('pagingAdmin.content')} {source('content')}
              </legend>
              <p className="faint small">{t('pagingAdmin.contentHelp')}</p>
              <div className="inline-form">
                {FIELDS.map((f) => (
                  <label key={f} className="check">
                    <input
                      type="checkbox"
                      checked={v.content.includes(f)}
                      onChange={(e) =>
                        setV({ ...v, content: e.target.checked ? [...v.content, f] : v.content.filter((x) => x !== f) })
                      }
                    />
                    {t(`paging.fields.${f}`)}
                  </label>
                ))}
              </div>
            </fieldset>
            <div className="form-grid">
              <TextArea
                label={t('pagingAdmin.webhookHosts')}
                path="webhookHosts"
                rows={4}
                value={v.webhookHosts}
                error={err('webhookHosts')}
                hint={
                  <>
                    {t('pagingAdmin.webhookHostsHelp')} {source('webhookHosts')}
                  </>
                }
                onChange={(e) => setV({ ...v, webhookHosts: e.target.value })}
              />
              <TextField
                label={t('pagingAdmin.deadlineSoonHours')}
                path="deadlineSoonHours"
                type="number"
                min={1}
                max={168}
                value={v.deadlineSoonHours}
                error={err('deadlineSoonHours')}
                hint={
                  <>
                    {t('pagingAdmin.deadlineSoonHelp')} {source('deadlineSoonHours')}
                  </>
                }
                onChange={(e) => setV({ ...v, deadlineSoonHours: e.target.value })}
              />
            </div>
            <div className="form-actions">
              {save.isSuccess && (
                <span className="faint" role="status">
                  {t('pagingAdmin.saved')}
                </span>
              )}
              <button
                type="button"
                className="btn"
                disabled={save.isPending || s.overridden.length === 0}
                onClick={reset}
              >
                {t('pagingAdmin.reset')}
              </button>
              <button type="submit" className="btn primary" disabled={save.isPending}>
                {t('common.save')}
              </button>
            </div>
            <ErrorSummary error={save.error} />
          </form>
        )}
      </QueryState>
    </Panel>
  );
}
