// Upload of a STIX 2.1 bundle file: the import summary and a per-object report of what was refused.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { StixImportResult } from '../../api/intel-stix-types';
import { useBi } from '../../components/Bi';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/Field';
import { DataTable } from '../../components/ListParts';
import { Panel } from '../../components/Page';

export function StixImportPanel() {
  const { t } = useTranslation();
  const bi = useBi();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const upload = useMutation({
    mutationFn: (f: File) => api.upload<StixImportResult>('/intel/stix/import', f),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['intel', 'objects'] }),
  });
  const result = upload.data;
  return (
    <Panel id="stix-import" title={t('intel.import.title')}>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          if (file) upload.mutate(file);
        }}
      >
        <p className="small">{t('intel.import.hint')}</p>
        <div className="toolbar">
          <TextField
            label={t('intel.import.file')}
            path="stix-file"
            type="file"
            className="grow"
            accept=".json,application/json,application/stix+json"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
          <button type="submit" className="btn primary" disabled={!file || upload.isPending}>
            {upload.isPending ? t('intel.import.running') : t('intel.import.submit')}
          </button>
        </div>
        {upload.error && <ErrorSummary error={upload.error} />}
      </form>
      {result && (
        <div className="stack" role="status" aria-live="polite">
          <p>
            <strong>
              {t('intel.import.summary', {
                imported: result.imported,
                duplicates: result.duplicates,
                invalid: result.invalidCount,
                total: result.total,
              })}
            </strong>
          </p>
          {result.invalid.length > 0 && (
            <DataTable
              items={result.invalid}
              rowKey={(inv) => inv.index}
              caption={{ title: t('intel.import.invalidCaption', { count: result.invalidCount }), className: 'small' }}
              columns={[
                t('intel.import.colIndex'),
                t('intel.objects.colType'),
                t('intel.objects.colId'),
                t('intel.import.colIssues'),
              ]}
              row={(inv) => (
                <>
                  <td className="mono">#{inv.index}</td>
                  <td className="mono">{inv.type ?? '—'}</td>
                  <td className="mono small">{inv.id ?? '—'}</td>
                  <td>
                    <ul className="plain-list">
                      {inv.issues.map((issue, i) => (
                        <li key={i}>
                          <span className="mono">{issue.path || '—'}</span>: {bi(issue.message)}
                        </li>
                      ))}
                    </ul>
                  </td>
                </>
              )}
            />
          )}
        </div>
      )}
    </Panel>
  );
}
