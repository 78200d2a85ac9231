// The signed-in session: who the user is, what they may do, their language and time zone.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, type ReactNode } from 'react';
import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { answer, ApiError, http, setUnauthenticatedHandler } from '../api/client';
import type { Locale, Me, Permission } from '../api/types';
import { applyLocale } from '../i18n';
import '../styles/skeleton.css';

export type Session = {
  me: Me;
  locale: Locale;
  timeZone: string;
  can(permission: Permission): boolean;
  setLocale(locale: Locale): Promise<void>;
  signOut(): Promise<void>;
};

const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside a signed-in page');
  return s;
}

/**
 * Set on the sign-in page when the user picks a language there, or at sign-out when the session had
 * chosen its own: it is sent with the sign-in and becomes that session's language (the account's
 * default stays as it is).
 */
export const pickedBeforeSignIn = { locale: null as Locale | null };

export function useMe() {
  return useQuery<Me | null, ApiError>({
    queryKey: ['me'],
    queryFn: async () => {
      try {
        return await answer(http.GET('/api/auth/me'));
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) return null;
        throw e;
      }
    },
    staleTime: 60_000,
    retry: false,
  });
}

export function SessionProvider({ me, children }: { me: Me; children: ReactNode }) {
  const qc = useQueryClient();
  const { i18n } = useTranslation();
  const locale: Locale = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';

  // The session's own language, else the account's default (a shared duty account signed in at
  // several desks: each browser keeps the language chosen there).
  const shown: Locale = me.session?.locale ?? me.user.locale;
  useEffect(() => {
    pickedBeforeSignIn.locale = null;
    void applyLocale(shown);
  }, [me.user.id, shown]);

  useEffect(() => {
    setUnauthenticatedHandler(() => qc.setQueryData(['me'], null));
    return () => setUnauthenticatedHandler(null);
  }, [qc]);

  /** Switches this browser session's language only; the account page sets the account's default. */
  const setLocale = useCallback(
    async (next: Locale) => {
      await applyLocale(next);
      const session = await answer(http.PUT('/api/auth/session/locale', { body: { locale: next } }));
      qc.setQueryData<Me | null>(['me'], (old) => (old ? { ...old, session } : old));
    },
    [qc],
  );

  const signOut = useCallback(async () => {
    // A language chosen in this browser outlives the session: signing in again here continues in it.
    if (me.session?.sessionChoice) pickedBeforeSignIn.locale = me.session.locale;
    const out = await answer(http.POST('/api/auth/logout')).catch(() => null);
    // Set the session to "none" first (the gate observes it), then drop everything cached for this user.
    qc.setQueryData(['me'], null);
    qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
    // Signed in through an identity provider: end its session too (it sends the browser back here).
    if (out?.endSessionUrl) window.location.assign(out.endSessionUrl);
  }, [qc, me.session]);

  const value = useMemo<Session>(() => {
    const perms = new Set(me.permissions);
    return { me, locale, timeZone: me.user.timeZone || 'UTC', can: (p) => perms.has(p), setLocale, signOut };
  }, [me, locale, setLocale, signOut]);

  const ready = useFirstLoadDone(me, shown);
  return <SessionContext.Provider value={value}>{ready ? children : <AppSkeleton />}</SessionContext.Provider>;
}

const forever = { staleTime: Number.POSITIVE_INFINITY, gcTime: Number.POSITIVE_INFINITY, retry: false } as const;

/**
 * Right after sign-in the pages would show code values ("preservation", "urgent", "cn-demo") for
 * the moment the label tables and the party directory take to arrive, and the previous language
 * until the session's is applied. Until both are there — once; later refetches never blank the
 * page — a skeleton stands in. The queries share their keys with api/meta.ts and PartyName.
 */
function useFirstLoadDone(me: Me, shown: Locale): boolean {
  const { i18n } = useTranslation();
  const perms = new Set(me.permissions);
  const results = useQueries({
    queries: [
      {
        queryKey: ['meta', 'requests'],
        queryFn: () => answer(http.GET('/api/requests/meta')),
        enabled: perms.has('request:read'),
        ...forever,
      },
      {
        queryKey: ['meta', 'calls'],
        queryFn: () => answer(http.GET('/api/calls/meta')),
        enabled: perms.has('call:read'),
        ...forever,
      },
      {
        queryKey: ['parties'],
        queryFn: () => answer(http.GET('/api/parties')),
        enabled: perms.has('party:read'),
        staleTime: 5 * 60_000,
        retry: false,
      },
    ],
  });
  const done = useRef(false);
  if (!done.current && !results.some((r) => r.isLoading) && i18n.language === shown) done.current = true;
  return done.current;
}

function AppSkeleton() {
  const { t } = useTranslation();
  return (
    <div className="app-skeleton" role="status" aria-busy="true" aria-label={t('language.skeleton')}>
      <div className="sk-header" />
      <div className="sk-body">
        <div className="sk-nav">
          {[0, 1, 2, 3, 4, 5].map((i) => (
            <div key={i} className="sk-line" />
          ))}
        </div>
        <div className="sk-main">
          <div className="sk-line sk-title" />
          {[0, 1, 2, 3, 4].map((i) => (
            <div key={i} className="sk-row" />
          ))}
        </div>
      </div>
    </div>
  );
}
