import { z } from 'zod';
import { sourceError, type SourceError } from '@shared/model/errors';
import type { Sample } from '@shared/model/samples';
import type { FieldSpec } from '@shared/model/source';
import { err, ok, type Result } from '@shared/result';
import type { Connection, Provider, ResolvedSource, ProviderDeps } from '../provider';
import { createNaverClient, NAVER_DEFAULT_BASE_URL, NAVER_LABEL, type NaverClient, type NaverQuery } from './client';
import { isValidTimeZone } from './log-date';
import { toSession, toSessionDetail, toViewerPoints, type MapContext } from './to-model';

export const NAVER_DEVICES = ['PC', 'Mobile', 'PC,Mobile'] as const;
export const NAVER_VIDEO_TYPES = ['VOD', 'LIVE', 'VOD,LIVE'] as const;
/** currentViewers is counted per minute and sessionRecent has no paging: polling faster buys nothing. */
export const NAVER_INTERVAL_MS = 60_000;

export const NaverOptionsSchema = z.object({
  device: z.enum(NAVER_DEVICES).default('PC,Mobile'),
  videoType: z.enum(NAVER_VIDEO_TYPES).default('VOD,LIVE'),
  timeZone: z
    .string()
    .trim()
    .refine(isValidTimeZone, 'not a known IANA time zone (e.g. "UTC" or "Asia/Seoul")')
    .default('UTC'),
  sessionLimit: z.coerce.number().int().min(1).max(100).default(100),
});
export type NaverOptions = z.infer<typeof NaverOptionsSchema>;

const fields: readonly FieldSpec[] = [
  {
    key: 'apiKey',
    label: 'API key',
    secret: true,
    kind: 'text',
    required: true,
    help: 'Media Analytics admin page › Settings › Basic settings.',
  },
  {
    key: 'projectId',
    label: 'Company ID (x-project-id)',
    secret: true,
    kind: 'text',
    required: true,
    help: 'Shown beside the API key in Basic settings.',
  },
  {
    key: 'device',
    label: 'Device',
    secret: false,
    kind: 'select',
    choices: [...NAVER_DEVICES],
    defaultValue: 'PC,Mobile',
    required: false,
  },
  {
    key: 'videoType',
    label: 'Video type',
    secret: false,
    kind: 'select',
    choices: [...NAVER_VIDEO_TYPES],
    defaultValue: 'VOD,LIVE',
    required: false,
  },
  {
    key: 'timeZone',
    label: 'Time zone of NAVER dates',
    secret: false,
    kind: 'text',
    defaultValue: 'UTC',
    required: false,
    help: 'IANA name such as Asia/Seoul, if the admin page shows times in another zone than UTC.',
  },
  {
    key: 'sessionLimit',
    label: 'Recent sessions to fetch',
    secret: false,
    kind: 'number',
    defaultValue: 100,
    required: false,
    help: '1 to 100.',
  },
];

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
  fields,
  secretFields: ['apiKey', 'projectId'],
  connect: connectNaver,
};

function connectNaver(source: ResolvedSource<NaverOptions>, deps: ProviderDeps): Connection {
  const { options } = source;
  const missing = naverMissingSecrets(source.secrets);
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
  const guard = <T>(run: () => Promise<Result<T, SourceError>>) => (missing ? Promise.resolve(err(missing)) : run());

  const viewers = (signal?: AbortSignal) => guard(() => pollViewers(client, query, context, signal));
  const sessions = (signal?: AbortSignal) => guard(() => pollSessions(client, query, context, signal));

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
    sessionDetail: (uuid, signal) =>
      guard(async () => {
        const answer = await client.sessionDetail(uuid, signal);
        return answer.ok ? ok(toSessionDetail(uuid, answer.value.result, context)) : answer;
      }),
  };
}

async function pollViewers(
  client: NaverClient,
  query: NaverQuery,
  context: MapContext,
  signal?: AbortSignal,
): Promise<Result<Sample, SourceError>> {
  const answer = await client.currentViewers(query, signal);
  return answer.ok ? ok({ viewers: toViewerPoints(answer.value.result, context.timeZone) }) : answer;
}

async function pollSessions(
  client: NaverClient,
  query: NaverQuery,
  context: MapContext,
  signal?: AbortSignal,
): Promise<Result<Sample, SourceError>> {
  const answer = await client.sessionRecent(query, signal);
  return answer.ok ? ok({ sessions: answer.value.result.map((item) => toSession(item, context)) }) : answer;
}

function naverMissingSecrets(secrets: Readonly<Record<string, string>>): SourceError | null {
  const names = [
    ['apiKey', 'API key'],
    ['projectId', 'Company ID'],
  ]
    .filter(([key]) => !secrets[key!]?.trim())
    .map(([, label]) => label);
  return names.length > 0
    ? sourceError(
        'config',
        `${NAVER_LABEL} · the ${names.join(' and the ')} ${names.length > 1 ? 'are' : 'is'} missing.`,
      )
    : null;
}
