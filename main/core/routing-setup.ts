import type { CredentialStore } from '../credentials/credential-store';
import { createMemoryStore } from '../credentials/memory-store';
import type { NotificationPrefs } from '../engine/alerts/notify-policy';
import { memoryReceivers, type ReceiverStore } from '../routing/receiver-store';
import { receiverAccount, SECRET_FIELD } from '../routing/receiver-config';
import { createReceiversPort, type ReceiversPort } from '../routing/receivers-port';
import type { FetchLike } from '../routing/router';
import { createRoutingService, type RoutingService } from '../routing/routing-service';
import type { AlertsService } from './alerts-service';
import type { CoreDeps } from './app-core';
import type { SourceSetup } from './source-setup';

/** A config file's receivers, their secrets held in memory for the run (read from the environment at start). */
export function configuredReceivers(setup: SourceSetup): { store: ReceiverStore; secrets: CredentialStore } {
  const secrets = createMemoryStore();
  const listed = setup.receivers ?? [];
  for (const { receiver, secret } of listed) {
    if (secret) void secrets.set(receiverAccount(receiver.id), SECRET_FIELD[receiver.kind], secret);
  }
  return { store: memoryReceivers(listed.map((r) => r.receiver)), secrets };
}

/** Today every core routes its own incidents (standalone); a desktop subscribed to a collector will pass 'subscriber'. */
export function routingFor(
  alerts: AlertsService,
  deps: CoreDeps,
  receivers: ReceiverStore,
  secrets: CredentialStore,
  prefs: () => NotificationPrefs,
): { routing: RoutingService; receivers: ReceiversPort } {
  const fetchLike: FetchLike = deps.fetch ?? ((url, init) => fetch(url, init));
  const routing = createRoutingService({
    role: 'standalone',
    alerts,
    clock: deps.clock,
    fetch: fetchLike,
    receivers,
    secrets,
    prefs,
  });
  return {
    routing,
    receivers: createReceiversPort({
      store: receivers,
      secrets,
      deliveries: routing.deliveryLog,
      changed: routing.recheck,
    }),
  };
}
