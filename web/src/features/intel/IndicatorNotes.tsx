// How an extracted indicator was written, in the reader's language: the platform of an account
// (WeChat, QQ, Telegram …), the cue word it followed, and the extraction flags (defanged, 点 for a
// dot, Chinese numerals …). Shared by the extraction table and triage.
import { useTranslation } from 'react-i18next';

/** `wechat` for `wechat:abc123`; undefined for other types. */
export function platformOf(type: string, value: string): string | undefined {
  return type === 'account_handle' && value.includes(':') ? value.slice(0, value.indexOf(':')) : undefined;
}

export function usePlatformName(): (platform: string) => string {
  const { t } = useTranslation();
  return (platform) => t(`intel.extract.platforms.${platform}`, { defaultValue: platform });
}

export function useFlagNames(): (flags: readonly string[]) => string {
  const { t } = useTranslation();
  return (flags) => flags.map((f) => t(`intel.extract.flags.${f}`, { defaultValue: f })).join(' · ');
}

export function IndicatorNotes({
  type,
  value,
  flags,
  cue,
}: {
  type: string;
  value: string;
  flags?: readonly string[];
  cue?: string;
}) {
  const { t } = useTranslation();
  const platformName = usePlatformName();
  const flagNames = useFlagNames();
  const platform = platformOf(type, value);
  return (
    <>
      {platform && (
        <div className="small" data-testid="platform">
          {t('intel.extract.platform', { platform: platformName(platform) })}
        </div>
      )}
      {cue && <div className="faint small">{t('intel.extract.afterCue', { cue })}</div>}
      {flags && flags.length > 0 && (
        <div className="small" data-testid="flags">
          {flagNames(flags)}
        </div>
      )}
    </>
  );
}
