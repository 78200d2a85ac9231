// Users of this node: who they are, their roles, second factor and lock state; edit one in place.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { answer, http } from '../../api/client';
import { Badge } from '../../components/Badge';
import { DateTime } from '../../components/DateTime';
import { DataTable } from '../../components/ListParts';
import { Panel, QueryState } from '../../components/Page';
import { UserEditor } from './UserEditor';

export function UsersPanel() {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<string | null>(null);
  const users = useQuery({ queryKey: ['users'], queryFn: () => answer(http.GET('/api/users')) });
  const items = users.data?.items ?? [];
  return (
    <div className="stack">
      <Panel
        title={t('admin.usersCount', { count: items.length })}
        flush
        id="users"
        actions={
          <button type="button" className="btn sm primary" onClick={() => setEditing('new')}>
            + {t('admin.newUser')}
          </button>
        }
      >
        <QueryState isLoading={users.isLoading} error={users.error}>
          <DataTable
            items={items}
            rowKey={(u) => u.id}
            columns={[
              t('admin.user'),
              t('admin.roles'),
              t('account.language'),
              t('account.timeZone'),
              t('admin.security'),
              t('admin.created'),
              <span key="actions" className="sr-only">
                {t('common.actions')}
              </span>,
            ]}
            row={(u) => (
              <>
                <td>
                  <div className="title-cell">{u.displayName}</div>
                  <div className="sub mono">
                    {u.username}
                    {u.email ? ` · ${u.email}` : ''}
                  </div>
                </td>
                <td className="small">{u.roles.map((r) => t(`roles.${r}`)).join(', ')}</td>
                <td className="small">{u.locale === 'zh-CN' ? '中文' : 'English'}</td>
                <td className="small">{u.timeZone}</td>
                <td>
                  <div className="row">
                    {u.totpEnabled ? (
                      <Badge tone="success">{t('admin.totpOn')}</Badge>
                    ) : (
                      <Badge>{t('admin.totpOff')}</Badge>
                    )}
                    {u.passkeys > 0 && <Badge tone="success">{t('admin.passkeys', { count: u.passkeys })}</Badge>}
                    {u.disabled && <Badge tone="danger">{t('admin.disabled')}</Badge>}
                    {u.lockedUntil && Date.parse(u.lockedUntil) > Date.now() && (
                      <Badge tone="warning">{t('admin.locked')}</Badge>
                    )}
                  </div>
                </td>
                <td className="small">
                  <DateTime at={u.createdAt} />
                </td>
                <td>
                  <button
                    type="button"
                    className="btn sm"
                    onClick={() => setEditing(u.id)}
                    aria-label={`${t('admin.edit')}: ${u.username}`}
                  >
                    {t('admin.edit')}
                  </button>
                </td>
              </>
            )}
          />
        </QueryState>
      </Panel>
      {editing && (
        <UserEditor key={editing} user={items.find((u) => u.id === editing) ?? null} onClose={() => setEditing(null)} />
      )}
    </div>
  );
}
