// Choosing several peers among many (30+ agencies, docs/federation.md §20): a search box (name in
// either language, party id, country), the peers grouped by region (derived from their country by
// the domain's one mapping), "select all in <region>" per region, and how many are chosen. The
// party checklist switches to this once there are more peers than fit a glance.
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { matchesPeerQuery } from '../../../src/domain/federation/peer-search';
import { groupByRegion } from '../../../src/domain/federation/regions';
import type { Party } from './PartyName';

export function RegionChecklist({
  choices,
  value,
  onChange,
  nameOf,
  countryName,
}: {
  choices: Party[];
  value: string[];
  onChange(ids: string[]): void;
  /** The party's name in the reader's language (its id when it has none). */
  nameOf(p: Party): string;
  countryName(code: string): string;
}) {
  const { t, i18n } = useTranslation();
  const [query, setQuery] = useState('');
  const collator = new Intl.Collator(i18n.language);
  const searchId = useId();
  const headId = useId();
  const visible = choices
    .filter((p) => matchesPeerQuery(p, query, [countryName(p.country)]))
    .sort((a, b) => collator.compare(nameOf(a), nameOf(b)));
  const sections = groupByRegion(visible, (p) => p.country);
  const toggle = (id: string) => onChange(value.includes(id) ? value.filter((x) => x !== id) : [...value, id]);
  const selectedIn = (items: Party[]) => items.filter((p) => value.includes(p.id)).length;
  return (
    <div className="region-checklist">
      <div className="region-checklist-bar">
        <label className="sr-only" htmlFor={searchId}>
          {t('peerList.search')}
        </label>
        <input
          id={searchId}
          type="search"
          className="region-checklist-search"
          placeholder={t('peerList.searchHint')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <span className="faint small" aria-live="polite">
          {t('peerList.selected', { count: value.length })}
          {query.trim() && <> · {t('peerList.shown', { shown: visible.length, total: choices.length })}</>}
        </span>
        {value.length > 0 && (
          <button type="button" className="btn sm ghost" onClick={() => onChange([])}>
            {t('peerList.clearAll')}
          </button>
        )}
      </div>
      {visible.length === 0 && <p className="muted small">{t('peerList.noMatch')}</p>}
      <div className="region-checklist-regions">
        {sections.map(({ region, items }) => {
          const regionName = t(`regions.${region}`);
          const all = selectedIn(items) === items.length;
          const ids = items.map((p) => p.id);
          return (
            <div key={region} className="region-group" role="group" aria-labelledby={`${headId}-${region}`}>
              <div className="region-group-head">
                <span className="label small" id={`${headId}-${region}`}>
                  {t('peerList.regionCount', { region: regionName, count: items.length })}
                </span>
                <button
                  type="button"
                  className="btn sm ghost"
                  onClick={() =>
                    onChange(all ? value.filter((x) => !ids.includes(x)) : [...new Set([...value, ...ids])])
                  }
                >
                  {all
                    ? t('peerList.clearRegion', { region: regionName })
                    : t('peerList.selectRegion', { region: regionName })}
                </button>
              </div>
              <div className="region-group-items">
                {items.map((p) => (
                  <Check key={p.id} checked={value.includes(p.id)} onToggle={() => toggle(p.id)} title={p.id}>
                    {nameOf(p)}
                    {!nameOf(p).includes(countryName(p.country)) && (
                      <span className="faint small"> · {countryName(p.country)}</span>
                    )}
                  </Check>
                ))}
              </div>
            </div>
          );
        })}
      </div>
    </div>
  );
}

function Check({
  checked,
  onToggle,
  title,
  children,
}: {
  checked: boolean;
  onToggle(): void;
  title: string;
  children: ReactNode;
}) {
  return (
    <label className="check" title={title}>
      <input type="checkbox" checked={checked} onChange={onToggle} />
      <span>{children}</span>
    </label>
  );
}
