// The evidence delivered with a response, chosen in the fulfilment form itself: every item of the
// cases linked to this request (each with its SHA-256, so the officer sends exactly the file they
// checked), or a new file attached here — filed in the request's case (opened for it when there is
// none) and selected at once. Only the requested side's officers who may fulfil see this form.
import { useRef, useState } from 'react';
import { useMutation, useQueries, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { answer, api, http } from '../../api/client';
import type { Evidence } from '../../api/case-types';
import type { RequestView } from '../../api/types';
import { useSession } from '../../app/session';
import { ErrorSummary } from '../../components/ErrorSummary';
import { sha256Hex } from '../../lib/sha256';
import {
  requestCasesKey,
  requestEvidenceKey,
  useRequestCases,
  useRequestEvidence,
  type RequestCase,
} from './request-answer';

type Attached = { evidence: Evidence; case: RequestCase; caseOpened: boolean; localHash: string | null };

export function EvidencePicker({
  request,
  value,
  onChange,
}: {
  request: RequestView;
  value: string[];
  onChange(ids: string[]): void;
}) {
  const { t } = useTranslation();
  const { can } = useSession();
  const qc = useQueryClient();
  const fileRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [attached, setAttached] = useState<Attached | null>(null);
  const linked = useRequestCases(request.id);
  const cases = (linked.data?.items ?? []).filter((c) => c.title !== null);
  const perCase = useQueries({
    queries: cases.map((c) => ({
      queryKey: ['cases', 'evidence', c.id],
      queryFn: () => answer(http.GET('/api/cases/{id}/evidence', { params: { path: { id: c.id } } })),
    })),
  });
  const sent = new Set(
    (useRequestEvidence(request.id).data?.items ?? []).filter((i) => i.state === 'sent').map((i) => i.evidence.id),
  );
  const upload = useMutation({
    mutationFn: async () => {
      if (!file) throw new Error(t('evidence.chooseFile'));
      const localHash = await sha256Hex(file);
      const res = await api.upload<Omit<Attached, 'localHash'>>(`/requests/${request.id}/evidence`, file, {
        filename: file.name,
        mediaType: file.type || 'application/octet-stream',
        sha256: localHash ?? undefined,
      });
      return { ...res, localHash };
    },
    onSuccess: async (res) => {
      setAttached(res);
      setFile(null);
      if (fileRef.current) fileRef.current.value = '';
      onChange([...value, res.evidence.id]);
      await Promise.all([
        qc.invalidateQueries({ queryKey: requestCasesKey(request.id) }),
        qc.invalidateQueries({ queryKey: requestEvidenceKey(request.id) }),
        qc.invalidateQueries({ queryKey: ['cases', 'evidence', res.case.id] }),
      ]);
    },
  });
  if (!can('evidence:read')) return null;
  const items = perCase.flatMap((q, i) => (q.data?.items ?? []).map((e) => ({ e, kase: cases[i]! })));
  const toggle = (id: string, on: boolean) => onChange(on ? [...value, id] : value.filter((x) => x !== id));
  return (
    <fieldset className="form-section stack-sm">
      <legend className="label small">{t('workflow.evidence')}</legend>
      {items.length === 0 && (
        <p className="faint small">{cases.length === 0 ? t('answer.pick.noCase') : t('answer.pick.noItems')}</p>
      )}
      {items.map(({ e, kase }) => (
        <label key={e.id} className="check" style={{ alignItems: 'flex-start' }}>
          <input type="checkbox" checked={value.includes(e.id)} onChange={(ev) => toggle(e.id, ev.target.checked)} />
          <span>
            <span className="title-cell">{e.filename}</span>
            <span className="faint small">
              {' '}
              · {kase.reference}
              {sent.has(e.id) ? ` · ${t('answer.pick.alreadySent')}` : ''}
            </span>
            <span className="hash faint" style={{ display: 'block' }}>
              SHA-256 {e.sha256}
            </span>
          </span>
        </label>
      ))}
      {can('evidence:add') && (
        <div className="inline-form">
          <div className="field grow">
            <label htmlFor="f-answer-file">{t('answer.pick.attach')}</label>
            <input
              id="f-answer-file"
              ref={fileRef}
              type="file"
              className="input"
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setAttached(null);
              }}
            />
          </div>
          <button type="button" className="btn" disabled={!file || upload.isPending} onClick={() => upload.mutate()}>
            {upload.isPending ? t('evidence.uploading') : t('answer.pick.attachButton')}
          </button>
        </div>
      )}
      {can('evidence:add') && !attached && <p className="faint small">{t('answer.pick.attachHint')}</p>}
      {attached && (
        <div className="alert success" role="status">
          <div>
            <div className="alert-title">
              {t(attached.caseOpened ? 'answer.pick.filedNewCase' : 'answer.pick.filed', {
                name: attached.evidence.filename,
                reference: attached.case.reference,
              })}
            </div>
            <div className="hash">SHA-256 {attached.evidence.sha256}</div>
            {attached.localHash && (
              <div className="small">
                {attached.localHash === attached.evidence.sha256
                  ? t('evidence.hashMatches')
                  : t('evidence.hashDiffers')}
              </div>
            )}
          </div>
        </div>
      )}
      <ErrorSummary error={upload.error} />
    </fieldset>
  );
}
