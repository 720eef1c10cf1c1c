import type { SimHandler, SimResponse } from '../../../../main/demo/sim-server';
import type { FetchLike } from '../../../../main/providers/http';

/**
 * Unit tests run the provider against the simulator's handler in-process (no
 * socket, fake clock) or against a hand-written handler serving fixtures. The
 * integration test does the same over real HTTP.
 */

export interface Seen {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly authorization: string | undefined;
}

export function handlerFetch(handler: SimHandler, seen: Seen[] = []): FetchLike {
  return async (url, init) => {
    const parsed = new URL(url);
    const headers = Object.fromEntries(new Headers(init.headers).entries());
    const request = {
      method: init.method ?? 'GET',
      path: parsed.pathname,
      query: parsed.searchParams,
      headers,
      body: typeof init.body === 'string' ? init.body : '',
    };
    seen.push({
      method: request.method,
      path: request.path,
      query: request.query,
      authorization: headers.authorization,
    });
    return toResponse(handler(request));
  };
}

export function toResponse(answer: SimResponse): Response {
  const isText = typeof answer.body === 'string';
  return new Response(isText ? (answer.body as string) : JSON.stringify(answer.body), {
    status: answer.status,
    headers: { 'content-type': isText ? 'text/plain' : 'application/json', ...answer.headers },
  });
}

/** A hand-set clock shared by the simulator and the provider. */
export function fakeClock(start: number) {
  let t = start;
  return {
    now: () => t,
    advance(ms: number) {
      t += ms;
    },
  };
}

export const signal = () => new AbortController().signal;
