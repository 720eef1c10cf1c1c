import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysFromCivil, fastDateTime, fastIsoUtc, utcOf } from '../../../main/providers/date-digits';

describe('reading dates by character codes', () => {
  it('gives the same instant as Date.UTC for every real time from 1900 to 2200', () => {
    const DAY = 86_400_000;
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1900, 0, 1) / DAY, max: Date.UTC(2200, 0, 1) / DAY }),
        fc.nat(DAY - 1),
        (day, ms) => {
          const date = new Date(day * DAY + ms);
          const args = [
            date.getUTCFullYear(),
            date.getUTCMonth() + 1,
            date.getUTCDate(),
            date.getUTCHours(),
            date.getUTCMinutes(),
            date.getUTCSeconds(),
            date.getUTCMilliseconds(),
          ] as const;
          expect(utcOf(...args)).toBe(date.getTime());
          expect(fastIsoUtc(date.toISOString())).toBe(date.getTime());
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('counts days across leap years and the turn of centuries', () => {
    expect(daysFromCivil(1970, 1, 1)).toBe(0);
    expect(daysFromCivil(2000, 2, 29)).toBe(Date.UTC(2000, 1, 29) / 86_400_000);
    expect(daysFromCivil(2100, 3, 1) - daysFromCivil(2100, 2, 28)).toBe(1); // 2100 is no leap year
    expect(daysFromCivil(1969, 12, 31)).toBe(-1);
  });

  it('refuses what is not a real time or not the exact form', () => {
    expect(fastDateTime('2025-02-29 10:00:00')).toBeNull();
    expect(fastDateTime('2024-02-29 10:00:00')).toBe(Date.UTC(2024, 1, 29, 10));
    expect(fastDateTime('2025-13-01 10:00:00')).toBeNull();
    expect(fastDateTime('2025-01-01 24:00:00')).toBeNull();
    expect(fastIsoUtc('2025-01-01T10:00:00+09:00')).toBeNull();
    expect(fastIsoUtc('2025-01-01T10:00:00.12Z')).toBeNull();
  });
});
