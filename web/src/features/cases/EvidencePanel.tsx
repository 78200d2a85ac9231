// Evidence of a case: upload a file (its SHA-256 computed here and checked by the node), then
// each item with size, hash, encryption at rest and its signed chain of custody.
import { useRef, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { CaseDetail, Evidence } from '../../api/case-types';
import { useCaseMeta } from '../../api/meta';
import { useSession } from '../../app/session';
import { DateTime } from '../../components/DateTime';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SelectField, TextField } from '../../components/Field';
import { DataTable } from '../../components/ListParts';
import { Empty, Panel } from '../../components/Page';
import { PartyName } from '../../components/PartyName';
import { TlpBadge } from '../../components/Tlp';
import { formatBytes } from '../../lib/format';
import { sha256Hex } from '../../lib/sha256';
import { CustodyChain } from './CustodyChain';

export function EvidencePanel({ kase: c }: { kase: CaseDetail }) {
  const { t } = useTranslation();
  const { locale, can, me } = useSession();
  const meta = useCaseMeta().data;
  const qc = useQueryClient();
  const fileRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [description, setDescription] = useState('');
  const [tlp, setTlp] = useState<string>(c.tlp ?? 'AMBER');
  const [localHash, setLocalHash] = useState<string | null>(null);
  const [stored, setStored] = useState<Evidence | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const upload = useMutation({
    mutationFn: async () => {
      if (!file) throw new Error(t('evidence.chooseFile'));
      const hash = await sha256Hex(file);
      setLocalHash(hash);
      return api.upload<Evidence>(`/cases/${c.id}/evidence`, file, {
        filename: file.name,
        mediaType: file.type || 'application/octet-stream',
        tlp,
        description: description || undefined,
        sha256: hash ?? undefined,
      });
    },
    onSuccess: async (e) => {
      setStored(e);
      setFile(null);
      setDescription('');
      if (fileRef.current) fileRef.current.value = '';
      setOpen(e.id);
      await qc.invalidateQueries({ queryKey: ['cases', 'detail', c.id] });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    upload.mutate();
  };
  const items = c.evidence ?? [];
  return (
    <div className="stack">
      {can('evidence:add') && (
        <Panel title={t('evidence.upload')} id="upload-evidence">
          <form className="stack-sm" onSubmit={submit} noValidate>
            <div className="inline-form">
              <div className="field">
                <label htmlFor="f-evidence-file">{t('evidence.file')}</label>
                <input
                  id="f-evidence-file"
                  ref={fileRef}
                  type="file"
                  className="input"
                  onChange={(e) => {
                    setFile(e.target.files?.[0] ?? null);
                    setLocalHash(null);
                    setStored(null);
                  }}
                />
              </div>
              <TextField
                label={t('evidence.description')}
                path="description"
                className="grow"
                value={description}
                onChange={(e) => setDescription(e.target.value)}
              />
              <SelectField
                label="TLP"
                path="evidence-tlp"
                value={tlp}
                onChange={(e) => setTlp(e.target.value)}
                options={Object.keys(meta?.tlp ?? {}).map((k) => ({ value: k, label: `TLP:${k}` }))}
              />
              <button type="submit" className="btn primary" disabled={!file || upload.isPending}>
                {upload.isPending ? t('evidence.uploading') : t('evidence.uploadButton')}
              </button>
            </div>
            <p className="faint">
              {t('evidence.limit', { size: formatBytes(meta?.limits.maxEvidenceBytes ?? 0, locale) })}
            </p>
            {upload.isSuccess && stored && (
              <div className="alert success" role="status">
                <div>
                  <div className="alert-title">{t('evidence.uploaded', { name: stored.filename })}</div>
                  <div className="hash">SHA-256 {stored.sha256}</div>
                  {localHash && (
                    <div className="small">
                      {localHash === stored.sha256 ? t('evidence.hashMatches') : t('evidence.hashDiffers')}
                    </div>
                  )}
                </div>
              </div>
            )}
            <ErrorSummary error={upload.error} />
          </form>
        </Panel>
      )}
      <Panel title={t('cases.tabEvidence')} flush id="evidence">
        <DataTable
          items={items}
          rowKey={(e) => e.id}
          empty={<Empty title={t('evidence.empty')} />}
          columns={[
            t('evidence.file'),
            'SHA-256',
            { title: t('evidence.size'), className: 'num' },
            'TLP',
            t('evidence.added'),
            <span key="actions" className="sr-only">
              {t('common.actions')}
            </span>,
          ]}
          row={(e) => (
            <>
              <td>
                <div className="title-cell break">{e.filename}</div>
                <div className="sub">
                  {e.description ?? e.mediaType} · {t('evidence.encrypted', { alg: e.encryptedAtRest.alg })}
                  {e.originParty !== me.node.id && (
                    <>
                      {' '}
                      · {t('evidence.receivedFrom')} <PartyName id={e.originParty} />
                    </>
                  )}
                </div>
              </td>
              <td className="hash" style={{ maxWidth: 280 }} data-testid="evidence-sha256">
                {e.sha256}
              </td>
              <td className="num nowrap">{formatBytes(e.size, locale)}</td>
              <td>
                <TlpBadge tlp={e.tlp} />
              </td>
              <td className="small">
                <DateTime at={e.createdAt} />
              </td>
              <td>
                <button
                  type="button"
                  className="btn sm"
                  aria-expanded={open === e.id}
                  onClick={() => setOpen(open === e.id ? null : e.id)}
                >
                  {t('evidence.custody')}
                </button>
              </td>
            </>
          )}
        />
      </Panel>
      {open && items.some((e) => e.id === open) && (
        <CustodyChain caseId={c.id} evidence={items.find((e) => e.id === open)!} />
      )}
    </div>
  );
}
