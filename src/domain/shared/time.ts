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

/** True for IANA zone names this runtime knows (e.g. Asia/Shanghai, America/New_York, UTC). */
export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone.length > 0;
  } catch {
    return false;
  }
}
