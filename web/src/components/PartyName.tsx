// The federation's parties as people name them: the agency's name in the reader's language and its
// country, never a bare node id. One directory (GET /api/parties, every staff role) feeds the names
// shown on every page and the pickers every form uses to choose a counterpart.
import { useId, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { answer, http } from '../api/client';
import type { components } from '../api/generated/api';
import { useSession } from '../app/session';
import { useBi } from './Bi';
import { SelectField, TextField, useFieldId } from './Field';
import { RegionChecklist } from './RegionChecklist';

/** From this many peers on, the checklist offers a search and groups the peers by region. */
export const PICKER_SCALE_AT = 9;

/** A party as GET /api/parties names it (generated from the node's OpenAPI document). */
export type Party = components['schemas']['Party'];

/** The parties this node knows, by id (itself included, from the session while the list loads). */
export function usePartyDirectory(): Map<string, Party> {
  const { me, can } = useSession();
  const parties = useQuery({
    queryKey: ['parties'],
    queryFn: () => answer(http.GET('/api/parties')),
    enabled: can('party:read'),
    staleTime: 5 * 60_000,
    retry: false,
  });
  const map = new Map<string, Party>();
  map.set(me.node.id, { id: me.node.id, name: me.node.name, country: me.node.country, self: true, active: true });
  for (const p of parties.data?.items ?? []) map.set(p.id, p);
  return map;
}

/** Kept for callers that only ask "is this party on the federation?" (this node and its peers). */
export const usePeerDirectory = usePartyDirectory;

/** "China" / "中国" for `CN`, in the reader's language. */
export function useCountryName(): (code: string) => string {
  const { i18n } = useTranslation();
  return (code) => {
    if (!/^[A-Z]{2}$/.test(code) || code === 'XX') return code;
    try {
      return new Intl.DisplayNames([i18n.language === 'zh-CN' ? 'zh-CN' : 'en'], { type: 'region' }).of(code) ?? code;
    } catch {
      return code;
    }
  };
}

/** A function naming a party in the reader's language (the id itself when unknown): for texts built in code. */
export function usePartyLabel(): (id: string) => string {
  const directory = usePartyDirectory();
  const bi = useBi();
  return (id) => {
    const p = directory.get(id);
    return p?.name && bi(p.name) ? bi(p.name) : id;
  };
}

export function PartyName({ id, withCountry = false }: { id: string; withCountry?: boolean }) {
  const directory = usePartyDirectory();
  const bi = useBi();
  const country = useCountryName();
  const party = directory.get(id);
  if (!party?.name || !bi(party.name)) return <span className="mono">{id}</span>;
  return (
    <span title={id}>
      {bi(party.name)}
      {withCountry && party.country && <span className="faint"> · {country(party.country)}</span>}
    </span>
  );
}

/** "to X" for an outgoing record, "from X" for an incoming one: the other party, as list tables show it. */
export function Counterpart({ direction, party }: { direction: 'outgoing' | 'incoming'; party: string }) {
  const { t } = useTranslation();
  return (
    <>
      <span className="faint">{direction === 'outgoing' ? t('requests.to') : t('requests.from')} </span>
      <PartyName id={party} />
    </>
  );
}

const OTHER = '__other__';

/** The peers one may choose: active ones (and the current value even if its peer is suspended). */
function usePeerChoices(value: string | string[], includeSelf = false): Party[] {
  const directory = usePartyDirectory();
  const current = Array.isArray(value) ? value : [value];
  const all = [...directory.values()];
  const peers = all.filter((p) => !p.self && (p.active || current.includes(p.id)));
  return includeSelf ? [...all.filter((p) => p.self), ...peers] : peers;
}

type PickerProps = {
  label: string;
  path: string;
  value: string;
  onChange(id: string): void;
  error?: string;
  hint?: string;
  required?: boolean;
  className?: string;
  /** Offer "another agency (not on the federation)" with a field for its identifier (requests and calls by e-mail or phone). */
  allowOther?: boolean;
  /** The empty choice's text; without it the first choice is "Choose…". */
  placeholder?: string;
  /** Offer this node itself first (meeting participants). */
  includeSelf?: boolean;
};

/** Choose one counterpart from the federation's peers, by name and country. */
export function PartyPicker({
  label,
  path,
  value,
  onChange,
  error,
  hint,
  required,
  className,
  allowOther,
  placeholder,
  includeSelf,
}: PickerProps) {
  const { t } = useTranslation();
  const bi = useBi();
  const country = useCountryName();
  const peers = usePeerChoices(value, includeSelf);
  const known = value === '' || peers.some((p) => p.id === value);
  const [other, setOther] = useState(!known);
  const showOther = allowOther && (other || !known);
  // The country only where the agency's name does not already say it.
  const withCountry = (p: Party) => {
    const name = bi(p.name) || p.id;
    const c = country(p.country);
    return name.includes(c) ? name : `${name} · ${c}`;
  };
  const options = peers.map((p) => ({ value: p.id, label: withCountry(p) }));
  if (allowOther) options.push({ value: OTHER, label: t('parties.other') });
  return (
    <>
      <SelectField
        label={label}
        path={showOther ? `${path}-choice` : path}
        required={required}
        className={className}
        placeholder={placeholder ?? t('common.choose')}
        options={options}
        value={showOther ? OTHER : value}
        error={showOther ? undefined : error}
        hint={showOther ? undefined : hint}
        onChange={(e) => {
          if (e.target.value === OTHER) {
            setOther(true);
            onChange('');
          } else {
            setOther(false);
            onChange(e.target.value);
          }
        }}
      />
      {showOther && (
        <TextField
          label={t('parties.otherId')}
          path={path}
          required={required}
          className={className}
          value={value}
          hint={t('parties.otherIdHint')}
          error={error}
          onChange={(e) => onChange(e.target.value.trim())}
        />
      )}
    </>
  );
}

/**
 * Choose several peers (case sharing, meeting parties, broadcasts): one checkbox per peer, by name and
 * country; with many peers, searchable and grouped by region (RegionChecklist).
 */
export function PartyChecklist({
  label,
  path,
  value,
  onChange,
  error,
  hint,
  includeSelf,
  exclude,
}: {
  label: string;
  path: string;
  value: string[];
  onChange(ids: string[]): void;
  error?: string;
  hint?: string;
  includeSelf?: boolean;
  /** Parties not to offer (e.g. those an article is already shared with). */
  exclude?: readonly string[];
}) {
  const { t } = useTranslation();
  const bi = useBi();
  const country = useCountryName();
  const choices = usePeerChoices(value, includeSelf).filter((p) => !exclude?.includes(p.id));
  const id = useFieldId(path);
  const legend = useId();
  const toggle = (p: string) => onChange(value.includes(p) ? value.filter((x) => x !== p) : [...value, p]);
  return (
    <fieldset
      className="field party-checklist"
      id={id}
      aria-labelledby={legend}
      aria-invalid={error ? true : undefined}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <legend className="label" id={legend}>
        {label}
      </legend>
      {choices.length === 0 && <span className="muted small">{t('parties.none')}</span>}
      {choices.length >= PICKER_SCALE_AT ? (
        <RegionChecklist
          choices={choices}
          value={value}
          onChange={onChange}
          nameOf={(p) => bi(p.name) || p.id}
          countryName={country}
        />
      ) : (
        <div className="row">
          {choices.map((p) => (
            <label key={p.id} className="check" title={p.id}>
              <input type="checkbox" checked={value.includes(p.id)} onChange={() => toggle(p.id)} />
              {bi(p.name) || p.id}
              {!(bi(p.name) || p.id).includes(country(p.country)) && (
                <span className="faint small"> · {country(p.country)}</span>
              )}
            </label>
          ))}
        </div>
      )}
      {hint && !error && <span className="hint">{hint}</span>}
      {error && (
        <span className="error" id={`${id}-error`}>
          <span aria-hidden="true">⚠</span>
          {error}
        </span>
      )}
    </fieldset>
  );
}
