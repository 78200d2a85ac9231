// Language (中文 / English) and theme (light / dark) switches, used in the header and on the sign-in page.
import { useTranslation } from 'react-i18next';
import type { Locale } from '../api/types';
import { useTheme } from '../lib/theme';
import { Icon } from './Icon';

export function LanguageSwitch({
  onChange,
  className = 'header-select',
}: {
  onChange(locale: Locale): void;
  className?: string;
}) {
  const { t, i18n } = useTranslation();
  return (
    <select
      className={className}
      aria-label={t('header.language')}
      value={i18n.language === 'zh-CN' ? 'zh-CN' : 'en'}
      onChange={(e) => onChange(e.target.value as Locale)}
    >
      <option value="zh-CN" lang="zh-CN">
        中文
      </option>
      <option value="en" lang="en">
        English
      </option>
    </select>
  );
}

export function ThemeSwitch({ className = 'header-btn' }: { className?: string }) {
  const { t } = useTranslation();
  const [theme, setTheme] = useTheme();
  const dark = theme === 'dark';
  return (
    <button
      type="button"
      className={className}
      aria-pressed={dark}
      onClick={() => setTheme(dark ? 'light' : 'dark')}
      title={t('header.darkTheme')}
    >
      <Icon name={dark ? 'moon' : 'sun'} size={16} />
      <span className="sr-only">{t('header.darkTheme')}</span>
    </button>
  );
}
