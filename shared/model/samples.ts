import { z } from 'zod';

/** One point of a viewer series. `at` is epoch milliseconds (UTC). */
export const ViewerPointSchema = z.object({ at: z.number(), viewers: z.number() });
export type ViewerPoint = z.infer<typeof ViewerPointSchema>;

/**
 * Event types normalized across platforms; `rawType` on each event keeps the
 * platform's own word so nothing is lost when a platform adds a new one.
 */
export const EventTypeSchema = z.enum([
  'ready',
  'startup',
  'play',
  'playing',
  'pause',
  'resume',
  'seek',
  'rebuffering',
  'track-change',
  'end',
  'error',
  'join',
  'leave',
  'unknown',
]);
export type EventType = z.infer<typeof EventTypeSchema>;

export const SessionEventSchema = z.object({
  at: z.number(),
  type: EventTypeSchema,
  rawType: z.string(),
  /** How long the action took, when the platform says. */
  durationMs: z.number().nullable().default(null),
  /** Position in the media, seconds. */
  positionS: z.number().nullable().default(null),
  /** Seeks: where from and where to, seconds. */
  fromS: z.number().nullable().default(null),
  toS: z.number().nullable().default(null),
  /** Who or what the event concerns, e.g. a Zoom participant's name. */
  subject: z.string().nullable().default(null),
  /** Extra facts worth showing (QoS, network type), already formatted. */
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).default({}),
});
export type SessionEvent = z.infer<typeof SessionEventSchema>;

export const FailureSchema = z.object({
  kind: z.string(),
  label: z.string(),
});

/** A playback session (or a Zoom Video SDK session), normalized. Unknown values are null. */
export const SessionSchema = z.object({
  sourceId: z.string(),
  id: z.string(),
  startedAt: z.number().nullable(),
  endedAt: z.number().nullable(),
  device: z.string().nullable(),
  os: z.string().nullable(),
  videoType: z.string().nullable().default(null),
  /** Null where the platform says nothing about failure (api.video, Zoom). */
  failed: z.boolean().nullable(),
  /** Which failures, kept apart (Conviva's start / playback / exit-before-start, NAVER error codes). */
  failures: z.array(FailureSchema).default([]),
  startupTimeMs: z.number().nullable(),
  rebufferingMs: z.number().nullable(),
  playingMs: z.number().nullable(),
  viewerId: z.string().nullable().default(null),
  title: z.string().nullable().default(null),
  country: z.string().nullable().default(null),
  /** Zoom: participants; others: null. */
  participants: z.number().nullable().default(null),
  /** Platform-specific facts shown in the detail view. */
  attributes: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).default({}),
  /** Null when the platform does not give events with the session list. */
  events: z.array(SessionEventSchema).nullable(),
});
export type Session = z.infer<typeof SessionSchema>;

export const BreakdownSchema = z.object({
  dimension: z.string(),
  at: z.number(),
  rows: z.array(z.object({ value: z.string(), count: z.number() })),
});
export type Breakdown = z.infer<typeof BreakdownSchema>;

export const RateLimitSchema = z.object({
  limit: z.number().nullable(),
  remaining: z.number().nullable(),
  /** Epoch ms when the window resets, if known. */
  resetAt: z.number().nullable(),
});
export type RateLimit = z.infer<typeof RateLimitSchema>;

/** What one poll of one endpoint produced. Every part is optional. */
export interface Sample {
  /** Points of the viewer series; the hub merges them by timestamp. */
  readonly viewers?: readonly ViewerPoint[];
  readonly sessions?: readonly Session[];
  readonly breakdowns?: readonly Breakdown[];
  /** Things the user should know that are not errors ("session data not available for this account"). */
  readonly notes?: readonly string[];
  readonly rateLimit?: RateLimit;
}
