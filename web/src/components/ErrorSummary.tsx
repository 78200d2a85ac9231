// What went wrong, in the user's language: the API's message and each field issue, linked to its field.
import { useEffect, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type ApiIssue } from '../api/client';
import { pickBi } from '../lib/format';
import { fieldId } from './Field';

/** Issue paths as fields know them: the HTTP layer prefixes body./query. on schema errors. */
export const normalizePath = (path: string) => path.replace(/^(body|query|params)\./, '');

/**
 * Per-field messages from an API error, in the current language. An issue about a whole group
 * ("title": give one in either language) shows at each field of the group (title.zh, title.en).
 */
export function useFieldErrors(error: unknown): (path: string) => string | undefined {
  const { i18n } = useTranslation();
  const issues: ApiIssue[] = error instanceof ApiError ? error.issues : [];
  return (path) => {
    const hit =
      issues.find((i) => normalizePath(i.path) === path) ??
      issues.find((i) => {
        const p = normalizePath(i.path);
        return p !== '' && path.startsWith(`${p}.`);
      });
    return hit ? pickBi(hit.message, i18n.language) : undefined;
  };
}

/** The field an issue is about: its own, else the first field of its group. */
function fieldOf(path: string): HTMLElement | null {
  const id = fieldId(normalizePath(path));
  return (
    document.getElementById(id) ??
    document.querySelector<HTMLElement>(`[id^="${id}-"]:is(input, select, textarea, fieldset)`)
  );
}

/** The visible label of an issue's field, so a summary line reads "Title (Chinese): Fill in this field." */
function labelOf(path: string): string | undefined {
  const el = fieldOf(path);
  if (!el) return undefined;
  const text = el.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`)?.textContent : undefined;
  const legend = el.closest('fieldset')?.querySelector('legend')?.textContent;
  return (text ?? el.getAttribute('aria-label') ?? legend ?? '').replace(/\s*\*\s*$/, '').trim() || undefined;
}

export function errorText(error: unknown, language: string): string {
  if (error instanceof ApiError) return pickBi(error.messages, language);
  return error instanceof Error ? error.message : String(error);
}

function focusField(e: MouseEvent<HTMLAnchorElement>, path: string): void {
  const el = fieldOf(path);
  if (!el) return;
  e.preventDefault();
  el.focus();
  el.scrollIntoView({ block: 'center' });
}

export function ErrorSummary({ error, title }: { error: unknown; title?: string }) {
  const { i18n } = useTranslation();
  const issues = error instanceof ApiError ? error.issues : [];
  // Labels are read from the rendered form, after it has rendered.
  const [labels, setLabels] = useState<Record<string, string>>({});
  const key = issues.map((i) => i.path).join('|');
  useEffect(() => {
    const next: Record<string, string> = {};
    for (const i of issues) {
      const l = labelOf(i.path);
      if (l) next[i.path] = l;
    }
    setLabels(next);
  }, [key, i18n.language]); // the paths (key) decide, not the array's identity
  if (!error) return null;
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
                  onClick={(e) => focusField(e, issue.path)}
                >
                  {labels[issue.path] ? `${labels[issue.path]}${i18n.language === 'zh-CN' ? '：' : ': '}` : ''}
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
