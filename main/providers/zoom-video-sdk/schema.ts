import { z } from 'zod';
import { NO_SKIPS, tolerantList } from '../tolerant';

/**
 * Raw Zoom Video SDK payloads: the untrusted input. Tolerant on purpose: the
 * Video SDK API reference marks every field optional, so each may be missing,
 * null or of a neighbouring type, and comes out as null. Lists are tolerant
 * too: an item that cannot be shown is skipped and counted, not fatal.
 */

const text = z.string().nullish().catch(null);
const flag = z.boolean().nullish().catch(null);
/** Counts sometimes arrive as numeric strings. */
const count = z
  .unknown()
  .optional()
  .transform((value): number | null => {
    if (typeof value === 'number') return Number.isInteger(value) && value >= 0 ? value : null;
    return typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : null;
  });
const pageToken = z.string().nullish().catch(null);

export const RawSessionSchema = z
  .object({
    /** Optional in the spec. Without it a session is kept only if its name or key and start tell it apart. */
    id: z.string().min(1).nullish().catch(null),
    session_name: text,
    start_time: text,
    /** Absent while the session is live. */
    end_time: text,
    /** "30:00": minutes:seconds or hours:minutes? Zoom does not say, so it is only shown, never computed with. */
    duration: z.union([z.string(), z.number()]).nullish().catch(null),
    user_count: count,
    has_voip: flag,
    has_video: flag,
    has_screen_share: flag,
    has_recording: flag,
    has_pstn: flag,
    session_key: text,
  })
  .refine((session) => Boolean(session.id || ((session.session_key || session.session_name) && session.start_time)), {
    message: 'no id, and no name or key with a start time to tell it apart',
    path: ['id'],
  });
export type RawSession = z.infer<typeof RawSessionSchema>;

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
