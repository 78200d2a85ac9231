// The signed-in session: who the user is, what they may do, their language and time zone.
import { createContext, useCallback, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError, setUnauthenticatedHandler } from '../api/client';
import type { Locale, Me, Permission } from '../api/types';
import { applyLocale } from '../i18n';

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

/** Set on the sign-in page when the user picks a language there: it then becomes the account's choice. */
export const pickedBeforeSignIn = { locale: null as Locale | null };

export function useMe() {
  return useQuery<Me | null, ApiError>({
    queryKey: ['me'],
    queryFn: async () => {
      try {
        return await api.get<Me>('/auth/me');
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

  useEffect(() => {
    const picked = pickedBeforeSignIn.locale;
    pickedBeforeSignIn.locale = null;
    if (picked && picked !== me.user.locale) {
      void api.patch('/auth/me', { locale: picked }).then(() => qc.invalidateQueries({ queryKey: ['me'] }));
      void applyLocale(picked);
    } else {
      void applyLocale(me.user.locale);
    }
  }, [me.user.id, me.user.locale, qc]);

  useEffect(() => {
    setUnauthenticatedHandler(() => qc.setQueryData(['me'], null));
    return () => setUnauthenticatedHandler(null);
  }, [qc]);

  const setLocale = useCallback(async (next: Locale) => {
    await applyLocale(next);
    await api.patch('/auth/me', { locale: next });
    await qc.invalidateQueries({ queryKey: ['me'] });
  }, [qc]);

  const signOut = useCallback(async () => {
    await api.post('/auth/logout').catch(() => undefined);
    // Set the session to "none" first (the gate observes it), then drop everything cached for this user.
    qc.setQueryData(['me'], null);
    qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
  }, [qc]);

  const value = useMemo<Session>(() => {
    const perms = new Set(me.permissions);
    return { me, locale, timeZone: me.user.timeZone || 'UTC', can: (p) => perms.has(p), setLocale, signOut };
  }, [me, locale, setLocale, signOut]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
