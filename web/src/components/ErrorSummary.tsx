// What went wrong, in the user's language: the API's message and each field issue, linked to its field.
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type ApiIssue } from '../api/client';
import { pickBi } from '../lib/format';
import { fieldId } from './Field';

/** Issue paths as fields know them: the HTTP layer prefixes body./query. on schema errors. */
export const normalizePath = (path: string) => path.replace(/^(body|query|params)\./, '');

/** Per-field messages from an API error, in the current language. */
export function useFieldErrors(error: unknown): (path: string) => string | undefined {
  const { i18n } = useTranslation();
  const issues: ApiIssue[] = error instanceof ApiError ? error.issues : [];
  return (path) => {
    const hit = issues.find((i) => normalizePath(i.path) === path);
    return hit ? pickBi(hit.message, i18n.language) : undefined;
  };
}

export function errorText(error: unknown, language: string): string {
  if (error instanceof ApiError) return pickBi(error.messages, language);
  return error instanceof Error ? error.message : String(error);
}

function focusField(e: MouseEvent<HTMLAnchorElement>, id: string): void {
  const el = document.getElementById(id);
  if (!el) return;
  e.preventDefault();
  el.focus();
  el.scrollIntoView({ block: 'center' });
}

export function ErrorSummary({ error, title }: { error: unknown; title?: string }) {
  const { i18n } = useTranslation();
  if (!error) return null;
  const issues = error instanceof ApiError ? error.issues : [];
  return (
    <div className="alert error" role="alert">
      <div>
        <div className="alert-title">{title ?? errorText(error, i18n.language)}</div>
        {title && <div>{errorText(error, i18n.language)}</div>}
        {issues.length > 0 && (
          <ul>
            {issues.map((issue) => (
              <li key={`${issue.path}:${issue.code}`}>
                <a
                  href={`#${fieldId(normalizePath(issue.path))}`}
                  style={{ color: 'inherit', textDecoration: 'underline' }}
                  onClick={(e) => focusField(e, fieldId(normalizePath(issue.path)))}
                >
                  {pickBi(issue.message, i18n.language)}
                </a>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
