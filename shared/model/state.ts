import { z } from 'zod';
import { SourceErrorSchema } from './errors';
import { BreakdownSchema, RateLimitSchema, SessionSchema, ViewerPointSchema } from './samples';
import { ProviderKindSchema, ViewerMetricSchema } from './source';

/** A source's health is one of these, never a mix. */
export const HealthSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('unknown') }),
  z.object({ status: z.literal('ok') }),
  z.object({ status: z.literal('error'), error: SourceErrorSchema, since: z.number() }),
  z.object({ status: z.literal('paused'), reason: z.string(), until: z.number().nullable() }),
]);
export type Health = z.infer<typeof HealthSchema>;

export const SourceStateSchema = z.object({
  id: z.string(),
  name: z.string(),
  provider: ProviderKindSchema,
  providerLabel: z.string(),
  metric: ViewerMetricSchema,
  demo: z.boolean(),
  health: HealthSchema,
  /** Epoch ms of the last successful poll of any endpoint. */
  lastOkAt: z.number().nullable(),
  /** The viewers endpoint's interval: "stale" means older than twice this. */
  intervalMs: z.number(),
  /** How far behind a good poll the platform's newest reading normally is (NAVER: finished minutes). */
  reportingDelayMs: z.number().default(0),
  notes: z.array(z.string()),
  rateLimit: RateLimitSchema.nullable(),
});
export type SourceState = z.infer<typeof SourceStateSchema>;

/** A session as listed; its events are fetched on demand with `sessions:detail`. */
export const SessionRowSchema = SessionSchema.omit({ events: true }).extend({
  eventCount: z.number().nullable(),
});
export type SessionRow = z.infer<typeof SessionRowSchema>;

export const SeriesSchema = z.object({ sourceId: z.string(), points: z.array(ViewerPointSchema) });
export type Series = z.infer<typeof SeriesSchema>;

export const SnapshotSchema = z.object({
  seq: z.number().int(),
  generatedAt: z.number(),
  demo: z.boolean(),
  /** Every source failed with a network error at once: one notice, not one per source. */
  offline: z.boolean(),
  paused: z.boolean(),
  /** "history is not being saved: <reason>", while the history file cannot be written. */
  historyProblem: z.string().nullable().default(null),
  sources: z.array(SourceStateSchema),
  series: z.array(SeriesSchema),
  sessions: z.array(SessionRowSchema),
  breakdowns: z.array(z.object({ sourceId: z.string(), breakdown: BreakdownSchema })),
});
export type Snapshot = z.infer<typeof SnapshotSchema>;

export const PatchOpSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('source'), source: SourceStateSchema }),
  z.object({ op: z.literal('source-removed'), sourceId: z.string() }),
  /** Points to merge into a series by timestamp (new ones appended, same-time ones replaced). */
  z.object({ op: z.literal('points'), sourceId: z.string(), points: z.array(ViewerPointSchema) }),
  z.object({ op: z.literal('sessions'), sessions: z.array(SessionRowSchema) }),
  z.object({ op: z.literal('sessions-evicted'), keys: z.array(z.tuple([z.string(), z.string()])) }),
  z.object({ op: z.literal('breakdown'), sourceId: z.string(), breakdown: BreakdownSchema }),
  z.object({
    op: z.literal('flags'),
    demo: z.boolean(),
    offline: z.boolean(),
    paused: z.boolean(),
    historyProblem: z.string().nullable().default(null),
  }),
]);
export type PatchOp = z.infer<typeof PatchOpSchema>;

export const PatchSchema = z.object({ seq: z.number().int(), at: z.number(), ops: z.array(PatchOpSchema) });
export type Patch = z.infer<typeof PatchSchema>;
