import { createZoomSim, DEMO_ZOOM_CREDENTIALS, type ZoomSimOptions } from '../../../../main/demo/zoom-video-sdk';
import type { Scenario } from '../../../../main/demo/scenario';
import { createHttp } from '../../../../main/providers/http';
import { zoomVideoSdkProvider } from '../../../../main/providers/zoom-video-sdk';
import { simFetch } from './sim-fetch';

/** A quiet scenario: no incidents, so only what a test switches on happens. */
export const QUIET: Scenario = { seed: 7, peakViewers: 1000, incidents: [] };
export const EVENING = Date.parse('2026-05-03T20:30:00Z');

/** A Zoom connection wired to the simulator in-process, on one fake clock both share. */
export function zoomHarness(
  options: {
    readonly simOptions?: Partial<ZoomSimOptions>;
    readonly source?: Record<string, unknown>;
    readonly secret?: string;
    /** Runs before each request reaches the simulator (move the clock, expire tokens). */
    readonly onRequest?: (url: URL) => void;
  } = {},
) {
  const clock = { now: EVENING };
  const sim = createZoomSim({ scenario: QUIET, now: () => clock.now, ...options.simOptions });
  const fetch = simFetch(sim.handler, (url) => options.onRequest?.(url));
  const connection = zoomVideoSdkProvider.connect(
    {
      id: 'zoom-1',
      name: 'Zoom',
      baseUrl: 'http://zoom.sim/v2',
      options: zoomVideoSdkProvider.optionsSchema.parse(options.source ?? {}),
      secrets: { apiKey: DEMO_ZOOM_CREDENTIALS.apiKey, apiSecret: options.secret ?? DEMO_ZOOM_CREDENTIALS.apiSecret },
    },
    { http: createHttp({ fetch }), now: () => clock.now },
  );
  const endpoint = (name: string) => {
    const found = connection.endpoints.find((candidate) => candidate.name === name);
    if (!found) throw new Error(`no endpoint ${name}`);
    return found;
  };
  return {
    clock,
    sim,
    fetch,
    connection,
    live: endpoint('live'),
    past: endpoint('past'),
    signal: new AbortController().signal,
  };
}
