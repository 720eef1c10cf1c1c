/**
 * NAVER's `logDate` is "YYYY-MM-DD HH:mm:ss" with no zone. The request dates are
 * documented as UTC, so UTC is the default reading; the Media Analytics admin
 * page has a display time-zone setting that may also shift the answers, so a
 * source can say which IANA zone its dates are in. Plain Intl, no date library.
 */

const LOG_DATE = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?$/;

/** The shape a log date must have; the schema checks it so a bad one is named by path. */
export const LOG_DATE_PATTERN = LOG_DATE;

export function isValidTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** How far the zone's wall clock is ahead of UTC at an instant, in ms. */
function zoneOffsetMs(instant: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const wall = Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  return wall - Math.floor(instant / 1000) * 1000;
}

/**
 * Epoch ms of a NAVER log date read in `timeZone`, or null when the text is not
 * a real date (or the zone is unknown). Around a daylight-saving change a wall
 * time can be missing or doubled; the second pass settles on the zone's offset
 * at the resulting instant, which is the usual reading.
 */
export function parseLogDate(text: string, timeZone = 'UTC'): number | null {
  const match = LOG_DATE.exec(text.trim());
  if (!match) return null;
  const [year, month, day, hour, minute, second = 0] = match.slice(1, 7).map((part) => Number(part ?? 0)) as number[];
  const millis = Number((match[7] ?? '0').padEnd(3, '0'));
  if (month! < 1 || month! > 12 || hour! > 23 || minute! > 59 || second > 59) return null;
  const wall = Date.UTC(year!, month! - 1, day!, hour!, minute!, second, millis);
  if (new Date(wall).getUTCDate() !== day) return null; // 2025-02-30 and the like
  if (timeZone === 'UTC') return wall;
  try {
    const first = wall - zoneOffsetMs(wall, timeZone);
    return wall - zoneOffsetMs(first, timeZone);
  } catch {
    return null;
  }
}

/** "HH:MM:SS" (or "MM:SS", or plain seconds) → seconds into the media; null when unreadable. */
export function parseVideoTime(value: string | number | null | undefined): number | null {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : null;
  if (typeof value !== 'string') return null;
  const parts = value.trim().split(':');
  if (parts.length > 3 || parts.some((part) => !/^\d+(\.\d+)?$/.test(part))) return null;
  return parts.reduce((total, part) => total * 60 + Number(part), 0);
}
