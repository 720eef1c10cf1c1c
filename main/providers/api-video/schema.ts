import { z } from 'zod';

/**
 * Raw api.video payloads: untrusted input. The schemas accept the type drift
 * seen in practice (numbers sent as strings, booleans as "true"/"false",
 * dates with a bare "+00" offset) and strip every field we do not read, so a
 * new upstream field never breaks a poll. Only what the mapper needs is
 * required.
 */

const NUMERIC = /^-?\d+(\.\d+)?$/;

/** A number, or a string holding one. */
export const NumberLike = z.union([
  z.number(),
  z
    .string()
    .trim()
    .regex(NUMERIC, 'expected a number')
    .transform((text) => Number(text)),
]);

/** A boolean, or "true"/"false", or 0/1. */
export const BooleanLike = z.union([
  z.boolean(),
  z.enum(['true', 'false']).transform((text) => text === 'true'),
  z.union([z.literal(0), z.literal(1)]).transform((n) => n === 1),
]);

/**
 * Epoch ms of an ISO date-time. api.video's legacy analytics wrote offsets as
 * "+00" (no minutes), which Date.parse rejects, so that form is completed first.
 */
export function parseApiDate(text: string): number | null {
  const normalized = text
    .trim()
    .replace(' ', 'T')
    .replace(/([+-]\d\d)$/, '$1:00');
  const ms = Date.parse(normalized);
  return Number.isNaN(ms) ? null : ms;
}

export const DateMs = z.union([z.number(), z.string()]).transform((value, ctx) => {
  if (typeof value === 'number') return value;
  const ms = parseApiDate(value);
  if (ms === null) {
    ctx.addIssue({ code: 'custom', message: `not a date: "${value.slice(0, 40)}"` });
    return z.NEVER;
  }
  return ms;
});

const Text = z.union([z.string(), z.number().transform(String)]);

export const LinkSchema = z.object({ rel: z.string(), uri: z.string().nullish() });

export const PaginationSchema = z.object({
  currentPage: NumberLike.nullish(),
  currentPageItems: NumberLike.nullish(),
  pageSize: NumberLike.nullish(),
  pagesTotal: NumberLike.nullish(),
  itemsTotal: NumberLike.nullish(),
  links: z.array(LinkSchema).nullish(),
});
export type Pagination = z.infer<typeof PaginationSchema>;

function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item), pagination: PaginationSchema.nullish() });
}

/** One event of `GET /analytics/sessions/{sessionId}/events` (seed 001). Seeks carry from/to instead of at. */
export const RawEventSchema = z.object({
  type: Text,
  emittedAt: DateMs,
  at: NumberLike.nullish(),
  from: NumberLike.nullish(),
  to: NumberLike.nullish(),
});
export type RawEvent = z.infer<typeof RawEventSchema>;
export const EventsPageSchema = pageOf(RawEventSchema);

/** One player session of `GET /analytics/{live-streams|videos}/{id}` (legacy, removed from the spec in 2023). */
export const RawPlayerSessionSchema = z.object({
  session: z.object({
    sessionId: Text,
    loadedAt: DateMs.nullish(),
    endedAt: DateMs.nullish(),
  }),
  location: z.object({ country: Text.nullish(), city: Text.nullish() }).nullish(),
  referrer: z
    .object({ url: Text.nullish(), medium: Text.nullish(), source: Text.nullish(), searchTerm: Text.nullish() })
    .nullish(),
  device: z.object({ type: Text.nullish(), vendor: Text.nullish(), model: Text.nullish() }).nullish(),
  os: z.object({ name: Text.nullish(), shortname: Text.nullish(), version: Text.nullish() }).nullish(),
  client: z.object({ type: Text.nullish(), name: Text.nullish(), version: Text.nullish() }).nullish(),
});
export type RawPlayerSession = z.infer<typeof RawPlayerSessionSchema>;
export const PlayerSessionsPageSchema = pageOf(RawPlayerSessionSchema);

/** One item of `GET /live-streams`. The stream key is in the payload too; it is deliberately not read. */
export const RawLiveStreamSchema = z.object({
  liveStreamId: Text,
  name: Text.nullish(),
  broadcasting: BooleanLike.nullish(),
});
export type RawLiveStream = z.infer<typeof RawLiveStreamSchema>;
export const LiveStreamsPageSchema = pageOf(RawLiveStreamSchema);

/** `GET /data/metrics/{metric}/{aggregation}`: one number (null when there is no data yet). */
export const MetricSchema = z.object({ data: NumberLike.nullable() });

/** `GET /data/timeseries/{metric}`. */
export const TimeseriesPageSchema = pageOf(z.object({ emittedAt: DateMs, metricValue: NumberLike.nullable() }));
export type TimeseriesPoint = z.infer<typeof TimeseriesPageSchema>['data'][number];

/** `POST /auth/api-key` and `POST /auth/refresh`. */
export const TokenSchema = z.object({
  token_type: z.string().nullish(),
  expires_in: NumberLike,
  access_token: z.string().min(1),
  refresh_token: z.string().min(1),
});
export type Token = z.infer<typeof TokenSchema>;

/** api.video's problem body (RFC 7807 style); every field optional because error pages vary. */
export const ProblemSchema = z.object({
  type: z.string().nullish(),
  title: z.string().nullish(),
  status: NumberLike.nullish(),
  name: z.string().nullish(),
  detail: z.string().nullish(),
  problems: z
    .array(z.object({ title: z.string().nullish(), name: z.string().nullish(), detail: z.string().nullish() }))
    .nullish(),
});
export type Problem = z.infer<typeof ProblemSchema>;
