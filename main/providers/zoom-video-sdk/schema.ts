import { z } from 'zod';
import { received } from '../loose-values';
import { NO_SKIPS, tolerantList } from '../tolerant';

/**
 * Raw Zoom Video SDK payloads: the untrusted input. Tolerant on purpose: the
 * Video SDK API reference marks every field optional, so each may be missing,
 * null or of a neighbouring type, and comes out as null. Lists are tolerant
 * too: an item that cannot be shown is skipped and counted, not fatal.
 */

const text = z.string().nullish().catch(null);
/** Counts sometimes arrive as numeric strings. */
const count = z
  .unknown()
  .optional()
  .transform((value): number | null => {
    if (typeof value === 'number') return Number.isInteger(value) && value >= 0 ? value : null;
    return typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : null;
  });
const pageToken = z.string().nullish().catch(null);

export interface RawSession {
  /** Optional in the spec. Without it a session is kept only if its name or key and start tell it apart. */
  readonly id?: string | null;
  readonly session_name?: string | null;
  readonly start_time?: string | null;
  /** Absent while the session is live. */
  readonly end_time?: string | null;
  /** "30:00": minutes:seconds or hours:minutes? Zoom does not say, so it is only shown, never computed with. */
  readonly duration?: string | number | null;
  readonly user_count: number | null;
  readonly has_voip?: boolean | null;
  readonly has_video?: boolean | null;
  readonly has_screen_share?: boolean | null;
  readonly has_recording?: boolean | null;
  readonly has_pstn?: boolean | null;
  readonly session_key?: string | null;
}

/** The rules of `text` and `count` above, and the same for flags, as plain functions: absent stays absent, a wrong type is null. */
const textOf = (value: unknown) => (value === undefined || value === null || typeof value === 'string' ? value : null);
const flagOf = (value: unknown) => (value === undefined || value === null || typeof value === 'boolean' ? value : null);
function countOf(value: unknown): number | null {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 ? value : null;
  return typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : null;
}

/**
 * One listed session, its fields read in one transform with the fields
 * written out: a page holds up to 300, and a zod object of thirteen caught
 * fields each cost more than the JSON.parse before it. The rules are the
 * field schemas' above.
 */
export const RawSessionSchema = z.transform((value: unknown, ctx): RawSession => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    ctx.addIssue({ code: 'custom', message: `Invalid input: expected object, received ${received(value)}` });
    return z.NEVER;
  }
  const raw = value as Record<string, unknown>;
  const id = typeof raw.id === 'string' ? (raw.id === '' ? null : raw.id) : textOf(raw.id);
  const duration = typeof raw.duration === 'number' ? raw.duration : textOf(raw.duration);
  const session: RawSession = {
    id,
    session_name: textOf(raw.session_name),
    start_time: textOf(raw.start_time),
    end_time: textOf(raw.end_time),
    duration,
    user_count: countOf(raw.user_count),
    has_voip: flagOf(raw.has_voip),
    has_video: flagOf(raw.has_video),
    has_screen_share: flagOf(raw.has_screen_share),
    has_recording: flagOf(raw.has_recording),
    has_pstn: flagOf(raw.has_pstn),
    session_key: textOf(raw.session_key),
  };
  if (session.id || ((session.session_key || session.session_name) && session.start_time)) return session;
  ctx.addIssue({
    code: 'custom',
    message: 'no id, and no name or key with a start time to tell it apart',
    path: ['id'],
  });
  return z.NEVER;
});

export const SessionListSchema = z.object({
  from: text,
  to: text,
  page_size: count,
  next_page_token: pageToken,
  sessions: tolerantList('sessions', RawSessionSchema)
    .nullish()
    .transform((list) => list ?? { items: [], skips: NO_SKIPS }),
});
export type SessionList = z.infer<typeof SessionListSchema>;

export const RawUserSchema = z.object({
  id: text,
  name: text,
  device: text,
  location: text,
  network_type: text,
  data_center: text,
  connection_type: text,
  join_time: text,
  leave_time: text,
  user_key: text,
});
export type RawUser = z.infer<typeof RawUserSchema>;

export const UserListSchema = z.object({
  page_size: count,
  next_page_token: pageToken,
  users: tolerantList('users', RawUserSchema)
    .nullish()
    .transform((list) => list ?? { items: [], skips: NO_SKIPS }),
});

/** One QoS direction ("video_input", "audio_output", …): unit-bearing strings, parsed in qos.ts. */
const QosValuesSchema = z.record(z.string(), z.unknown()).nullish().catch(null);

export const RawQosSampleSchema = z.object({
  date_time: text,
  audio_input: QosValuesSchema,
  audio_output: QosValuesSchema,
  video_input: QosValuesSchema,
  video_output: QosValuesSchema,
  as_input: QosValuesSchema,
  as_output: QosValuesSchema,
});
export type RawQosSample = z.infer<typeof RawQosSampleSchema>;

export const RawQosUserSchema = RawUserSchema.extend({
  user_qos: z
    .array(RawQosSampleSchema)
    .nullish()
    .catch(null)
    .transform((list) => list ?? []),
});
export type RawQosUser = z.infer<typeof RawQosUserSchema>;

export const QosUserListSchema = z.object({
  page_size: count,
  next_page_token: pageToken,
  users: tolerantList('users', RawQosUserSchema)
    .nullish()
    .transform((list) => list ?? { items: [], skips: NO_SKIPS }),
});

/** Zoom's error body: `{code, message, errors?: [{field, message}]}`. */
export const ZoomErrorBodySchema = z.object({
  code: z.union([z.number(), z.string()]).nullish().catch(null),
  message: text,
  errors: z
    .array(z.object({ field: text, message: text }))
    .nullish()
    .catch(null),
});
export type ZoomErrorBody = z.infer<typeof ZoomErrorBodySchema>;
