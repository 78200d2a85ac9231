// An instant in the user's time zone; optionally also in another party's zone, where it matters
// (a callback at 03:00 their time is not the same as at 03:00 ours).
import { useSession } from '../app/session';
import { formatDateTime, formatTime } from '../lib/format';

type Props = { at: string | null | undefined; otherZone?: string | null; otherLabel?: string; withZone?: boolean };

export function DateTime({ at, otherZone, otherLabel, withZone }: Props) {
  const { locale, timeZone } = useSession();
  if (!at) return <span className="muted">—</span>;
  const showOther = otherZone && otherZone !== timeZone;
  return (
    <span className="nowrap">
      <time dateTime={at}>{formatDateTime(at, locale, timeZone, withZone)}</time>
      {showOther && (
        <span className="faint">
          {' · '}
          {otherLabel ? `${otherLabel} ` : ''}
          {formatTime(at, locale, otherZone)}
        </span>
      )}
    </span>
  );
}
