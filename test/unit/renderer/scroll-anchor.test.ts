import { describe, expect, it } from 'vitest';
import { captureAnchor, restoreScrollTop, ScrollHold } from '../../../renderer/src/features/sessions/scroll-anchor';
import { session } from './fixtures/session-batches';

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

describe('ScrollHold: the held row, worked out in render', () => {
  const rows = Array.from({ length: 100 }, (_, i) => session('s', `r${i}`));
  const fresh = Array.from({ length: 40 }, (_, i) => session('s', `n${i}`));

  it('moves the view for new rows as soon as it is asked, and asks nothing more once that is shown', () => {
    const hold = new ScrollHold(rows, 'time');
    hold.scrolled(10 * ROW, ROW);
    hold.pointer(3 * ROW + 5, ROW);
    // The pointer rests on r13; 40 rows arrive above it.
    const next = [...fresh, ...rows];
    const move = hold.moveFor(next, 'time', ROW);
    expect(move).toEqual({ top: 50 * ROW, shift: 40, arrivedAbove: 40, reset: false });
    // A second render before the DOM has it (React may render twice) gets the same answer.
    expect(hold.moveFor(next, 'time', ROW)).toEqual(move);
    expect(hold.newAbove(move)).toBe(40);
    expect(hold.indexShift(move)).toBe(40);
    hold.commit(next, 'time', move, ROW);
    const stay = hold.moveFor(next, 'time', ROW);
    expect(stay).toEqual({ top: null, shift: 0, arrivedAbove: 0, reset: false });
    expect(hold.newAbove(stay)).toBe(40);
    // The table keys row elements by index minus this: r13 was drawn at 13, is at 53 now, on the same element.
    expect(hold.indexShift(stay)).toBe(40);
    // Rows above the held one go: it moves up, and the shift with it.
    const fewer = next.slice(25);
    const up = hold.moveFor(fewer, 'time', ROW);
    expect(up).toMatchObject({ top: 25 * ROW, shift: -25, arrivedAbove: 0 });
    expect(hold.indexShift(up)).toBe(15);
    // The row under the pointer is r13 still.
    expect(next[Math.floor((50 * ROW + 3 * ROW + 5) / ROW)]!.id).toBe('r13');
  });

  it('starts again from the top on a new sort, and forgets the new rows when the user is back at the top', () => {
    const hold = new ScrollHold(rows, 'time');
    hold.scrolled(10 * ROW, ROW);
    const next = [...fresh, ...rows];
    const move = hold.moveFor(next, 'time', ROW);
    hold.commit(next, 'time', move, ROW);
    expect(hold.newAbove(hold.moveFor(next, 'time', ROW))).toBe(40);
    const sorted = hold.moveFor(next, 'source', ROW);
    expect(sorted).toEqual({ top: 0, shift: 0, arrivedAbove: 0, reset: true });
    expect(hold.newAbove(sorted)).toBe(0);
    hold.commit(next, 'source', sorted, ROW);
    expect(hold.seen()).toBe(false);
  });

  it('holds nothing at the top with the pointer away: new rows show where they arrive', () => {
    const hold = new ScrollHold(rows, 'time');
    hold.scrolled(0, ROW);
    expect(hold.moveFor([...fresh, ...rows], 'time', ROW)).toEqual({
      top: null,
      shift: 0,
      arrivedAbove: 0,
      reset: false,
    });
  });
});
