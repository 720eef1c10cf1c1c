import { z } from 'zod';
import { ruleLevelsProblem } from './rule-levels';

export const RuleIdSchema = z.enum([
  'source-failing',
  'auth-failing',
  'stale-data',
  'session-failure-rate',
  'viewer-drop',
  'viewers-zero',
  'viewers-below-usual',
  'rebuffering-share',
  'startup-time',
  'rate-limited',
]);
export type RuleId = z.infer<typeof RuleIdSchema>;

export const SeveritySchema = z.enum(['warning', 'critical']);
export type Severity = z.infer<typeof SeveritySchema>;

/**
 * One rule's settings. `threshold` fires, `recovery` resolves (a separate
 * level so an incident does not flap around one number); `windowMinutes` is
 * the look-back; `pendingSeconds` how long the condition must hold first.
 */
export const RuleConfigSchema = z.object({
  enabled: z.boolean(),
  severity: SeveritySchema,
  threshold: z.number(),
  recovery: z.number(),
  windowMinutes: z.number().positive(),
  pendingSeconds: z.number().nonnegative(),
  /** Session-based rules: fewer sessions than this in the window never fire. */
  minSessions: z.number().int().nonnegative(),
  /** Sources this rule is switched off for. */
  disabledSources: z.array(z.string()),
});
export type RuleConfig = z.infer<typeof RuleConfigSchema>;

/** The rule schema main and the renderer both check a rule's whole settings against. */
export function ruleConfigSchemaFor(ruleId: RuleId) {
  return RuleConfigSchema.superRefine((config, ctx) => {
    const problem = ruleLevelsProblem(ruleId, config);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, path: ['recovery'] });
  });
}
export type Rules = Readonly<Record<RuleId, RuleConfig>>;

export const IncidentSchema = z.object({
  id: z.string(),
  key: z.string(),
  ruleId: RuleIdSchema,
  sourceId: z.string(),
  sourceName: z.string(),
  severity: SeveritySchema,
  state: z.enum(['firing', 'resolved']),
  startedAt: z.number(),
  endedAt: z.number().nullable(),
  /** The numbers that fired it, e.g. { failed: 17, total: 50, share: 0.34 }. */
  values: z.record(z.string(), z.number()),
  message: z.string(),
  acknowledged: z.boolean(),
  snoozedUntil: z.number().nullable(),
});
export type Incident = z.infer<typeof IncidentSchema>;

/** A condition over its threshold that has not yet held for its rule's pending time. */
export const PendingConditionSchema = z.object({
  key: z.string(),
  ruleId: RuleIdSchema,
  sourceId: z.string(),
  sourceName: z.string(),
  severity: SeveritySchema,
  message: z.string(),
  since: z.number(),
  /** When it becomes an incident if it still holds. */
  firesAt: z.number(),
});
export type PendingCondition = z.infer<typeof PendingConditionSchema>;

export const AlertsViewSchema = z.object({
  firing: z.array(IncidentSchema),
  /** Conditions on their way to firing: the header shows them instead of "No alerts". */
  pending: z.array(PendingConditionSchema).default([]),
  /** Silenced by acknowledgement or snooze. */
  silenced: z.number().int(),
  snoozeAllUntil: z.number().nullable(),
  level: z.enum(['ok', 'warning', 'critical', 'unknown']),
  summary: z.string(),
});
export type AlertsView = z.infer<typeof AlertsViewSchema>;
