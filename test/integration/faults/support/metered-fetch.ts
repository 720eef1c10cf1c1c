import type { FetchLike } from '../../../../main/providers/http';

/** One request as the engine's fetch saw it, timed on the (fake) clock. */
export interface Exchange {
  readonly origin: string;
  readonly path: string;
  readonly method: string;
  readonly startedAt: number;
  endedAt: number | null;
  /** The HTTP status, or how the request failed without one. */
  outcome: number | 'refused' | 'aborted' | 'failed' | null;
}

export interface MeteredFetch {
  readonly fetch: FetchLike;
  /** Requests started and not yet finished, body included. */
  inFlight(): number;
  /** Every request, oldest first. */
  readonly log: readonly Exchange[];
}

/**
 * Wraps a fetch to count and time what the engine sends. The body is read
 * here, inside the count, so "nothing in flight" really means no socket is
 * still delivering bytes: the time driver waits for that before it moves the
 * fake clock, and an answer never arrives "after" a timeout it beat in real life.
 */
export function meterFetch(inner: FetchLike, now: () => number): MeteredFetch {
  const log: Exchange[] = [];
  let inFlight = 0;

  const fetch: FetchLike = async (url, init) => {
    const parsed = new URL(url);
    const exchange: Exchange = {
      origin: parsed.origin,
      path: parsed.pathname,
      method: init.method ?? 'GET',
      startedAt: now(),
      endedAt: null,
      outcome: null,
    };
    log.push(exchange);
    inFlight += 1;
    try {
      const response = await inner(url, init);
      const body = await response.text();
      exchange.outcome = response.status;
      return { status: response.status, headers: response.headers, text: () => Promise.resolve(body) };
    } catch (cause) {
      exchange.outcome = outcomeOf(cause, init.signal);
      throw cause;
    } finally {
      exchange.endedAt = now();
      inFlight -= 1;
    }
  };

  return { fetch, inFlight: () => inFlight, log };
}

function outcomeOf(cause: unknown, signal: AbortSignal | null | undefined): Exchange['outcome'] {
  if (signal?.aborted) return 'aborted';
  const code = (cause as { cause?: { code?: unknown } } | undefined)?.cause?.code;
  return code === 'ECONNREFUSED' ? 'refused' : 'failed';
}
