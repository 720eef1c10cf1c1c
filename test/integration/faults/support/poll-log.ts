import type { SourceError } from '@shared/model/errors';
import type { ProviderKind } from '@shared/model/source';
import type { Provider } from '../../../../main/providers/provider';
import { providerFor } from '../../../../main/providers/registry';

/** One poll of one endpoint, as the engine asked for it and the real provider answered. */
export interface PollRecord {
  readonly sourceId: string;
  readonly endpoint: string;
  readonly intervalMs: number;
  readonly startedAt: number;
  endedAt: number | null;
  error: SourceError | null;
}

export interface PollLog {
  readonly records: readonly PollRecord[];
  /** The real providers, each endpoint's poll recorded on its way through. */
  providers(kind: ProviderKind): Provider | undefined;
  of(sourceId: string, endpoint?: string): PollRecord[];
  endpoints(sourceId: string): string[];
}

/**
 * Records every poll without changing it: the same provider objects, the
 * same HTTP, only timed. This is how a test knows when an endpoint's backoff
 * ended and whether its next poll succeeded, without reaching into the scheduler.
 */
export function createPollLog(now: () => number, keep = Infinity): PollLog {
  const records: PollRecord[] = [];
  const wrapped = new Map<ProviderKind, Provider>();

  function wrap(provider: Provider): Provider {
    return {
      ...provider,
      connect(source, deps) {
        const connection = provider.connect(source, deps);
        return {
          ...connection,
          endpoints: connection.endpoints.map((endpoint) => ({
            ...endpoint,
            poll: async (signal: AbortSignal) => {
              const record: PollRecord = {
                sourceId: source.id,
                endpoint: endpoint.name,
                intervalMs: endpoint.intervalMs,
                startedAt: now(),
                endedAt: null,
                error: null,
              };
              records.push(record);
              if (records.length > keep) records.shift();
              const result = await endpoint.poll(signal);
              record.endedAt = now();
              record.error = result.ok ? null : result.error;
              return result;
            },
          })),
        };
      },
    };
  }

  return {
    records,
    providers(kind) {
      const real = providerFor(kind);
      if (real === undefined) return undefined;
      let found = wrapped.get(kind);
      if (found === undefined) {
        found = wrap(real);
        wrapped.set(kind, found);
      }
      return found;
    },
    of: (sourceId, endpoint) =>
      records.filter((r) => r.sourceId === sourceId && (endpoint === undefined || r.endpoint === endpoint)),
    endpoints: (sourceId) => [...new Set(records.filter((r) => r.sourceId === sourceId).map((r) => r.endpoint))],
  };
}
