import type { FetchLike } from '../../main/providers/http';
import type { AsyncSimHandler, SimResponse } from '../../main/demo/sim-server';

/**
 * A fetch that hands each request straight to a platform simulator's
 * handler, chosen by host name, with no sockets: simulated hours pass in
 * seconds and nothing depends on real time. Every request is reported to
 * `onRequest` as it reaches a simulator: that is where requests are counted.
 */
export interface SimFetch {
  readonly fetch: FetchLike;
  /** Requests being answered right now (a simulator may answer asynchronously). */
  inFlight(): number;
}

export function createSimFetch(
  routes: ReadonlyMap<string, AsyncSimHandler>,
  onRequest: (host: string, path: string) => void,
): SimFetch {
  let inFlight = 0;
  const fetch: FetchLike = async (url, init) => {
    const parsed = new URL(url);
    const handler = routes.get(parsed.host);
    if (!handler) throw new TypeError('fetch failed', { cause: { code: 'ENOTFOUND' } });
    if (init.signal?.aborted) throw new DOMException('The operation was aborted.', 'AbortError');
    onRequest(parsed.host, parsed.pathname);
    inFlight++;
    let answer: SimResponse;
    try {
      answer = await handler({
        method: init.method ?? 'GET',
        path: parsed.pathname,
        query: parsed.searchParams,
        headers: lowerCased(init.headers),
        body: typeof init.body === 'string' ? init.body : '',
      });
    } finally {
      inFlight--;
    }
    const isText = typeof answer.body === 'string';
    return new Response(isText ? (answer.body as string) : JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'content-type': isText ? 'text/plain; charset=utf-8' : 'application/json', ...answer.headers },
    });
  };
  return { fetch, inFlight: () => inFlight };
}

function lowerCased(headers: RequestInit['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  new Headers(headers).forEach((value, key) => (out[key] = value));
  return out;
}
