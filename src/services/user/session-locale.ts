// Use case: the language of one browser session (issue 14, item 12). A shared duty account keeps
// its default language (the account's `locale`, changed on the account page); switching in the
// header changes only the session it is made in, so another desk signed in to the same account
// keeps its own. A display preference, not a change to the account: it is not audited.
import { AppError } from '../../errors.js';
import { setSessionLocale } from '../../storage/repositories/user.repository.js';
import type { ServiceContext } from '../context.js';
import type { Authenticated } from './authenticate.js';

export type Locale = 'en' | 'zh-CN';

/** What a signed-in caller reads: the language shown now and whether it is the session's own choice. */
export type SessionLanguage = { locale: Locale; sessionChoice: boolean };

export function sessionLanguage(auth: Pick<Authenticated, 'sessionLocale' | 'user'>): SessionLanguage {
  const own = auth.sessionLocale === 'en' || auth.sessionLocale === 'zh-CN' ? auth.sessionLocale : null;
  return { locale: own ?? (auth.user.locale === 'zh-CN' ? 'zh-CN' : 'en'), sessionChoice: own !== null };
}

export async function chooseSessionLocale(
  ctx: ServiceContext,
  auth: Pick<Authenticated, 'via' | 'tokenHash' | 'user'>,
  locale: Locale | null,
): Promise<SessionLanguage> {
  // An API token has no browser session to remember a language for.
  if (auth.via !== 'session') throw new AppError('BAD_REQUEST');
  const stored = await ctx.db.transaction((tx) => setSessionLocale(tx, auth.tokenHash, locale));
  if (!stored) throw new AppError('UNAUTHENTICATED');
  return sessionLanguage({ sessionLocale: locale, user: auth.user });
}
