import { z } from 'zod';
import { SessionRowSchema } from './state';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * How stored viewer readings are kept: every reading as it came (`raw`), and
 * rolled up into five-minute and hourly buckets (min, average, max, count) as
 * readings arrive, so a 90-day chart reads 2,160 rows per source, not 1.3 million.
 */
export const TIERS = { raw: 0, fiveMinutes: 5 * MINUTE, hourly: HOUR } as const;
export type TierMs = (typeof TIERS)[keyof typeof TIERS];

/**
 * The tier a range is read from: the finest one that keeps a line at about a
 * point per pixel or fewer on a wide chart (a 7-day chart at five minutes is
 * 2,016 points; at raw ten-second readings it would be 60,480).
 */
export function tierFor(rangeMs: number): TierMs {
  if (rangeMs <= 6 * HOUR) return TIERS.raw;
  if (rangeMs <= 7 * DAY) return TIERS.fiveMinutes;
  return TIERS.hourly;
}

/** The longest range the chart offers; a custom range is held to it. */
export const MAX_RANGE_MS = 90 * DAY;

export const RetentionSchema = z.object({
  rawDays: z.number().int().min(1).max(90),
  fiveMinuteDays: z.number().int().min(1).max(730),
  hourlyDays: z.number().int().min(1).max(3650),
  sessionDays: z.number().int().min(1).max(365),
});
export type Retention = z.infer<typeof RetentionSchema>;

export const DEFAULT_RETENTION: Retention = { rawDays: 7, fiveMinuteDays: 90, hourlyDays: 730, sessionDays: 30 };

/** A stored reading or bucket. For raw readings min, avg and max are the reading itself. */
export const StoredPointSchema = z.object({
  at: z.number(),
  viewers: z.number(),
  min: z.number(),
  max: z.number(),
});
export type StoredPoint = z.infer<typeof StoredPointSchema>;

export const SeriesRequestSchema = z
  .object({
    sourceIds: z.array(z.string().min(1)).max(100),
    from: z.number().int(),
    to: z.number().int(),
    /** Read the range this much earlier and move it forward by as much (the "yesterday" and "last week" lines). */
    offsetMs: z.number().int().min(0).max(MAX_RANGE_MS).default(0),
  })
  .refine((r) => r.to > r.from, { message: 'the range ends before it starts', path: ['to'] })
  .refine((r) => r.to - r.from <= MAX_RANGE_MS, { message: 'a range is at most 90 days', path: ['to'] });
export type SeriesRequest = z.input<typeof SeriesRequestSchema>;

export const SeriesAnswerSchema = z.object({
  /** The bucket length the points stand for; 0 for raw readings. */
  tierMs: z.number(),
  series: z.array(z.object({ sourceId: z.string(), points: z.array(StoredPointSchema) })),
});
export type SeriesAnswer = z.infer<typeof SeriesAnswerSchema>;

export const SessionsPageRequestSchema = z
  .object({
    from: z.number().int(),
    to: z.number().int(),
    sourceId: z.string().min(1).nullable().default(null),
    failedOnly: z.boolean().default(false),
    /** Matched against id, title, viewer, device, OS and country, case-insensitively. */
    search: z.string().max(200).default(''),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .refine((r) => r.to > r.from, { message: 'the period ends before it starts', path: ['to'] });
export type SessionsPageRequest = z.input<typeof SessionsPageRequestSchema>;

export const SessionsPageSchema = z.object({ total: z.number().int(), rows: z.array(SessionRowSchema) });
export type SessionsPage = z.infer<typeof SessionsPageSchema>;

/** Whether history is being kept, and if not, the sentence that says why. */
export const HistoryStatusSchema = z.object({
  /** `memory`: this run keeps no history on purpose (headless --config or --demo alone). */
  mode: z.enum(['saving', 'memory', 'failed']),
  file: z.string().nullable(),
  sizeBytes: z.number().nullable(),
  /** Set when mode is `failed`: "history is not being saved: <reason>". */
  problem: z.string().nullable(),
  /** Set once, after a start that had to move a damaged file aside. */
  notice: z.string().nullable(),
  retention: RetentionSchema,
  /** Epoch ms of the oldest stored reading, per source (how far back a baseline can look). */
  oldestReading: z.record(z.string(), z.number()),
});
export type HistoryStatus = z.infer<typeof HistoryStatusSchema>;

export const DeleteHistoryRequestSchema = z.object({ sourceId: z.string().min(1).nullable() });
