import { z } from 'zod';
import { fastIsoUtc } from '../date-digits';
import { LooseNumber, numberIn, received } from '../loose-values';
import { tolerantList } from '../tolerant';

/**
 * Raw api.video payloads: untrusted input. The schemas accept the type drift
 * seen in practice (numbers sent as strings, booleans as "true"/"false",
 * dates with a bare "+00" offset) and strip every field we do not read, so a
 * new upstream field never breaks a poll. Only what the mapper needs is
 * required.
 */

/*
 * The loose primitives are bare `z.transform`s: one call per field, where a
 * union with a transform branch cost several times the JSON.parse of a page.
 * `.nullish()` on them lets null and absent through untouched.
 */

/** A number, or a string holding one. */
export const NumberLike = LooseNumber;

/** A boolean, or "true"/"false", or 0/1. */
export const BooleanLike = z.transform((value: unknown, ctx): boolean => {
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 1) return true;
  if (value === 'false' || value === 0) return false;
  ctx.addIssue({ code: 'custom', message: `expected true or false, received ${received(value)}` });
  return z.NEVER;
});

/** A complete ISO date-time with a "Z" or "±hh:mm" offset: Date.parse reads it as it is. */
const FULL_ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/;

/**
 * Epoch ms of an ISO date-time. api.video's legacy analytics wrote offsets as
 * "+00" (no minutes), which Date.parse rejects, so that form is completed first.
 */
export function parseApiDate(text: string): number | null {
  const fast = fastIsoUtc(text);
  if (fast !== null) return fast;
  // The spec's own timeseries example writes an hour point as "2024-05-29T07+00:00:00:00":
  // a date, the hour, then the offset followed by zeros. Read it as that hour.
  const hourly = /^(\d{4}-\d\d-\d\d)T(\d\d)([+-]\d\d:\d\d)(:00)*$/.exec(text);
  if (hourly) return Date.parse(`${hourly[1]}T${hourly[2]}:00:00${hourly[3]}`);
  const normalized = FULL_ISO.test(text)
    ? text
    : text
        .trim()
        .replace(' ', 'T')
        .replace(/([+-]\d\d)$/, '$1:00');
  const ms = Date.parse(normalized);
  return Number.isNaN(ms) ? null : ms;
}

export const DateMs = z.transform((value: unknown, ctx): number => {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  const ms = typeof value === 'string' ? parseApiDate(value) : null;
  if (ms !== null) return ms;
  ctx.addIssue({ code: 'custom', message: `not a date: ${saidOf(value)}` });
  return z.NEVER;
});

/** Text, or a number that is really an identifier. */
const Text = z.transform((value: unknown, ctx): string => {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  ctx.addIssue({ code: 'custom', message: `expected text, received ${received(value)}` });
  return z.NEVER;
});

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

/** A page: `data` must be a list; an unreadable item in it is skipped and counted, not fatal. */
function pageOf<T extends z.ZodType>(item: T) {
  return z
    .object({ data: tolerantList('data', item), pagination: PaginationSchema.nullish() })
    .transform(({ data, pagination }) => ({ data: data.items, skipped: data.skips, pagination }));
}

/** One event of `GET /analytics/sessions/{sessionId}/events` (legacy analytics API). Seeks carry from/to instead of at. */
export interface RawEvent {
  readonly type: string;
  readonly emittedAt: number;
  readonly at?: number | null;
  readonly from?: number | null;
  readonly to?: number | null;
}

/**
 * An event, its five fields read in one transform with the rules of `Text`,
 * `DateMs` and `NumberLike` above: a zod object of five field schemas per
 * event cost more than the JSON.parse of the page. Each problem is at its
 * field's path.
 */
export const RawEventSchema = z.transform((value: unknown, ctx): RawEvent => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    ctx.addIssue({ code: 'custom', message: `Invalid input: expected object, received ${received(value)}` });
    return z.NEVER;
  }
  const raw = value as Record<string, unknown>;
  const problems: [string, string][] = [];
  const type = typeof raw.type === 'string' ? raw.type : typeof raw.type === 'number' ? String(raw.type) : null;
  if (type === null) problems.push(['type', `expected text, received ${received(raw.type)}`]);
  const emittedAt = dateIn(raw.emittedAt);
  if (emittedAt === null) problems.push(['emittedAt', `not a date: ${saidOf(raw.emittedAt)}`]);
  const event: RawEvent = {
    type: type ?? '',
    emittedAt: emittedAt ?? 0,
    at: nullishNumber(raw.at, 'at', problems),
    from: nullishNumber(raw.from, 'from', problems),
    to: nullishNumber(raw.to, 'to', problems),
  };
  for (const [field, message] of problems) ctx.addIssue({ code: 'custom', message, path: [field] });
  return problems.length > 0 ? z.NEVER : event;
});

function dateIn(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  return typeof value === 'string' ? parseApiDate(value) : null;
}

const saidOf = (value: unknown) => (typeof value === 'string' ? `"${value.slice(0, 40)}"` : received(value));

function nullishNumber(value: unknown, field: string, problems: [string, string][]): number | null | undefined {
  if (value === null || value === undefined) return value;
  const number = numberIn(value);
  if (number === undefined) problems.push([field, `expected a number, received ${received(value)}`]);
  return number;
}

export const EventsPageSchema = pageOf(RawEventSchema);

/** One player session of `GET /analytics/{live-streams|videos}/{id}` (legacy, removed from the spec in 2023). */
export const RawPlayerSessionSchema = z.object({
  session: z
    .object({
      // Optional in the legacy spec: without it, the medium and load time still tell a session apart.
      sessionId: Text.nullish(),
      loadedAt: DateMs.nullish(),
      endedAt: DateMs.nullish(),
    })
    .refine((session) => session.sessionId != null || session.loadedAt != null, {
      message: 'no id, and no load time to tell it apart',
      path: ['sessionId'],
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

/** `GET /data/timeseries/{metric}`. The spec requires no field of a point; one without a date cannot be drawn. */
export const TimeseriesPageSchema = pageOf(z.object({ emittedAt: DateMs, metricValue: NumberLike.nullish() }));
export type TimeseriesPoint = z.infer<typeof TimeseriesPageSchema>['data'][number];

/** `POST /auth/api-key` and `POST /auth/refresh`. The spec marks every field optional; no access token, no use. */
export const TokenSchema = z.object({
  token_type: z.string().nullish(),
  expires_in: NumberLike.nullish(),
  access_token: z.string().min(1),
  refresh_token: z.string().min(1).nullish(),
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
