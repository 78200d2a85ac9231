// Case overview: summary, parties, members, linked records and the lifecycle actions allowed.
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { answer, http } from '../../api/client';
import type { CaseDetail } from '../../api/case-types';
import type { JsonBody } from '../../api/types';
import { useCaseMeta, useRequestMeta } from '../../api/meta';
import { useBi, useLabel } from '../../components/Bi';
import { DateTime } from '../../components/DateTime';
import { ErrorSummary, useFieldErrors } from '../../components/ErrorSummary';
import { TextField } from '../../components/Field';
import { Panel } from '../../components/Page';
import { PartyName, PartyPicker } from '../../components/PartyName';

/** A linked request by its reference and type (the case only stores its id). */
function LinkedRequest({ id }: { id: string }) {
  const { t } = useTranslation();
  const label = useLabel();
  const meta = useRequestMeta().data;
  const q = useQuery({
    queryKey: ['requests', 'detail', id],
    queryFn: () => answer(http.GET('/api/requests/{id}', { params: { path: { id } } })),
    retry: false,
  });
  return (
    <Link to={`/requests/${id}`}>
      {q.data
        ? `${q.data.reference} · ${label(meta?.types, q.data.type)}`
        : `${t('calls.linkedRequest')} ${id.slice(0, 8)}`}
    </Link>
  );
}

const LIFECYCLE = ['activate', 'suspend', 'resume', 'close', 'reopen'] as const;
const NEEDS_REASON: readonly string[] = ['suspend', 'close', 'reopen'];
type CaseActionBody = JsonBody<'/api/cases/{id}/actions', 'post'>;

/**
 * The body of one of this page's actions: the party to add, the reason a step needs, or an optional note.
 * The action is the page's own open form (a string in state), so the body is typed as the route declares
 * it here, once; the route's schema checks the action and its fields.
 */
function actionBody(action: string, text: string): CaseActionBody {
  if (action === 'add_party') return { action, partyId: text.trim() };
  return {
    action,
    ...(NEEDS_REASON.includes(action) ? { reason: text } : text ? { note: text } : {}),
  } as CaseActionBody;
}

export function CaseOverview({ kase: c }: { kase: CaseDetail }) {
  const { t } = useTranslation();
  const bi = useBi();
  const label = useLabel();
  const meta = useCaseMeta().data;
  const qc = useQueryClient();
  const [open, setOpen] = useState<string | null>(null);
  const [text, setText] = useState('');
  const act = useMutation({
    mutationFn: (body: CaseActionBody) =>
      answer(http.POST('/api/cases/{id}/actions', { params: { path: { id: c.id } }, body })),
    onSuccess: async () => {
      setOpen(null);
      setText('');
      await qc.invalidateQueries({ queryKey: ['cases'] });
    },
  });
  const err = useFieldErrors(act.error);
  const lifecycle = LIFECYCLE.filter((a) => c.allowedActions.includes(a));
  const run = (action: string) => act.mutate(actionBody(action, text));
  return (
    <div className="grid-main-side">
      <div className="stack">
        <Panel title={t('cases.summary')} id="case-summary">
          {c.summary ? (
            <p className="prewrap">{bi(c.summary) || '—'}</p>
          ) : (
            <p className="muted">{t('cases.restricted')}</p>
          )}
          {c.statusReason && <p className="faint">{t('cases.statusReason', { reason: c.statusReason })}</p>}
        </Panel>
        <Panel title={t('workflow.title')} id="case-actions">
          <div className="row">
            {lifecycle.map((a) => (
              <button
                key={a}
                type="button"
                className={`btn ${a === 'close' ? 'danger' : a === 'activate' ? 'primary' : ''}`}
                aria-expanded={open === a}
                onClick={() => {
                  setOpen(a);
                  setText('');
                  act.reset();
                }}
              >
                {t(`caseActions.${a}`)}
              </button>
            ))}
            {c.allowedActions.includes('add_party') && (
              <button
                type="button"
                className="btn"
                aria-expanded={open === 'add_party'}
                onClick={() => {
                  setOpen('add_party');
                  setText('');
                }}
              >
                {t('caseActions.add_party')}
              </button>
            )}
            {lifecycle.length === 0 && !c.allowedActions.includes('add_party') && (
              <span className="muted">{t('workflow.nothingToDo')}</span>
            )}
          </div>
          {open && (
            <form
              className="action-form stack-sm"
              style={{ marginTop: 'var(--sp-3)' }}
              noValidate
              onSubmit={(e) => {
                e.preventDefault();
                run(open);
              }}
            >
              {open === 'add_party' ? (
                <PartyPicker
                  label={t('cases.partyId')}
                  path="partyId"
                  required
                  allowOther
                  value={text}
                  onChange={setText}
                  error={err('partyId')}
                />
              ) : (
                <TextField
                  label={NEEDS_REASON.includes(open) ? t('workflow.fields.reason') : t('workflow.fields.note')}
                  path={NEEDS_REASON.includes(open) ? 'reason' : 'note'}
                  required={NEEDS_REASON.includes(open)}
                  value={text}
                  onChange={(e) => setText(e.target.value)}
                  error={err('reason')}
                />
              )}
              <div className="form-actions">
                <button type="button" className="btn" onClick={() => setOpen(null)}>
                  {t('common.cancel')}
                </button>
                <button type="submit" className="btn primary" disabled={act.isPending}>
                  {t('workflow.confirm', { action: t(`caseActions.${open as 'close'}`) })}
                </button>
              </div>
            </form>
          )}
          <ErrorSummary error={act.error} />
        </Panel>
      </div>
      <div className="stack">
        <Panel title={t('cases.facts')} id="case-facts">
          <dl className="kv">
            <dt>{t('cases.colLead')}</dt>
            <dd>{c.leadParty ? <PartyName id={c.leadParty} /> : '—'}</dd>
            <dt>{t('cases.parties')}</dt>
            <dd>
              {(c.participatingParties ?? []).map((p, i) => (
                <span key={p}>
                  {i > 0 && ', '}
                  <PartyName id={p} />
                </span>
              ))}
            </dd>
            <dt>{t('requestForm.confidentiality')}</dt>
            <dd>{label(meta?.confidentiality, c.confidentiality)}</dd>
            <dt>{t('cases.myRole')}</dt>
            <dd>{c.myRole ? label(meta?.caseRoles, c.myRole) : '—'}</dd>
            <dt>{t('cases.opened')}</dt>
            <dd>
              <DateTime at={c.createdAt} />
            </dd>
          </dl>
        </Panel>
        <Panel title={t('cases.members')} id="case-members">
          <ul className="plain-list">
            {c.members.map((m) => (
              <li key={m.userId}>
                <span className="title-cell">
                  {m.displayName ?? <span className="mono small">{m.userId.slice(0, 8)}</span>}
                </span>{' '}
                <span className="faint">{label(meta?.caseRoles, m.caseRole)}</span>
              </li>
            ))}
          </ul>
        </Panel>
        <Panel title={t('calls.links')} id="case-links">
          <ul className="plain-list">
            {(c.linkedRequestIds ?? []).map((r) => (
              <li key={r}>
                <LinkedRequest id={r} />
              </li>
            ))}
            {(c.linkedCallIds ?? []).map((r) => (
              <li key={r}>
                <Link to={`/hotline/calls/${r}`}>
                  {t('cases.linkedCall')} {r.slice(0, 8)}
                </Link>
              </li>
            ))}
            {(c.linkedRequestIds ?? []).length + (c.linkedCallIds ?? []).length === 0 && <li className="muted">—</li>}
          </ul>
        </Panel>
      </div>
    </div>
  );
}
