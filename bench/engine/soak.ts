import { createEngine } from '../../main/engine/engine';
import { isZoomListing } from '../../main/engine/budget-policy';
import type { CredentialResolver } from '../../main/engine/types';
import type { AsyncSimHandler } from '../../main/demo/sim-server';
import { err, ok } from '@shared/result';
import { installFakeTime } from '../support/fake-time';
import { createFleetSims, sourceConfigOf } from '../support/fleet-sims';
import { createMeter, type Meter, type MeterReport } from '../support/request-meter';
import { createSimFetch } from '../support/sim-fetch';

/**
 * The engine as the app runs it (createEngine with every default: intervals,
 * budgets, capacities), polling ten simulated accounts through an in-process
 * fetch on simulated time. Reports heap after GC at every simulated hour
 * (figure 5) and the requests each simulator received (figure 9).
 */
export const SOAK_START = Date.parse('2026-01-15T00:00:00Z');
const HOUR = 3_600_000;

export interface SoakResult {
  readonly hours: number;
  /** heapUsed after GC, bytes, at hour 0 (engine built, not started) to `hours`; three reads each. */
  readonly heapByHour: number[][];
  readonly meters: Record<string, MeterReport>;
  /** Health of every source at each hour, for the report's sanity note. */
  readonly healthByHour: Array<Record<string, string>>;
  /** Sessions the hub held at each hour (its cap is 10,000). */
  readonly sessionsByHour: number[];
  readonly held: { readonly sessions: number; readonly seriesPoints: number[] };
  readonly wallMs: number;
}

/** Which meters a request counts in: its account, and the narrower limits that some platforms add. */
function metersFor(host: string, path: string): string[] {
  const keys = [host];
  if (host.startsWith('zoom-video-sdk') && isZoomListing(new URL(`http://${host}${path}`)))
    keys.push(`${host} listing`);
  if (host.startsWith('conviva')) {
    keys.push(`${host} ${path.includes('/real-time-metrics/') ? 'real-time' : 'sessions'}`);
    keys.push('conviva per IP');
  }
  return keys;
}

/** A seeded generator for the scheduler's jitter, so two runs poll at the same moments. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function heapReads(): number[] {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with node --expose-gc: heap figures need a GC before each read');
  return [0, 1, 2].map(() => {
    gc();
    gc();
    return process.memoryUsage().heapUsed;
  });
}

export async function runSoak(hours: number, progress: (hour: number) => void = () => {}): Promise<SoakResult> {
  const wall = performance.now();
  let simFetchBusy = () => false;
  const time = installFakeTime({ start: SOAK_START, busy: () => simFetchBusy() });
  try {
    const sims = createFleetSims(time.now);
    const end = SOAK_START + hours * HOUR;
    const meters = new Map<string, Meter>();
    const meter = (key: string) => {
      let found = meters.get(key);
      if (!found)
        meters.set(key, (found = createMeter(SOAK_START, end, key === 'conviva per IP' ? 5 * 60_000 : 60_000)));
      return found;
    };
    const simFetch = createSimFetch(
      new Map<string, AsyncSimHandler>(sims.map((sim) => [sim.host, sim.handler])),
      (host, path) => {
        for (const key of metersFor(host, path)) meter(key).record(time.now());
      },
    );
    simFetchBusy = () => simFetch.inFlight() > 0;
    const secrets = new Map(sims.map((sim) => [sim.source.id, sim.secrets]));
    const resolveCredentials: CredentialResolver = async (source, fields) => {
      const held = secrets.get(source.id);
      return held
        ? ok(Object.fromEntries(fields.map((field) => [field, held[field] ?? ''])))
        : err({ kind: 'config', message: `no secrets for ${source.id}` });
    };
    const engine = createEngine({
      fetch: simFetch.fetch,
      clock: time.clock,
      random: mulberry32(7),
      resolveCredentials,
    });
    engine.setSources(sims.map((sim) => sourceConfigOf(sim)));

    const heapByHour = [heapReads()];
    const healthByHour: Array<Record<string, string>> = [];
    const sessionsByHour: number[] = [];
    engine.start();
    for (let hour = 1; hour <= hours; hour++) {
      await time.advance(HOUR);
      const snapshot = engine.hub.snapshot();
      healthByHour.push(
        Object.fromEntries(
          snapshot.sources.map((s) => [
            s.id,
            s.health.status === 'error' ? `error: ${s.health.error.message}` : s.health.status,
          ]),
        ),
      );
      sessionsByHour.push(snapshot.sessions.length);
      heapByHour.push(heapReads());
      progress(hour);
    }
    const snapshot = engine.hub.snapshot();
    await engine.stop();
    return {
      hours,
      heapByHour,
      meters: Object.fromEntries([...meters].map(([key, m]) => [key, m.report()])),
      healthByHour,
      sessionsByHour,
      held: { sessions: snapshot.sessions.length, seriesPoints: snapshot.series.map((s) => s.points.length) },
      wallMs: performance.now() - wall,
    };
  } finally {
    time.uninstall();
  }
}
