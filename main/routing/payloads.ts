import type { Incident } from '@shared/model/alerts';
import { PAGERDUTY_EVENTS_URL, type ReceiverConfig } from './receiver-config';
import { DELIVERY_HEADER, SIGNATURE_HEADER, signBody, TIMESTAMP_HEADER } from './signing';

export type RouteEvent = 'trigger' | 'resolve';

export interface OutgoingRequest {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** One delivery of one event: the same id on every retry, so a receiver can drop a repeat. */
export interface DeliveryInput {
  readonly deliveryId: string;
  readonly event: RouteEvent;
  readonly incident: Incident;
  readonly receiver: ReceiverConfig;
  /** The receiver's secret (signing secret, Slack/Teams URL, PagerDuty routing key). */
  readonly secret: string;
  readonly now: number;
}

const json = { 'content-type': 'application/json' };

function headline({ event, incident }: Pick<DeliveryInput, 'event' | 'incident'>): string {
  if (event === 'resolve') return `Resolved: ${incident.message}`;
  return `${incident.severity === 'critical' ? 'Critical' : 'Warning'}: ${incident.message}`;
}

/** What a receiver learns about an incident: no secret, no session or viewer id (rules never carry them). */
function facts(incident: Incident) {
  return {
    id: incident.id,
    rule: incident.ruleId,
    severity: incident.severity,
    source: incident.sourceId,
    sourceName: incident.sourceName,
    message: incident.message,
    startedAt: new Date(incident.startedAt).toISOString(),
    endedAt: incident.endedAt === null ? null : new Date(incident.endedAt).toISOString(),
    values: incident.values,
  };
}

export function buildRequest(input: DeliveryInput): OutgoingRequest {
  const { receiver, incident, event } = input;
  switch (receiver.kind) {
    case 'webhook': {
      const body = JSON.stringify({
        delivery: input.deliveryId,
        event,
        incident: facts(incident),
        sentAt: new Date(input.now).toISOString(),
      });
      const timestamp = Math.floor(input.now / 1000);
      return {
        url: receiver.url ?? '',
        headers: {
          ...json,
          [TIMESTAMP_HEADER]: String(timestamp),
          [SIGNATURE_HEADER]: signBody(input.secret, timestamp, body),
          [DELIVERY_HEADER]: input.deliveryId,
        },
        body,
      };
    }
    case 'slack':
      // Slack incoming webhooks take plain mrkdwn text; the URL itself is the credential.
      return {
        url: input.secret,
        headers: json,
        body: JSON.stringify({
          text: `${event === 'resolve' ? ':white_check_mark:' : ':rotating_light:'} ${headline(input)}`,
        }),
      };
    case 'teams':
      // A Teams "workflow" webhook expects a message carrying an Adaptive Card.
      return {
        url: input.secret,
        headers: json,
        body: JSON.stringify({
          type: 'message',
          attachments: [
            {
              contentType: 'application/vnd.microsoft.card.adaptive',
              content: {
                $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
                type: 'AdaptiveCard',
                version: '1.4',
                body: [
                  { type: 'TextBlock', text: headline(input), weight: 'Bolder', wrap: true },
                  {
                    type: 'TextBlock',
                    text: `${incident.sourceName} · rule ${incident.ruleId} · started ${facts(incident).startedAt}`,
                    wrap: true,
                    isSubtle: true,
                  },
                ],
              },
            },
          ],
        }),
      };
    case 'pagerduty':
      // Events API v2: the incident id as dedup_key ties the resolve (and any repeat) to one PagerDuty alert.
      return {
        url: receiver.url ?? PAGERDUTY_EVENTS_URL,
        headers: json,
        body: JSON.stringify({
          routing_key: input.secret,
          event_action: event,
          dedup_key: incident.id,
          ...(event === 'trigger'
            ? {
                payload: {
                  summary: incident.message.slice(0, 1024),
                  source: incident.sourceName,
                  severity: incident.severity,
                  timestamp: facts(incident).startedAt,
                  component: incident.sourceId,
                  class: incident.ruleId,
                  custom_details: incident.values,
                },
              }
            : {}),
        }),
      };
  }
}
