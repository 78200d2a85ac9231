// Sharing a case with peers: choose recipients (parties and sharing groups) and granularity; the preview shows per peer what
// TLP and confidentiality let through and what they refuse (nothing is sent by the preview).
import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { answer, http } from '../../api/client';
import type { CaseDetail } from '../../api/case-types';
import type { JsonBody } from '../../api/types';
import { useBi } from '../../components/Bi';
import { ErrorSummary, useFieldErrors } from '../../components/ErrorSummary';
import { SelectField, TextField } from '../../components/Field';
import { Panel } from '../../components/Page';
import { GroupChecklist } from '../../components/GroupChecklist';
import { PartyChecklist, PartyName, usePartyLabel } from '../../components/PartyName';
import { TlpBadge } from '../../components/Tlp';
import { CaseDeliveries } from './CaseDeliveries';

type ShareBody = JsonBody<'/api/cases/{id}/share', 'post'>;

export function SharePanel({ kase: c }: { kase: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const bi = useBi();
  const qc = useQueryClient();
  const partyLabel = usePartyLabel();
  const [recipients, setRecipients] = useState<string[]>([]);
  const [groups, setGroups] = useState<string[]>([]);
  const [granularity, setGranularity] = useState('whole_case');
  const [selected, setSelected] = useState<string[]>([]);
  const [note, setNote] = useState('');
  // The granularity select holds a string; the route's schema is the authority on it (typed here, once).
  const body = (): ShareBody =>
    ({
      recipients,
      ...(groups.length ? { groups } : {}),
      granularity,
      ...(note.trim() ? { note: note.trim() } : {}),
      ...(granularity === 'selected'
        ? {
            observableIds: selected.filter((id) => c.observables?.some((o) => o.id === id)),
            evidenceIds: selected.filter((id) => c.evidence?.some((e) => e.id === id)),
          }
        : {}),
    }) as ShareBody;
  const preview = useMutation({
    mutationFn: () =>
      answer(http.POST('/api/cases/{id}/share/preview', { params: { path: { id: c.id } }, body: body() })),
  });
  const send = useMutation({
    mutationFn: () => answer(http.POST('/api/cases/{id}/share', { params: { path: { id: c.id } }, body: body() })),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['cases', 'detail', c.id] });
      await qc.invalidateQueries({ queryKey: ['cases', 'deliveries', c.id] });
    },
  });
  const sendable =
    (preview.data?.recipients ?? []).length > 0 &&
    preview.data!.recipients.every((r) => r.peer && r.refused.length === 0);
  const err = useFieldErrors(preview.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    send.reset();
    preview.mutate();
  };
  const toggle = (id: string) =>
    setSelected(selected.includes(id) ? selected.filter((x) => x !== id) : [...selected, id]);
  return (
    <div className="stack">
      <Panel title={t('share.title')} id="share">
        <p className="faint">
          {t('share.help')} <TlpBadge tlp={c.tlp} />
        </p>
        <form className="stack-sm" onSubmit={submit} noValidate>
          <div className="inline-form">
            <PartyChecklist
              label={t('share.recipients')}
              path="recipients"
              value={recipients}
              onChange={(ids) => {
                setRecipients(ids);
                preview.reset();
                send.reset();
              }}
              error={err('recipients')}
            />
            <GroupChecklist
              path="groups"
              value={groups}
              onChange={(ids) => {
                setGroups(ids);
                preview.reset();
                send.reset();
              }}
              error={err('groups')}
            />
            <SelectField
              label={t('share.granularity')}
              path="granularity"
              value={granularity}
              onChange={(e) => setGranularity(e.target.value)}
              options={[
                { value: 'whole_case', label: t('share.whole') },
                { value: 'selected', label: t('share.selected') },
              ]}
            />
            <button
              type="submit"
              className="btn primary"
              disabled={preview.isPending || recipients.length + groups.length === 0}
            >
              {t('share.preview')}
            </button>
          </div>
          <TextField label={t('share.note')} path="note" value={note} onChange={(e) => setNote(e.target.value)} />
          {granularity === 'selected' && (
            <fieldset className="form-section">
              <legend className="label">{t('share.pick')}</legend>
              <div className="grid-2">
                {(c.observables ?? []).map((o) => (
                  <label key={o.id} className="check">
                    <input type="checkbox" checked={selected.includes(o.id)} onChange={() => toggle(o.id)} />
                    <span className="mono small">{o.display}</span>
                  </label>
                ))}
                {(c.evidence ?? []).map((e) => (
                  <label key={e.id} className="check">
                    <input type="checkbox" checked={selected.includes(e.id)} onChange={() => toggle(e.id)} />
                    {e.filename}
                  </label>
                ))}
              </div>
              {err('observableIds') && (
                <span className="field">
                  <span className="error">⚠ {err('observableIds')}</span>
                </span>
              )}
            </fieldset>
          )}
          <ErrorSummary error={preview.error ?? send.error} />
          {sendable && !send.isSuccess && (
            <div className="form-actions">
              <button type="button" className="btn primary" disabled={send.isPending} onClick={() => send.mutate()}>
                {t('share.send', { count: preview.data!.recipients.length })}
              </button>
            </div>
          )}
          {send.isSuccess && (
            <div className="alert success" role="status">
              {t('share.sent', {
                parties: send.data.recipients
                  .map((r) => partyLabel(r.party))
                  .join(i18n.language === 'zh-CN' ? '、' : ', '),
              })}
            </div>
          )}
        </form>
      </Panel>
      <CaseDeliveries caseId={c.id} />
      {(preview.data?.recipients ?? []).map((r) => (
        <Panel key={r.party} title={<PartyName id={r.party} />} id={`share-${r.party}`}>
          {!r.peer && (
            <div className="alert warning" style={{ marginBottom: 'var(--sp-3)' }}>
              {t('share.notPeer')}
            </div>
          )}
          <dl className="kv">
            <dt>{t('share.caseContent')}</dt>
            <dd>{r.caseContent ? t('common.yes') : t('common.no')}</dd>
            <dt>{t('cases.tabObservables')}</dt>
            <dd>{r.observables.length}</dd>
            <dt>{t('cases.tabEvidence')}</dt>
            <dd>{r.evidenceIds.length}</dd>
          </dl>
          {r.refused.length > 0 && (
            <ul className="small" style={{ marginTop: 'var(--sp-3)' }}>
              {r.refused.map((x) => (
                <li key={x.kind + x.id}>
                  {t('share.refused')}: {bi(x.reason)}
                </li>
              ))}
            </ul>
          )}
        </Panel>
      ))}
    </div>
  );
}
