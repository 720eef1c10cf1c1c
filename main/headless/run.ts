import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createCore, type Core } from '../core/app-core';
import type { CredentialStore } from '../credentials/credential-store';
import type { EngineDeps, StreamwatchEngine } from '../engine/engine';
import { systemClock } from '../engine/system-clock';
import type { Clock, CredentialResolver } from '../engine/types';
import { tokensGuard } from '../metrics/metrics-access';
import { err, ok } from '@shared/result';
import type { Action, Input } from './args';
import type { Network } from './network-args';
import { describeConfigError, loadConfigFile, secretFilesOf } from './config';
import { checkSecretFiles, readSecretFile } from './secret-files';
import { connectCollector } from '../core/collector-client';
import { createDesk } from '../core/desk';
import { createShownHub } from '../core/shown-hub';
import { log } from './log';
import { runHistory } from './history';
import { runOnce, runSession, type Print } from './once';
import { startServer } from './serve';
import { teamAccess } from './team-access';
import { setupFromConfig, type HeadlessSetup } from './setup';

/** The pieces a run needs from outside, so tests can hold them (and the engine seam stays in one place). */
export interface RunDeps {
  readonly makeEngine: (credentials: CredentialResolver, meter?: EngineDeps['meter']) => StreamwatchEngine;
  readonly startDemo: () => Promise<HeadlessSetup>;
  readonly print: Print;
  readonly rendererRoot?: string;
  /** The keychain, for the settings mode (no --config, no --demo). */
  readonly keychain?: () => CredentialStore;
  /** Resolves when the process is asked to stop (SIGINT/SIGTERM); --serve runs until then. */
  readonly stopSignal?: () => Promise<string>;
  /** The run's clock; the system clock unless a test sets one (see clock.ts). */
  readonly clock?: Clock;
}

export const DEFAULT_RENDERER_ROOT = fileURLToPath(new URL('../../out/renderer', import.meta.url));

/** Runs one headless command; resolves to the process exit code (0 ok, 2 a source failed, 1 usage/config). */
export async function runHeadless(input: Input, action: Action, deps: RunDeps): Promise<number> {
  if (input.kind === 'collector') {
    if (action.kind !== 'serve') return 1; // args.ts allows only --serve with --collector
    return serveCollector(input, action.port, action.network, deps);
  }
  // One keychain for the run: the core's secrets and the collector token are in the same place.
  let keychain: CredentialStore | null = null;
  const runDeps: RunDeps = deps.keychain ? { ...deps, keychain: () => (keychain ??= deps.keychain!()) } : deps;
  const core = await buildCore(input, runDeps);
  if (typeof core === 'number') return core;
  const { engine } = core;
  try {
    if (
      (action.kind === 'session' || action.kind === 'history') &&
      !engine.hub.snapshot().sources.some((source) => source.id === action.sourceId)
    ) {
      log(
        `There is no source ${JSON.stringify(action.sourceId)} (sources: ${engine.hub
          .snapshot()
          .sources.map((s) => s.id)
          .join(', ')}).`,
      );
      return 1;
    }
    switch (action.kind) {
      case 'once':
        return await runOnce(engine, deps.print, core.alerts);
      case 'session':
        return await runSession(engine, action.sourceId, action.sessionId, deps.print);
      case 'serve':
        return await serve(core, action.port, action.network, runDeps, keychain);
      case 'history':
        return runHistory(core, action, deps.print);
    }
  } finally {
    await core.stop();
  }
}

/** The same core as the app's: fixed sources for --config/--demo, the settings file and keychain otherwise. */
async function buildCore(input: Exclude<Input, { kind: 'collector' }>, deps: RunDeps): Promise<Core | number> {
  // Headless has no native notifications: incidents are shown in the page and logged here.
  const sink = { notify: (n: { title: string; body: string }) => log(`ALERT ${n.title}: ${n.body}`) };
  const coreDeps = {
    makeEngine: deps.makeEngine,
    clock: deps.clock ?? systemClock,
    sink,
    info: { version: packageVersion(), shell: 'headless' as const },
  };
  if (input.kind === 'settings') {
    if (!deps.keychain) {
      log('Settings mode needs the system keychain, which this build cannot reach.');
      return 1;
    }
    const core = await createCore(
      { kind: 'settings', userDataDir: input.userData, keychain: deps.keychain(), startDemo: deps.startDemo },
      coreDeps,
    );
    if (core.notice) log(core.notice);
    log(`using the settings in ${input.userData}`);
    const keychain = await core.handlers['settings:get']({});
    if (keychain.ok && !keychain.value.keychain.available) {
      log(
        `The system keychain is unavailable here (${keychain.value.keychain.message ?? 'no reason given'}). Secrets entered now are kept in memory for this run only; on a server, use --config with {"env"} or {"file"} secrets instead.`,
      );
    } else if (keychain.ok) log('secrets: from the system keychain');
    // An empty or unreadable settings folder falls back to the demo; a script must not mistake it for real data.
    const { demo, sources } = core.engine.hub.snapshot();
    if (demo) {
      const names = sources.filter((s) => s.demo).map((s) => s.name);
      log(
        `DEMO: these settings turn the demo on, so this run also polls the built-in platform simulators, not real accounts (${names.join(', ')}).`,
      );
    }
    return core;
  }
  let setup: HeadlessSetup;
  if (input.kind === 'config') {
    const config = await loadConfigFile(input.file);
    if (!config.ok) {
      log(describeConfigError(config.error));
      return 1;
    }
    const files = checkSecretFiles(secretFilesOf(config.value));
    if (!files.ok) {
      log(files.error);
      return 1;
    }
    // A config run never touches the keychain, so a server without a desktop session is fine.
    log(`secrets: from the environment variables and files named in ${input.file}; the system keychain is not used`);
    setup = setupFromConfig(config.value);
  } else {
    setup = await deps.startDemo();
    if (setup.sources.length === 0) {
      log('This build has no platform simulator to run the demo with.');
      return 1;
    }
    log(
      `DEMO: polling the built-in platform simulators, not real accounts (${setup.sources.map((s) => s.name).join(', ')}).`,
    );
  }
  if (input.userData !== null) log(`keeping history in ${input.userData}`);
  return createCore({ kind: 'fixed', setup, historyDir: input.userData }, coreDeps);
}

/**
 * Serves the page. In settings mode the page can connect this run to a team
 * collector (Sources & settings), exactly as the desktop app does: the desk
 * decides whether this run's own core or the collector is shown.
 */
async function serve(
  core: Core,
  port: number,
  network: Network | undefined,
  deps: RunDeps,
  keychain: CredentialStore | null,
): Promise<number> {
  const clock = deps.clock ?? systemClock;
  const team = network ? await teamAccess(network, clock) : null;
  if (team && !team.ok) {
    log(team.error);
    return 1;
  }
  const access = team?.value;
  const desk =
    keychain && core.collectorLink
      ? createDesk({
          core,
          keychain,
          clock,
          log,
          sink: { notify: (n) => log(`ALERT ${n.title}: ${n.body}`) },
          prefs: core.notificationPrefs,
        })
      : null;
  const server = await startServer({
    port,
    rendererRoot: deps.rendererRoot ?? DEFAULT_RENDERER_ROOT,
    handlers: desk?.handlers ?? core.handlers,
    hub: desk?.hub ?? core.engine.hub,
    alerts: desk?.alerts ?? core.alerts,
    ...(desk ? { collector: { status: desk.collectorStatus, onStatus: desk.onCollectorStatus } } : {}),
    // On loopback without a token file the guard lets callers in; it asks once tokens exist.
    metrics: { metrics: core.metrics(), guard: tokensGuard(access?.tokens ?? null) },
    ...(access ? { listen: access.listen, ...(access.gate ? { gate: access.gate } : {}) } : {}),
  });
  if (!server.ok) {
    log(server.error);
    return 1;
  }
  if (desk) await desk.start();
  else core.start();
  const demo = core.engine.hub.snapshot().demo;
  // The e2e fixture and scripts wait for this line (with --serve 0 it is the only way to learn the port).
  log(`serving the dashboard at ${server.value.url}${demo ? ' (DEMO data)' : ''}`);
  const signal = await (deps.stopSignal ?? untilSignal)();
  log(`${signal}: shutting down`);
  await server.value.close();
  await desk?.stop();
  return 0;
}

/** Client mode: the collector's state and channels, served on this machine as if they were local. */
async function serveCollector(
  input: Extract<Input, { kind: 'collector' }>,
  port: number,
  network: Network | undefined,
  deps: RunDeps,
): Promise<number> {
  const token = readSecretFile(input.tokenFile);
  if (!token.ok) {
    log(token.error.replace('The secret file', 'The token file'));
    return 1;
  }
  const clock = deps.clock ?? systemClock;
  const team = network ? await teamAccess(network, clock) : null;
  if (team && !team.ok) {
    log(team.error);
    return 1;
  }
  const link = connectCollector({ url: input.url, token: token.value.trim(), clock, log });
  // Renumbered, so a collector that restarts and counts from 1 again does not freeze the page.
  const hub = createShownHub(link.hub, clock);
  const fixed = `This run follows the collector given by --collector (${input.url.origin}); restart it to follow another.`;
  const server = await startServer({
    port,
    rendererRoot: deps.rendererRoot ?? DEFAULT_RENDERER_ROOT,
    handlers: {
      ...link.handlers,
      'state:snapshot': async () => ok(hub.snapshot()),
      'collector:get': async () =>
        ok({
          config: { url: input.url.href, fallback: false },
          hasToken: true,
          tokenStorage: null,
          status: link.status(),
          shown: 'collector',
          fixedBecause: fixed,
        }),
      'collector:connect': async () => err({ code: 'unavailable', message: fixed }),
      'collector:disconnect': async () => err({ code: 'unavailable', message: fixed }),
    },
    hub,
    alerts: link.alerts,
    collector: link,
    ...(team?.value ? { listen: team.value.listen, ...(team.value.gate ? { gate: team.value.gate } : {}) } : {}),
  });
  if (!server.ok) {
    await link.close();
    log(server.error);
    return 1;
  }
  log(`serving the dashboard at ${server.value.url} (from the collector at ${input.url.origin}; polling nothing here)`);
  const signal = await (deps.stopSignal ?? untilSignal)();
  log(`${signal}: shutting down`);
  await server.value.close();
  await link.close();
  return 0;
}

function untilSignal(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version?: unknown;
    };
    return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}
