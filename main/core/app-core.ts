import type { SettingsPort } from '../api/app-ports';
import type { Handlers } from '../api/dispatch';
import type { CredentialStore } from '../credentials/credential-store';
import type { AlertSink } from '../engine/alerts/alert-engine';
import type { NotificationPrefs } from '../engine/alerts/notify-policy';
import type { EngineDeps, StreamwatchEngine } from '../engine/engine';
import type { Clock, CredentialResolver } from '../engine/types';
import type { CollectorMetrics } from '../metrics/collector-metrics';
import type { FetchLike } from '../routing/router';
import type { RoutingService } from '../routing/routing-service';
import type { AlertsService } from './alerts-service';
import type { CollectorLinkSettings } from './desk';
import { fixedCore } from './fixed-core';
import type { HistoryService } from './history-service';
import type { DesktopShell } from './settings-service';
import { settingsCore } from './settings-core';
import type { SourceSetup as HeadlessSetup } from './source-setup';

/**
 * The engine and everything around it (sources, settings, alerts, request
 * handlers), built the same way for the Electron app and for headless mode.
 * Electron-free: the shell passes in what only it has (fetch, clock, sink).
 * Two roots build one: fixed-core.ts (sources fixed for the run) and
 * settings-core.ts (the settings file and the keychain); both finish in
 * assemble-core.ts, which makes the request handlers and the lifecycle.
 */
export type CoreInput =
  /**
   * Headless --config / --demo: sources fixed for the run. History goes to
   * `historyDir` (headless --user-data given too), or stays in memory when null.
   */
  | { readonly kind: 'fixed'; readonly setup: HeadlessSetup; readonly historyDir: string | null }
  /** The app, and headless without --config: the settings file and the keychain. */
  | {
      readonly kind: 'settings';
      readonly userDataDir: string;
      readonly keychain: CredentialStore;
      readonly startDemo: () => Promise<HeadlessSetup>;
    };

export interface CoreDeps {
  /** `meter` counts and times platform requests for /metrics; a shell may ignore it. */
  readonly makeEngine: (resolve: CredentialResolver, meter?: EngineDeps['meter']) => StreamwatchEngine;
  readonly clock: Clock;
  readonly sink: AlertSink;
  readonly info: { readonly version: string; readonly shell: 'electron' | 'headless' };
  /** For alert receivers; Node's fetch when omitted. */
  readonly fetch?: FetchLike;
  /** The desktop app's part of the settings (launch at login, updates); headless has none. */
  readonly desktop?: DesktopShell;
}

export interface Core {
  readonly engine: StreamwatchEngine;
  readonly handlers: Handlers;
  readonly alerts: AlertsService;
  readonly history: HistoryService;
  /** The same settings the page reads and changes; the desktop shell reads its preferences here at start. */
  readonly settings: SettingsPort;
  /** Something to tell the user at start (a corrupt settings file moved aside). */
  readonly notice: string | null;
  /** Prometheus metrics of this core, made on first use (only a serving collector needs them). */
  metrics(): CollectorMetrics;
  /** Sends incidents to the configured receivers (Slack, Teams, PagerDuty, webhook). */
  readonly routing: RoutingService;
  /** The team collector this desktop follows, kept in the settings file; null for fixed sources. */
  readonly collectorLink: CollectorLinkSettings | null;
  /** The notification preferences in force (quiet hours, sound, severity). */
  notificationPrefs(): NotificationPrefs;
  /** Polls, alerts and records; called again after standBy, it resumes. */
  start(): void;
  /** A team collector polls for this desktop: its own polling, alerting and routing wait, its data stays. */
  standBy(): void;
  stop(): Promise<void>;
}

export async function createCore(input: CoreInput, deps: CoreDeps): Promise<Core> {
  return input.kind === 'fixed' ? fixedCore(input.setup, input.historyDir, deps) : settingsCore(input, deps);
}
