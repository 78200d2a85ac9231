// Passkeys of the signed-in user: add one (named) on this device, rename, remove. Removing asks
// for the password or an answer of one of the user's passkeys, so a stolen session alone cannot
// strip the account of them. Shows whether the node's policy requires the user to have one.
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { answer, http } from '../../api/client';
import type { components } from '../../api/generated/api';
import { Badge } from '../../components/Badge';
import { DateTime } from '../../components/DateTime';
import { useFieldErrors } from '../../components/ErrorSummary';
import { TextField } from '../../components/Field';
import { DataTable } from '../../components/ListParts';
import { Empty, Panel, QueryState } from '../../components/Page';
import { addPasskey, passkeyAssertion } from '../auth/passkey-ceremony';
import { PasskeyError } from '../auth/PasskeyError';

export type OwnPasskey = components['schemas']['Passkey'];

export function PasskeysPanel() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [name, setName] = useState('');
  const [editing, setEditing] = useState<{ id: string; name: string } | null>(null);
  const [removing, setRemoving] = useState<OwnPasskey | null>(null);
  const [password, setPassword] = useState('');
  const list = useQuery({ queryKey: ['passkeys'], queryFn: () => answer(http.GET('/api/auth/passkeys')) });
  const refresh = async () => {
    await qc.invalidateQueries({ queryKey: ['passkeys'] });
    // Adding the first passkey may lift the policy's gate.
    await qc.invalidateQueries({ queryKey: ['me'] });
  };
  const add = useMutation({
    mutationFn: () => addPasskey(name.trim()),
    onSuccess: async () => {
      setName('');
      await refresh();
    },
  });
  const rename = useMutation({
    mutationFn: (v: { id: string; name: string }) =>
      answer(http.PATCH('/api/auth/passkeys/{id}', { params: { path: { id: v.id } }, body: { name: v.name } })),
    onSuccess: async () => {
      setEditing(null);
      await refresh();
    },
  });
  const remove = useMutation({
    mutationFn: async (v: { id: string; with: 'password' | 'passkey' }) => {
      const proof = v.with === 'password' ? { password } : { passkey: await passkeyAssertion('confirm') };
      return answer(http.POST('/api/auth/passkeys/{id}/remove', { params: { path: { id: v.id } }, body: proof }));
    },
    onSuccess: async () => {
      setRemoving(null);
      setPassword('');
      await refresh();
    },
  });
  const err = useFieldErrors(add.error ?? rename.error);
  const submitAdd = (e: FormEvent) => {
    e.preventDefault();
    add.mutate();
  };
  const data = list.data;
  return (
    <Panel
      title={t('passkey.title')}
      flush
      id="passkeys"
      actions={data?.required ? <Badge tone="warning">{t('passkey.requiredBadge')}</Badge> : undefined}
    >
      <div className="panel-body stack-sm" style={{ borderBottom: '1px solid var(--border)' }}>
        <p>{t('passkey.help')}</p>
        {data && <p className="faint small">{t('passkey.rpId', { rpId: data.rpId })}</p>}
        <form className="inline-form" onSubmit={submitAdd} noValidate>
          <TextField
            label={t('passkey.name')}
            path="passkeyName"
            className="grow"
            placeholder={t('passkey.namePlaceholder')}
            maxLength={64}
            value={name}
            onChange={(e) => setName(e.target.value)}
            error={err('name')}
          />
          <button type="submit" className="btn primary" disabled={!name.trim() || add.isPending}>
            {add.isPending ? t('passkey.adding') : t('passkey.add')}
          </button>
        </form>
        {add.isSuccess && (
          <span className="faint" role="status">
            {t('passkey.added')}
          </span>
        )}
        <PasskeyError error={add.error ?? rename.error} />
      </div>
      <QueryState isLoading={list.isLoading} error={list.error}>
        <DataTable
          items={data?.items ?? []}
          rowKey={(p) => p.id}
          empty={<Empty title={t('passkey.none')} />}
          testId="passkey-list"
          columns={[
            t('passkey.nameColumn'),
            t('passkey.created'),
            t('passkey.lastUsed'),
            '',
            <span key="actions" className="sr-only">
              {t('common.actions')}
            </span>,
          ]}
          row={(p) => (
            <>
              <td className="title-cell">
                {editing?.id === p.id ? (
                  <form
                    className="inline-form"
                    onSubmit={(e) => {
                      e.preventDefault();
                      rename.mutate(editing);
                    }}
                  >
                    <TextField
                      label={t('passkey.rename')}
                      path={`rename-${p.id}`}
                      maxLength={64}
                      value={editing.name}
                      onChange={(e) => setEditing({ id: p.id, name: e.target.value })}
                    />
                    <button
                      type="submit"
                      className="btn sm primary"
                      disabled={!editing.name.trim() || rename.isPending}
                    >
                      {t('passkey.save')}
                    </button>
                    <button type="button" className="btn sm ghost" onClick={() => setEditing(null)}>
                      {t('passkey.cancel')}
                    </button>
                  </form>
                ) : (
                  p.name
                )}
              </td>
              <td className="small">
                <DateTime at={p.createdAt} />
              </td>
              <td className="small">{p.lastUsedAt ? <DateTime at={p.lastUsedAt} /> : t('passkey.never')}</td>
              <td className="small">
                {p.multiDevice && p.backedUp ? (
                  <Badge tone="success">{t('passkey.synced')}</Badge>
                ) : (
                  <Badge>{t('passkey.deviceBound')}</Badge>
                )}
              </td>
              <td className="row-actions">
                <button
                  type="button"
                  className="btn sm"
                  onClick={() => setEditing({ id: p.id, name: p.name })}
                  aria-label={`${t('passkey.rename')}: ${p.name}`}
                >
                  {t('passkey.rename')}
                </button>{' '}
                <button
                  type="button"
                  className="btn sm danger"
                  onClick={() => {
                    remove.reset();
                    setRemoving(p);
                  }}
                  aria-label={`${t('passkey.remove')}: ${p.name}`}
                >
                  {t('passkey.remove')}
                </button>
              </td>
            </>
          )}
        />
      </QueryState>
      {removing && (
        <div
          className="panel-body stack-sm"
          style={{ borderTop: '1px solid var(--border)' }}
          data-testid="passkey-remove"
        >
          <h3>{t('passkey.removeTitle', { name: removing.name })}</h3>
          <p className="muted">{t('passkey.removeHelp')}</p>
          <form
            className="inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              remove.mutate({ id: removing.id, with: 'password' });
            }}
            noValidate
          >
            <TextField
              label={t('passkey.password')}
              path="removal-password"
              type="password"
              autoComplete="current-password"
              className="grow"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
            <button type="submit" className="btn danger" disabled={!password || remove.isPending}>
              {t('passkey.removeWithPassword')}
            </button>
            <button
              type="button"
              className="btn"
              disabled={remove.isPending}
              onClick={() => remove.mutate({ id: removing.id, with: 'passkey' })}
            >
              {t('passkey.removeWithPasskey')}
            </button>
            <button
              type="button"
              className="btn ghost"
              onClick={() => {
                setRemoving(null);
                setPassword('');
              }}
            >
              {t('passkey.cancel')}
            </button>
          </form>
          <PasskeyError error={remove.error} />
        </div>
      )}
    </Panel>
  );
}
