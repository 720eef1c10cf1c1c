import type { AsyncSimHandler } from '../../../../main/demo/sim-server';
import type { FetchLike } from '../../../../main/providers/http';

/**
 * Calls a simulator's handler in-process, as a fetch: unit tests get the
 * simulator's real behaviour (JWT checks, paging, limits) on a fake clock
 * without a socket. `onRequest` runs before each call, e.g. to move the clock.
 */
export function simFetch(handler: AsyncSimHandler, onRequest?: (url: URL) => void): FetchLike & { paths: string[] } {
  const paths: string[] = [];
  const fetchLike = async (url: string, init: RequestInit): Promise<Response> => {
    const parsed = new URL(url);
    paths.push(`${parsed.pathname}${parsed.search}`);
    onRequest?.(parsed);
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((value, key) => {
      headers[key] = value;
    });
    const answer = await handler({
      method: init.method ?? 'GET',
      path: parsed.pathname,
      query: parsed.searchParams,
      headers,
      body: '',
    });
    const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
    return new Response(text, {
      status: answer.status,
      headers: { 'content-type': 'application/json', ...answer.headers },
    });
  };
  return Object.assign(fetchLike, { paths });
}
