import type { AlertsView } from '@shared/model/alerts';
import type { CredentialStore } from '../credentials/credential-store';
import { mayNotify, type NotificationPrefs } from '../engine/alerts/notify-policy';
import type { Clock, TimerHandle } from '../engine/types';
import type { ReceiverStore } from './receiver-store';
import { createRouter, type Backoff, type DeliveryLogEntry, type FetchLike } from './router';

/**
 * Who routes, so each incident reaches the team once: a collector routes for
 * its team, a desktop on its own routes its own incidents, and a desktop
 * subscribed to a collector never routes (the collector already does).
 */
export type RoutingRole = 'standalone' | 'collector' | 'subscriber';

export const routesIncidents = (role: RoutingRole): boolean => role !== 'subscriber';

export interface RoutingServiceDeps {
  readonly role: RoutingRole;
  readonly alerts: { view(): AlertsView; onChange(listener: (view: AlertsView) => void): () => void };
  readonly clock: Clock;
  readonly fetch: FetchLike;
  readonly receivers: ReceiverStore;
  readonly secrets: CredentialStore;
  readonly prefs: () => NotificationPrefs;
  readonly minutesOfDay?: (at: number) => number;
  readonly backoff?: Backoff;
  /** Re-check without an alerts change, so a trigger held by quiet hours or a snooze goes out when they end. */
  readonly recheckMs?: number;
}

export interface RoutingService {
  readonly active: boolean;
  start(): void;
  stop(): void;
  deliveryLog(incidentId: string): readonly DeliveryLogEntry[];
  /** Resolves once nothing is being sent. */
  idle(): Promise<void>;
  /** Compares again now, e.g. after a receiver was added, so it gets the incidents already firing. */
  recheck(): void;
}

export function createRoutingService(deps: RoutingServiceDeps): RoutingService {
  const active = routesIncidents(deps.role);
  const minutesOfDay = deps.minutesOfDay ?? ((at: number) => new Date(at).getHours() * 60 + new Date(at).getMinutes());
  const router = createRouter({
    clock: deps.clock,
    fetch: deps.fetch,
    receivers: () => deps.receivers.list(),
    secrets: deps.secrets,
    // Quiet hours apply to receivers as to notifications (critical may bypass); "notifications off" is about the desktop only.
    mayRoute: (severity, now) => mayNotify({ ...deps.prefs(), enabled: true }, severity, minutesOfDay(now)),
    backoff: deps.backoff,
  });
  let unsubscribe: (() => void) | null = null;
  let timer: TimerHandle | null = null;
  const reconcile = (view: AlertsView) =>
    router.reconcile({ firing: view.firing, snoozeAllUntil: view.snoozeAllUntil });
  const loop = () => {
    reconcile(deps.alerts.view());
    timer = deps.clock.setTimeout(loop, deps.recheckMs ?? 60_000);
  };
  return {
    active,
    start() {
      if (!active || unsubscribe) return;
      unsubscribe = deps.alerts.onChange(reconcile);
      loop();
    },
    stop() {
      unsubscribe?.();
      unsubscribe = null;
      if (timer !== null) deps.clock.clearTimeout(timer);
      timer = null;
      router.stop();
    },
    deliveryLog: (id) => router.deliveryLog(id),
    idle: () => router.idle(),
    recheck() {
      if (unsubscribe) reconcile(deps.alerts.view());
    },
  };
}
