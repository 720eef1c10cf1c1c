import { digits2, fastDateTime, utcOf } from '../date-digits';

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

/** How far the zone's wall clock is ahead of UTC at an instant, in ms (Intl: a few µs a call). */
function zoneOffsetNow(instant: number, timeZone: string): number {
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

/*
 * A page holds thousands of log dates within a few hours, so offsets are kept
 * per zone and quarter hour: every current zone changes its offset on a
 * quarter hour of UTC, and a quarter whose two ends disagree is not cached
 * (its instants ask Intl each time). Bounded: a zone's table is dropped whole
 * once it holds a few weeks of quarters.
 */
const QUARTER = 15 * 60_000;
const OFFSETS_PER_ZONE = 4_096;
const offsets = new Map<string, Map<number, number>>();

function zoneOffsetMs(instant: number, timeZone: string): number {
  let table = offsets.get(timeZone);
  if (!table) offsets.set(timeZone, (table = new Map()));
  const quarter = Math.floor(instant / QUARTER);
  const cached = table.get(quarter);
  if (cached !== undefined) return cached;
  const start = zoneOffsetNow(quarter * QUARTER, timeZone);
  if (start !== zoneOffsetNow(quarter * QUARTER + QUARTER - 1, timeZone)) return zoneOffsetNow(instant, timeZone);
  if (table.size >= OFFSETS_PER_ZONE) table.clear();
  table.set(quarter, start);
  return start;
}

/** The common form "YYYY-MM-DD HH:mm:ss", read without the regular expression: NAVER sends ~6,000 a page. */
function fastWallClock(text: string): number | null {
  return text.length === 19 ? fastDateTime(text) : null;
}

function wallClock(text: string): number | null {
  const match = LOG_DATE.exec(text.trim());
  if (!match) return null;
  const [year, month, day, hour, minute, second = 0] = match.slice(1, 7).map((part) => Number(part ?? 0)) as number[];
  const millis = Number((match[7] ?? '0').padEnd(3, '0'));
  return utcOf(year!, month!, day!, hour!, minute!, second, millis);
}

/**
 * Epoch ms of a NAVER log date read in `timeZone`, or null when the text is not
 * a real date (or the zone is unknown). Around a daylight-saving change a wall
 * time can be missing or doubled; the second pass settles on the zone's offset
 * at the resulting instant, which is the usual reading.
 */
export function parseLogDate(text: string, timeZone = 'UTC'): number | null {
  const wall = fastWallClock(text) ?? wallClock(text);
  if (wall === null) return null;
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
  const clock = fastClock(value);
  if (clock !== null) return clock;
  const parts = value.trim().split(':');
  if (parts.length > 3 || parts.some((part) => !/^\d+(\.\d+)?$/.test(part))) return null;
  return parts.reduce((total, part) => total * 60 + Number(part), 0);
}

/** "HH:MM:SS" exactly, by character codes (the form NAVER sends on every log entry); null otherwise. */
function fastClock(text: string): number | null {
  if (text.length !== 8 || text.charCodeAt(2) !== 58 || text.charCodeAt(5) !== 58) return null;
  const seconds = digits2(text, 0) * 3600 + digits2(text, 3) * 60 + digits2(text, 6);
  return Number.isNaN(seconds) ? null : seconds;
}
