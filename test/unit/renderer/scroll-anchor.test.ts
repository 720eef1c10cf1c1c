import { describe, expect, it } from 'vitest';
import { captureAnchor, restoreScrollTop } from '../../../renderer/src/features/sessions/scroll-anchor';

const ROW = 30;

describe('scroll anchor', () => {
  const keys = Array.from({ length: 100 }, (_, i) => `k${i}`);
  const keyAt = (i: number) => keys[i];

  it('holds nothing at the top when the pointer is away: new rows should show', () => {
    expect(captureAnchor(keyAt, { scrollTop: 0, rowHeight: ROW, pointerY: null })).toBeNull();
  });

  it('holds the row under the pointer in place when rows are prepended', () => {
    const anchor = captureAnchor(keyAt, { scrollTop: 0, rowHeight: ROW, pointerY: 95 })!;
    expect(anchor).toEqual({ key: 'k3', index: 3, offset: 90 });
    const after = ['n1', 'n2', ...keys];
    const top = restoreScrollTop(anchor, after.indexOf(anchor.key), ROW, 0);
    expect(top).toBe(60);
    // The same row is under the same pointer position afterwards.
    expect(after[Math.floor((top! + 95) / ROW)]).toBe('k3');
  });

  it('holds the top visible row when scrolled down, keeping its partial offset', () => {
    const anchor = captureAnchor(keyAt, { scrollTop: 310, rowHeight: ROW, pointerY: null })!;
    expect(anchor).toEqual({ key: 'k10', index: 10, offset: -10 });
    expect(restoreScrollTop(anchor, 15, ROW, 310)).toBe(460);
    expect(restoreScrollTop(anchor, 10, ROW, 310)).toBeNull();
    expect(restoreScrollTop(anchor, -1, ROW, 310)).toBeNull();
  });
});
