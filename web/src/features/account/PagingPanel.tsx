// Paging (issue 19): the user's own channels — an e-mail address and an HTTPS webhook with its signing
// secret (shown once) — quiet hours that never hold back emergencies, a test page, and browser
// notifications with a sound for open tabs.
import { useEffect, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { answer, http } from '../../api/client';
import type { components } from '../../api/generated/api';
import { useSession } from '../../app/session';
import { Badge } from '../../components/Badge';
import { ErrorSummary, useFieldErrors } from '../../components/ErrorSummary';
import { TextField } from '../../components/Field';
import { Panel, QueryState } from '../../components/Page';
import {
  browserNotificationState,
  requestBrowserNotifications,
  showBrowserNotification,
  type BrowserNotificationState,
} from './browser-notify';

type PagingSettings = components['schemas']['MyPagingSettings'];

type Form = {
  email: string;
  emailEnabled: boolean;
  webhookUrl: string;
  webhookEnabled: boolean;
  quiet: boolean;
  start: string;
  end: string;
  rotate: boolean;
};

const toForm = (s: PagingSettings): Form => ({
  email: s.email ?? '',
  emailEnabled: s.emailEnabled,
  webhookUrl: s.webhookUrl ?? '',
  webhookEnabled: s.webhookEnabled,
  quiet: !!s.quietHours,
  start: s.quietHours?.start ?? '22:00',
  end: s.quietHours?.end ?? '07:00',
  rotate: false,
});

export function PagingPanel() {
  const { t } = useTranslation();
  const { me } = useSession();
  const qc = useQueryClient();
  const settings = useQuery({ queryKey: ['paging'], queryFn: () => answer(http.GET('/api/me/paging')) });
  const [v, setV] = useState<Form | null>(null);
  useEffect(() => {
    if (settings.data && !v) setV(toForm(settings.data));
  }, [settings.data, v]);
  const save = useMutation({
    mutationFn: (f: Form) =>
      answer(
        http.PUT('/api/me/paging', {
          body: {
            email: f.email.trim() || null,
            emailEnabled: f.emailEnabled,
            webhookUrl: f.webhookUrl.trim() || null,
            webhookEnabled: f.webhookEnabled,
            quietHours: f.quiet ? { start: f.start, end: f.end } : null,
            ...(f.rotate ? { rotateWebhookSecret: true } : {}),
          },
        }),
      ),
    onSuccess: (data) => {
      setV(toForm(data));
      qc.setQueryData(['paging'], data);
    },
  });
  const test = useMutation({ mutationFn: () => answer(http.POST('/api/me/paging/test')) });
  const err = useFieldErrors(save.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (v) {
      test.reset();
      save.mutate(v);
    }
  };
  const s = settings.data;
  const fields = (s?.allowedContent ?? [])
    .map((f) => t(`paging.fields.${f}`, { defaultValue: f }))
    .join(t('paging.listSep'));
  return (
    <Panel title={t('paging.title')} id="paging">
      <QueryState isLoading={settings.isLoading || !v} error={settings.error}>
        {v && s && (
          <form className="stack-sm" onSubmit={submit} noValidate>
            <p>{t('paging.help')}</p>
            <p className="faint small">{t('paging.allowed', { fields })}</p>
            {!s.smtpConfigured && (
              <div className="alert warning" role="status">
                {t('paging.noSmtp')}
              </div>
            )}
            <div className="form-grid">
              <TextField
                label={t('paging.email')}
                path="email"
                type="email"
                autoComplete="email"
                value={v.email}
                error={err('email')}
                onChange={(e) => setV({ ...v, email: e.target.value })}
              />
              <label className="check">
                <input
                  type="checkbox"
                  checked={v.emailEnabled}
                  onChange={(e) => setV({ ...v, emailEnabled: e.target.checked })}
                />
                {t('paging.emailOn')}
              </label>
              <TextField
                label={t('paging.webhook')}
                path="webhookUrl"
                type="url"
                value={v.webhookUrl}
                error={err('webhookUrl')}
                disabled={s.webhookHosts.length === 0 && !v.webhookUrl}
                hint={
                  s.webhookHosts.length === 0
                    ? t('paging.noWebhookHosts')
                    : t('paging.webhookHint', { hosts: s.webhookHosts.join(', ') })
                }
                onChange={(e) => setV({ ...v, webhookUrl: e.target.value })}
              />
              <div className="stack-sm">
                <label className="check">
                  <input
                    type="checkbox"
                    checked={v.webhookEnabled}
                    onChange={(e) => setV({ ...v, webhookEnabled: e.target.checked })}
                  />
                  {t('paging.webhookOn')}
                </label>
                {s.webhookHasSecret && (
                  <label className="check">
                    <input
                      type="checkbox"
                      checked={v.rotate}
                      onChange={(e) => setV({ ...v, rotate: e.target.checked })}
                    />
                    {t('paging.newSecret')}
                  </label>
                )}
              </div>
            </div>
            <fieldset className="stack-sm" style={{ border: 0, padding: 0, margin: 0 }}>
              <legend className="label">{t('paging.quiet')}</legend>
              <label className="check">
                <input type="checkbox" checked={v.quiet} onChange={(e) => setV({ ...v, quiet: e.target.checked })} />
                {t('paging.quietOn')}
              </label>
              {v.quiet && (
                <div className="inline-form">
                  <TextField
                    label={t('paging.quietFrom')}
                    path="quietHours.start"
                    type="time"
                    value={v.start}
                    error={err('quietHours.start')}
                    onChange={(e) => setV({ ...v, start: e.target.value })}
                  />
                  <TextField
                    label={t('paging.quietTo')}
                    path="quietHours.end"
                    type="time"
                    value={v.end}
                    error={err('quietHours.end')}
                    onChange={(e) => setV({ ...v, end: e.target.value })}
                  />
                </div>
              )}
              {v.quiet && <p className="faint small">{t('paging.quietHint', { zone: me.user.timeZone })}</p>}
            </fieldset>
            {save.data?.webhookSecret && (
              <div className="alert warning" role="status">
                <div className="stack-sm grow">
                  <div className="alert-title">{t('paging.secretShownOnce')}</div>
                  <div className="code-box" data-testid="webhook-secret">
                    {save.data.webhookSecret}
                  </div>
                </div>
              </div>
            )}
            <div className="form-actions">
              {save.isSuccess && (
                <span className="faint" role="status">
                  {t('paging.saved')}
                </span>
              )}
              {test.isSuccess && (
                <span className="faint" role="status">
                  {t('paging.testSent')}
                </span>
              )}
              <button
                type="button"
                className="btn"
                disabled={test.isPending || !(s.emailEnabled || s.webhookEnabled)}
                onClick={() => {
                  save.reset();
                  test.mutate();
                }}
              >
                {t('paging.test')}
              </button>
              <button type="submit" className="btn primary" disabled={save.isPending}>
                {t('common.save')}
              </button>
            </div>
            <ErrorSummary error={save.error ?? test.error} />
          </form>
        )}
      </QueryState>
      <BrowserNotifications />
    </Panel>
  );
}

function BrowserNotifications() {
  const { t } = useTranslation();
  const [state, setState] = useState<BrowserNotificationState>(browserNotificationState());
  return (
    <div className="stack-sm" style={{ marginTop: 'var(--sp-4)' }}>
      <div className="label">
        {t('paging.browser')} {state === 'granted' && <Badge tone="success">{t('paging.browserOn')}</Badge>}
      </div>
      <p className="faint small">{t('paging.browserHelp')}</p>
      {state === 'unsupported' && <p className="small">{t('paging.browserUnsupported')}</p>}
      {state === 'denied' && <p className="small">{t('paging.browserDenied')}</p>}
      <div className="form-actions" style={{ justifyContent: 'flex-start' }}>
        {state === 'default' && (
          <button
            type="button"
            className="btn"
            onClick={() => {
              void requestBrowserNotifications().then(setState);
            }}
          >
            {t('paging.browserAllow')}
          </button>
        )}
        {state === 'granted' && (
          <button
            type="button"
            className="btn"
            onClick={() => {
              void showBrowserNotification(
                t('paging.browserTestTitle'),
                t('paging.browserTestBody'),
                'crossline-test',
                '/account',
              );
            }}
          >
            {t('paging.browserTest')}
          </button>
        )}
      </div>
    </div>
  );
}
