// API tokens for automation: create one with a scope and a lifetime (its secret is shown once), see
// each one's scope, expiry and last use, revoke it. Administrators see every user's tokens.
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { answer, http } from '../../api/client';
import type { TokenScope } from '../../api/types';
import { Badge } from '../../components/Badge';
import { DateTime } from '../../components/DateTime';
import { ErrorSummary, useFieldErrors } from '../../components/ErrorSummary';
import { SelectField, TextField } from '../../components/Field';
import { DataTable } from '../../components/ListParts';
import { Empty, Panel, QueryState } from '../../components/Page';

const SCOPES: TokenScope[] = ['read_only', 'taxii_only', 'full'];

export function TokensPanel() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [name, setName] = useState('');
  const [days, setDays] = useState('90');
  // The narrowest scope first: a token that only reads cannot change anything if it leaks.
  const [scope, setScope] = useState<TokenScope>('read_only');
  const list = useQuery({ queryKey: ['tokens'], queryFn: () => answer(http.GET('/api/tokens')) });
  const create = useMutation({
    mutationFn: () =>
      answer(http.POST('/api/tokens', { body: { name, scope, ...(days ? { expiresInDays: Number(days) } : {}) } })),
    onSuccess: async () => {
      setName('');
      await qc.invalidateQueries({ queryKey: ['tokens'] });
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => answer(http.DELETE('/api/tokens/{id}', { params: { path: { id } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['tokens'] }),
  });
  const err = useFieldErrors(create.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <Panel title={t('tokens.title')} flush id="tokens">
      <div className="panel-body" style={{ borderBottom: '1px solid var(--border)' }}>
        <form className="inline-form" onSubmit={submit} noValidate>
          <TextField
            label={t('tokens.name')}
            path="name"
            className="grow"
            value={name}
            onChange={(e) => setName(e.target.value)}
            error={err('name')}
          />
          <SelectField
            label={t('tokens.scope')}
            path="scope"
            value={scope}
            onChange={(e) => setScope(e.target.value as TokenScope)}
            error={err('scope')}
            options={SCOPES.map((s) => ({ value: s, label: t(`tokens.scopes.${s}`) }))}
          />
          <TextField
            label={t('tokens.days')}
            path="expiresInDays"
            type="number"
            min={1}
            max={3650}
            value={days}
            onChange={(e) => setDays(e.target.value)}
            error={err('expiresInDays')}
          />
          <button type="submit" className="btn primary" disabled={!name.trim() || create.isPending}>
            {t('tokens.create')}
          </button>
        </form>
        <p className="faint small" style={{ marginTop: 'var(--sp-2)' }}>
          {t('tokens.scopeHint')}
        </p>
        {create.data?.token && (
          <div className="alert warning" role="status" style={{ marginTop: 'var(--sp-3)' }}>
            <div className="stack-sm grow">
              <div className="alert-title">{t('tokens.shownOnce')}</div>
              <div className="code-box" data-testid="new-token">
                {create.data.token}
              </div>
            </div>
          </div>
        )}
        <ErrorSummary error={create.error ?? revoke.error} />
      </div>
      <QueryState isLoading={list.isLoading} error={list.error}>
        <DataTable
          items={list.data?.items ?? []}
          rowKey={(tok) => tok.id}
          empty={<Empty title={t('tokens.empty')} />}
          columns={[
            t('tokens.name'),
            t('tokens.prefix'),
            t('tokens.scope'),
            t('tokens.created'),
            t('tokens.expires'),
            t('tokens.lastUsed'),
            <span key="actions" className="sr-only">
              {t('common.actions')}
            </span>,
          ]}
          row={(tok) => (
            <>
              <td className="title-cell">{tok.name}</td>
              <td className="mono small">{tok.prefix}…</td>
              <td className="small">{t(`tokens.scopes.${tok.scope ?? 'full'}`)}</td>
              <td className="small">
                <DateTime at={tok.createdAt} />
              </td>
              <td className="small">{tok.expiresAt ? <DateTime at={tok.expiresAt} /> : t('tokens.never')}</td>
              <td className="small">
                <DateTime at={tok.lastUsedAt} />
              </td>
              <td>
                {tok.revokedAt ? (
                  <Badge>{t('tokens.revoked')}</Badge>
                ) : (
                  <button
                    type="button"
                    className="btn sm danger"
                    onClick={() => revoke.mutate(tok.id)}
                    aria-label={`${t('tokens.revoke')}: ${tok.name}`}
                  >
                    {t('tokens.revoke')}
                  </button>
                )}
              </td>
            </>
          )}
        />
      </QueryState>
    </Panel>
  );
}
