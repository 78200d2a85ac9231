// The workspace frame: header with the node's name, the user's clock, language, theme and account;
// side navigation filtered by permission; a skip link to the main content.
import { HeaderSearch } from '../features/search/HeaderSearch';
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useLocation } from 'react-router';
import { BrandMark, Icon } from '../components/Icon';
import { LanguageSwitch, ThemeSwitch } from '../components/Switches';
import { useBi } from '../components/Bi';
import { formatTime } from '../lib/format';
import { useNow } from '../lib/use-now';
import { useInboxCount } from '../features/inbox/use-inbox';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { NAV } from './nav';
import { useSession } from './session';

function HeaderClock() {
  const { locale, timeZone } = useSession();
  const now = useNow();
  return (
    <span className="header-clock" title={timeZone}>
      {formatTime(new Date(Math.floor(now / 60_000) * 60_000).toISOString(), locale, timeZone)}
    </span>
  );
}

/** After moving to another page, focus goes to the main region so keyboard and screen-reader users start there. */
function useFocusOnNavigation(): void {
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    document.getElementById('main')?.focus({ preventScroll: false });
  }, [pathname]);
}

export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  useFocusOnNavigation();
  const bi = useBi();
  const session = useSession();
  const { me } = session;
  const inboxCount = useInboxCount();
  return (
    <>
      <a className="skip-link" href="#main">{t('header.skip')}</a>
      <header className="app-header">
        <Link to="/" className="brand" style={{ color: 'inherit', textDecoration: 'none' }}>
          <BrandMark />
          <span className="brand-text">
            <span className="brand-product">Crossline</span>
            <span className="brand-node">{bi(me.node.name)}</span>
          </span>
        </Link>
        <span className="node-chip" title={t('header.nodeId')}>{me.node.country} · {me.node.id}</span>
        <div className="header-tools">
          <HeaderSearch />
          <HeaderClock />
          <NotificationBell />
          <LanguageSwitch onChange={(l) => void session.setLocale(l)} />
          <ThemeSwitch />
          <Link to="/account" className="header-btn" title={t('nav.account')}>
            <Icon name="account" size={16} />
            <span className="sr-only">{t('nav.account')}:</span>
            <span className="user-chip">
              <span className="name">{me.user.displayName}</span>
              <span className="role">{me.user.roles.map((r) => t(`roles.${r}`)).join(' · ')}</span>
            </span>
          </Link>
          <button type="button" className="header-btn" onClick={() => void session.signOut()}>
            <Icon name="logout" size={16} />
            <span>{t('header.signOut')}</span>
          </button>
        </div>
      </header>
      <div className="app-body">
        <nav className="sidebar" aria-label={t('nav.label')}>
          <div className="sidebar-inner">
          {NAV.map((group) => {
            const items = group.items.filter((i) => session.can(i.permission));
            if (items.length === 0) return null;
            return (
              <div className="nav-group" key={group.heading}>
                <div className="nav-heading">{t(group.heading)}</div>
                {items.map((item) => (
                  <NavLink key={item.to} to={item.to} end={item.end} className="nav-link" title={t(item.label)}>
                    <Icon name={item.icon} />
                    <span className="label">{t(item.label)}</span>
                    {item.to === '/' && inboxCount > 0 && (
                      <span className="badge-count" aria-label={t('inbox.needsAttention', { count: inboxCount })}>{inboxCount}</span>
                    )}
                  </NavLink>
                ))}
              </div>
            );
          })}
          </div>
        </nav>
        <main className="main" id="main" tabIndex={-1}>
          <div className="main-inner">{children}</div>
        </main>
      </div>
    </>
  );
}
