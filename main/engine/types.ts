import type { SourceError } from '@shared/model/errors';
import type { Session } from '@shared/model/samples';
import type { SourceConfig } from '@shared/model/source';
import type { Patch, Snapshot } from '@shared/model/state';
import type { Result } from '@shared/result';

/**
 * The engine's public surface, used by both composition roots (Electron's
 * main/index.ts and main/headless/). Nothing here knows Electron.
 */

export type TimerHandle = unknown;

/** Injected time: the app passes the real clock, tests a fake one. */
export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

export type SystemEvent = 'suspend' | 'resume' | 'lock-screen' | 'unlock-screen';

/** Electron's powerMonitor in the app; a plain emitter in tests and headless. */
export interface SystemEvents {
  on(listener: (event: SystemEvent) => void): () => void;
}

/** Finds a source's secrets (keychain, environment, memory). Missing ones are a `config` error naming them. */
export type CredentialResolver = (
  source: SourceConfig,
  fields: readonly string[],
) => Promise<Result<Readonly<Record<string, string>>, SourceError>>;

export interface StateHub {
  snapshot(): Snapshot;
  /** Numbered patches, each one seq after the last. Returns an unsubscribe function. */
  subscribe(listener: (patch: Patch) => void): () => void;
  /** A held session with its events, if any. */
  session(sourceId: string, sessionId: string): Session | undefined;
}

export interface Engine {
  readonly hub: StateHub;
  /**
   * Replaces the set of sources; unchanged ones keep polling and keep their data.
   * `demo` says demo mode is on; `demoSourceIds` names the demo's own sources when
   * real ones are polled beside them (without it, every source is the demo's).
   */
  setSources(
    sources: readonly SourceConfig[],
    options?: { readonly demo?: boolean; readonly demoSourceIds?: ReadonlySet<string> },
  ): void;
  start(): void;
  /** Stops every timer chain and aborts requests in flight. */
  stop(): Promise<void>;
  /** Polls now (one source or all), still within the request budgets. */
  refresh(sourceId?: string): void;
  setPaused(paused: boolean): void;
  /**
   * While a team collector polls for this desktop, its own polling waits. Unlike a pause
   * the user chose, the page is not told (it shows the collector's state meanwhile).
   */
  setFollowing(following: boolean): void;
  /** Every endpoint of every source once, in parallel; resolves when all have answered (headless --once). */
  pollOnce(): Promise<void>;
  /** Tries a source's settings without storing or scheduling anything. */
  testSource(source: SourceConfig, secrets: Readonly<Record<string, string>>): Promise<Result<string, SourceError>>;
  /** A session with all its events: from the platform when it offers detail, else as held. */
  sessionDetail(sourceId: string, sessionId: string): Promise<Result<Session, SourceError>>;
  /** Credentials of a source changed: an auth-stopped source may poll again. */
  credentialsChanged(sourceId: string): void;
}
