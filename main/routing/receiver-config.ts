import { z } from 'zod';

/**
 * A place incidents are sent. The config holds nothing secret: the Slack and
 * Teams URLs (which are bearer secrets themselves), the webhook's signing
 * secret and PagerDuty's routing key live in the credential store under
 * `receiverAccount(id)`.
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
  url: z.string().optional(),
});
export type ReceiverConfig = z.infer<typeof ReceiverConfigSchema>;

/** The secret field each kind needs, in the credential store. */
export const SECRET_FIELD: Readonly<Record<ReceiverKind, string>> = {
  webhook: 'signingSecret',
  slack: 'webhookUrl',
  teams: 'webhookUrl',
  pagerduty: 'routingKey',
};

export const PAGERDUTY_EVENTS_URL = 'https://events.pagerduty.com/v2/enqueue';

/** Credential-store account of a receiver; "receiver:" keeps receivers apart from source ids (which cannot hold ":"). */
export const receiverAccount = (id: string) => `receiver:${id}`;
