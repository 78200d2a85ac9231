// Sharing groups on the federation page (docs/federation.md §19): the node's named sets of peers by
// region; admins (federation:manage) create, edit and delete them — each change audited on the server.
import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { answer, http } from '../../api/client';
import { useSession } from '../../app/session';
import { useBi } from '../../components/Bi';
import { ErrorSummary, useFieldErrors } from '../../components/ErrorSummary';
import { TextField } from '../../components/Field';
import { useSharingGroups, type SharingGroup } from '../../components/GroupChecklist';
import { DataTable } from '../../components/ListParts';
import { Empty, Panel, QueryState } from '../../components/Page';
import { PartyChecklist, PartyName } from '../../components/PartyName';

type Draft = { nameEn: string; nameZh: string; region: string; members: string[] };
const EMPTY: Draft = { nameEn: '', nameZh: '', region: '', members: [] };

function GroupForm({ group, onDone }: { group: SharingGroup | null; onDone(): void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [v, setV] = useState<Draft>(
    group
      ? { nameEn: group.name.en, nameZh: group.name.zh, region: group.region ?? '', members: group.members }
      : EMPTY,
  );
  const save = useMutation({
    mutationFn: () => {
      const body = { name: { en: v.nameEn, zh: v.nameZh }, region: v.region.trim() || null, members: v.members };
      return group
        ? answer(
            http.PUT('/api/federation/groups/{id}', {
              params: { path: { id: group.id } },
              body: { ...body, version: group.version },
            }),
          )
        : answer(http.POST('/api/federation/groups', { body }));
    },
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['federation', 'groups'] });
      onDone();
    },
  });
  const err = useFieldErrors(save.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <form
      className="stack-sm"
      onSubmit={submit}
      noValidate
      aria-label={group ? t('groups.editTitle', { name: group.name.en }) : t('groups.createTitle')}
    >
      <ErrorSummary error={save.error} />
      <div className="form-grid">
        <TextField
          label={t('groups.nameEn')}
          required
          path="name.en"
          value={v.nameEn}
          error={err('name.en')}
          onChange={(e) => setV({ ...v, nameEn: e.target.value })}
        />
        <TextField
          label={t('groups.nameZh')}
          required
          path="name.zh"
          value={v.nameZh}
          error={err('name.zh')}
          onChange={(e) => setV({ ...v, nameZh: e.target.value })}
        />
        <TextField
          label={t('groups.region')}
          path="region"
          value={v.region}
          hint={t('groups.regionHint')}
          error={err('region')}
          onChange={(e) => setV({ ...v, region: e.target.value })}
        />
      </div>
      <PartyChecklist
        label={t('groups.members')}
        path="members"
        value={v.members}
        error={err('members')}
        onChange={(members) => setV({ ...v, members })}
      />
      <div className="form-actions">
        <button type="submit" className="btn primary" disabled={save.isPending}>
          {t('groups.save')}
        </button>
        <button type="button" className="btn" onClick={onDone}>
          {t('groups.cancel')}
        </button>
      </div>
    </form>
  );
}

export function GroupsPanel() {
  const { t } = useTranslation();
  const bi = useBi();
  const { can } = useSession();
  const qc = useQueryClient();
  const groups = useSharingGroups();
  const [editing, setEditing] = useState<SharingGroup | 'new' | null>(null);
  const remove = useMutation({
    mutationFn: (id: string) => answer(http.DELETE('/api/federation/groups/{id}', { params: { path: { id } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['federation', 'groups'] }),
  });
  const manage = can('federation:manage');
  return (
    <Panel
      title={t('groups.title')}
      id="sharing-groups"
      actions={
        manage && editing === null ? (
          <button type="button" className="btn sm primary" onClick={() => setEditing('new')}>
            {t('groups.create')}
          </button>
        ) : undefined
      }
    >
      <div className="stack">
        <p className="faint">{t('groups.help')}</p>
        {editing !== null && (
          <GroupForm
            key={editing === 'new' ? 'new' : editing.id}
            group={editing === 'new' ? null : editing}
            onDone={() => setEditing(null)}
          />
        )}
        <QueryState isLoading={groups.isLoading} error={groups.error}>
          <DataTable
            items={groups.items}
            rowKey={(g) => g.id}
            testId="sharing-groups"
            empty={<Empty title={t('groups.empty')} />}
            columns={[
              t('groups.name'),
              t('groups.region'),
              t('groups.members'),
              ...(manage
                ? [
                    <span key="a" className="sr-only">
                      {t('common.actions')}
                    </span>,
                  ]
                : []),
            ]}
            row={(g) => (
              <>
                <td>
                  <div className="title-cell">{bi(g.name)}</div>
                </td>
                <td className="small">{g.region ?? <span className="muted">{t('groups.noRegion')}</span>}</td>
                <td className="small">
                  {g.members.map((m, i) => (
                    <span key={m}>
                      {i > 0 && ', '}
                      <PartyName id={m} />
                    </span>
                  ))}
                </td>
                {manage && (
                  <td>
                    <div className="row">
                      <button type="button" className="btn sm" onClick={() => setEditing(g)}>
                        {t('groups.edit')}
                      </button>
                      <button
                        type="button"
                        className="btn sm danger"
                        disabled={remove.isPending}
                        onClick={() => {
                          if (window.confirm(t('groups.confirmDelete', { name: bi(g.name) }))) remove.mutate(g.id);
                        }}
                      >
                        {t('groups.delete')}
                      </button>
                    </div>
                  </td>
                )}
              </>
            )}
          />
        </QueryState>
        <ErrorSummary error={remove.error} />
      </div>
    </Panel>
  );
}
