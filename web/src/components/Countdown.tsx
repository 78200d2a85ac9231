// Live time left to a deadline ("3 h 12 min left"), or how long it is overdue; ticks every second.
import { useTranslation } from 'react-i18next';
import { useSession } from '../app/session';
import { formatDateTime, formatDuration } from '../lib/format';
import { useNow } from '../lib/use-now';

type Props = {
  dueAt: string | null | undefined;
  /** Length of the whole period, to warn when less than a quarter is left. */
  periodMs?: number;
  /** The clock is not running (acknowledged, paused, closed): show this instead. */
  stopped?: string | null;
};

export function Countdown({ dueAt, periodMs, stopped }: Props) {
  const { t } = useTranslation();
  const { locale, timeZone } = useSession();
  const now = useNow();
  if (stopped) return <span className="countdown stopped">{stopped}</span>;
  if (!dueAt) return <span className="countdown stopped">—</span>;
  const left = Date.parse(dueAt) - now;
  const title = formatDateTime(dueAt, locale, timeZone, true);
  if (left <= 0) {
    return (
      <span className="countdown overdue" title={title}>
        {t('clock.overdueBy', { duration: formatDuration(-left, locale) })}
      </span>
    );
  }
  const soon = periodMs ? left < periodMs / 4 : left < 3_600_000;
  return (
    <span className={`countdown ${soon ? 'soon' : 'ok'}`} title={title}>
      {t('clock.left', { duration: formatDuration(left, locale) })}
    </span>
  );
}
