// Time arithmetic for clocks. The domain never reads the clock: `now` is always passed in.
export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

export function addMs(at: Date | string, ms: number): Date {
  return new Date(new Date(at).getTime() + ms);
}

export function iso(at: Date | string): string {
  return new Date(at).toISOString();
}

/** True when `deadline` lies strictly before `now`. */
export function isPast(deadline: Date | string | null | undefined, now: Date): boolean {
  return deadline != null && new Date(deadline).getTime() < now.getTime();
}

const zoneCheck = new Map<string, boolean>();

/**
 * True for IANA zone names this runtime knows (e.g. Asia/Shanghai, America/New_York, UTC); offsets
 * such as "+08:00" are refused because they do not follow daylight-saving changes. Memoised: building
 * an Intl formatter is costly and every request with identifiers asks again.
 */
export function isValidTimeZone(zone: unknown): zone is string {
  if (typeof zone !== 'string' || zone.trim() === '' || /^[+-]/.test(zone)) return false;
  let ok = zoneCheck.get(zone);
  if (ok === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      ok = true;
    } catch {
      ok = false;
    }
    if (zoneCheck.size < 1000) zoneCheck.set(zone, ok);
  }
  return ok;
}
