// The workspace frame: header with the node's name, the user's clock, language, theme and account;
// side navigation filtered by permission; a skip link to the main content.
import { HeaderSearch } from '../features/search/HeaderSearch';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useLocation } from 'react-router';
import { BrandMark, Icon } from '../components/Icon';
import { LanguageSwitch, ThemeSwitch } from '../components/Switches';
import { useBi } from '../components/Bi';
import { formatTime } from '../lib/format';
import { useNow } from '../lib/use-now';
import { usePhone } from '../lib/use-phone';
import { useInboxCount } from '../features/inbox/use-inbox';
import { useMyRequestsCount } from '../features/requests/use-my-requests';
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

/** On a phone the navigation folds into a drawer opened from the header; it closes on navigation and Escape. */
function useDrawer(phone: boolean): [boolean, (open: boolean) => void] {
  const [open, setOpen] = useState(false);
  const { pathname, search } = useLocation();
  useEffect(() => setOpen(false), [pathname, search, phone]);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.body.classList.add('drawer-open');
    return () => {
      document.removeEventListener('keydown', onKey);
      document.body.classList.remove('drawer-open');
    };
  }, [open]);
  return [open, setOpen];
}

export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  useFocusOnNavigation();
  const bi = useBi();
  const session = useSession();
  const { me } = session;
  const inboxCount = useInboxCount();
  const myRequests = useMyRequestsCount();
  const phone = usePhone();
  const [drawerOpen, setDrawerOpen] = useDrawer(phone);
  const roles = me.user.roles.map((r) => t(`roles.${r}`)).join(' · ');
  const signOut = (
    <button type="button" className="header-btn" title={t('header.signOut')} onClick={() => void session.signOut()}>
      <Icon name="logout" size={16} />
      <span className="signout-label">{t('header.signOut')}</span>
    </button>
  );
  return (
    <>
      <a className="skip-link" href="#main">
        {t('header.skip')}
      </a>
      <header className="app-header">
        {phone && (
          <button
            type="button"
            className="header-btn menu-btn"
            aria-expanded={drawerOpen}
            aria-controls="app-nav"
            onClick={() => setDrawerOpen(!drawerOpen)}
          >
            <Icon name={drawerOpen ? 'close' : 'menu'} size={20} />
            <span className="sr-only">{t('layout.menu')}</span>
            {!drawerOpen && inboxCount > 0 && (
              <span className="badge-count" aria-hidden="true">
                {inboxCount}
              </span>
            )}
          </button>
        )}
        <Link to="/" className="brand" style={{ color: 'inherit', textDecoration: 'none' }} title={bi(me.node.name)}>
          <BrandMark />
          <span className="brand-text">
            <span className="brand-product">Crossline</span>
            <span className="brand-node">{bi(me.node.name)}</span>
          </span>
        </Link>
        {!phone && (
          <span className="node-chip" title={t('header.nodeId')}>
            {me.node.country} · {me.node.id}
          </span>
        )}
        <div className="header-tools">
          {!phone && <HeaderSearch />}
          {!phone && <HeaderClock />}
          <NotificationBell />
          {!phone && (
            <>
              <LanguageSwitch onChange={(l) => void session.setLocale(l)} />
              <ThemeSwitch />
              <Link to="/account" className="header-btn" title={`${t('nav.account')}: ${me.user.displayName}`}>
                <Icon name="account" size={16} />
                <span className="sr-only">{t('nav.account')}:</span>
                <span className="user-chip">
                  <span className="name">{me.user.displayName}</span>
                  <span className="role">{roles}</span>
                </span>
              </Link>
              {signOut}
            </>
          )}
        </div>
      </header>
      <div className="app-body">
        {phone && drawerOpen && (
          <div className="drawer-backdrop" aria-hidden="true" onClick={() => setDrawerOpen(false)} />
        )}
        <nav id="app-nav" className={`sidebar${drawerOpen ? ' open' : ''}`} aria-label={t('nav.label')}>
          <div className="sidebar-inner">
            {phone && (
              <div className="drawer-user">
                <div className="faint">{t('layout.you')}</div>
                <Link to="/account" className="drawer-name">
                  {me.user.displayName}
                </Link>
                <div className="faint">{roles}</div>
                <div className="faint">
                  {bi(me.node.name)} · {me.node.country} · {me.node.id}
                </div>
                <HeaderSearch />
                <div className="drawer-tools">
                  <LanguageSwitch onChange={(l) => void session.setLocale(l)} />
                  <ThemeSwitch />
                  {signOut}
                </div>
              </div>
            )}
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
                        <span className="badge-count" aria-label={t('inbox.needsAttention', { count: inboxCount })}>
                          {inboxCount}
                        </span>
                      )}
                      {item.to === '/requests' && myRequests > 0 && (
                        <span
                          className="badge-count"
                          data-testid="requests-count"
                          aria-label={t('answer.nav.needMyAction', { count: myRequests })}
                        >
                          {myRequests}
                        </span>
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
