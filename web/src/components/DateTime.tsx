// An instant in the user's time zone; optionally also in another party's zone, where it matters
// (a callback at 03:00 their time is not the same as at 03:00 ours).
import { useSession } from '../app/session';
import { formatBothSides, formatDateTime } from '../lib/format';

type Props = { at: string | null | undefined; otherZone?: string | null; otherLabel?: string; withZone?: boolean };

export function DateTime({ at, otherZone, otherLabel, withZone }: Props) {
  const { locale, timeZone } = useSession();
  if (!at) return <span className="muted">—</span>;
  const showOther = otherZone && otherZone !== timeZone;
  if (!showOther) {
    return (
      <span className="nowrap">
        <time dateTime={at}>{formatDateTime(at, locale, timeZone, withZone)}</time>
      </span>
    );
  }
  const both = formatBothSides(at, locale, timeZone, otherZone);
  // On another calendar day the other side's date goes on its own line: narrow columns keep both whole.
  return (
    <span className={both.dayDiffers ? 'datetime-both' : 'nowrap'} data-day-differs={both.dayDiffers || undefined}>
      <time dateTime={at} className="nowrap">
        {both.own}
      </time>
      {both.dayDiffers ? <br /> : ' · '}
      <span className="faint nowrap">
        {otherLabel ? `${otherLabel} ` : ''}
        {both.other}
      </span>
    </span>
  );
}
