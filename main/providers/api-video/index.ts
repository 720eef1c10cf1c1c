import { sourceError } from '@shared/model/errors';
import type { ViewerMetric } from '@shared/model/source';
import { err, ok } from '@shared/result';
import type { Connection, Provider } from '../provider';
import { createApiVideoClient } from './client';
import { readSessionDetail } from './detail';
import { LABEL } from './errors';
import { API_VIDEO_FIELDS, ApiVideoOptionsSchema, baseUrlFor, PRODUCTION_URL, type ApiVideoOptions } from './options';
import { createSessionsPoll, listLiveStreams } from './sessions';
import { describeAccount } from './to-model';
import { pollViewers, readViewersNow } from './viewers';

export { ApiVideoOptionsSchema, baseUrlFor, type ApiVideoOptions } from './options';

export const API_VIDEO_METRIC: ViewerMetric = {
  label: 'api.video concurrent viewers',
  unit: 'viewers',
  definition: 'Highest number of concurrent viewers (ccv) over the last 20 seconds',
};

export const VIEWERS_INTERVAL_MS = 60_000;
export const SESSIONS_INTERVAL_MS = 5 * 60_000;

export const apiVideoProvider: Provider<ApiVideoOptions> = {
  kind: 'api-video',
  label: LABEL,
  defaultBaseUrl: PRODUCTION_URL,
  metric: API_VIDEO_METRIC,
  optionsSchema: ApiVideoOptionsSchema,
  fields: API_VIDEO_FIELDS,
  secretFields: ['apiKey'],

  connect(source, deps): Connection {
    const apiKey = source.secrets.apiKey ?? '';
    const options = source.options;
    // One client per connection: it holds the tokens and the newest rate-limit headers.
    const client = createApiVideoClient({
      http: deps.http,
      baseUrl: baseUrlFor(source.baseUrl, options),
      apiKey,
      authMode: options.authMode,
      now: deps.now,
    });
    const ctx = { sourceId: source.id, client, options, now: deps.now };
    const pollSessions = createSessionsPoll(ctx);
    const missingKey = () => err(sourceError('config', `${LABEL} needs an API key for ${source.name}.`));

    return {
      endpoints: [
        {
          name: 'viewers',
          intervalMs: VIEWERS_INTERVAL_MS,
          poll: (signal) => (apiKey ? pollViewers(ctx, signal) : Promise.resolve(missingKey())),
        },
        {
          name: 'sessions',
          intervalMs: SESSIONS_INTERVAL_MS,
          poll: (signal) => (apiKey ? pollSessions(signal) : Promise.resolve(missingKey())),
        },
      ],
      async testConnection(signal) {
        if (!apiKey) return missingKey();
        const streams = await listLiveStreams(ctx, signal);
        if (!streams.ok) return streams;
        const viewers = await readViewersNow(ctx, signal);
        if (!viewers.ok) return viewers;
        return ok(describeAccount(streams.value.items, viewers.value));
      },
      sessionDetail: (sessionId, signal) =>
        apiKey ? readSessionDetail(source.id, client, sessionId, signal) : Promise.resolve(missingKey()),
    };
  },
};
