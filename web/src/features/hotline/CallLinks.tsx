// The request or case a call led to, and turning the call into a request with one action
// (the new request is prefilled from the call and linked back to it).
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { answer, http } from '../../api/client';
import type { CallDetail } from '../../api/types';
import { useSession } from '../../app/session';
import { ErrorSummary } from '../../components/ErrorSummary';
import type { RequestFormState } from '../requests/request-form-state';

export type RequestPrefill = { prefill: Partial<RequestFormState>; callId: string };

export function CallLinks({ call }: { call: CallDetail }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const incoming = call.direction === 'incoming';
  // Exercise calls stay in the exercise: no real request or case is made from them (the server refuses too).
  const inExercise = Boolean(call.exerciseId);
  const draftRequest = async () => {
    setError(null);
    try {
      const d = await answer(http.GET('/api/calls/{id}/request-draft', { params: { path: { id: call.id } } }));
      const prefill: Partial<RequestFormState> = {
        type: d.requestType,
        requestedParty: incoming ? d.requestingParty : d.requestedParty,
        subjectEn: d.subject.en,
        subjectZh: d.subject.zh,
        facts: d.facts,
        urgency: d.urgency,
        crimeCategory: d.crimeCategory ?? '',
        contactName: d.contactOfficer.name,
        contactEmail: d.contactOfficer.email ?? '',
        contactPhone: d.contactOfficer.phone ?? '',
      };
      const state: RequestPrefill = { prefill, callId: call.id };
      navigate(incoming ? '/requests/incoming/new' : '/requests/new', { state });
    } catch (err) {
      setError(err);
    }
  };
  const openCase = async () => {
    setError(null);
    try {
      const kase = await answer(http.POST('/api/calls/{id}/case', { params: { path: { id: call.id } } }));
      await qc.invalidateQueries({ queryKey: ['calls'] });
      await qc.invalidateQueries({ queryKey: ['cases'] });
      navigate(`/cases/${kase.id}`);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <div className="stack-sm">
      <dl className="kv">
        <dt>{t('calls.linkedRequest')}</dt>
        <dd>{call.linkedRequestId ? <Link to={`/requests/${call.linkedRequestId}`}>{t('common.open')}</Link> : '—'}</dd>
        <dt>{t('calls.linkedCase')}</dt>
        <dd>{call.linkedCaseId ? <Link to={`/cases/${call.linkedCaseId}`}>{t('common.open')}</Link> : '—'}</dd>
      </dl>
      {!inExercise &&
        !call.linkedRequestId &&
        can('request:create') &&
        call.allowedActions.includes('link_request') && (
          <div>
            <button type="button" className="btn" onClick={() => void draftRequest()}>
              {incoming ? t('calls.registerRequest') : t('calls.draftRequest')}
            </button>
          </div>
        )}
      {!inExercise && !call.linkedCaseId && can('case:create') && call.allowedActions.includes('link_case') && (
        <div>
          <button type="button" className="btn" onClick={() => void openCase()}>
            {t('calls.openCase')}
          </button>
        </div>
      )}
      <ErrorSummary error={error} />
    </div>
  );
}
