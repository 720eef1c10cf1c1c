import type { AlertsView } from '@shared/model/alerts';
import type { CollectorLinkConfig, CollectorLinkView, CollectorStatus } from '@shared/model/collector-status';
import { requestChannels, type RequestChannel } from '@shared/ipc/contract';
import { err, ok, type AppError, type Result } from '@shared/result';
import type { Handlers } from '../api/dispatch';
import type { CredentialStore } from '../credentials/credential-store';
import type { AlertSink } from '../engine/alerts/alert-engine';
import type { NotificationPrefs } from '../engine/alerts/notify-policy';
import type { Clock, StateHub } from '../engine/types';
import type { Core } from './app-core';
import { connectCollector, type CollectorLink } from './collector-client';
import { followCollector, type CollectorMode } from './collector-mode';
import { collectorNotices } from './collector-notices';
import { probeCollector } from './collector-probe';
import { createShownHub } from './shown-hub';

/**
 * What a desktop shows: its own core, or the team collector it follows
 * (Sources & settings → "Connect to a team collector"). While it follows,
 * this desktop polls nothing: the page, the tray and notifications get the
 * collector's state through the same channels, answered by the collector.
 * Its own settings (theme, notifications, the link itself) stay its own.
 * With the opt-in fallback, a collector unreachable for a minute hands over
 * to this desktop's own polling until it returns.
 */
export interface Desk {
  readonly hub: StateHub;
  readonly handlers: Handlers;
  readonly alerts: { view(): AlertsView; onChange(listener: (view: AlertsView) => void): () => void };
  /** The link's state for the banner and the tray; null while this desktop polls for itself. */
  collectorStatus(): CollectorStatus | null;
  onCollectorStatus(listener: (status: CollectorStatus | null) => void): () => void;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface DeskDeps {
  readonly core: Core;
  readonly keychain: CredentialStore;
  readonly clock: Clock;
  readonly log: (message: string) => void;
  /** Native notifications (the app), or the log (headless). */
  readonly sink: AlertSink;
  readonly prefs: () => NotificationPrefs;
  /** Seams for tests: a link with a set clock, a probe with a short wait. */
  readonly connect?: (url: URL, token: string) => CollectorLink;
  readonly probe?: (url: URL, token: string) => Promise<Result<'viewer' | 'admin', AppError>>;
  readonly fallbackAfterMs?: number;
}

/** Where the link is kept: the settings file of the app (or of headless settings mode). */
export interface CollectorLinkSettings {
  current(): CollectorLinkConfig | null;
  save(next: CollectorLinkConfig | null): Promise<void>;
}

/** The token's place in the keychain: an account no source can have (source ids have no underscores at both ends). */
export const COLLECTOR_TOKEN = { account: '__collector__', field: 'token' } as const;

/** Channels a desktop always answers itself, even while it follows a collector. */
const LOCAL_CHANNELS: ReadonlySet<RequestChannel> = new Set([
  'app:info',
  'settings:get',
  'settings:set',
  'collector:get',
  'collector:connect',
  'collector:disconnect',
]);

interface Following {
  readonly config: CollectorLinkConfig;
  readonly link: CollectorLink;
  readonly mode: CollectorMode;
  readonly release: () => void;
}

export function createDesk(deps: DeskDeps): Desk {
  const { core, clock } = deps;
  const links = core.collectorLink;
  const connect = deps.connect ?? ((url: URL, token: string) => connectCollector({ url, token, clock, log: deps.log }));
  const probe = deps.probe ?? ((url: URL, token: string) => probeCollector(url, token));
  const hub = createShownHub(core.engine.hub, clock);
  const statusListeners = new Set<(status: CollectorStatus | null) => void>();
  const alertListeners = new Set<(view: AlertsView) => void>();
  let following: Following | null = null;
  let localRunning = false;
  /** A token kept for this run only, when the keychain cannot hold it. */
  let sessionToken: string | null = null;

  const showingCollector = () => following !== null && following.mode.shown() === 'collector';
  const alertsView = (): AlertsView =>
    showingCollector() ? (following!.link.alerts.view() ?? waitingView(following!.config.url)) : core.alerts.view();
  const tellAlerts = () => {
    const view = alertsView();
    for (const listener of alertListeners) listener(view);
  };
  const status = (): CollectorStatus | null => {
    if (following === null) return null;
    const link = following.link.status();
    return following.mode.shown() === 'local' ? { ...link, pollingLocally: true } : link;
  };
  const tellStatus = () => {
    const now = status();
    for (const listener of statusListeners) listener(now);
  };
  core.alerts.onChange(() => {
    if (!showingCollector()) tellAlerts();
  });

  function runLocal(): void {
    core.start();
    localRunning = true;
  }
  function standBy(): void {
    if (localRunning) core.standBy();
    else core.engine.setFollowing(true);
    localRunning = false;
  }

  function follow(config: CollectorLinkConfig, token: string): void {
    standBy();
    const link = connect(new URL(config.url), token);
    const notify = collectorNotices({ sink: deps.sink, prefs: deps.prefs, now: clock.now });
    const offAlerts = link.alerts.onChange((view) => {
      if (following?.link !== link || following.mode.shown() !== 'collector') return;
      notify(view);
      tellAlerts();
    });
    const offStatus = link.onStatus(() => following?.link === link && tellStatus());
    const mode = followCollector({
      clock,
      link,
      fallback: config.fallback,
      ...(deps.fallbackAfterMs !== undefined ? { afterMs: deps.fallbackAfterMs } : {}),
      startLocal: () => {
        deps.log(
          `the collector at ${new URL(config.url).origin} stays unreachable: polling with this desktop's own sources`,
        );
        runLocal();
      },
      stopLocal: () => {
        deps.log(`the collector at ${new URL(config.url).origin} is back: this desktop stops polling`);
        standBy();
      },
      onSwitch: (shown) => {
        hub.show(shown === 'collector' ? link.hub : core.engine.hub);
        tellStatus();
        tellAlerts();
      },
    });
    following = { config, link, mode, release: () => (offAlerts(), offStatus()) };
    hub.show(link.hub);
    tellStatus();
    tellAlerts();
    deps.log(`following the team collector at ${new URL(config.url).origin}; this desktop polls nothing itself`);
  }

  async function unfollow(): Promise<void> {
    const was = following;
    if (was === null) return;
    following = null;
    was.release();
    was.mode.stop();
    await was.link.close();
  }

  async function heldToken(): Promise<string | null> {
    if (sessionToken !== null) return sessionToken;
    const stored = await deps.keychain.get(COLLECTOR_TOKEN.account, COLLECTOR_TOKEN.field);
    return stored.ok ? stored.value : null;
  }

  /** Keychain first; memory until quit when there is none, and the view says so. */
  async function keepToken(token: string): Promise<void> {
    const saved = await deps.keychain.set(COLLECTOR_TOKEN.account, COLLECTOR_TOKEN.field, token);
    sessionToken = saved.ok ? null : token;
    if (!saved.ok) deps.log(`the collector token is kept until quit only: ${saved.error.message}`);
  }

  async function view(): Promise<CollectorLinkView> {
    const token = await heldToken();
    return {
      config: links?.current() ?? null,
      hasToken: token !== null,
      tokenStorage: token === null ? null : sessionToken !== null ? 'session' : 'keychain',
      status: status(),
      shown: following === null || following.mode.shown() === 'local' ? 'local' : 'collector',
      fixedBecause: links
        ? null
        : 'This run has fixed sources (a config file or the demo); it cannot follow a team collector.',
    };
  }

  const local: Handlers = core.handlers;
  const routed = Object.fromEntries(
    requestChannels.map((channel) => [
      channel,
      (args: unknown) =>
        showingCollector() && !LOCAL_CHANNELS.has(channel)
          ? (following!.link.handlers[channel] as (a: unknown) => Promise<unknown>)(args)
          : (local[channel] as (a: unknown) => Promise<unknown>)(args),
    ]),
  ) as unknown as Handlers;

  /** While following, the sources on screen are the collector's: read-only here, and said so. */
  const withLink = <T extends { editable: boolean }>(result: Result<T, AppError>): Result<T, AppError> =>
    result.ok && following !== null
      ? ok({ ...result.value, editable: false, following: new URL(following.config.url).origin })
      : result;

  const handlers: Handlers = {
    ...routed,
    'settings:get': async (args) => withLink(await local['settings:get'](args)),
    'settings:set': async (args) => withLink(await local['settings:set'](args)),
    // Numbered like the patches this desk pushes, whichever hub is shown.
    'state:snapshot': async () => ok(hub.snapshot()),
    'collector:get': async () => ok(await view()),
    'collector:connect': async ({ url, token, fallback }) => {
      if (!links) return local['collector:connect']({ url, fallback });
      const current = links.current();
      const sameCollector = current !== null && new URL(current.url).origin === new URL(url).origin;
      const use = token ?? (sameCollector ? await heldToken() : null);
      if (use === null)
        return err({ code: 'bad-argument', message: `Enter the token for the collector at ${new URL(url).origin}.` });
      const tried = await probe(new URL(url), use);
      if (!tried.ok) return err(tried.error);
      await keepToken(use);
      const config = { url, fallback };
      await links.save(config);
      await unfollow();
      follow(config, use);
      deps.log(`connected this desktop to the collector at ${new URL(url).origin} (token role: ${tried.value})`);
      return ok(await view());
    },
    'collector:disconnect': async () => {
      if (!links) return local['collector:disconnect']({});
      await unfollow();
      await links.save(null);
      sessionToken = null;
      await deps.keychain.delete(COLLECTOR_TOKEN.account, COLLECTOR_TOKEN.field);
      if (!localRunning) runLocal();
      hub.show(core.engine.hub);
      tellStatus();
      tellAlerts();
      deps.log('stopped following the team collector: this desktop polls its own sources again');
      return ok(await view());
    },
  };

  return {
    hub,
    handlers,
    alerts: {
      view: alertsView,
      onChange(listener) {
        alertListeners.add(listener);
        return () => void alertListeners.delete(listener);
      },
    },
    collectorStatus: status,
    onCollectorStatus(listener) {
      statusListeners.add(listener);
      return () => void statusListeners.delete(listener);
    },
    async start() {
      const config = links?.current() ?? null;
      const token = config ? await heldToken() : null;
      if (config && token) return follow(config, token);
      if (config) {
        deps.log(
          `this desktop is set to follow the collector at ${new URL(config.url).origin}, but no token is held (the keychain is unavailable or was cleared); polling its own sources until one is entered in Sources & settings`,
        );
      }
      runLocal();
    },
    async stop() {
      await unfollow();
    },
  };
}

/** Before the collector has sent its incidents: nothing known yet, and the summary says why. */
function waitingView(url: string): AlertsView {
  return {
    firing: [],
    pending: [],
    silenced: 0,
    snoozeAllUntil: null,
    level: 'unknown',
    summary: `Waiting for the team collector at ${new URL(url).origin}`,
  };
}
