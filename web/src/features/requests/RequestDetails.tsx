// The content of a request as sent: parties, case, legal basis, facts, identifiers and the
// type-specific block, with times in the evidence's own zone where one is given.
import { useTranslation } from 'react-i18next';
import type { RequestMeta, RequestView } from '../../api/types';
import { useBi, useLabel } from '../../components/Bi';
import { DateTime } from '../../components/DateTime';
import { DataTable } from '../../components/ListParts';
import { PartyName } from '../../components/PartyName';
import { DETAIL_BLOCK } from './request-form-state';
import { sameLabel } from '../../lib/same-label';

export function RequestDetails({ request: r, meta }: { request: RequestView; meta: RequestMeta }) {
  const { t } = useTranslation();
  const bi = useBi();
  const label = useLabel();
  const basis = meta.legalBases.find((b) => b.id === r.legalBasis);
  const block = DETAIL_BLOCK[r.type];
  const detailValue = (k: string, v: unknown): string => {
    if (Array.isArray(v)) return v.join('\n');
    if (typeof v === 'boolean') return v ? t('common.yes') : t('common.no');
    if (k === 'contentKind') return t(`details.contentKinds.${v as 'other'}`);
    if (k === 'assetKind') return t(`details.assetKinds.${v as 'funds'}`);
    if (k === 'role') return t(`details.roles.${v as 'witness'}`);
    return String(v ?? '');
  };
  const details = block ? ((r.details as Record<string, Record<string, unknown> | undefined>)[block] ?? {}) : {};
  return (
    <div className="stack">
      <dl className="kv">
        <dt>{t('requestView.requesting')}</dt>
        <dd>
          <PartyName id={r.requestingParty} />
        </dd>
        <dt>{t('requestView.requested')}</dt>
        <dd>
          <PartyName id={r.requestedParty} />
        </dd>
        <dt>{r.direction === 'incoming' ? t('requestView.theirCaseRef') : t('requestForm.caseRef')}</dt>
        <dd className="mono">{r.caseRef || '—'}</dd>
        <dt>{t('requestForm.subjectZh')}</dt>
        <dd lang="zh-CN">{r.subject.zh || '—'}</dd>
        <dt>{t('requestForm.subjectEn')}</dt>
        <dd lang="en">{r.subject.en || '—'}</dd>
        <dt>{t('requestForm.crimeCategory')}</dt>
        <dd>{label(meta.crimeCategories, r.crimeCategory)}</dd>
        <dt>{t('requestForm.legalBasis')}</dt>
        <dd>
          {basis ? (
            <>
              {bi(basis.shortName)}
              {!sameLabel(basis.citation, bi(basis.shortName)) && (
                <>
                  {' '}
                  <span className="faint">({basis.citation})</span>
                </>
              )}
            </>
          ) : (
            '—'
          )}
          {r.legalBasisNote ? ` — ${r.legalBasisNote}` : ''}
        </dd>
        <dt>{t('requestForm.confidentiality')}</dt>
        <dd>{label(meta.confidentiality, r.confidentiality)}</dd>
        <dt>{t('requestForm.requestedDeadline')}</dt>
        <dd>
          <DateTime at={r.requestedDeadline} />
        </dd>
        <dt>{t('requestView.contact')}</dt>
        <dd>
          {r.contactOfficer.name || '—'}
          {r.contactOfficer.email && ` · ${r.contactOfficer.email}`}
          {r.contactOfficer.phone && ` · ${r.contactOfficer.phone}`}
        </dd>
        {r.approvalRequired && (
          <>
            <dt>{t('requestView.approval')}</dt>
            <dd>
              {r.approval?.decision ? t(`workflow.${r.approval.decision}`) : t('requestView.approvalNeeded')}
              {r.approval?.authority ? ` · ${r.approval.authority}` : ''}
              {r.approval?.reference ? ` · ${r.approval.reference}` : ''}
            </dd>
          </>
        )}
      </dl>
      <div>
        <h3 className="section-title">{t('requestForm.facts')}</h3>
        <p className="prewrap">{r.facts || '—'}</p>
      </div>
      <div>
        <h3 className="section-title">{t('requestForm.dataRequested')}</h3>
        <p className="prewrap">{r.dataRequested || '—'}</p>
      </div>
      {Object.keys(details).length > 0 && (
        <div>
          <h3 className="section-title">{bi(meta.types[r.type])}</h3>
          <dl className="kv">
            {Object.entries(details).map(([k, v]) => (
              <div key={k} style={{ display: 'contents' }}>
                <dt>{t(`details.${k as 'provider'}`, { defaultValue: k })}</dt>
                <dd className="prewrap">{detailValue(k, v)}</dd>
              </div>
            ))}
          </dl>
        </div>
      )}
      {r.identifiers.length > 0 && (
        <div>
          <h3 className="section-title">{t('requestForm.sectionIdentifiers')}</h3>
          <DataTable
            items={r.identifiers}
            rowKey={(_, n) => n}
            columns={[
              t('requestForm.identifier.kind'),
              t('requestForm.identifier.value'),
              t('requestForm.identifier.service'),
              t('requestView.timeRange'),
            ]}
            row={(i) => (
              <>
                <td>{label(meta.identifierKinds, i.kind)}</td>
                <td className="mono break">{i.value}</td>
                <td>{i.service ?? '—'}</td>
                <td className="small">
                  {i.from || i.to ? (
                    <>
                      <DateTime at={i.from} otherZone={i.timeZone} /> – <DateTime at={i.to} otherZone={i.timeZone} />
                    </>
                  ) : (
                    '—'
                  )}
                </td>
              </>
            )}
          />
        </div>
      )}
    </div>
  );
}
