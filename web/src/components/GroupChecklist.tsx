// Sharing groups as a picker (docs/federation.md §19): the node's named sets of peers, listed by
// region, chosen next to single parties wherever peers are chosen (case share, hotline broadcast,
// article share, exercise participants, TAXII collection readers and writers). The server expands
// each group to its active peer members at the moment of sending (or of saving, for exercises and
// collections).
import { useId } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { answer, http } from '../api/client';
import type { components } from '../api/generated/api';
import { useSession } from '../app/session';
import { useBi } from './Bi';
import { useFieldId } from './Field';

export type SharingGroup = components['schemas']['SharingGroup'];

export function useSharingGroups(): { items: SharingGroup[]; isLoading: boolean; error: unknown } {
  const { can } = useSession();
  const groups = useQuery({
    queryKey: ['federation', 'groups'],
    queryFn: () => answer(http.GET('/api/federation/groups')),
    enabled: can('party:read'),
    staleTime: 60_000,
  });
  return { items: groups.data?.items ?? [], isLoading: groups.isLoading, error: groups.error };
}

export function GroupChecklist({
  label,
  path,
  value,
  onChange,
  error,
  hint,
}: {
  label?: string;
  /** What choosing a group does here (the default speaks of sending). */
  hint?: string;
  path: string;
  value: string[];
  onChange(ids: string[]): void;
  error?: string;
}) {
  const { t } = useTranslation();
  const bi = useBi();
  const { items } = useSharingGroups();
  const id = useFieldId(path);
  const legend = useId();
  if (items.length === 0) return null;
  const toggle = (g: string) => onChange(value.includes(g) ? value.filter((x) => x !== g) : [...value, g]);
  return (
    <fieldset
      className="field party-checklist"
      id={id}
      aria-labelledby={legend}
      aria-invalid={error ? true : undefined}
      aria-describedby={error ? `${id}-error` : `${id}-hint`}
    >
      <legend className="label" id={legend}>
        {label ?? t('groups.picker')}
      </legend>
      <div className="row">
        {items.map((g) => (
          <label key={g.id} className="check" title={g.members.join(', ')}>
            <input type="checkbox" checked={value.includes(g.id)} onChange={() => toggle(g.id)} />
            {bi(g.name)}
            <span className="faint small">
              {' '}
              · {g.region ? `${g.region} · ` : ''}
              {t('groups.memberCount', { count: g.members.length })}
            </span>
          </label>
        ))}
      </div>
      {!error && (
        <span className="hint" id={`${id}-hint`}>
          {hint ?? t('groups.pickerHint')}
        </span>
      )}
      {error && (
        <span className="error" id={`${id}-error`}>
          <span aria-hidden="true">⚠</span>
          {error}
        </span>
      )}
    </fieldset>
  );
}
