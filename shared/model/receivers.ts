import { z } from 'zod';

/**
 * A place incidents are sent. The config holds nothing secret: the Slack and
 * Teams URLs (bearer secrets themselves), the webhook's signing secret and
 * PagerDuty's routing key live in the credential store.
 */
export const ReceiverKindSchema = z.enum(['webhook', 'slack', 'teams', 'pagerduty']);
export type ReceiverKind = z.infer<typeof ReceiverKindSchema>;

export const ReceiverConfigSchema = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9_.-]+$/, 'use letters, digits, ".", "_" or "-"'),
  kind: ReceiverKindSchema,
  name: z.string().min(1).max(80),
  enabled: z.boolean().default(true),
  /** The generic webhook's address (not secret; it is signed instead). PagerDuty: its Events API, to point at a proxy. */
  url: z.string().max(2048).optional(),
});
export type ReceiverConfig = z.infer<typeof ReceiverConfigSchema>;

/** A receiver as the Alerts view shows it: whether its secret is stored, never the secret. */
export const ReceiverViewSchema = ReceiverConfigSchema.extend({ hasSecret: z.boolean() });
export type ReceiverView = z.infer<typeof ReceiverViewSchema>;

/** One line of an incident's delivery log: what was sent where, and how it went. Never a URL path or a secret. */
export const DeliveryLogEntrySchema = z.object({
  at: z.number(),
  receiverId: z.string(),
  receiverName: z.string(),
  kind: ReceiverKindSchema,
  event: z.enum(['trigger', 'resolve']),
  attempt: z.number().int(),
  outcome: z.enum(['delivered', 'retrying', 'failed']),
  status: z.number().int().nullable(),
  message: z.string(),
});
export type DeliveryLogEntry = z.infer<typeof DeliveryLogEntrySchema>;
