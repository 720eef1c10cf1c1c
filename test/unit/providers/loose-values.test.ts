import { describe, expect, it } from 'vitest';
import { headerNumber, LooseNumber, numberIn, plural } from '../../../main/providers/loose-values';

describe('values platforms send loosely', () => {
  it('reads a number sent as a number or as text, and nothing else', () => {
    expect(numberIn(2.4)).toBe(2.4);
    expect(numberIn(' 14611077 ')).toBe(14611077);
    expect(numberIn('1e3')).toBe(1000);
    expect(numberIn('n/a')).toBeUndefined();
    expect(numberIn(Number.NaN)).toBeUndefined();
    expect(LooseNumber.safeParse('244.624').data).toBe(244.624);
    expect(LooseNumber.safeParse(true).error?.issues[0]?.message).toBe('expected a number, received boolean');
  });

  it('reads numbers in headers, and null for an absent or wordy one', () => {
    const headers = new Headers({ 'x-ratelimit-remaining': '42', 'x-ratelimit-limit': 'lots' });
    expect(headerNumber(headers, 'x-ratelimit-remaining')).toBe(42);
    expect(headerNumber(headers, 'x-ratelimit-limit')).toBeNull();
    expect(headerNumber(headers, 'retry-after')).toBeNull();
  });

  it('writes the plural', () => {
    expect(plural(1, 'viewer')).toBe('1 viewer');
    expect(plural(3, 'live stream')).toBe('3 live streams');
  });
});
