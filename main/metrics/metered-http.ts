import type { Http } from '../providers/http';
import { log } from '../log/logger';

/** One platform request as the metrics see it; never a URL with its query (it may hold ids or keys). */
export interface RequestRecord {
  readonly provider: string;
  readonly url: string;
  /** The HTTP status, or null when no answer came (network error, timeout). */
  readonly status: number | null;
  readonly seconds: number;
}

export type RequestObserver = (record: RequestRecord) => void;

/** Wraps a source's Http so every request it sends is counted and timed. */
export function meteredHttp(
  inner: Http,
  provider: string,
  observe: RequestObserver,
  now: () => number = () => performance.now(),
): Http {
  return {
    async send(request) {
      const started = now();
      const answer = await inner.send(request);
      const status = answer.ok ? answer.value.status : (answer.error.status ?? null);
      try {
        observe({ provider, url: request.url, status, seconds: Math.max(0, (now() - started) / 1000) });
      } catch (cause) {
        // Metrics are a by-product: a failure there must never fail a poll.
        log.error('[metrics] could not record a request', cause);
      }
      return answer;
    },
  };
}

/** Requests are metered from the engine's start; they are recorded once the metrics exist. */
export function requestMeter(): {
  meter: (inner: Http, provider: string) => Http;
  attach: (observe: RequestObserver) => void;
} {
  let observe: RequestObserver | null = null;
  return {
    meter: (http, provider) => meteredHttp(http, provider, (record) => observe?.(record)),
    attach: (next) => void (observe = next),
  };
}
