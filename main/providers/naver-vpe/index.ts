import type { SourceError } from '@shared/model/errors';
import type { Sample } from '@shared/model/samples';
import { err, ok, type Result } from '@shared/result';
import { nothingReadable, skipsNote } from '../tolerant';
import type { Connection, Provider, ResolvedSource, ProviderDeps } from '../provider';
import { naverBudget } from './budget';
import { createNaverClient, NAVER_DEFAULT_BASE_URL, NAVER_LABEL, type NaverClient, type NaverQuery } from './client';
import { NAVER_FIELDS, NAVER_INTERVAL_MS, NaverOptionsSchema, type NaverOptions } from './options';
import { toSession, toSessionDetail, toViewerPoints, type MapContext } from './to-model';

export { NAVER_DEVICES, NAVER_INTERVAL_MS, NAVER_VIDEO_TYPES, NaverOptionsSchema, type NaverOptions } from './options';

export const naverVpeProvider: Provider<NaverOptions> = {
  kind: 'naver-vpe',
  label: NAVER_LABEL,
  defaultBaseUrl: NAVER_DEFAULT_BASE_URL,
  metric: {
    label: 'NAVER current viewers',
    unit: 'viewers',
    definition: 'Viewers counted by the VPE player in each minute (Media Analytics currentViewers)',
  },
  optionsSchema: NaverOptionsSchema,
  fields: NAVER_FIELDS,
  secretFields: ['apiKey', 'projectId'],
  accountSecret: 'projectId',
  // currentViewers counts finished minutes: the newest is one to two minutes old right after a poll.
  reportingDelayMs: 2 * 60_000,
  requestBudget: naverBudget,
  connect: connectNaver,
};

function connectNaver(source: ResolvedSource<NaverOptions>, deps: ProviderDeps): Connection {
  const { options } = source;
  const client = createNaverClient({
    http: deps.http,
    now: deps.now,
    baseUrl: source.baseUrl || NAVER_DEFAULT_BASE_URL,
    apiKey: source.secrets.apiKey ?? '',
    projectId: source.secrets.projectId ?? '',
  });
  const query: NaverQuery = { device: options.device, videoType: options.videoType, limit: options.sessionLimit };
  const context: MapContext = {
    sourceId: source.id,
    timeZone: options.timeZone,
    videoType: options.videoType === 'VOD' || options.videoType === 'LIVE' ? options.videoType : null,
  };
  const viewers = (signal?: AbortSignal) => pollViewers(client, query, context, signal);
  const sessions = (signal?: AbortSignal) => pollSessions(client, query, context, signal);

  return {
    endpoints: [
      { name: 'viewers', intervalMs: NAVER_INTERVAL_MS, poll: viewers },
      { name: 'sessions', intervalMs: NAVER_INTERVAL_MS, poll: sessions },
    ],
    async testConnection(signal) {
      const [seen, listed] = await Promise.all([viewers(signal), sessions(signal)]);
      if (!seen.ok) return seen;
      if (!listed.ok) return listed;
      const newest = seen.value.viewers?.at(-1);
      const now = newest
        ? `${newest.viewers} ${newest.viewers === 1 ? 'viewer' : 'viewers'} now`
        : 'no viewer counts in the last hour';
      const count = listed.value.sessions?.length ?? 0;
      return ok(`Connected: ${now}, ${count} recent ${count === 1 ? 'session' : 'sessions'}`);
    },
    sessionDetail: async (uuid, signal) => {
      const answer = await client.sessionDetail(uuid, signal);
      return answer.ok ? ok(toSessionDetail(uuid, answer.value.result, context)) : answer;
    },
  };
}

async function pollViewers(
  client: NaverClient,
  query: NaverQuery,
  context: MapContext,
  signal?: AbortSignal,
): Promise<Result<Sample, SourceError>> {
  const answer = await client.currentViewers(query, signal);
  if (!answer.ok) return answer;
  const { result, skipped } = answer.value;
  const none = nothingReadable('NAVER VPE', 'viewers', result.length, skipped);
  if (none) return err(none);
  return ok({ viewers: toViewerPoints(result, context.timeZone), notes: skipsNote('NAVER viewers', skipped) });
}

async function pollSessions(
  client: NaverClient,
  query: NaverQuery,
  context: MapContext,
  signal?: AbortSignal,
): Promise<Result<Sample, SourceError>> {
  const answer = await client.sessionRecent(query, signal);
  if (!answer.ok) return answer;
  const { result, skipped } = answer.value;
  const none = nothingReadable('NAVER VPE', 'sessions', result.length, skipped);
  if (none) return err(none);
  return ok({
    sessions: result.map((item) => toSession(item, context)),
    notes: skipsNote('NAVER sessions', skipped),
  });
}
