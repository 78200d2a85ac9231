// Adding a peer: load its card (pasted JSON or its URL), read the fingerprint to the other agency by
// phone, and type the fingerprint they confirm; only a matching card is added.
import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { answer, http } from '../../api/client';
import type { JsonBody } from '../../api/types';
import { useBi } from '../../components/Bi';
import { ErrorSummary, useFieldErrors } from '../../components/ErrorSummary';
import { TextArea, TextField } from '../../components/Field';
import { Panel } from '../../components/Page';

export function AddPeerForm() {
  const { t } = useTranslation();
  const bi = useBi();
  const qc = useQueryClient();
  const [url, setUrl] = useState('');
  const [cardText, setCardText] = useState('');
  const [fingerprint, setFingerprint] = useState('');
  /** The card to check: fetched from its URL, or pasted (any JSON object; the route's schema checks it). */
  const source = (): JsonBody<'/api/federation/peers/preview', 'post'> => {
    if (!cardText.trim()) return { url: url.trim() };
    try {
      return { card: JSON.parse(cardText) as Record<string, unknown> };
    } catch {
      throw new Error(t('federation.cardNotJson'));
    }
  };
  const preview = useMutation({
    mutationFn: () => answer(http.POST('/api/federation/peers/preview', { body: source() })),
  });
  const add = useMutation({
    mutationFn: () => answer(http.POST('/api/federation/peers', { body: { ...source(), fingerprint } })),
    onSuccess: async () => {
      setUrl('');
      setCardText('');
      setFingerprint('');
      preview.reset();
      await qc.invalidateQueries({ queryKey: ['federation'] });
    },
  });
  const err = useFieldErrors(add.error ?? preview.error);
  const onPreview = (e: FormEvent) => {
    e.preventDefault();
    preview.mutate();
  };
  return (
    <Panel title={t('federation.addPeer')} id="add-peer">
      <form className="stack-sm" onSubmit={onPreview} noValidate>
        <div className="form-grid">
          <TextField
            label={t('federation.cardUrl')}
            path="url"
            type="url"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            hint={t('federation.cardUrlHint')}
            error={err('url')}
          />
          <TextArea
            label={t('federation.cardJson')}
            path="card"
            rows={3}
            value={cardText}
            onChange={(e) => setCardText(e.target.value)}
            hint={t('federation.cardJsonHint')}
            error={err('card')}
          />
        </div>
        <div>
          <button type="submit" className="btn" disabled={preview.isPending || (!url.trim() && !cardText.trim())}>
            {t('federation.previewCard')}
          </button>
        </div>
        <ErrorSummary error={preview.error} />
      </form>
      {preview.data && (
        <form
          className="action-form stack-sm"
          style={{ marginTop: 'var(--sp-4)' }}
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            add.mutate();
          }}
        >
          <div>
            <strong>{bi(preview.data.card.name)}</strong>{' '}
            <span className="mono faint">
              {preview.data.card.id} · {preview.data.card.country}
            </span>
          </div>
          <div className="code-box fingerprint">{preview.data.fingerprint}</div>
          <p className="faint">{t('federation.confirmHelp')}</p>
          <TextField
            label={t('federation.confirmFingerprint')}
            path="fingerprint"
            value={fingerprint}
            onChange={(e) => setFingerprint(e.target.value)}
            error={err('fingerprint')}
          />
          <div className="form-actions">
            <button type="submit" className="btn primary" disabled={add.isPending || fingerprint.length < 16}>
              {t('federation.add')}
            </button>
          </div>
          <ErrorSummary error={add.error} />
        </form>
      )}
    </Panel>
  );
}
