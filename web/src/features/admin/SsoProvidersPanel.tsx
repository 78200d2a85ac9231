// Single-sign-on providers (OpenID Connect): the list with each one's redirect URI to register at
// the IdP, and a form to add or change one — issuer, client id and secret (write-only: the node
// never shows it again), scopes, the claim that names the user, the claim → role mapping, whether
// unknown users are created, and the button's name in both languages.
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { answer, http } from '../../api/client';
import type { components } from '../../api/generated/api';
import type { Role } from '../../api/types';
import { Badge } from '../../components/Badge';
import { ErrorSummary, useFieldErrors } from '../../components/ErrorSummary';
import { SelectField, TextField } from '../../components/Field';
import { DataTable } from '../../components/ListParts';
import { Empty, Panel, QueryState } from '../../components/Page';
import { pickBi } from '../../lib/format';
import { ROLES } from '../../../../src/domain/shared/roles';

type SsoProvider = components['schemas']['SsoProvider'];
type Mapping = SsoProvider['roleMappings'][number];

const redirectUri = (slug: string) => `${window.location.origin}/api/auth/oidc/${slug || '<short-name>'}/callback`;

export function SsoProvidersPanel() {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const [editing, setEditing] = useState<SsoProvider | 'new' | null>(null);
  const list = useQuery({
    queryKey: ['sso-admin'],
    queryFn: async () => (await answer(http.GET('/api/sso/providers'))).items,
  });
  const remove = useMutation({
    mutationFn: (id: string) => answer(http.DELETE('/api/sso/providers/{id}', { params: { path: { id } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['sso-admin'] }),
  });
  return (
    <div className="stack">
      <Panel
        title={t('sso.admin.title')}
        flush
        id="sso-providers"
        actions={
          editing ? undefined : (
            <button type="button" className="btn primary sm" onClick={() => setEditing('new')}>
              {t('sso.admin.add')}
            </button>
          )
        }
      >
        <div className="panel-body" style={{ borderBottom: '1px solid var(--border)' }}>
          <p className="muted small" style={{ margin: 0 }}>
            {t('sso.admin.help')}
          </p>
          <ErrorSummary error={remove.error} />
        </div>
        <QueryState isLoading={list.isLoading} error={list.error}>
          <DataTable
            items={list.data ?? []}
            rowKey={(p) => p.id}
            empty={<Empty title={t('sso.admin.empty')} />}
            columns={[
              t('sso.admin.nameEn'),
              `${t('sso.admin.issuer')} · ${t('sso.admin.clientId')} · ${t('sso.admin.redirectUri')}`,
              t('sso.admin.mappings'),
              t('sso.admin.users'),
              t('sso.admin.state'),
              <span key="actions" className="sr-only">
                {t('common.actions')}
              </span>,
            ]}
            row={(p) => (
              <>
                <td className="title-cell">
                  {pickBi({ en: p.nameEn, zh: p.nameZh }, i18n.language)}{' '}
                  <span className="faint mono small">{p.slug}</span>
                </td>
                <td className="mono small" style={{ overflowWrap: 'anywhere' }}>
                  {p.issuer}
                  <div className="faint">{p.clientId}</div>
                  <div>{redirectUri(p.slug)}</div>
                </td>
                <td className="small">
                  {p.roleMappings.map((m) => `${m.claim}=${m.value} → ${t(`roles.${m.role}`)}`).join('; ') || '—'}
                </td>
                <td className="small">{p.autoCreate ? t('sso.admin.created') : t('sso.admin.refused')}</td>
                <td>
                  <Badge>{p.enabled ? t('sso.admin.on') : t('sso.admin.off')}</Badge>
                </td>
                <td className="row">
                  <button
                    type="button"
                    className="btn sm"
                    onClick={() => setEditing(p)}
                    aria-label={`${t('sso.admin.edit')}: ${p.slug}`}
                  >
                    {t('sso.admin.edit')}
                  </button>
                  <button
                    type="button"
                    className="btn sm danger"
                    aria-label={`${t('sso.admin.remove')}: ${p.slug}`}
                    onClick={() => {
                      if (window.confirm(t('sso.admin.removeConfirm', { name: p.nameEn }))) remove.mutate(p.id);
                    }}
                  >
                    {t('sso.admin.remove')}
                  </button>
                </td>
              </>
            )}
          />
        </QueryState>
      </Panel>
      {editing && (
        <SsoProviderEditor
          key={editing === 'new' ? 'new' : editing.id}
          provider={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </div>
  );
}

function SsoProviderEditor({ provider, onClose }: { provider: SsoProvider | null; onClose(): void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [v, setV] = useState({
    slug: provider?.slug ?? '',
    nameEn: provider?.nameEn ?? '',
    nameZh: provider?.nameZh ?? '',
    issuer: provider?.issuer ?? '',
    clientId: provider?.clientId ?? '',
    clientSecret: '',
    scopes: (provider?.scopes ?? ['openid', 'profile', 'email']).join(' '),
    usernameClaim: provider?.usernameClaim ?? 'preferred_username',
  });
  const [autoCreate, setAutoCreate] = useState(provider?.autoCreate ?? false);
  const [enabled, setEnabled] = useState(provider?.enabled ?? true);
  const [mappings, setMappings] = useState<Mapping[]>(provider?.roleMappings ?? []);
  const save = useMutation({
    mutationFn: () => {
      const body = {
        nameEn: v.nameEn,
        nameZh: v.nameZh,
        issuer: v.issuer,
        clientId: v.clientId,
        scopes: v.scopes.split(/\s+/).filter(Boolean),
        usernameClaim: v.usernameClaim,
        roleMappings: mappings,
        autoCreate,
        enabled,
        ...(v.clientSecret ? { clientSecret: v.clientSecret } : {}),
      };
      return provider
        ? answer(http.PATCH('/api/sso/providers/{id}', { params: { path: { id: provider.id } }, body }))
        : answer(http.POST('/api/sso/providers', { body: { slug: v.slug, ...body } }));
    },
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['sso-admin'] });
      onClose();
    },
  });
  const err = useFieldErrors(save.error);
  const field = (k: keyof typeof v) => ({
    path: k,
    value: v[k],
    error: err(k),
    onChange: (e: { target: { value: string } }) => setV({ ...v, [k]: e.target.value }),
  });
  const setMapping = (i: number, patch: Partial<Mapping>) =>
    setMappings(mappings.map((m, j) => (j === i ? { ...m, ...patch } : m)));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <Panel title={provider ? `${t('sso.admin.edit')}: ${provider.slug}` : t('sso.admin.add')} id="sso-editor">
      <form className="stack" onSubmit={submit} noValidate>
        <div className="grid-3">
          <TextField
            label={t('sso.admin.slug')}
            hint={t('sso.admin.slugHint')}
            disabled={provider !== null}
            {...field('slug')}
          />
          <TextField label={t('sso.admin.nameEn')} {...field('nameEn')} />
          <TextField label={t('sso.admin.nameZh')} {...field('nameZh')} />
        </div>
        <p className="small mono" data-testid="sso-redirect-uri">
          {t('sso.admin.redirectUri')}: {redirectUri(v.slug)}
        </p>
        <TextField label={t('sso.admin.issuer')} hint={t('sso.admin.issuerHint')} type="url" {...field('issuer')} />
        <div className="grid-3">
          <TextField label={t('sso.admin.clientId')} {...field('clientId')} />
          <TextField
            label={t('sso.admin.clientSecret')}
            type="password"
            autoComplete="new-password"
            hint={provider?.hasClientSecret ? t('sso.admin.secretKept') : undefined}
            {...field('clientSecret')}
          />
          <TextField
            label={t('sso.admin.usernameClaim')}
            hint={t('sso.admin.usernameClaimHint')}
            {...field('usernameClaim')}
          />
        </div>
        <TextField label={t('sso.admin.scopes')} hint={t('sso.admin.scopesHint')} {...field('scopes')} />
        <fieldset className="form-section">
          <legend className="label">{t('sso.admin.mappings')}</legend>
          <p className="faint small">{t('sso.admin.mappingsHelp')}</p>
          {mappings.map((m, i) => (
            <div className="inline-form" key={i}>
              <TextField
                label={t('sso.admin.claim')}
                path={`roleMappings.${i}.claim`}
                value={m.claim}
                error={err(`roleMappings.${i}.claim`)}
                onChange={(e) => setMapping(i, { claim: e.target.value })}
              />
              <TextField
                label={t('sso.admin.value')}
                path={`roleMappings.${i}.value`}
                value={m.value}
                error={err(`roleMappings.${i}.value`)}
                onChange={(e) => setMapping(i, { value: e.target.value })}
              />
              <SelectField
                label={t('sso.admin.role')}
                path={`roleMappings.${i}.role`}
                value={m.role}
                error={err(`roleMappings.${i}.role`)}
                onChange={(e) => setMapping(i, { role: e.target.value as Role })}
                options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
              />
              <button
                type="button"
                className="btn sm ghost"
                onClick={() => setMappings(mappings.filter((_, j) => j !== i))}
              >
                {t('sso.admin.removeMapping')}
              </button>
            </div>
          ))}
          <div className="row">
            <button
              type="button"
              className="btn sm"
              onClick={() => setMappings([...mappings, { claim: 'groups', value: '', role: 'investigator' }])}
            >
              {t('sso.admin.addMapping')}
            </button>
          </div>
        </fieldset>
        <label className="check">
          <input type="checkbox" checked={autoCreate} onChange={(e) => setAutoCreate(e.target.checked)} />
          {t('sso.admin.autoCreate')}
        </label>
        <label className="check">
          <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
          {t('sso.admin.enabled')}
        </label>
        <ErrorSummary error={save.error} />
        <div className="row">
          <button type="submit" className="btn primary" disabled={save.isPending}>
            {t('sso.admin.save')}
          </button>
          <button type="button" className="btn ghost" onClick={onClose}>
            {t('sso.admin.cancel')}
          </button>
        </div>
      </form>
    </Panel>
  );
}
