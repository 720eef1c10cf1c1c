import { describe, expect, it } from 'vitest';
import { isValidTimeZone, parseLogDate, parseVideoTime } from '../../../../main/providers/naver-vpe/log-date';

describe('NAVER log dates', () => {
  it('reads a zone-less logDate as UTC by default', () => {
    expect(parseLogDate('2025-10-10 09:54:38')).toBe(Date.UTC(2025, 9, 10, 9, 54, 38));
    expect(parseLogDate('2025-10-10 09:54:38', 'UTC')).toBe(Date.parse('2025-10-10T09:54:38Z'));
  });

  it('reads it in the source time zone when one is set', () => {
    // Seoul is UTC+9 all year: 09:54:38 there is 00:54:38 UTC.
    expect(parseLogDate('2025-10-10 09:54:38', 'Asia/Seoul')).toBe(Date.parse('2025-10-10T00:54:38Z'));
    // Across midnight and a month boundary.
    expect(parseLogDate('2025-11-01 03:00:00', 'Asia/Seoul')).toBe(Date.parse('2025-10-31T18:00:00Z'));
  });

  it('follows daylight saving time in zones that have it', () => {
    expect(parseLogDate('2025-07-01 12:00:00', 'America/New_York')).toBe(Date.parse('2025-07-01T16:00:00Z'));
    expect(parseLogDate('2025-12-01 12:00:00', 'America/New_York')).toBe(Date.parse('2025-12-01T17:00:00Z'));
  });

  it('returns null for text that is not a real date, and for an unknown zone', () => {
    expect(parseLogDate('10/10/2025 09:54')).toBeNull();
    expect(parseLogDate('2025-02-30 10:00:00')).toBeNull();
    expect(parseLogDate('2025-10-10 24:00:00')).toBeNull();
    expect(parseLogDate('2025-10-10 09:54:38', 'Mars/Olympus_Mons')).toBeNull();
  });

  it('accepts a T separator, missing seconds and fractions', () => {
    expect(parseLogDate('2025-10-10T09:54')).toBe(Date.parse('2025-10-10T09:54:00Z'));
    expect(parseLogDate('2025-10-10 09:54:38.5')).toBe(Date.parse('2025-10-10T09:54:38.500Z'));
  });

  it('validates IANA zone names with Intl', () => {
    expect(isValidTimeZone('Asia/Seoul')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Seoul')).toBe(false);
  });

  it('reads videoTime "HH:MM:SS" as seconds into the media', () => {
    expect(parseVideoTime('00:00:30')).toBe(30);
    expect(parseVideoTime('01:02:03')).toBe(3723);
    expect(parseVideoTime('02:03')).toBe(123);
    expect(parseVideoTime(15)).toBe(15);
    expect(parseVideoTime('soon')).toBeNull();
    expect(parseVideoTime(null)).toBeNull();
  });
});
