// Attachments of an article: download links (checked against SHA-256 by the node) and, on the
// author's node, an upload field.
import { useRef } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { ArticleAttachment, ArticleDetail } from '../../api/knowledge-types';
import { useSession } from '../../app/session';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Panel } from '../../components/Page';

export function ArticleAttachments({ article }: { article: ArticleDetail }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const qc = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const upload = useMutation({
    mutationFn: (file: File) =>
      api.upload<ArticleAttachment>(`/knowledge/articles/${article.id}/attachments`, file, {
        fileName: file.name,
        mediaType: file.type || 'application/octet-stream',
      }),
    onSuccess: async () => {
      if (input.current) input.current.value = '';
      await qc.invalidateQueries({ queryKey: ['knowledge', 'detail', article.id] });
    },
  });
  return (
    <Panel id="article-attachments" title={t('knowledge.attachments')}>
      {article.attachments.length === 0 ? (
        <p className="muted">{t('knowledge.noAttachments')}</p>
      ) : (
        <ul className="kb-list">
          {article.attachments.map((f) => (
            <li key={f.id}>
              <a href={`/api/knowledge/articles/${article.id}/attachments/${f.id}`} download={f.fileName}>
                {f.fileName}
              </a>
              <div className="small mono" title="SHA-256">
                {(f.size / 1024).toFixed(1)} KiB · {f.sha256.slice(0, 16)}…
              </div>
            </li>
          ))}
        </ul>
      )}
      {article.isOwn && can('knowledge:edit') && (
        <div className="field">
          <label htmlFor="kb-attachment">{t('knowledge.addAttachment')}</label>
          <input
            id="kb-attachment"
            ref={input}
            type="file"
            disabled={upload.isPending}
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) upload.mutate(file);
            }}
          />
          <ErrorSummary error={upload.error} />
        </div>
      )}
    </Panel>
  );
}
