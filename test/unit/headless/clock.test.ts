import { describe, expect, it } from 'vitest';
import { CLOCK_START_ENV, headlessClock } from '../../../main/headless/clock';

describe('headlessClock', () => {
  const real = () => Date.UTC(2026, 5, 1, 14, 30);

  it('is the system clock when the variable is unset', () => {
    const timing = headlessClock({}, real);
    expect('clock' in timing && timing.note).toBeNull();
  });

  it('starts at the given time and runs at the real pace from there', () => {
    let now = real();
    const timing = headlessClock({ [CLOCK_START_ENV]: '2026-12-05T00:05:00Z' }, () => now);
    if (!('clock' in timing)) throw new Error(timing.error);
    expect(new Date(timing.clock.now()).toISOString()).toBe('2026-12-05T00:05:00.000Z');
    now += 90_000;
    expect(new Date(timing.clock.now()).toISOString()).toBe('2026-12-05T00:06:30.000Z');
    expect(timing.note).toContain('TEST CLOCK');
  });

  it('refuses a value that is not an ISO time, naming the variable', () => {
    expect(headlessClock({ [CLOCK_START_ENV]: 'midnight' }, real)).toEqual({
      error: expect.stringContaining(`${CLOCK_START_ENV} must be an ISO 8601 time`),
    });
  });
});
