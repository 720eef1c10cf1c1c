import { ok } from '@shared/result';
import type { Endpoint, Provider } from '../provider';
import { createConvivaClient } from './client';
import { LABEL } from './errors';
import { CONVIVA_FIELDS, CONVIVA_SECRET_FIELDS, ConvivaOptionsSchema, type ConvivaOptions } from './options';
import { breakdownEndpoint, liveNowSentence, viewersEndpoint } from './realtime-endpoint';
import {
  createSessionsState,
  fetchSessionDetail,
  probeSessions,
  sessionsEndpoint,
  type SessionsDeps,
} from './sessions-endpoint';

export type { ConvivaOptions } from './options';

/** Conviva Insights API 3.0 (seed 003): real-time concurrent plays and sampled ended content sessions. */
export const convivaProvider: Provider<ConvivaOptions> = {
  kind: 'conviva',
  label: LABEL,
  defaultBaseUrl: 'https://api.conviva.com/insights/3.0',
  metric: {
    label: 'Conviva concurrent plays',
    unit: 'concurrent plays',
    definition: 'Sessions playing at the same moment (Conviva real-time concurrent plays)',
  },
  optionsSchema: ConvivaOptionsSchema,
  fields: CONVIVA_FIELDS,
  secretFields: CONVIVA_SECRET_FIELDS,

  connect(source, deps) {
    const client = createConvivaClient({
      http: deps.http,
      baseUrl: source.baseUrl,
      clientId: source.secrets.clientId ?? '',
      clientSecret: source.secrets.clientSecret ?? '',
      now: deps.now,
    });
    const options = source.options;
    const sessionDeps: SessionsDeps = { client, options, sourceId: source.id, now: deps.now };
    // The window cursor and the account's accepted limit live here, for as long as the connection.
    const state = createSessionsState(options);

    const endpoints: Endpoint[] = [viewersEndpoint(client, options)];
    if (options.breakdownDimension !== 'none') endpoints.push(breakdownEndpoint(client, options.breakdownDimension));
    if (options.fetchSessions) endpoints.push(sessionsEndpoint(sessionDeps, state));

    return {
      endpoints,
      async testConnection(signal) {
        const live = await liveNowSentence(client, signal);
        if (!live.ok || !options.fetchSessions) return live;
        // Sessions need their own entitlement; finding out now beats a failing source later.
        const sessions = await probeSessions(sessionDeps, signal);
        return sessions.ok ? ok(`${live.value}; content sessions readable`) : sessions;
      },
      ...(options.fetchSessions
        ? { sessionDetail: (id: string, signal: AbortSignal) => fetchSessionDetail(sessionDeps, state, id, signal) }
        : {}),
    };
  },
};
