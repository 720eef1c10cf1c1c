import type { SourceError } from '@shared/model/errors';
import { ok, type Result } from '@shared/result';
import type { Endpoint } from '../provider';
import { getParsed, PATHS, type ConvivaClient } from './client';
import { LABEL } from './errors';
import type { ConvivaOptions } from './options';
import { ConcurrentPlaysBodySchema } from './schema';
import { toBreakdown, toViewerPoints } from './to-model';

/**
 * Minutes of the live series asked for each minute. Conviva allows up to 15;
 * asking for more than the interval lets the chart fill a gap left by a
 * failed poll, and the hub merges points by timestamp.
 */
export const LIVE_WINDOW_MINUTES = 10;

export function viewersEndpoint(client: ConvivaClient, options: ConvivaOptions): Endpoint {
  return {
    name: 'viewers',
    intervalMs: 60_000,
    async poll(signal) {
      const params = { minutes: String(LIVE_WINDOW_MINUTES), granularity: options.granularity };
      const body = await getParsed(
        client,
        PATHS.concurrentPlays,
        ConcurrentPlaysBodySchema,
        { feature: 'real-time', params },
        signal,
      );
      return body.ok ? ok({ viewers: toViewerPoints(body.value) }) : body;
    },
  };
}

/** The live breakdown changes slowly and costs a grouped request: every five minutes is plenty. */
export function breakdownEndpoint(client: ConvivaClient, dimension: string): Endpoint {
  return {
    name: 'breakdown',
    intervalMs: 5 * 60_000,
    async poll(signal) {
      const params = { minutes: '2', granularity: 'PT1M' };
      const body = await getParsed(
        client,
        PATHS.groupBy(dimension),
        ConcurrentPlaysBodySchema,
        { feature: 'real-time', params },
        signal,
      );
      if (!body.ok) return body;
      const breakdown = toBreakdown(body.value, dimension);
      return ok(
        breakdown
          ? { breakdowns: [breakdown] }
          : { notes: [`${LABEL} returned no ${dimension} breakdown for the last minutes.`] },
      );
    },
  };
}

/** "Connected: 1,234 concurrent plays now", from the newest live point. */
export async function liveNowSentence(
  client: ConvivaClient,
  signal: AbortSignal,
): Promise<Result<string, SourceError>> {
  const params = { minutes: '2', granularity: 'PT1M' };
  const body = await getParsed(
    client,
    PATHS.concurrentPlays,
    ConcurrentPlaysBodySchema,
    { feature: 'real-time', params },
    signal,
  );
  if (!body.ok) return body;
  const newest = toViewerPoints(body.value).at(-1);
  // The credentials worked; an empty series is an idle account, not a failure.
  if (!newest) return ok('Connected: no concurrent plays reported in the last minutes');
  return ok(`Connected: ${newest.viewers.toLocaleString('en-US')} concurrent plays now`);
}
