// i18next set-up: the two catalogs, the starting language (remembered choice, else the browser's)
// and the <html lang> attribute kept in step so screen readers read Chinese as Chinese.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { EN_CATALOG, ZH_CATALOG } from './catalogs';
import type { Locale } from '../api/types';

export const LOCALES: readonly Locale[] = ['en', 'zh-CN'];
const STORAGE_KEY = 'crossline.locale';

export function browserLocale(languages: readonly string[] = navigator.languages ?? [navigator.language]): Locale {
  for (const lang of languages) {
    if (lang.toLowerCase().startsWith('zh')) return 'zh-CN';
    if (lang.toLowerCase().startsWith('en')) return 'en';
  }
  return 'en';
}

export function startingLocale(): Locale {
  const stored = localStorage.getItem(STORAGE_KEY);
  return stored === 'en' || stored === 'zh-CN' ? stored : browserLocale();
}

/** Switches the UI language and remembers it on this device (the account keeps it too, see session). */
export async function applyLocale(locale: Locale): Promise<void> {
  localStorage.setItem(STORAGE_KEY, locale);
  if (i18n.language !== locale) await i18n.changeLanguage(locale);
}

i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng === 'zh-CN' ? 'zh-CN' : 'en';
});

void i18n.use(initReactI18next).init({
  resources: { en: { translation: EN_CATALOG }, 'zh-CN': { translation: ZH_CATALOG } },
  lng: startingLocale(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  returnNull: false,
});
document.documentElement.lang = i18n.language;

export default i18n;
