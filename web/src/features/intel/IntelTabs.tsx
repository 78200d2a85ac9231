// Sub-navigation of the threat-intelligence section: each part is its own page (own URL), so links
// can point at the extraction box or the alerts directly.
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';

const SECTIONS = [
  { to: '/intel', label: 'intel.tabs.objects', end: true },
  { to: '/intel/extract', label: 'intel.tabs.extract' },
  { to: '/intel/alerts', label: 'intel.tabs.alerts' },
  { to: '/intel/taxii', label: 'intel.tabs.taxii' },
] as const;

export function IntelTabs() {
  const { t } = useTranslation();
  return (
    <nav className="tabs" aria-label={t('intel.tabs.label')}>
      {SECTIONS.map((s) => (
        <NavLink
          key={s.to}
          to={s.to}
          end={'end' in s ? s.end : false}
          className="tab"
          style={({ isActive }) =>
            isActive ? { color: 'var(--primary)', borderBottomColor: 'var(--primary)' } : undefined
          }
        >
          {t(s.label)}
        </NavLink>
      ))}
    </nav>
  );
}
