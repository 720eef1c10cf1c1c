import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createHandlers } from '../api/handlers';
import type { Engine, CredentialResolver } from '../engine/types';
import { providerList } from '../providers/registry';
import type { Action, Input } from './args';
import { describeConfigError, loadConfigFile } from './config';
import { log } from './log';
import { runOnce, runSession, type Print } from './once';
import { readOnlySources } from './read-only-sources';
import { startServer } from './serve';
import { setupFromConfig, type HeadlessSetup } from './setup';

/** The pieces a run needs from outside, so tests can hold them (and the engine seam stays in one place). */
export interface RunDeps {
  readonly makeEngine: (credentials: CredentialResolver) => Engine;
  readonly startDemo: () => Promise<HeadlessSetup>;
  readonly print: Print;
  readonly rendererRoot?: string;
  /** Resolves when the process is asked to stop (SIGINT/SIGTERM); --serve runs until then. */
  readonly stopSignal?: () => Promise<string>;
}

export const DEFAULT_RENDERER_ROOT = fileURLToPath(new URL('../../out/renderer', import.meta.url));

/** Runs one headless command; resolves to the process exit code (0 ok, 2 a source failed, 1 usage/config). */
export async function runHeadless(input: Input, action: Action, deps: RunDeps): Promise<number> {
  let setup: HeadlessSetup;
  if (input.kind === 'config') {
    const config = await loadConfigFile(input.file);
    if (!config.ok) {
      log(describeConfigError(config.error));
      return 1;
    }
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

  try {
    if (action.kind === 'session' && !setup.sources.some((source) => source.id === action.sourceId)) {
      log(
        `There is no source ${JSON.stringify(action.sourceId)} in ${setup.origin} (sources: ${setup.sources.map((s) => s.id).join(', ')}).`,
      );
      return 1;
    }
    const engine = deps.makeEngine(setup.resolve);
    engine.setSources(setup.sources, { demo: setup.demo });
    try {
      switch (action.kind) {
        case 'once':
          return await runOnce(engine, deps.print);
        case 'session':
          return await runSession(engine, action.sourceId, action.sessionId, deps.print);
        case 'serve':
          return await serve(engine, setup, action.port, deps);
      }
    } finally {
      await engine.stop();
    }
  } finally {
    await setup.close();
  }
}

async function serve(engine: Engine, setup: HeadlessSetup, port: number, deps: RunDeps): Promise<number> {
  const handlers = createHandlers({
    engine,
    sources: readOnlySources({
      sources: setup.sources,
      origin: setup.origin,
      resolve: setup.resolve,
      presence: setup.presence,
    }),
    providers: providerList,
    info: { version: packageVersion(), shell: 'headless' },
  });
  const server = await startServer({
    port,
    rendererRoot: deps.rendererRoot ?? DEFAULT_RENDERER_ROOT,
    handlers,
    hub: engine.hub,
  });
  if (!server.ok) {
    log(server.error);
    return 1;
  }
  engine.start();
  // The e2e fixture and scripts wait for this line (with --serve 0 it is the only way to learn the port).
  log(`serving the dashboard at ${server.value.url}${setup.demo ? ' (DEMO data)' : ''}`);
  const signal = await (deps.stopSignal ?? untilSignal)();
  log(`${signal}: shutting down`);
  await server.value.close();
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
