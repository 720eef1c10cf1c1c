import { z } from 'zod';
import { sourceError, type SourceError } from '@shared/model/errors';
import type { Sample, Session } from '@shared/model/samples';
import type { ProviderKind } from '@shared/model/source';
import { err, ok, type Result } from '@shared/result';
import { statusError } from '../../main/providers/http';
import type { Provider, ProviderDeps, ResolvedSource } from '../../main/providers/provider';

/** What a scripted endpoint does on one call. */
export type Step =
  | { readonly ok: Sample }
  | { readonly error: SourceError }
  /** Never answers and ignores its AbortSignal: the server that accepts and goes silent. */
  | { readonly hang: true }
  /** Answers after a while (global timers, which the fake clock controls). */
  | { readonly delayMs: number; readonly then: Step }
  /** A provider bug. */
  | { readonly throws: string };

export interface EndpointSpec {
  readonly name: string;
  readonly intervalMs: number;
  /** When set, the endpoint GETs baseUrl + path through the connection's Http (budgets apply) instead of following a script. */
  readonly path?: string;
  /** With `path`: how many requests, one after the other, one poll makes (paging). */
  readonly pages?: number;
}

/** The controls and the record of one endpoint of one source. */
export interface FakeEndpoint {
  /** Calls started, and when. */
  readonly startedAt: number[];
  readonly signals: AbortSignal[];
  inFlight: number;
  maxInFlight: number;
  /** One-off answers for the next calls, in order. */
  next(...steps: Step[]): void;
  /** The answer when no one-off is queued; a function gets the call's number (from 0). */
  always(step: Step | ((call: number) => Step)): void;
}

export interface FakeProvider {
  readonly provider: Provider<{ readonly device: string }>;
  /** Every connect() call, with the secrets it got. */
  readonly connections: ResolvedSource<{ readonly device: string }>[];
  endpoint(sourceId: string, name: string): FakeEndpoint;
  /** Session detail; absent means the platform offers none. */
  detail?: (sourceId: string, sessionId: string) => Result<Session, SourceError>;
  testAnswer: Result<string, SourceError>;
}

export interface FakeProviderOptions {
  readonly kind?: ProviderKind;
  readonly label?: string;
  readonly secretFields?: readonly string[];
  readonly endpoints?: readonly EndpointSpec[];
  readonly withDetail?: boolean;
}

const EMPTY: Step = { ok: {} };

export function createFakeProvider(options: FakeProviderOptions = {}): FakeProvider {
  const label = options.label ?? 'Fake';
  const specs = options.endpoints ?? [
    { name: 'viewers', intervalMs: 60_000 },
    { name: 'sessions', intervalMs: 300_000 },
  ];
  const controls = new Map<string, FakeEndpoint & { queue: Step[]; fallback: Step | ((call: number) => Step) }>();

  const control = (sourceId: string, name: string) => {
    const key = `${sourceId}/${name}`;
    let found = controls.get(key);
    if (found === undefined) {
      const created = {
        startedAt: [] as number[],
        signals: [] as AbortSignal[],
        inFlight: 0,
        maxInFlight: 0,
        queue: [] as Step[],
        fallback: EMPTY as Step | ((call: number) => Step),
        next: (...steps: Step[]) => void created.queue.push(...steps),
        always: (step: Step | ((call: number) => Step)) => void (created.fallback = step),
      };
      controls.set(key, created);
      found = created;
    }
    return found;
  };

  const fake: FakeProvider = {
    connections: [],
    endpoint: control,
    testAnswer: ok('2 endpoints answered'),
    provider: {
      kind: options.kind ?? 'naver-vpe',
      label,
      defaultBaseUrl: 'https://fake.example',
      metric: { label: 'Viewers now', unit: 'viewers', definition: 'Scripted by the test.' },
      optionsSchema: z.object({ device: z.enum(['PC', 'Mobile', 'PC,Mobile']).default('PC,Mobile') }),
      fields: [],
      secretFields: options.secretFields ?? ['apiKey', 'projectId'],
      connect(source, deps) {
        fake.connections.push(source);
        return {
          endpoints: specs.map((spec) => ({
            name: spec.name,
            intervalMs: spec.intervalMs,
            poll: async (signal: AbortSignal) => {
              const record = control(source.id, spec.name);
              const call = record.startedAt.length;
              record.startedAt.push(deps.now());
              record.signals.push(signal);
              record.inFlight += 1;
              record.maxInFlight = Math.max(record.maxInFlight, record.inFlight);
              try {
                if (spec.path !== undefined) {
                  let answer = await viaHttp(label, source, spec.path, signal, deps);
                  for (let page = 2; page <= (spec.pages ?? 1) && answer.ok; page++)
                    answer = await viaHttp(label, source, spec.path, signal, deps);
                  return answer;
                }
                const step =
                  record.queue.shift() ??
                  (typeof record.fallback === 'function' ? record.fallback(call) : record.fallback);
                return await play(step);
              } finally {
                record.inFlight -= 1;
              }
            },
          })),
          testConnection: async () => fake.testAnswer,
          ...(options.withDetail
            ? {
                sessionDetail: async (sessionId: string) =>
                  fake.detail?.(source.id, sessionId) ??
                  err(sourceError('http', `${label} answered 404.`, { status: 404 })),
              }
            : {}),
        };
      },
    },
  };
  return fake;
}

async function play(step: Step): Promise<Result<Sample, SourceError>> {
  if ('ok' in step) return ok(step.ok);
  if ('error' in step) return err(step.error);
  if ('hang' in step) return new Promise(() => undefined);
  if ('throws' in step) throw new Error(step.throws);
  await new Promise((resolve) => setTimeout(resolve, step.delayMs));
  return play(step.then);
}

async function viaHttp(
  label: string,
  source: ResolvedSource<unknown>,
  path: string,
  signal: AbortSignal,
  deps: ProviderDeps,
): Promise<Result<Sample, SourceError>> {
  // x-source tells the fake network which source sent a request.
  const answer = await deps.http.send({ url: source.baseUrl + path, signal, headers: { 'x-source': source.id } });
  if (!answer.ok) return answer;
  if (answer.value.status >= 400) return err(statusError(label, answer.value, deps.now()));
  const limit = answer.value.headers.get('x-ratelimit-limit');
  const remaining = answer.value.headers.get('x-ratelimit-remaining');
  const resetAfter = answer.value.headers.get('x-ratelimit-retry-after');
  const resetAt = resetAfter === null ? null : deps.now() + Number(resetAfter) * 1000;
  return ok({
    viewers: [{ at: deps.now() - (deps.now() % 60_000), viewers: 1 }],
    ...(limit !== null && remaining !== null
      ? { rateLimit: { limit: Number(limit), remaining: Number(remaining), resetAt } }
      : {}),
  });
}
