// The chain of custody of one evidence item: signed, hash-linked events and whether they verify;
// downloading records an "accessed" event, exporting an "exported" one.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { answer, http } from '../../api/client';
import type { Evidence } from '../../api/case-types';
import { useCaseMeta } from '../../api/meta';
import { useBi, useLabel } from '../../components/Bi';
import { DateTime } from '../../components/DateTime';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Panel, QueryState } from '../../components/Page';
import { PartyName } from '../../components/PartyName';

export function CustodyChain({ caseId, evidence }: { caseId: string; evidence: Evidence }) {
  const { t } = useTranslation();
  const bi = useBi();
  const label = useLabel();
  const meta = useCaseMeta().data;
  const qc = useQueryClient();
  const path = { id: caseId, evidenceId: evidence.id };
  const q = useQuery({
    queryKey: ['custody', evidence.id],
    queryFn: () => answer(http.GET('/api/cases/{id}/evidence/{evidenceId}/custody', { params: { path } })),
  });
  const verify = useMutation({
    mutationFn: () =>
      answer(
        http.POST('/api/cases/{id}/evidence/{evidenceId}/custody', { params: { path }, body: { kind: 'verified' } }),
      ),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['custody', evidence.id] }),
  });
  const v = q.data?.verification;
  return (
    <Panel
      title={t('evidence.chainOf', { name: evidence.filename })}
      id="custody"
      actions={
        <>
          <a
            className="btn sm"
            href={`/api/cases/${caseId}/evidence/${evidence.id}/content`}
            onClick={() => setTimeout(() => void qc.invalidateQueries({ queryKey: ['custody', evidence.id] }), 800)}
          >
            {t('evidence.download')}
          </a>
          <button type="button" className="btn sm" onClick={() => verify.mutate()} disabled={verify.isPending}>
            {t('evidence.verify')}
          </button>
        </>
      }
    >
      <QueryState isLoading={q.isLoading} error={q.error}>
        {v && (
          <div className={`alert ${v.ok ? 'success' : 'error'}`} role="status" style={{ marginBottom: 'var(--sp-4)' }}>
            {v.ok
              ? t('evidence.chainOk', { count: v.length })
              : `${t('evidence.chainBroken', { seq: v.firstBadSeq })} ${bi(v.message)}`}
          </div>
        )}
        <ol className="timeline">
          {(q.data?.events ?? []).map((e) => (
            <li key={e.seq}>
              <div className="what">
                #{e.seq} {label(meta?.custodyKinds, e.kind)}
              </div>
              <div className="when">
                <DateTime at={e.at} /> · {e.actorLabel} · <PartyName id={e.party} />
              </div>
              {e.note && <div className="small">{e.note}</div>}
              <div className="hash faint">
                {t('evidence.eventHash')} {e.hash} · {t('evidence.signedBy', { key: e.keyId })}
              </div>
            </li>
          ))}
        </ol>
        <ErrorSummary error={verify.error} />
      </QueryState>
    </Panel>
  );
}
