import { describe, expect, it } from 'vitest';
import { busyShare, parseCpuTimes, untilQuiet } from '../../../bench/support/until-quiet';

const stat = (user: number, nice: number, system: number, idle: number) =>
  `cpu  ${user} ${nice} ${system} ${idle} 0 0 0 0 0 0\ncpu0 1 2 3 4 0 0 0 0 0 0\n`;

describe('the machine-quiet wait before a start-up is timed', () => {
  it('reads busy and total ticks from /proc/stat, nice time not busy', () => {
    expect(parseCpuTimes(stat(100, 50, 20, 830))).toEqual({ busy: 120, total: 1000 });
    expect(parseCpuTimes('intr 1 2 3')).toBeNull();
    expect(busyShare({ busy: 120, total: 1000 }, { busy: 170, total: 1200 })).toBeCloseTo(0.25);
  });

  it('waits while the machine is busy and stops at the first quiet window', async () => {
    // Busy for two windows (80 of 100 ticks), then quiet (5 of 100), with a soak at nice priority throughout.
    const readings = [stat(0, 0, 0, 0), stat(80, 50, 0, 20), stat(160, 100, 0, 40), stat(165, 150, 0, 135)];
    let i = 0;
    const waited = await untilQuiet({ windowMs: 1, limitMs: 1_000 }, async () => readings[Math.min(i++, 3)]!);
    expect(waited.quiet).toBe(true);
    expect(i).toBe(4);
  });

  it('gives up at its limit and says the machine stayed busy', async () => {
    let busy = 0;
    const waited = await untilQuiet({ windowMs: 1, limitMs: 20 }, async () => stat((busy += 90), 0, 0, busy / 9));
    expect(waited).toMatchObject({ quiet: false });
    expect(waited.waitedMs).toBeGreaterThanOrEqual(20);
  });

  it('without /proc/stat it waits one window and goes on', async () => {
    const waited = await untilQuiet({ windowMs: 1 }, async () => {
      throw new Error('ENOENT');
    });
    expect(waited.quiet).toBe(true);
  });
});
