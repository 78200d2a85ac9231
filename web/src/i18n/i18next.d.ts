// Types every translation key against the English catalog, so a misspelt key fails the type check.
import 'i18next';
import type { EN_CATALOG } from './catalogs';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof EN_CATALOG };
  }
}
