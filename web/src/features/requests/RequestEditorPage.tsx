// New request, draft editing, and registering a request received off-federation (e-mail, fax,
// phone). Drafts save at any time; submitting validates what the type needs and shows each
// problem next to its field. A request started from a hotline call is linked back to it.
import { useEffect, useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { answer, http } from '../../api/client';
import { useRequestMeta } from '../../api/meta';
import type { RequestView } from '../../api/types';
import { useSession } from '../../app/session';
import { ErrorSummary, useFieldErrors } from '../../components/ErrorSummary';
import { PageHeader, QueryState } from '../../components/Page';
import type { RequestPrefill } from '../hotline/CallLinks';
import { emptyForm, formFromContent, formToPayload, type RequestFormState } from './request-form-state';
import { RequestForm } from './RequestForm';

export type EditorMode = 'outgoing' | 'incoming';

export function RequestEditorPage({ mode = 'outgoing' }: { mode?: EditorMode }) {
  const { id } = useParams();
  const { me, timeZone } = useSession();
  const location = useLocation();
  const seed = location.state as RequestPrefill | null;
  const meta = useRequestMeta();
  const existing = useQuery({
    queryKey: ['requests', 'detail', id],
    queryFn: () => answer(http.GET('/api/requests/{id}', { params: { path: { id: id! } } })),
    enabled: Boolean(id),
  });
  const [form, setForm] = useState<RequestFormState | null>(id ? null : { ...emptyForm(me.user), ...seed?.prefill });
  useEffect(() => {
    if (existing.data && !form) setForm(formFromContent(existing.data, timeZone));
  }, [existing.data, form, timeZone]);

  return (
    <QueryState isLoading={meta.isLoading || existing.isLoading} error={meta.error ?? existing.error}>
      {meta.data && form && (
        <Editor
          id={id}
          mode={mode}
          callId={seed?.callId}
          version={existing.data?.version}
          form={form}
          setForm={setForm}
        />
      )}
    </QueryState>
  );
}

function Editor({
  id,
  mode,
  callId,
  version,
  form,
  setForm,
}: {
  id?: string;
  mode: EditorMode;
  callId?: string;
  version?: number;
  form: RequestFormState;
  setForm(f: RequestFormState): void;
}) {
  const { t } = useTranslation();
  const { timeZone } = useSession();
  const meta = useRequestMeta().data!;
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [draftId, setDraftId] = useState(id);
  const [draftVersion, setDraftVersion] = useState(version);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);
  const fieldError = useFieldErrors(error);

  const save = async (): Promise<RequestView> => {
    const body = formToPayload(form, timeZone);
    const saved = draftId
      ? await answer(
          http.PATCH('/api/requests/{id}', {
            params: { path: { id: draftId } },
            body: { ...body, expectedVersion: draftVersion },
          }),
        )
      : await answer(http.POST('/api/requests', { body }));
    setDraftId(saved.id);
    setDraftVersion(saved.version);
    return saved;
  };

  const register = async (): Promise<RequestView> => {
    const { requestedParty, ...body } = formToPayload(form, timeZone);
    return answer(http.POST('/api/requests/incoming', { body: { ...body, requestingParty: requestedParty } }));
  };

  const run = async (kind: 'save' | 'submit') => {
    setBusy(kind);
    setError(null);
    try {
      let saved: RequestView;
      if (mode === 'incoming') {
        saved = await register();
      } else {
        saved = await save();
        if (kind === 'submit')
          await http.POST('/api/requests/{id}/actions', {
            params: { path: { id: saved.id } },
            body: { action: 'submit' },
          });
      }
      if (callId)
        await http
          .POST('/api/calls/{id}/actions', {
            params: { path: { id: callId } },
            body: { action: 'link_request', requestId: saved.id },
          })
          .catch(() => undefined);
      await qc.invalidateQueries({ queryKey: ['requests'] });
      await qc.invalidateQueries({ queryKey: ['calls'] });
      navigate(`/requests/${saved.id}`);
    } catch (err) {
      setError(err);
      document.getElementById('main')?.scrollTo?.({ top: 0 });
      window.scrollTo({ top: 0 });
    } finally {
      setBusy(null);
    }
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void run('submit');
  };

  const title =
    mode === 'incoming'
      ? t('requestForm.incomingTitle')
      : draftId
        ? t('requestForm.editTitle')
        : t('requestForm.newTitle');
  return (
    <>
      <PageHeader
        eyebrow={<Link to="/requests">{t('nav.requests')}</Link>}
        title={title}
        subtitle={mode === 'incoming' ? t('requestForm.incomingSubtitle') : t('requestForm.subtitle')}
      />
      <form className="stack" onSubmit={onSubmit} noValidate>
        {error !== null && <ErrorSummary error={error} title={t('requestForm.fixErrors')} />}
        <RequestForm meta={meta} mode={mode} form={form} onChange={setForm} fieldError={fieldError} />
        <div className="panel panel-body form-actions form-footer">
          <span className="faint grow">
            {mode === 'incoming' ? t('requestForm.incomingNote') : t('requestForm.draftNote')}
          </span>
          {mode === 'outgoing' && (
            <button type="button" className="btn" disabled={busy !== null} onClick={() => void run('save')}>
              {busy === 'save' ? t('common.saving') : t('requestForm.saveDraft')}
            </button>
          )}
          <button type="submit" className="btn primary" disabled={busy !== null}>
            {busy === 'submit'
              ? t('common.sending')
              : mode === 'incoming'
                ? t('requestForm.register')
                : t('requestForm.submit')}
          </button>
        </div>
      </form>
    </>
  );
}
