import type { AsyncSimHandler, SimRequest, SimResponse } from './sim-server';

/**
 * Faults any simulated platform can suffer, kept apart from the HTTP server
 * so the same fault means the same thing over a real socket (sim-server.ts)
 * and through an in-process fetch (the soak test, which cannot afford real
 * HTTP for 24 simulated hours).
 */

export type Fault =
  /** Nothing listens on the port: ECONNREFUSED. */
  | { readonly type: 'refuse' }
  /** The connection is accepted and the request read, then nothing is ever sent. */
  | { readonly type: 'hang' }
  /** The normal answer, late. The delay runs on the global timers, so a fake clock controls it. */
  | { readonly type: 'slow'; readonly delayMs: number }
  /** A proxy's or load balancer's error page instead of the platform's JSON. */
  | { readonly type: 'html-error'; readonly status: 500 | 502 | 503 }
  /** HTTP 200 with plain text where JSON belongs. */
  | { readonly type: 'not-json' }
  /** The normal body cut in half (a dropped connection behind a proxy that still said 200). */
  | { readonly type: 'truncated' }
  /**
   * The normal, well-formed answer with one field of another type (a count
   * sent as an object, a list as a string): the platform changed its API.
   * Answers that do not have the field are left alone.
   */
  | { readonly type: 'changed-type'; readonly path: readonly (string | number)[]; readonly value: unknown }
  /** 429 with `Retry-After` in seconds (RFC 9110's delay-seconds). */
  | { readonly type: 'retry-after-seconds'; readonly seconds: number }
  /** 429 with `Retry-After` as a date: an HTTP-date, or an ISO date-time as Zoom sends for daily limits. */
  | { readonly type: 'retry-after-date'; readonly at: number; readonly format?: 'http-date' | 'iso' }
  | {
      readonly type: 'status';
      readonly status: number;
      readonly headers?: Record<string, string>;
      readonly body: unknown;
    };

/** What a fault makes of one request: no answer ever (until the client gives up), or an answer to send. */
export type FaultOutcome = { readonly kind: 'hang' } | { readonly kind: 'answer'; readonly response: SimResponse };

export interface FaultOptions {
  /** How a slow answer waits; the HTTP server counts such requests as parked. */
  readonly wait?: (ms: number) => Promise<void>;
}

const defaultWait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The answer to `request` under `fault` (null: none). `refuse` is the
 * transport's business (nothing may even be read), so here it is treated as
 * no fault.
 */
export async function answerUnderFault(
  fault: Fault | null,
  request: SimRequest,
  handler: AsyncSimHandler,
  options: FaultOptions = {},
): Promise<FaultOutcome> {
  const answer = (response: SimResponse): FaultOutcome => ({ kind: 'answer', response });
  switch (fault?.type) {
    case 'hang':
      return { kind: 'hang' };
    case 'html-error':
      return answer({ status: fault.status, headers: { 'content-type': 'text/html' }, body: htmlError(fault.status) });
    case 'status':
      return answer(fault);
    case 'retry-after-seconds':
      return answer(tooMany(String(fault.seconds)));
    case 'retry-after-date': {
      const date = new Date(fault.at);
      return answer(
        tooMany(fault.format === 'iso' ? date.toISOString().replace(/\.\d{3}Z$/, 'Z') : date.toUTCString()),
      );
    }
    case 'slow':
      await (options.wait ?? defaultWait)(fault.delayMs);
      break;
    default:
      break;
  }
  let response: SimResponse;
  try {
    response = await handler(request);
  } catch (cause) {
    response = { status: 500, body: { message: `simulator error: ${String(cause)}` } };
  }
  switch (fault?.type) {
    case 'not-json':
      return answer({ status: 200, headers: { 'content-type': 'text/plain' }, body: 'upstream maintenance' });
    case 'truncated': {
      const text = typeof response.body === 'string' ? response.body : JSON.stringify(response.body);
      return answer({ ...response, body: text.slice(0, Math.max(1, Math.floor(text.length / 2))) });
    }
    case 'changed-type': {
      // Answers without the field go out untouched (the same object), so a caller can tell.
      const body = retyped(response.body, fault.path, fault.value);
      return answer(body === response.body ? response : { ...response, body });
    }
    default:
      return answer(response);
  }
}

/** The body as text, exactly as the HTTP server sends it. */
export function bodyText(response: SimResponse): string {
  return typeof response.body === 'string' ? response.body : JSON.stringify(response.body);
}

export function htmlError(status: number): string {
  const title =
    status === 502 ? '502 Bad Gateway' : status === 503 ? '503 Service Unavailable' : '500 Internal Server Error';
  return `<!DOCTYPE html><html><head><title>${title}</title></head><body><h1>${title}</h1></body></html>`;
}

function tooMany(retryAfter: string): SimResponse {
  return { status: 429, headers: { 'retry-after': retryAfter }, body: { code: 429, message: 'Too many requests.' } };
}

/** `body` with the value at `path` replaced (copying only what changes), or `body` itself when the path is not there. */
function retyped(body: unknown, path: readonly (string | number)[], value: unknown): unknown {
  if (path.length === 0 || typeof body !== 'object' || body === null) return body;
  const [head, ...rest] = path;
  const container = body as Record<string | number, unknown>;
  if (!(head! in container)) return body;
  const inner = rest.length === 0 ? value : retyped(container[head!], rest, value);
  if (inner === container[head!]) return body;
  const copy = (Array.isArray(body) ? [...body] : { ...container }) as Record<string | number, unknown>;
  copy[head!] = inner;
  return copy;
}
