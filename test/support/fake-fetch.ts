import type { FetchLike } from '../../main/providers/http';

export interface FakeReply {
  readonly status?: number;
  readonly headers?: Record<string, string>;
  readonly body?: string;
  /** Answer after this long (global timers, which the fake clock controls). */
  readonly delayMs?: number;
}

export interface FakeFetch {
  readonly fetch: FetchLike;
  /** Every request that reached the "network", with the fake time it arrived. */
  readonly calls: Array<{ readonly url: string; readonly at: number; readonly source: string | null }>;
  /** The most requests for one path that were ever in flight at once. */
  readonly maxInFlight: Map<string, number>;
  reply(handler: (url: URL) => FakeReply | 'refuse'): void;
}

/** A fetch that answers in-process on the fake clock: 200 "{}" unless told otherwise. */
export function createFakeFetch(): FakeFetch {
  let handler: (url: URL) => FakeReply | 'refuse' = () => ({});
  const calls: FakeFetch['calls'] = [];
  const inFlight = new Map<string, number>();
  const maxInFlight = new Map<string, number>();
  return {
    calls,
    maxInFlight,
    reply(next) {
      handler = next;
    },
    fetch: async (url, init) => {
      calls.push({
        url,
        at: Date.now(),
        source: (init.headers as Record<string, string> | undefined)?.['x-source'] ?? null,
      });
      const parsed = new URL(url);
      const reply = handler(parsed);
      if (reply === 'refuse') throw new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } });
      const path = parsed.pathname;
      inFlight.set(path, (inFlight.get(path) ?? 0) + 1);
      maxInFlight.set(path, Math.max(maxInFlight.get(path) ?? 0, inFlight.get(path)!));
      try {
        // Like the real fetch: an abort ends the wait at once.
        if (reply.delayMs) await abortableDelay(reply.delayMs, init.signal ?? undefined);
        if (init.signal?.aborted) throw new DOMException('The operation was aborted.', 'AbortError');
        return new Response(reply.body ?? '{}', { status: reply.status ?? 200, headers: reply.headers });
      } finally {
        inFlight.set(path, inFlight.get(path)! - 1);
      }
    },
  };
}

function abortableDelay(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const handle = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(handle);
      signal?.removeEventListener('abort', done);
      resolve();
    }
  });
}
