import { setTimeout as sleep } from 'node:timers/promises';
import { createEngine } from '../../main/engine/engine';
import type { Clock, CredentialResolver } from '../../main/engine/types';
import { ok } from '@shared/result';
import { firstJsonLine, spawnTs, stopChild } from '../support/child';
import { createFleetSims, sourceConfigOf } from '../support/fleet-sims';
import { judge, type Row } from '../support/result';
import { round, summarize } from '../support/stats';

/**
 * Figure 6: CPU of the engine polling the ten fleet accounts at default
 * intervals for 60 s of real time, over real HTTP. The simulators run in a
 * child process, so only the engine's work (fetch, parse, map, hub, budgets,
 * timers) is in this process's process.cpuUsage(). The 60 s start with
 * engine.start(), so they include the first poll of every endpoint (the
 * 5- and 10-minute ones too): the busiest minute an engine has.
 */
const WINDOW_MS = 60_000;
const SLICE_MS = 10_000;
const LIMIT_PERCENT = 2;

const realClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

const cpuMs = () => {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
};

export async function figure6(): Promise<Row[]> {
  const child = spawnTs('bench/engine/sims-child.ts');
  try {
    const origins = await firstJsonLine<Record<string, string>>(child, 60_000);
    const sims = createFleetSims(Date.now);
    const secrets = new Map(sims.map((sim) => [sim.source.id, sim.secrets]));
    const resolveCredentials: CredentialResolver = async (source, fields) =>
      ok(Object.fromEntries(fields.map((field) => [field, secrets.get(source.id)?.[field] ?? ''])));
    const engine = createEngine({ fetch: (url, init) => fetch(url, init), clock: realClock, resolveCredentials });
    engine.setSources(sims.map((sim) => sourceConfigOf(sim, origins[sim.source.id])));

    const slices: number[] = [];
    const start = cpuMs();
    const wall = performance.now();
    engine.start();
    let last = start;
    for (let t = SLICE_MS; t <= WINDOW_MS; t += SLICE_MS) {
      await sleep(wall + t - performance.now());
      const now = cpuMs();
      slices.push(((now - last) / SLICE_MS) * 100);
      last = now;
    }
    const total = ((last - start) / (performance.now() - wall)) * 100;
    const health = engine.hub.snapshot().sources.map((s) => s.health.status);
    await engine.stop();
    const failing = health.filter((status) => status !== 'ok').length;
    return [
      {
        id: '6',
        figure: 6,
        title: 'engine CPU, 10 simulated sources at default intervals, 60 s real time',
        unit: '% of one core (per 10 s slice)',
        value: summarize(slices),
        baseline: null,
        budget: `< ${LIMIT_PERCENT} % of one core`,
        compared: { label: 'whole 60 s, % of one core', value: round(total, 3), limit: LIMIT_PERCENT },
        status: failing > 0 ? 'error' : judge(total, LIMIT_PERCENT),
        notes: [
          `per 10 s: ${slices.map((s) => round(s, 2)).join(', ')} %`,
          failing > 0
            ? `${failing} of 10 sources were not healthy at the end: the figure is not representative`
            : '10 of 10 sources healthy at the end',
        ],
      },
    ];
  } finally {
    await stopChild(child);
  }
}
