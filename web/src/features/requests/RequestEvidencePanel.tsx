// The evidence of a request, on its page: on the requesting side each item that arrived, with its
// SHA-256 as the other party sent it and as this node computed it on receipt (they must be equal),
// on the requested side what was filed and what was sent; each with its case, its chain of custody
// and a download (which records custody).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RequestView } from '../../api/types';
import { useSession } from '../../app/session';
import { Badge } from '../../components/Badge';
import { DateTime } from '../../components/DateTime';
import { PartyName } from '../../components/PartyName';
import { formatBytes } from '../../lib/format';
import { CustodyChain } from '../cases/CustodyChain';
import { useRequestEvidence, type RequestEvidenceItem } from './request-answer';

const STATE_TONE = { received: 'success', sent: 'info', ready: 'neutral' } as const;

function Hashes({ item }: { item: RequestEvidenceItem }) {
  const { t } = useTranslation();
  const r = item.received;
  if (!r) {
    return (
      <div className="hash" data-testid="request-evidence-sha256">
        SHA-256 {item.evidence.sha256}
      </div>
    );
  }
  const same = r.sentSha256 === r.receivedSha256;
  return (
    <dl className="hash-pair">
      <dt>{t('answer.evidence.shaSent')}</dt>
      <dd className="hash" data-testid="sha256-sent">
        {r.sentSha256}
      </dd>
      <dt>{t('answer.evidence.shaReceived')}</dt>
      <dd className="hash" data-testid="sha256-received">
        {r.receivedSha256}
      </dd>
      <dd className={same ? 'success-text' : 'danger-text'} data-testid="sha256-verdict">
        {same ? `✓ ${t('answer.evidence.shaEqual')}` : `✗ ${t('answer.evidence.shaDiffer')}`}
      </dd>
    </dl>
  );
}

export function RequestEvidencePanel({ request }: { request: RequestView }) {
  const { t } = useTranslation();
  const { locale } = useSession();
  const q = useRequestEvidence(request.id, true);
  const [open, setOpen] = useState<string | null>(null);
  const items = q.data?.items ?? [];
  const outgoing = request.direction === 'outgoing';
  if (q.isLoading) return <p className="muted">{t('answer.evidence.loading')}</p>;
  const shown = items.find((i) => i.evidence.id === open);
  return (
    <div className="stack-sm">
      {items.length === 0 && (
        <p className="muted">{t(outgoing ? 'answer.evidence.noneArrived' : 'answer.evidence.noneFiled')}</p>
      )}
      <ul className="evidence-list">
        {items.map((i) => (
          <li key={i.evidence.id} className="evidence-item" data-testid="request-evidence-item">
            <div className="row between">
              <span className="title-cell break">{i.evidence.filename}</span>
              <Badge tone={STATE_TONE[i.state]}>{t(`answer.evidence.state.${i.state}`)}</Badge>
            </div>
            <div className="sub small">
              {formatBytes(i.evidence.size, locale)} · {t('answer.evidence.inCase')}{' '}
              <Link to={`/cases/${i.case.id}`} className="mono">
                {i.case.reference}
              </Link>
              {i.received && (
                <>
                  {' '}
                  · {t('answer.evidence.receivedFrom')} <PartyName id={i.received.from} />{' '}
                  <DateTime at={i.received.at} />
                </>
              )}
            </div>
            <Hashes item={i} />
            <div className="row">
              <a
                className="btn sm"
                href={`/api/cases/${i.case.id}/evidence/${i.evidence.id}/content`}
                download={i.evidence.filename}
              >
                {t('evidence.download')}
              </a>
              <button
                type="button"
                className="btn sm"
                aria-expanded={open === i.evidence.id}
                onClick={() => setOpen(open === i.evidence.id ? null : i.evidence.id)}
              >
                {t('evidence.custody')}
              </button>
            </div>
          </li>
        ))}
      </ul>
      {(q.data?.notShown ?? 0) > 0 && (
        <p className="faint small">{t('answer.evidence.notShown', { count: q.data?.notShown ?? 0 })}</p>
      )}
      {shown && <CustodyChain caseId={shown.case.id} evidence={shown.evidence} />}
    </div>
  );
}
