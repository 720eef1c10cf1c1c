import { z } from 'zod';

/**
 * Raw Conviva payloads: the untrusted input. Conviva is known to send flags as
 * strings ("false") and numbers as strings, so the primitives below accept
 * both; unknown fields are stripped (zod's default) and never fail a poll.
 */

/*
 * The loose primitives are bare `z.transform`s: one call per field, no pipe,
 * no union. A 1,500-session page runs ~40,000 of them, and the
 * `z.unknown().optional().transform()` form cost four times as much. A missing
 * key reaches the transform as undefined and is read as null.
 */

const NUMBER_TEXT = /^\s*-?\d+(\.\d+)?([eE][-+]?\d+)?\s*$/;

/** The number in a number or numeric string; undefined when it is neither. */
function numberOf(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && NUMBER_TEXT.test(value)) return Number(value);
  return undefined;
}

/** A number, a numeric string, or nothing (absent, null, ""). Anything else is a schema error. */
export const looseNumber = z.transform((value: unknown, ctx): number | null => {
  if (value === undefined || value === null || value === '') return null;
  const number = numberOf(value);
  if (number !== undefined) return number;
  ctx.addIssue({ code: 'custom', message: `expected a number, got ${preview(value)}` });
  return z.NEVER;
});

const TRUE_WORDS = new Set(['true', '1', 'yes', 'y', 't']);
const FALSE_WORDS = new Set(['false', '0', 'no', 'n', 'f']);

/** true/false, "true"/"false" (any case), 1/0, or nothing. */
export const looseBoolean = z.transform((value: unknown, ctx): boolean | null => {
  if (typeof value === 'boolean') return value;
  if (value === undefined || value === null || value === '') return null;
  if (value === 1 || value === 0) return value === 1;
  if (typeof value === 'string') {
    const word = value.trim().toLowerCase();
    if (TRUE_WORDS.has(word)) return true;
    if (FALSE_WORDS.has(word)) return false;
  }
  ctx.addIssue({ code: 'custom', message: `expected true or false, got ${preview(value)}` });
  return z.NEVER;
});

function textOf(value: unknown): string | null | undefined {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** Text, or a number that is really an identifier; nothing becomes null. */
export const looseText = z.transform((value: unknown, ctx): string | null => {
  const text = textOf(value);
  if (text !== undefined) return text;
  ctx.addIssue({ code: 'custom', message: `expected text, got ${preview(value)}` });
  return z.NEVER;
});

const ISO_DATE_TIME = /^\s*\d{4}-\d\d-\d\dT/;

/** Epoch seconds or ms (units.ts tells them apart), as numbers or strings, or an ISO date-time. */
export const looseTimestamp = z.transform((value: unknown, ctx): number | null => {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'string' && ISO_DATE_TIME.test(value)) {
    const parsed = Date.parse(value);
    if (!Number.isNaN(parsed)) return parsed;
  }
  const number = numberOf(value);
  if (number !== undefined) return number;
  ctx.addIssue({ code: 'custom', message: `expected a timestamp, got ${preview(value)}` });
  return z.NEVER;
});

function preview(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 30 ? `${text.slice(0, 29)}…` : text;
}

// ---------------------------------------------------------------- real-time (documented)

const CountSchema = z.union([z.object({ count: looseNumber }), looseNumber.transform((count) => ({ count }))]);

export const DimensionalRowSchema = z.object({
  dimension: z.object({ key: looseText, value: looseText }),
  metrics: z.object({ concurrent_plays: CountSchema.optional() }).default({}),
});

export const TimePointSchema = z.object({
  timestamp: z.object({ epoch_ms: looseTimestamp, iso_date: z.string().optional() }),
  concurrent_plays: CountSchema.optional(),
  dimensional_data: z.array(DimensionalRowSchema).optional(),
});

/** `GET /real-time-metrics/concurrent-plays[/group-by/<dimension>]`: keys are snake_case. */
export const ConcurrentPlaysBodySchema = z.object({
  time_series: z
    .array(TimePointSchema)
    .nullable()
    .transform((points) => points ?? []),
});
export type ConcurrentPlaysBody = z.infer<typeof ConcurrentPlaysBodySchema>;

// ---------------------------------------------------------------- sessions (ASSUMED)

/**
 * ASSUMED SHAPE of one item of `GET /sessions/content`. Conviva does not
 * publish the body; this is providers.md's best knowledge (ids, start/end,
 * device and asset dimensions, QoE metrics, failure flags) with snake_case
 * names like the real-time API. Whether the fields arrive flat or grouped in
 * sections (`device_info`, `metrics`, …) is unknown, so `flattenSession`
 * lifts one level of sections first. Units are decided in units.ts. When a
 * real answer is seen, this object (and units.ts) is all that should change.
 */
export const RawSessionSchema = z.object({
  session_id: z.transform((value: unknown, ctx): string => {
    const id = textOf(value);
    if (typeof id === 'string') return id;
    const message = id === null ? 'a session needs an id' : `expected text, got ${preview(value)}`;
    ctx.addIssue({ code: 'custom', message });
    return z.NEVER;
  }),
  client_id: looseText,
  viewer_id: looseText,
  start_time: looseTimestamp,
  end_time: looseTimestamp,
  asset_name: looseText,
  is_live: looseBoolean,
  device_os: looseText,
  device_os_version: looseText,
  device_hardware_type: looseText,
  device_model: looseText,
  browser_name: looseText,
  cdn: looseText,
  country: looseText,
  video_start_time: looseNumber,
  playing_time: looseNumber,
  rebuffering_time: looseNumber,
  rebuffering_ratio: looseNumber,
  average_bitrate: looseNumber,
  is_video_start_failure: looseBoolean,
  is_video_start_failure_business: looseBoolean,
  is_video_start_failure_tech: looseBoolean,
  is_video_playback_failure: looseBoolean,
  is_video_playback_failure_business: looseBoolean,
  is_video_playback_failure_tech: looseBoolean,
  is_exit_before_video_start: looseBoolean,
});
export type RawSession = z.infer<typeof RawSessionSchema>;

/**
 * Lifts the fields of nested sections to the top (the top level wins, then
 * the first section). Tag maps are left alone: a custom tag named "cdn" must
 * not pass for the CDN.
 */
export function flattenSession(value: unknown): unknown {
  if (!isPlainObject(value)) return value;
  // This runs once per session of a 1,500-session page: a flat session (no sections) is passed on as it is,
  // and a sectioned one is copied key by key (no spreads, no entry arrays).
  if (!hasSection(value)) return value;
  const flat: Record<string, unknown> = {};
  for (const key in value) flat[key] = value[key];
  for (const key in value) {
    const inner = value[key];
    if (!isPlainObject(inner) || TAG_SECTION.test(key)) continue;
    for (const innerKey in inner) {
      if (!Object.hasOwn(flat, innerKey)) flat[innerKey] = inner[innerKey];
    }
  }
  return flat;
}

const TAG_SECTION = /tags?$/i;

function hasSection(value: Record<string, unknown>): boolean {
  for (const key in value) if (isPlainObject(value[key]) && !TAG_SECTION.test(key)) return true;
  return false;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * ASSUMED envelope: `{ "sessions": [...] }`; a bare array or `{ "data": [...] }`
 * is accepted too, and `{}` is read as no sessions.
 */
export const SessionsBodySchema = z.preprocess(
  (value) => {
    if (Array.isArray(value)) return { sessions: value };
    if (isPlainObject(value) && !('sessions' in value)) {
      if (Array.isArray(value.data)) return { sessions: value.data };
      if (Object.keys(value).length === 0) return { sessions: [] };
    }
    return value;
  },
  z.object({
    sessions: z
      .array(z.preprocess(flattenSession, RawSessionSchema))
      .nullable()
      .transform((sessions) => sessions ?? []),
  }),
);
export type SessionsBody = z.infer<typeof SessionsBodySchema>;
