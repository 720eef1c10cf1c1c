import { answerUnderFault, bodyText, type Fault } from '../../../../main/demo/sim-faults';
import type { AsyncSimHandler, SimResponse } from '../../../../main/demo/sim-server';
import type { FetchLike } from '../../../../main/providers/http';

/** What one simulator served, by its own count. */
export interface Served {
  /** Requests that reached it, whatever became of them (refused ones included: the door was knocked on). */
  requests: number;
  refused: number;
  /** Answers whose body came from the simulator unchanged by a fault. */
  usable: number;
  /** Session ids in usable answers, with when they were served. */
  readonly sessions: Map<string, number>;
}

export interface SimHost {
  readonly handler: AsyncSimHandler;
  fault: Fault | null;
  readonly served: Served;
}

export interface SimTransport {
  readonly fetch: FetchLike;
  /** Adds a simulator at an origin such as http://naver-1.sim; returns its controls. */
  add(origin: string, handler: AsyncSimHandler): SimHost;
  setFault(origin: string, fault: Fault | null): void;
  inFlight(): number;
  /** Requests held by a fault that waits on (fake) time: hung, or slow. */
  parked(): number;
}

/**
 * A fetch that hands requests straight to the simulators' handlers, with the
 * same faults as the HTTP server (sim-faults.ts). The soak uses it because 24
 * simulated hours of real sockets would take minutes of real time; the fault
 * suite uses real HTTP. A refused connection throws as Node's fetch does
 * (TypeError with cause.code ECONNREFUSED); a hung request settles only when
 * its signal aborts or the fault is switched off (the connection drops).
 */
export function createSimTransport(): SimTransport {
  const hosts = new Map<string, SimHost>();
  // Hung requests by origin: switching one simulator's fault off drops only its connections.
  const hung = new Map<string, Set<(reason: unknown) => void>>();
  let inFlight = 0;
  let waiting = 0;

  async function serve(host: SimHost, url: URL, init: RequestInit): Promise<Response> {
    const signal = init.signal ?? undefined;
    host.served.requests += 1;
    if (host.fault?.type === 'refuse') {
      host.served.refused += 1;
      throw new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } });
    }
    const headers = Object.fromEntries(new Headers(init.headers).entries());
    const request = {
      method: init.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers,
      body: typeof init.body === 'string' ? init.body : '',
    };
    // The handler's own answer: a fault that passes it through unchanged hands back this very object.
    const handled: { response: SimResponse | null } = { response: null };
    const outcome = await answerUnderFault(
      host.fault,
      request,
      async (req) => (handled.response = await host.handler(req)),
      {
        wait: async (ms) => {
          waiting += 1;
          try {
            await new Promise((resolve) => setTimeout(resolve, ms));
          } finally {
            waiting -= 1;
          }
        },
      },
    );
    if (outcome.kind === 'hang') return hang(url.origin, signal);
    if (signal?.aborted) throw new DOMException('The operation was aborted.', 'AbortError');
    const response = outcome.response;
    if (response === handled.response && response.status >= 200 && response.status < 300) {
      host.served.usable += 1;
      for (const id of sessionIds(response.body, Date.now())) host.served.sessions.set(id, Date.now());
    }
    const type = typeof response.body === 'string' ? 'text/plain; charset=utf-8' : 'application/json';
    return new Response(bodyText(response), {
      status: response.status,
      headers: { 'content-type': type, ...response.headers },
    });
  }

  function hang(origin: string, signal: AbortSignal | undefined): Promise<Response> {
    const parked = hung.get(origin) ?? new Set();
    hung.set(origin, parked);
    return new Promise<Response>((_, reject) => {
      const onAbort = () => drop(new DOMException('The operation was aborted.', 'AbortError'));
      const drop = (reason: unknown) => {
        parked.delete(drop);
        signal?.removeEventListener('abort', onAbort);
        reject(reason);
      };
      parked.add(drop);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  return {
    fetch: async (url, init) => {
      const parsed = new URL(url);
      const host = hosts.get(parsed.origin);
      if (host === undefined) throw new TypeError('fetch failed', { cause: { code: 'ENOTFOUND' } });
      inFlight += 1;
      try {
        return await serve(host, parsed, init);
      } finally {
        inFlight -= 1;
      }
    },
    add(origin, handler) {
      const host: SimHost = {
        handler,
        fault: null,
        served: { requests: 0, refused: 0, usable: 0, sessions: new Map() },
      };
      hosts.set(origin, host);
      return host;
    },
    setFault(origin, fault) {
      const host = hosts.get(origin);
      if (host === undefined) return;
      host.fault = fault;
      // Switching the fault off drops hung connections, as the HTTP server does.
      if (fault?.type !== 'hang')
        for (const drop of [...(hung.get(origin) ?? [])])
          drop(new TypeError('fetch failed', { cause: { code: 'ECONNRESET' } }));
    },
    inFlight: () => inFlight,
    parked: () => [...hung.values()].reduce((sum, parked) => sum + parked.size, 0) + waiting,
  };
}

/**
 * The session ids in a listing, whatever the platform: NAVER `result[].uuid`,
 * api.video `data[].session.sessionId`, Conviva `sessions[].session_id`, Zoom `sessions[].id`.
 */
function sessionIds(body: unknown, now: number): string[] {
  if (typeof body !== 'object' || body === null) return [];
  const record = body as Record<string, unknown>;
  const list = record.sessions ?? record.result ?? record.data;
  if (!Array.isArray(list)) return [];
  const ids: string[] = [];
  for (const item of list as Array<Record<string, unknown>>) {
    const nested = item.session as Record<string, unknown> | undefined;
    // api.video's period is whole UTC days; the provider keeps only what ended within the last 24 h.
    const ended = typeof nested?.endedAt === 'string' ? Date.parse(nested.endedAt.replace(/\+00$/, 'Z')) : NaN;
    if (ended < now - 24 * 3_600_000) continue;
    const id =
      item.session_id ?? item.uuid ?? nested?.sessionId ?? (record.sessions !== undefined ? item.id : undefined);
    if (typeof id === 'string' || typeof id === 'number') ids.push(String(id));
  }
  return ids;
}
