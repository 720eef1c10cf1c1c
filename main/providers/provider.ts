import type { z } from 'zod';
import type { SourceError } from '@shared/model/errors';
import type { Sample, Session } from '@shared/model/samples';
import type { FieldSpec, ProviderKind, ViewerMetric } from '@shared/model/source';
import type { Result } from '@shared/result';
import type { Http } from './http';

/** A source as a provider sees it: options parsed by its own schema, secrets resolved. */
export interface ResolvedSource<Options> {
  readonly id: string;
  readonly name: string;
  readonly baseUrl: string;
  readonly options: Options;
  readonly secrets: Readonly<Record<string, string>>;
}

export interface ProviderDeps {
  readonly http: Http;
  /** Injected clock (epoch ms) so tests and the soak run on fake time. */
  readonly now: () => number;
}

/** One thing to poll on its own timer chain (viewers every minute, sessions every few). */
export interface Endpoint {
  readonly name: string;
  readonly intervalMs: number;
  poll(signal: AbortSignal): Promise<Result<Sample, SourceError>>;
}

/**
 * A live connection to one platform account. Providers keep per-account state
 * here (tokens, the next Conviva window, a signed Zoom JWT), which is why
 * `connect` returns an object rather than the provider polling statelessly.
 */
export interface Connection {
  readonly endpoints: readonly Endpoint[];
  /** One sentence of what was found ("3 live streams, 41 viewers now") or the classified error. */
  testConnection(signal: AbortSignal): Promise<Result<string, SourceError>>;
  /** A session with all its events, fetched now (every page). */
  sessionDetail?(sessionId: string, signal: AbortSignal): Promise<Result<Session, SourceError>>;
}

export interface Provider<Options = unknown> {
  readonly kind: ProviderKind;
  readonly label: string;
  readonly defaultBaseUrl: string;
  readonly metric: ViewerMetric;
  /** Non-secret options, parsed from the source config (unknown input). */
  readonly optionsSchema: z.ZodType<Options>;
  /** What a user must enter: options and secrets, for generated forms. */
  readonly fields: readonly FieldSpec[];
  readonly secretFields: readonly string[];
  connect(source: ResolvedSource<Options>, deps: ProviderDeps): Connection;
}
