import { z } from 'zod';
import { numberIn } from '../loose-values';
import { NO_SKIPS, tolerantList } from '../tolerant';

/**
 * Raw Conviva payloads: the untrusted input. Conviva is known to send flags as
 * strings ("false") and numbers as strings, so the primitives below accept
 * both; unknown fields are stripped (zod's default) and never fail a poll.
 */

/*
 * Each loose primitive is a plain reader: it returns the value, or records a
 * problem (with the field's name) and returns null. Wrapped as a bare
 * `z.transform` they read the small real-time bodies field by field; a
 * session page reads all 26 fields of a session in one transform with the
 * fields written out (see RawSessionSchema): 1,500 sessions made 39,000 zod
 * transform calls, which cost more than the JSON.parse before them. A missing
 * key is read as null.
 */

interface Problem {
  readonly field: string;
  readonly message: string;
}

type Reader<T> = (value: unknown, field: string, problems: Problem[]) => T | null;

/** The reader as a zod schema, for bodies read with z.object. */
function asSchema<T>(read: Reader<T>) {
  return z.transform((value: unknown, ctx): T | null => {
    const problems: Problem[] = [];
    const result = read(value, '', problems);
    if (problems.length === 0) return result;
    ctx.addIssue({ code: 'custom', message: problems[0]!.message });
    return z.NEVER;
  });
}

function problem(problems: Problem[], field: string, message: string): null {
  problems.push({ field, message });
  return null;
}

const numberOf = numberIn;

/** A number, a numeric string, or nothing (absent, null, ""). Anything else is a schema error. */
const readNumber: Reader<number> = (value, field, problems) => {
  if (value === undefined || value === null || value === '') return null;
  return numberOf(value) ?? problem(problems, field, `expected a number, got ${preview(value)}`);
};
export const looseNumber = asSchema(readNumber);

const TRUE_WORDS = new Set(['true', '1', 'yes', 'y', 't']);
const FALSE_WORDS = new Set(['false', '0', 'no', 'n', 'f']);

/** true/false, "true"/"false" (any case), 1/0, or nothing. */
const readBoolean: Reader<boolean> = (value, field, problems) => {
  if (typeof value === 'boolean') return value;
  if (value === undefined || value === null || value === '') return null;
  if (value === 1 || value === 0) return value === 1;
  if (typeof value === 'string') {
    const word = value.trim().toLowerCase();
    if (TRUE_WORDS.has(word)) return true;
    if (FALSE_WORDS.has(word)) return false;
  }
  return problem(problems, field, `expected true or false, got ${preview(value)}`);
};
export const looseBoolean = asSchema(readBoolean);

function textOf(value: unknown): string | null | undefined {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** Text, or a number that is really an identifier; nothing becomes null. */
const readText: Reader<string> = (value, field, problems) => {
  const text = textOf(value);
  return text !== undefined ? text : problem(problems, field, `expected text, got ${preview(value)}`);
};
export const looseText = asSchema(readText);

const ISO_DATE_TIME = /^\s*\d{4}-\d\d-\d\dT/;

/** Epoch seconds or ms (units.ts tells them apart), as numbers or strings, or an ISO date-time. */
const readTimestamp: Reader<number> = (value, field, problems) => {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'string' && ISO_DATE_TIME.test(value)) {
    const parsed = Date.parse(value);
    if (!Number.isNaN(parsed)) return parsed;
  }
  return numberOf(value) ?? problem(problems, field, `expected a timestamp, got ${preview(value)}`);
};
export const looseTimestamp = asSchema(readTimestamp);

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
export const ConcurrentPlaysBodySchema = z
  .object({ time_series: tolerantList('time_series', TimePointSchema).nullable() })
  // An unreadable point is left out and counted; `time_series` that is not a list stays an error.
  .transform(({ time_series }) => ({
    time_series: time_series?.items ?? [],
    skipped: time_series?.skips ?? NO_SKIPS,
  }));
export type ConcurrentPlaysBody = z.infer<typeof ConcurrentPlaysBodySchema>;

// ---------------------------------------------------------------- sessions (ASSUMED)

/**
 * ASSUMED SHAPE of one item of `GET /sessions/content`. Conviva does not
 * publish the body; this is our best knowledge (docs/platforms.md) (ids, start/end,
 * device and asset dimensions, QoE metrics, failure flags) with snake_case
 * names like the real-time API. Whether the fields arrive flat or grouped in
 * sections (`device_info`, `metrics`, …) is unknown, so a field is also
 * looked for one level down (`pick`). Units are decided in units.ts. When a
 * real answer is seen, this interface and RawSessionSchema below (and units.ts)
 * are all that should change.
 */
export interface RawSession {
  readonly session_id: string;
  readonly client_id: string | null;
  readonly viewer_id: string | null;
  readonly start_time: number | null;
  readonly end_time: number | null;
  readonly asset_name: string | null;
  readonly is_live: boolean | null;
  readonly device_os: string | null;
  readonly device_os_version: string | null;
  readonly device_hardware_type: string | null;
  readonly device_model: string | null;
  readonly browser_name: string | null;
  readonly cdn: string | null;
  readonly country: string | null;
  readonly video_start_time: number | null;
  readonly playing_time: number | null;
  readonly rebuffering_time: number | null;
  readonly rebuffering_ratio: number | null;
  readonly average_bitrate: number | null;
  readonly is_video_start_failure: boolean | null;
  readonly is_video_start_failure_business: boolean | null;
  readonly is_video_start_failure_tech: boolean | null;
  readonly is_video_playback_failure: boolean | null;
  readonly is_video_playback_failure_business: boolean | null;
  readonly is_video_playback_failure_tech: boolean | null;
  readonly is_exit_before_video_start: boolean | null;
}

/** The session id: text (or a number), and never missing. */
function readSessionId(value: unknown, problems: Problem[]): string {
  const id = textOf(value);
  if (typeof id === 'string') return id;
  problem(problems, 'session_id', id === null ? 'a session needs an id' : `expected text, got ${preview(value)}`);
  return '';
}

/**
 * One session, every field read with the fields written out (plain property
 * reads the engine can optimise), each problem reported at its field's path;
 * other fields are dropped.
 */
export const RawSessionSchema = z.transform((value: unknown, ctx): RawSession => {
  if (!isPlainObject(value)) {
    ctx.addIssue({ code: 'custom', message: `expected a session object, got ${preview(value)}` });
    return z.NEVER;
  }
  const problems: Problem[] = [];
  const sections = sectionsOf(value);
  const session: RawSession = {
    session_id: readSessionId(pick(value, sections, 'session_id'), problems),
    client_id: readText(pick(value, sections, 'client_id'), 'client_id', problems),
    viewer_id: readText(pick(value, sections, 'viewer_id'), 'viewer_id', problems),
    start_time: readTimestamp(pick(value, sections, 'start_time'), 'start_time', problems),
    end_time: readTimestamp(pick(value, sections, 'end_time'), 'end_time', problems),
    asset_name: readText(pick(value, sections, 'asset_name'), 'asset_name', problems),
    is_live: readBoolean(pick(value, sections, 'is_live'), 'is_live', problems),
    device_os: readText(pick(value, sections, 'device_os'), 'device_os', problems),
    device_os_version: readText(pick(value, sections, 'device_os_version'), 'device_os_version', problems),
    device_hardware_type: readText(pick(value, sections, 'device_hardware_type'), 'device_hardware_type', problems),
    device_model: readText(pick(value, sections, 'device_model'), 'device_model', problems),
    browser_name: readText(pick(value, sections, 'browser_name'), 'browser_name', problems),
    cdn: readText(pick(value, sections, 'cdn'), 'cdn', problems),
    country: readText(pick(value, sections, 'country'), 'country', problems),
    video_start_time: readNumber(pick(value, sections, 'video_start_time'), 'video_start_time', problems),
    playing_time: readNumber(pick(value, sections, 'playing_time'), 'playing_time', problems),
    rebuffering_time: readNumber(pick(value, sections, 'rebuffering_time'), 'rebuffering_time', problems),
    rebuffering_ratio: readNumber(pick(value, sections, 'rebuffering_ratio'), 'rebuffering_ratio', problems),
    average_bitrate: readNumber(pick(value, sections, 'average_bitrate'), 'average_bitrate', problems),
    is_video_start_failure: readBoolean(
      pick(value, sections, 'is_video_start_failure'),
      'is_video_start_failure',
      problems,
    ),
    is_video_start_failure_business: readBoolean(
      pick(value, sections, 'is_video_start_failure_business'),
      'is_video_start_failure_business',
      problems,
    ),
    is_video_start_failure_tech: readBoolean(
      pick(value, sections, 'is_video_start_failure_tech'),
      'is_video_start_failure_tech',
      problems,
    ),
    is_video_playback_failure: readBoolean(
      pick(value, sections, 'is_video_playback_failure'),
      'is_video_playback_failure',
      problems,
    ),
    is_video_playback_failure_business: readBoolean(
      pick(value, sections, 'is_video_playback_failure_business'),
      'is_video_playback_failure_business',
      problems,
    ),
    is_video_playback_failure_tech: readBoolean(
      pick(value, sections, 'is_video_playback_failure_tech'),
      'is_video_playback_failure_tech',
      problems,
    ),
    is_exit_before_video_start: readBoolean(
      pick(value, sections, 'is_exit_before_video_start'),
      'is_exit_before_video_start',
      problems,
    ),
  };
  for (const { field, message } of problems) ctx.addIssue({ code: 'custom', message, path: [field] });
  return problems.length > 0 ? z.NEVER : session;
});

/**
 * A session's fields may come grouped in sections: a field is read from the
 * top level first, then from the first section that has it. Tag maps are not
 * sections: a custom tag named "cdn" must not pass for the CDN. Fields are
 * picked where they are rather than copied into a flat object, which cost a
 * quarter of reading a 1,500-session page.
 */
function sectionsOf(session: Record<string, unknown>): Record<string, unknown>[] {
  const sections: Record<string, unknown>[] = [];
  for (const key in session) {
    const inner = session[key];
    if (isPlainObject(inner) && !TAG_SECTION.test(key)) sections.push(inner);
  }
  return sections;
}

function pick(session: Record<string, unknown>, sections: Record<string, unknown>[], field: string): unknown {
  if (Object.hasOwn(session, field)) return session[field];
  for (const section of sections) if (Object.hasOwn(section, field)) return section[field];
  return undefined;
}

const TAG_SECTION = /tags?$/i;

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
  z
    .object({ sessions: tolerantList('sessions', RawSessionSchema).nullable() })
    // An unreadable session is left out and counted; `sessions` that is not a list stays an error.
    .transform(({ sessions }) => ({ sessions: sessions?.items ?? [], skipped: sessions?.skips ?? NO_SKIPS })),
);
export type SessionsBody = z.infer<typeof SessionsBodySchema>;
