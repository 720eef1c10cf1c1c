import { describe, expect, it } from 'vitest';
import { createRingBuffer } from '../../../main/engine/ring-buffer';

describe('ring buffer', () => {
  it('keeps the newest items up to its capacity', () => {
    const buffer = createRingBuffer<number>(3);
    expect([1, 2, 3, 4, 5].map((n) => buffer.push(n))).toEqual([undefined, undefined, undefined, 1, 2]);
    expect(buffer.toArray()).toEqual([3, 4, 5]);
    expect(buffer.length).toBe(3);
    expect(buffer.at(0)).toBe(3);
    expect(buffer.last()).toBe(5);
    expect(buffer.at(3)).toBeUndefined();
  });

  it('replaces and inserts by position, dropping the oldest when full', () => {
    const buffer = createRingBuffer<number>(4);
    [10, 20, 40, 50].forEach((n) => buffer.push(n));
    buffer.set(0, 11);
    buffer.insert(2, 30);
    expect(buffer.toArray()).toEqual([20, 30, 40, 50]);
    buffer.push(60);
    expect(buffer.toArray()).toEqual([30, 40, 50, 60]);
  });

  it('refuses a capacity that is not a positive integer', () => {
    expect(() => createRingBuffer(0)).toThrow(RangeError);
  });
});
