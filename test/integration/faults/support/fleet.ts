import { createEngine, type StreamwatchEngine } from '../../../../main/engine/engine';
import type { CredentialResolver } from '../../../../main/engine/types';
import type { Fault } from '../../../../main/demo/sim-server';
import { err, ok } from '@shared/result';
import { sourceError } from '@shared/model/errors';
import { installFakeClock, type FakeClock } from '../../../support/fake-clock';
import { createFakeSystemEvents, type FakeSystemEvents } from '../../../support/fake-system-events';
import { meterFetch, type MeteredFetch } from './metered-fetch';
import { createPollLog, type PollLog } from './poll-log';
import { station as startStation, type Station } from './stations';
import { createTimeDriver, type TimeDriver } from './time-driver';
import { createWatch, type Watch } from './watch';
import { nodeHttpFetch } from '../../../../main/headless/node-http-fetch';

export const FLEET_START = Date.parse('2026-01-15T12:00:00Z');

export interface FleetOptions {
  /** Fake start time (UTC); the default is midday. */
  readonly start?: number;
  /** Adds a Zoom source; left out where the test is not about Zoom, to keep the suite quick. */
  readonly zoom?: boolean;
}

export interface Fleet {
  readonly clock: FakeClock;
  readonly driver: TimeDriver;
  readonly engine: StreamwatchEngine;
  readonly net: MeteredFetch;
  readonly polls: PollLog;
  readonly watch: Watch;
  readonly system: FakeSystemEvents;
  readonly stations: ReadonlyMap<string, Station>;
  station<S extends Station = Station>(sourceId: string): S;
  /** What the system's network check answers (the engine claims "offline" only on its word). */
  setNetworkDown(down: boolean): void;
  /** Switches a fault on (or off, with null) in the simulator of one source, while the engine runs. */
  fault(sourceId: string, fault: Fault | null): Promise<void>;
  dispose(): Promise<void>;
}

/**
 * The real engine with Node's fetch against one simulator per source over
 * real HTTP on 127.0.0.1: two NAVER accounts, one api.video (token auth),
 * one Conviva and optionally one Zoom. Time is fake (vitest's timers, shared
 * by the engine, bottleneck, http.ts's timeouts and the simulators' clocks);
 * the driver moves it only when the sockets are quiet.
 */
export async function startFleet(options: FleetOptions = {}): Promise<Fleet> {
  const clock = installFakeClock(options.start ?? FLEET_START);
  const now = () => clock.now();
  const list: Station[] = [
    await startStation('naver-vpe', 'naver-a', 101, now),
    await startStation('naver-vpe', 'naver-b', 102, now),
    await startStation('api-video', 'api-video', 103, now),
    await startStation('conviva', 'conviva', 104, now),
  ];
  if (options.zoom) list.push(await startStation('zoom-video-sdk', 'zoom', 105, now));
  const stations = new Map(list.map((station) => [station.config.id, station]));

  // The client headless sends with: the one of ours whose behaviour under faults these tests pin down.
  const net = meterFetch(nodeHttpFetch, now);
  let networkDown = false;
  const polls = createPollLog(now);
  const system = createFakeSystemEvents();
  const resolveCredentials: CredentialResolver = async (source, fields) => {
    const secrets = stations.get(source.id)?.secrets;
    if (secrets === undefined) return err(sourceError('config', `No secrets for ${source.id}.`));
    return ok(Object.fromEntries(fields.map((field) => [field, secrets[field] ?? ''])));
  };
  const engine = createEngine({
    fetch: net.fetch,
    clock,
    // Jitter pinned to its middle, so backoffs are the policy's nominal values.
    random: () => 0.5,
    resolveCredentials,
    systemEvents: system,
    providers: polls.providers,
    isNetworkDown: () => networkDown,
  });
  const watch = createWatch(engine.hub, [...stations.keys()]);
  const parked = () => list.reduce((sum, station) => sum + station.server.parked(), 0);
  const driver = createTimeDriver({ clock, busy: () => net.inFlight() > parked(), onStep: watch.step });

  engine.setSources(list.map((station) => station.config));
  engine.start();

  return {
    clock,
    driver,
    engine,
    net,
    polls,
    watch,
    system,
    stations,
    station<S extends Station>(sourceId: string) {
      const found = stations.get(sourceId);
      if (found === undefined) throw new Error(`No station ${sourceId}.`);
      return found as S;
    },
    setNetworkDown(down) {
      networkDown = down;
    },
    async fault(sourceId, fault) {
      await stations.get(sourceId)?.server.setFault(fault);
    },
    async dispose() {
      await engine.stop();
      for (const station of list) await station.server.close();
      clock.uninstall();
    },
  };
}
