// The search box in the top bar: Enter opens /search?q=… and empties the box.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSession } from '../../app/session';
import '../knowledge/knowledge.css';

export function HeaderSearch() {
  const { t } = useTranslation();
  const { can } = useSession();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  if (!can('knowledge:read')) return null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!q.trim()) return;
    navigate(`/search?q=${encodeURIComponent(q.trim())}`);
    // The query now lives in the search page's own box; a stale copy up here would be confusing.
    setQ('');
  };
  return (
    <form role="search" className="header-search" onSubmit={submit}>
      <label htmlFor="header-search-q" className="sr-only">
        {t('search.title')}
      </label>
      <input
        id="header-search-q"
        className="input"
        type="search"
        value={q}
        placeholder={t('search.headerPlaceholder')}
        onChange={(e) => setQ(e.target.value)}
      />
    </form>
  );
}
