// Every step of the request — who, on which side, when, and what they wrote — oldest first.
import { useTranslation } from 'react-i18next';
import type { RequestHistoryEntry, RequestMeta } from '../../api/types';
import { useLabel } from '../../components/Bi';
import { DateTime } from '../../components/DateTime';
import { PartyName } from '../../components/PartyName';

const TEXT_FIELDS = ['note', 'reason', 'questions', 'information', 'authority', 'reference', 'decision'] as const;

export function RequestHistory({ history, meta }: { history: RequestHistoryEntry[]; meta: RequestMeta }) {
  const { t } = useTranslation();
  const label = useLabel();
  if (history.length === 0) return <p className="muted">{t('history.empty')}</p>;
  return (
    <ol className="timeline">
      {history.map((h, i) => {
        const name = h.type.replace(/^request\./, '').replace(/\./g, '_');
        const to = typeof h.data.to === 'string' ? h.data.to : null;
        return (
          <li key={`${h.at}-${i}`}>
            <div className="what">{t(`history.events.${name as 'submitted'}`, { defaultValue: name })}</div>
            <div className="when">
              <DateTime at={h.at} /> · {h.actorLabel} · <PartyName id={h.party} />
              {h.auditSeq !== null && <span className="faint"> · {t('history.auditSeq', { seq: h.auditSeq })}</span>}
            </div>
            {to && <div className="small">{t('history.statusTo', { status: label(meta.statuses, to) })}</div>}
            {Array.isArray(h.data.evidenceIds) && h.data.evidenceIds.length > 0 && (
              <div className="small">{t('history.evidence', { count: h.data.evidenceIds.length })}</div>
            )}
            {TEXT_FIELDS.filter(
              (f) => typeof h.data[f] === 'string' && h.data[f] && (f !== 'reference' || name === 'approval_recorded'),
            ).map((f) => (
              <div key={f} className="small prewrap">
                <span className="muted">{t(`history.fields.${f}`)}:</span> {String(h.data[f])}
              </div>
            ))}
          </li>
        );
      })}
    </ol>
  );
}
