import type { SourceError } from '@shared/model/errors';
import type { Sample } from '@shared/model/samples';
import { ok, type Result } from '@shared/result';
import type { ApiVideoClient } from './client';
import { mediaFilter, type ApiVideoOptions } from './options';
import { pageQuery, readPages } from './paging';
import { MetricSchema, TimeseriesPageSchema } from './schema';
import { toViewerPoints } from './to-model';

const MINUTE = 60_000;
/** 60 minute points fit one page of 100; a second page would mean the answer is not what we asked for. */
const SERIES_PAGES = 2;

export interface ViewersContext {
  readonly client: ApiVideoClient;
  readonly options: ApiVideoOptions;
  readonly now: () => number;
}

export async function readViewersNow(
  ctx: ViewersContext,
  signal: AbortSignal,
): Promise<Result<number | null, SourceError>> {
  const live = await ctx.client.get('/data/metrics/ccv/live', mediaFilter(ctx.options), MetricSchema, signal);
  return live.ok ? ok(live.value.data) : live;
}

/**
 * Two requests a minute: `ccv/live` (the highest concurrent viewers over the
 * last 20 s) and the per-minute `ccv-peak` series. A minute interval needs a
 * span under 60 minutes, hence 59 whole minutes plus the current one.
 */
export async function pollViewers(ctx: ViewersContext, signal: AbortSignal): Promise<Result<Sample, SourceError>> {
  const viewersNow = await readViewersNow(ctx, signal);
  if (!viewersNow.ok) return viewersNow;
  const now = ctx.now();
  const from = new Date(Math.floor(now / MINUTE) * MINUTE - 59 * MINUTE).toISOString();
  const to = new Date(now).toISOString();
  const window = [['interval', 'minute'], ['from', from], ['to', to], ...mediaFilter(ctx.options)] as const;
  const series = await readPages(
    'viewer series',
    (page) =>
      ctx.client.get('/data/timeseries/ccv-peak', [...window, ...pageQuery(page)], TimeseriesPageSchema, signal),
    SERIES_PAGES,
  );
  if (!series.ok) return series;
  const rateLimit = ctx.client.rateLimit();
  return ok({
    viewers: toViewerPoints(series.value.items, viewersNow.value, now),
    notes: series.value.note ? [series.value.note] : [],
    ...(rateLimit ? { rateLimit } : {}),
  });
}
