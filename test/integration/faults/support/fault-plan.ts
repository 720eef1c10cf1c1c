import { noise } from '../../../../main/demo/scenario';
import type { Fault } from '../../../../main/demo/sim-faults';
import type { SoakSource } from './soak-fleet';

/** One switch of the plan: at `at`, this source's fault becomes `fault` (null: none). */
export interface Switch {
  readonly at: number;
  readonly sourceId: string;
  readonly fault: Fault | 'special' | null;
  readonly label: string;
}

export interface PlanOptions {
  readonly seed: number;
  readonly from: number;
  readonly to: number;
  /** How often each source may change state. */
  readonly everyMs: number;
  /** Chance, at each tick, that a healthy source gets a fault or a faulty one is cleared. */
  readonly chance: number;
}

/**
 * A repeatable random plan of faults switched on and off. The randomness is
 * the scenario clock's `noise` (seeded FNV-1a), so the same seed always gives
 * the same day: a failure can be replayed exactly.
 */
export function faultPlan(sources: readonly SoakSource[], options: PlanOptions): Switch[] {
  const plan: Switch[] = [];
  const on = new Map<string, boolean>();
  const r = (...keys: Array<string | number>) => noise(options.seed, 'soak', ...keys);
  for (let at = options.from, tick = 0; at < options.to; at += options.everyMs, tick++) {
    for (const source of sources) {
      const id = source.config.id;
      if (r(id, tick, 'flip') >= options.chance) continue;
      if (on.get(id)) {
        plan.push({ at, sourceId: id, fault: null, label: 'cleared' });
        on.set(id, false);
        continue;
      }
      const choices = menu(source, at, (key) => r(id, tick, key));
      const picked = choices[Math.floor(r(id, tick, 'pick') * choices.length)]!;
      plan.push({ at, sourceId: id, fault: picked.fault, label: picked.label });
      on.set(id, true);
    }
  }
  return plan;
}

function menu(
  source: SoakSource,
  at: number,
  r: (key: string) => number,
): Array<{ fault: Fault | 'special'; label: string }> {
  const seconds = 30 + Math.floor(r('seconds') * 270);
  const retryAt = at + Math.floor(60 + r('date') * 540) * 1000;
  const slow = Math.floor(2_000 + r('slow') * 38_000);
  return [
    { fault: { type: 'refuse' }, label: 'connection refused' },
    { fault: { type: 'hang' }, label: 'never answers' },
    { fault: { type: 'slow', delayMs: slow }, label: `slow (${slow} ms)` },
    { fault: { type: 'html-error', status: 500 }, label: '500 HTML' },
    { fault: { type: 'html-error', status: 502 }, label: '502 HTML' },
    { fault: { type: 'not-json' }, label: 'not JSON' },
    { fault: { type: 'truncated' }, label: 'truncated' },
    { fault: source.changedType, label: 'changed field type' },
    { fault: { type: 'retry-after-seconds', seconds }, label: `429, ${seconds} s` },
    {
      fault: { type: 'retry-after-date', at: retryAt, format: r('format') < 0.5 ? 'http-date' : 'iso' },
      label: '429 with a date',
    },
    ...(source.special && (source.special.fits?.(at) ?? true)
      ? [{ fault: 'special' as const, label: source.special.name }]
      : []),
  ];
}
