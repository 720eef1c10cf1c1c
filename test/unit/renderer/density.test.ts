import { describe, expect, it } from 'vitest';
import { bucketFor, lineWidth } from '../../../renderer/src/charts/density';

describe('lineWidth', () => {
  it('draws one pixel wide when there is a point every five pixels or closer, two otherwise', () => {
    expect(lineWidth(0, 800)).toBe(2);
    expect(lineWidth(60, 800)).toBe(2);
    expect(lineWidth(160, 800)).toBe(2);
    expect(lineWidth(161, 800)).toBe(1);
    expect(lineWidth(1_440, 800)).toBe(1);
    expect(lineWidth(1, 0)).toBe(1);
    expect(lineWidth(0, 0)).toBe(2);
  });
});

describe('bucketFor', () => {
  it('makes buckets of about three pixels, in whole seconds', () => {
    // A day on 1,152 px: 225 s a bucket, about four one-minute readings.
    expect(bucketFor(24 * 3_600_000, 1_152)).toBe(225_000);
    // An hour: 9 s, shorter than a one-minute poll, so nothing is bucketed.
    expect(bucketFor(3_600_000, 1_200)).toBe(9_000);
    expect(bucketFor(3_600_000, 0) % 1_000).toBe(0);
  });
});
