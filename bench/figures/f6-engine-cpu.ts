import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createEngine } from '../../main/engine/engine';
import { makeProxyAwareFetch } from '../../main/headless/proxy-fetch';
import { createRecorder } from '../../main/engine/history/recorder';
import { openHistory } from '../../main/history/open-history';
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
 * 5- and 10-minute ones too): the busiest minute an engine has. The engine
 * sends through the client headless uses (Node's http; the app's is
 * Electron's net.fetch, whose work is in Chromium's network process). A full
 * garbage collection just before each window leaves out the bench's own
 * garbage (figure 1 parses pages of thousands of sessions); the engine's is
 * collected inside the window, and the notes say how long that took.
 */
const WINDOW_MS = 60_000;
const SLICE_MS = 10_000;
const LIMIT_PERCENT = 1;
/** The history store's share on top of the engine (figure 10e times its writes alone). */
const STORE_LIMIT_PERCENT = 1;

const realClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** A full collection; `npm run bench` runs node with --expose-gc. */
function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('figure 6 needs node --expose-gc to start from a clean heap: run it through npm run bench');
  gc();
  gc();
}

const cpuMs = () => {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
};

interface Window {
  /** % of one core per 10 s slice. */
  readonly slices: number[];
  /** % of one core over the whole window. */
  readonly total: number;
  readonly failing: number;
  /** Main-thread garbage collection in the window, ms: the engine's own (the bench's is collected before). */
  readonly gcMs: number;
}

/**
 * One 60 s window of a fresh engine on the fleet; with `history`, the
 * recorder writes what the hub sees into a history file as the app does.
 */
async function measure(origins: Record<string, string>, history: boolean): Promise<Window> {
  const sims = createFleetSims(Date.now);
  const secrets = new Map(sims.map((sim) => [sim.source.id, sim.secrets]));
  const resolveCredentials: CredentialResolver = async (source, fields) =>
    ok(Object.fromEntries(fields.map((field) => [field, secrets.get(source.id)?.[field] ?? ''])));
  // The client headless sends with when no proxy is set (an empty env: the bench's own proxy variables do not apply).
  const engine = createEngine({ fetch: makeProxyAwareFetch({}), clock: realClock, resolveCredentials });
  const dir = history ? mkdtempSync(join(tmpdir(), 'sw-bench-f6-')) : null;
  const opened = dir === null ? null : openHistory({ file: join(dir, 'history.sqlite'), now: Date.now });
  if (opened && opened.mode !== 'saving') throw new Error(opened.problem ?? 'history could not be opened');
  const recorder =
    opened === null ? null : createRecorder({ hub: engine.hub, clock: realClock, storeOf: () => opened.store });
  let gcMs = 0;
  const gcs = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) gcMs += entry.duration;
  });
  try {
    engine.setSources(sims.map((sim) => sourceConfigOf(sim, origins[sim.source.id])));
    const slices: number[] = [];
    // The garbage earlier figures left in this process is theirs: collected now, it is not booked to the engine.
    collectGarbage();
    const start = cpuMs();
    const wall = performance.now();
    gcs.observe({ entryTypes: ['gc'] });
    engine.start();
    let last = start;
    for (let t = SLICE_MS; t <= WINDOW_MS; t += SLICE_MS) {
      await sleep(wall + t - performance.now());
      const now = cpuMs();
      slices.push(((now - last) / SLICE_MS) * 100);
      last = now;
    }
    const total = ((last - start) / (performance.now() - wall)) * 100;
    const failing = engine.hub.snapshot().sources.filter((s) => s.health.status !== 'ok').length;
    if (recorder !== null && recorder.problem() !== null) throw new Error(`history: ${recorder.problem()}`);
    return { slices, total, failing, gcMs };
  } finally {
    gcs.disconnect();
    await engine.stop();
    recorder?.stop();
    opened?.store.close();
    if (dir !== null) rmSync(dir, { recursive: true, force: true });
  }
}

let repetition = 0;

export async function figure6(): Promise<Row[]> {
  const child = spawnTs('bench/engine/sims-child.ts');
  try {
    const origins = await firstJsonLine<Record<string, string>>(child, 60_000);
    // Without and with the history store, in the same run against the same simulators. The
    // order alternates between repetitions: the second window finds the code already compiled.
    const storeFirst = repetition++ % 2 === 1;
    const first = await measure(origins, storeFirst);
    const second = await measure(origins, !storeFirst);
    const [bare, stored] = storeFirst ? [second, first] : [first, second];
    const added = stored.total - bare.total;
    const health = (failing: number) =>
      failing > 0
        ? `${failing} of 10 sources were not healthy at the end: the figure is not representative`
        : '10 of 10 sources healthy at the end';
    return [
      {
        id: '6',
        figure: 6,
        title: 'engine CPU, 10 simulated sources at default intervals, 60 s real time',
        unit: '% of one core (per 10 s slice)',
        value: summarize(bare.slices),
        baseline: null,
        budget: `< ${LIMIT_PERCENT} % of one core`,
        compared: { label: 'whole 60 s, % of one core', value: round(bare.total, 3), limit: LIMIT_PERCENT },
        status: bare.failing > 0 ? 'error' : judge(bare.total, LIMIT_PERCENT),
        notes: [
          `per 10 s: ${bare.slices.map((v) => round(v, 2)).join(', ')} %`,
          `garbage collection in the window: ${round(bare.gcMs, 0)} ms`,
          health(bare.failing),
        ],
      },
      {
        id: '6h',
        figure: 6,
        title: 'the same engine writing its history file (recorder + SQLite store): CPU added',
        unit: '% of one core (per 10 s slice, with the store)',
        value: summarize(stored.slices),
        baseline: { label: 'without the store, whole 60 s', value: summarize([bare.total]), unit: '% of one core' },
        budget: `store adds < ${STORE_LIMIT_PERCENT} % of one core`,
        compared: { label: 'added, % of one core', value: round(added, 3), limit: STORE_LIMIT_PERCENT },
        status: stored.failing > 0 ? 'error' : judge(added, STORE_LIMIT_PERCENT),
        notes: [
          `with the store ${round(stored.total, 3)} %, without ${round(bare.total, 3)} % over the whole 60 s (${storeFirst ? 'with' : 'without'} first)`,
          health(stored.failing),
        ],
      },
    ];
  } finally {
    await stopChild(child);
  }
}
