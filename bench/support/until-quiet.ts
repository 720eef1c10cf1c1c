import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

/** Busy and total CPU time of the whole machine, in clock ticks, from the first line of /proc/stat. */
export interface CpuTimes {
  readonly busy: number;
  readonly total: number;
}

/**
 * Reads `cpu  user nice system idle iowait irq softirq steal …`. Time at nice
 * priority is not counted busy: the bench's soak runs at nice 19 through the
 * whole run and yields to anything else, so it leaves the machine quiet.
 */
export function parseCpuTimes(procStat: string): CpuTimes | null {
  const fields = /^cpu\s+(.*)$/m.exec(procStat)?.[1]?.trim().split(/\s+/).map(Number);
  if (!fields || fields.length < 4 || fields.some((n) => !Number.isFinite(n))) return null;
  const [user, nice, system, idle, iowait = 0, irq = 0, softirq = 0, steal = 0] = fields as number[];
  return {
    busy: user! + system! + irq + softirq,
    total: user! + nice! + system! + idle! + iowait + irq + softirq + steal,
  };
}

/** The busy share of the machine between two readings, 0..1 (all cores together). */
export function busyShare(before: CpuTimes, after: CpuTimes): number {
  const total = after.total - before.total;
  return total <= 0 ? 0 : (after.busy - before.busy) / total;
}

export interface QuietWait {
  /** How long it took to find the machine quiet. */
  readonly waitedMs: number;
  /** False when the machine stayed busy until the limit (the figure then runs anyway, and says so). */
  readonly quiet: boolean;
}

/**
 * Waits until the machine has been quiet (under `share` of its CPU busy, nice
 * time aside) for one `windowMs`, or until `limitMs`. A figure that times a
 * start-up from an idle desk calls this first: a browser that has just opened
 * a page keeps a core busy for up to a second after Playwright says the page
 * is ready, and a fixed pause would be too long on one machine and too short
 * on the next. Without /proc/stat (not Linux), it waits one window.
 */
export async function untilQuiet(
  { share = 0.15, windowMs = 250, limitMs = 10_000 } = {},
  read: () => Promise<string> = () => readFile('/proc/stat', 'utf8'),
): Promise<QuietWait> {
  const started = performance.now();
  let before = parseCpuTimes(await read().catch(() => ''));
  for (;;) {
    await sleep(windowMs);
    const after = parseCpuTimes(await read().catch(() => ''));
    const waitedMs = performance.now() - started;
    if (!before || !after) return { waitedMs, quiet: true };
    if (busyShare(before, after) < share) return { waitedMs, quiet: true };
    if (waitedMs >= limitMs) return { waitedMs, quiet: false };
    before = after;
  }
}
