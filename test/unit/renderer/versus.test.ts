import { describe, expect, it } from 'vitest';
import { versusYesterday } from '../../../renderer/src/features/overview/versus';

const T = Date.parse('2026-12-05T20:00:00Z');
const MIN = 60_000;

describe('vs yesterday on a tile', () => {
  it('compares the newest reading with the stored one nearest the same time a day earlier', () => {
    const yesterday = [
      { at: T - 14 * MIN, viewers: 50 },
      { at: T - 2 * MIN, viewers: 100 },
    ];
    expect(versusYesterday(112, yesterday, T)).toBe('+12 % vs yesterday');
    expect(versusYesterday(75, yesterday, T)).toBe('−25 % vs yesterday');
    expect(versusYesterday(100, yesterday, T)).toBe('±0 % vs yesterday');
  });

  it('says nothing without a match close in time, without a reading, or against zero', () => {
    expect(versusYesterday(10, [{ at: T - 30 * MIN, viewers: 5 }], T)).toBeNull();
    expect(versusYesterday(null, [{ at: T, viewers: 5 }], T)).toBeNull();
    expect(versusYesterday(10, [], T)).toBeNull();
    expect(versusYesterday(10, undefined, T)).toBeNull();
    expect(versusYesterday(10, [{ at: T, viewers: 0 }], T)).toBeNull();
  });
});
