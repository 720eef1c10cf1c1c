import { describe, expect, it } from 'vitest';
import { createDrawQueue } from '../../../renderer/src/charts/draw-queue';

/** The queue against a hand-driven paint: `paint()` runs what waited for it. */
function harness() {
  const posted: string[] = [];
  const waiting: Array<() => void> = [];
  const queue = createDrawQueue(
    (name: string) => posted.push(name),
    (work) => waiting.push(work),
  );
  return { queue, posted, paint: () => waiting.splice(0).forEach((work) => work()) };
}

describe('the chart draw queue', () => {
  it('posts at once until the chart shows a reading: the first point waits for no paint', () => {
    const h = harness();
    h.queue.draw('empty');
    h.queue.draw('first points');
    expect(h.posted).toEqual(['empty', 'first points']);
    h.queue.drawn(0);
    h.queue.draw('still nothing shown');
    expect(h.posted).toEqual(['empty', 'first points', 'still nothing shown']);
  });

  it('once readings are shown, waits for the paint and posts only the latest of the draws asked meanwhile', () => {
    const h = harness();
    h.queue.draw('first');
    h.queue.drawn(12);
    h.queue.draw('update 1');
    h.queue.draw('update 2');
    expect(h.posted).toEqual(['first']);
    h.paint();
    expect(h.posted).toEqual(['first', 'update 2']);
    h.paint();
    expect(h.posted).toEqual(['first', 'update 2']);
  });

  it('drops a draw still waiting when cancelled', () => {
    const h = harness();
    h.queue.drawn(3);
    h.queue.draw('late');
    h.queue.cancel();
    h.paint();
    expect(h.posted).toEqual([]);
  });
});
