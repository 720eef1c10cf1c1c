import type { ReceiverKind } from '@shared/model/receivers';

export {
  ReceiverConfigSchema,
  ReceiverKindSchema,
  type ReceiverConfig,
  type ReceiverKind,
} from '@shared/model/receivers';

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
