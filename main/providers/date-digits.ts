/**
 * Date reading by character codes, for the fixed-width forms platforms send
 * thousands of times a page. A regular expression or Date.parse costs about a
 * microsecond each; these cost a few dozen nanoseconds. Every function returns
 * null for anything but its exact form, so callers fall back to a general reader.
 */

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysIn(year: number, month: number): number {
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return leap ? 29 : DAYS_IN_MONTH[month - 1]!;
}

/** Two ASCII digits at `at` as a number, or NaN. */
export function digits2(text: string, at: number): number {
  const tens = text.charCodeAt(at) - 48;
  const ones = text.charCodeAt(at + 1) - 48;
  return tens >= 0 && tens <= 9 && ones >= 0 && ones <= 9 ? tens * 10 + ones : Number.NaN;
}

/** Epoch ms of a wall-clock time read as UTC, or null when it is not a real time (2025-02-30 and the like). */
export function utcOf(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  millis = 0,
): number | null {
  if (Number.isNaN(year + month + day + hour + minute + second + millis)) return null;
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  return ((daysFromCivil(year, month, day) * 24 + hour) * 60 + minute) * 60_000 + second * 1000 + millis;
}

/**
 * Days from 1970-01-01 to a date of the proleptic Gregorian calendar, by
 * arithmetic alone (the well-known era / year-of-era method): Date.UTC was
 * the larger part of reading a date. Years count from March, so the leap day
 * falls at the end of a year.
 */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** "YYYY-MM-DD?HH:mm:ss" where ? is a space or "T", read as UTC, from the start of `text`. */
export function fastDateTime(text: string): number | null {
  if (text.length < 19 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return null;
  const separator = text.charCodeAt(10);
  if ((separator !== 32 && separator !== 84) || text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return null;
  return utcOf(
    digits2(text, 0) * 100 + digits2(text, 2),
    digits2(text, 5),
    digits2(text, 8),
    digits2(text, 11),
    digits2(text, 14),
    digits2(text, 17),
  );
}

/** "YYYY-MM-DDTHH:mm:ssZ" or "YYYY-MM-DDTHH:mm:ss.sssZ" exactly, as epoch ms. */
export function fastIsoUtc(text: string): number | null {
  const length = text.length;
  if ((length !== 20 && length !== 24) || text.charCodeAt(length - 1) !== 90 || text.charCodeAt(10) !== 84) return null;
  const base = fastDateTime(text);
  if (base === null || length === 20) return base;
  if (text.charCodeAt(19) !== 46) return null;
  const last = text.charCodeAt(22) - 48;
  const millis = digits2(text, 20) * 10 + (last >= 0 && last <= 9 ? last : Number.NaN);
  return Number.isNaN(millis) ? null : base + millis;
}
