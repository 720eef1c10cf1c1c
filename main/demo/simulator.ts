import type { Scenario } from './scenario';
import { startSimServer, type AsyncSimHandler, type SimServer } from './sim-server';

/**
 * The one shape every platform simulator has. Demo mode, the fault suite and
 * the bench all start simulators through it (simulators.ts lists them), so a
 * new platform's simulator is its folder, a `simulator.ts` there, and one line
 * in that list.
 */

/** What a simulator is asked to be: its clock, its audience, and whose account it plays. */
export interface SimSpec {
  readonly now: () => number;
  /** The audience and the incidents; each simulator has its own default (`demoScenario`). */
  readonly scenario?: Scenario;
  /** Names the account, so two simulators of one platform have different credentials and budgets. */
  readonly account?: string;
  /** api.video: the sandbox environment, whose documented limit is five times lower. */
  readonly sandbox?: boolean;
}

/** A simulator, made but not yet listening: the bench drives its handler in-process. */
export interface SimInstance<Controls> {
  readonly handler: AsyncSimHandler;
  /** Where the provider's documented paths start on this simulator ("/insights/3.0", "/v2", or ""). */
  readonly basePath: string;
  /** The credentials it accepts, by the provider's secret field names. */
  readonly secrets: Readonly<Record<string, string>>;
  /** The source options a user of this account would set. */
  readonly sourceOptions: Readonly<Record<string, unknown>>;
  /** The simulator's own switches (modes, throttles, expired tokens, body styles). */
  readonly controls: Controls;
}

export interface Simulator<Controls = unknown> {
  /** The demo source's name, e.g. "Conviva (demo)". */
  readonly demoName: string;
  readonly demoScenario: Scenario;
  create(spec: SimSpec): SimInstance<Controls>;
}

/** A simulator listening on 127.0.0.1, with the faults every server can suffer on `server`. */
export interface RunningSim<Controls = unknown> extends SimInstance<Controls> {
  /** What a source's baseUrl should be (read it again after a refuse fault: the port may change). */
  readonly baseUrl: string;
  readonly server: SimServer;
  close(): Promise<void>;
}

/** Puts a simulator on a free port of 127.0.0.1. */
export async function runSim<Controls>(instance: SimInstance<Controls>): Promise<RunningSim<Controls>> {
  const server = await startSimServer(instance.handler);
  return {
    ...instance,
    get baseUrl() {
      return `${server.url}${instance.basePath}`;
    },
    server,
    close: () => server.close(),
  };
}
