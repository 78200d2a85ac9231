// Pages (issue 19): the administrator's view of the page outbox — pending, sent and undeliverable
// pages with their attempts and last error; undeliverable first, since each one was escalated.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { answer, http } from '../../api/client';
import type { components } from '../../api/generated/api';
import { Badge, type Tone } from '../../components/Badge';
import { DataTable } from '../../components/ListParts';
import { DateTime } from '../../components/DateTime';
import { SelectField } from '../../components/Field';
import { Empty, Panel, QueryState } from '../../components/Page';

type PageList = components['schemas']['PageOutbox'];
type PageState = PageList['items'][number]['state'];

const TONES: Record<PageState, Tone> = { pending: 'info', sent: 'success', failed: 'danger' };
const KINDS = ['call_incoming', 'call_escalated', 'paging_failed', 'paging_test', 'intel_correlation'] as const;

/** The kind as people read it: a label per known kind, requests as one, the raw kind kept in the title. */
function kindKey(kind: string): `pages.kinds.${(typeof KINDS)[number] | 'request' | 'other'}` {
  const k = kind.replace(/^exercise\./, '').replace(/\./g, '_');
  if ((KINDS as readonly string[]).includes(k)) return `pages.kinds.${k as (typeof KINDS)[number]}`;
  return k.startsWith('request_') ? 'pages.kinds.request' : 'pages.kinds.other';
}

export function PagesPanel() {
  const { t } = useTranslation();
  const [state, setState] = useState<PageState | ''>('failed');
  const list = useQuery({
    queryKey: ['paging-pages', state],
    refetchInterval: 10_000,
    queryFn: () =>
      answer(http.GET('/api/paging/pages', { params: { query: { limit: 200, ...(state ? { state } : {}) } } })),
  });
  return (
    <Panel title={t('pages.title')} flush id="pages">
      <div className="panel-body stack-sm" style={{ borderBottom: '1px solid var(--border)' }}>
        <p className="faint small">{t('pages.help')}</p>
        <div className="inline-form">
          <SelectField
            label={t('pages.state')}
            path="state"
            value={state}
            onChange={(e) => setState(e.target.value as PageState | '')}
            options={[
              { value: '', label: t('pages.all') },
              ...(['failed', 'pending', 'sent'] as const).map((s) => ({ value: s, label: t(`pages.states.${s}`) })),
            ]}
          />
          {list.data && (
            <span className="small" role="status">
              {t('pages.counts', list.data.counts)}
            </span>
          )}
        </div>
      </div>
      <QueryState isLoading={list.isLoading} error={list.error}>
        <DataTable
          items={list.data?.items ?? []}
          rowKey={(p) => p.id}
          empty={<Empty title={t('pages.empty')} />}
          columns={[
            t('pages.created'),
            t('pages.recipient'),
            t('pages.channel'),
            t('pages.kind'),
            t('pages.state'),
            t('pages.attempts'),
            t('pages.lastError'),
          ]}
          row={(p) => (
            <>
              <td className="small">
                <DateTime at={p.createdAt} />
              </td>
              <td>
                {p.displayName} <span className="faint small">({p.username})</span>
              </td>
              <td className="small">{t(`pages.channels.${p.channel}`)}</td>
              <td className="small" title={p.kind}>
                {p.kind.startsWith('exercise.') ? `${t('pages.exercise')}: ` : ''}
                {t(kindKey(p.kind))}
              </td>
              <td>
                <Badge tone={TONES[p.state]}>{t(`pages.states.${p.state}`)}</Badge>
                {p.heldUntil && p.state === 'pending' && (
                  <div className="faint small">
                    {t('pages.heldUntil')} <DateTime at={p.heldUntil} />
                  </div>
                )}
              </td>
              <td className="small">{p.attempts}</td>
              <td className="mono small">{p.lastError ?? '—'}</td>
            </>
          )}
        />
      </QueryState>
    </Panel>
  );
}
