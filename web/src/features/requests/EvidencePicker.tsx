// Choosing evidence items (from a case this user works on) to deliver with a response; each shows
// its SHA-256 so the officer sends exactly the file they checked.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { CaseSummary, Evidence } from '../../api/case-types';
import { useSession } from '../../app/session';
import { useBi } from '../../components/Bi';
import { SelectField } from '../../components/Field';

export function EvidencePicker({ value, onChange }: { value: string[]; onChange(ids: string[]): void }) {
  const { t } = useTranslation();
  const bi = useBi();
  const { can } = useSession();
  const [caseId, setCaseId] = useState('');
  const cases = useQuery({ queryKey: ['cases', 'list', {}], queryFn: () => api.get<{ items: CaseSummary[] }>('/cases'), enabled: can('evidence:read') });
  const evidence = useQuery({
    queryKey: ['cases', 'evidence', caseId], queryFn: () => api.get<{ items: Evidence[] }>(`/cases/${caseId}/evidence`), enabled: Boolean(caseId),
  });
  if (!can('evidence:read')) return null;
  const options = (cases.data?.items ?? []).filter((c) => c.access === 'full').map((c) => ({ value: c.id, label: `${c.reference} · ${c.title ? bi(c.title) : ''}` }));
  return (
    <fieldset className="form-section">
      <legend className="label small">{t('workflow.evidence')}</legend>
      <SelectField label={t('workflow.evidenceCase')} path="evidence-case" placeholder={t('common.choose')} options={options}
        hint={t('workflow.evidenceHint')}
        value={caseId} onChange={(e) => setCaseId(e.target.value)} />
      {(evidence.data?.items ?? []).map((e) => (
        <label key={e.id} className="check" style={{ alignItems: 'flex-start' }}>
          <input type="checkbox" checked={value.includes(e.id)}
            onChange={(ev) => onChange(ev.target.checked ? [...value, e.id] : value.filter((x) => x !== e.id))} />
          <span><span className="title-cell">{e.filename}</span><span className="hash faint" style={{ display: 'block' }}>SHA-256 {e.sha256}</span></span>
        </label>
      ))}
      {caseId && evidence.data?.items.length === 0 && <p className="faint">{t('evidence.empty')}</p>}
    </fieldset>
  );
}
