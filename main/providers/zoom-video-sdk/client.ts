import type { z } from 'zod';
import { sourceError, type SourceError } from '@shared/model/errors';
import type { RateLimit } from '@shared/model/samples';
import { err, ok, type Result } from '@shared/result';
import { parseJson, parseWith, type Http } from '../http';
import { isPageTokenExpired, rateLimitName, readRateLimit, zoomError } from './errors';
import type { JwtSigner } from './jwt';

export interface ZoomClientOptions {
  readonly http: Http;
  readonly now: () => number;
  /** e.g. https://api.zoom.us/v2 (the simulator's in demo mode and tests). */
  readonly baseUrl: string;
  readonly signer: JwtSigner;
  /** [0, 1) for backoff jitter; injected so tests can pin it. */
  readonly random?: () => number;
}

export type Query = Readonly<Record<string, string | number | undefined>>;

export interface ZoomAnswer<T> {
  readonly body: T;
  readonly rateLimit: RateLimit | null;
  /** "Resource-intensive daily limit", from the headers, for notes. */
  readonly rateLimitName: string;
}

export interface Listing<T> {
  readonly items: readonly T[];
  readonly rateLimit: RateLimit | null;
  readonly rateLimitName: string;
  /** The listing was restarted because a page token expired. */
  readonly restarted: boolean;
  /** Set when the listing stopped at `maxPages` with more to come: the token to continue from. */
  readonly next: string | null;
}

export interface ListOptions {
  /** Stop after this many pages and hand back the token of the next one. */
  readonly maxPages?: number;
  /** Continue an earlier listing from this token (restarted from the top if it has expired). */
  readonly startToken?: string | null;
}

/** A page of any Zoom listing: its items and the token of the next page ("" or absent at the end). */
export interface Paged<T> {
  readonly items: readonly T[];
  readonly next: string | null | undefined;
}

export interface ZoomClient {
  get<T>(
    path: string,
    query: Query,
    schema: z.ZodType<T>,
    signal: AbortSignal,
  ): Promise<Result<ZoomAnswer<T>, SourceError>>;
  /** The pages of a listing, following `next_page_token` to the end (or to `maxPages`). */
  listAll<P, T>(
    path: string,
    query: Query,
    schema: z.ZodType<P>,
    pick: (page: P) => Paged<T>,
    signal: AbortSignal,
    options?: ListOptions,
  ): Promise<Result<Listing<T>, SourceError>>;
}

/** A runaway listing (a server handing out tokens forever) stops here: 200 pages of 300 is 60,000 sessions. */
const MAX_PAGES = 200;
/** Per-second 429s back off 5 s, 10 s, 20 s … up to 5 min, each with jitter so clients do not retry in step. */
const BACKOFF_BASE_MS = 5_000;
const BACKOFF_MAX_MS = 5 * 60_000;

export function createZoomClient(options: ZoomClientOptions): ZoomClient {
  const base = options.baseUrl.replace(/\/+$/, '');
  const random = options.random ?? Math.random;
  let throttledInARow = 0;

  function backoffMs(): number {
    const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** throttledInARow);
    return Math.round(ceiling * (0.5 + 0.5 * random()));
  }

  async function send(url: string, signal: AbortSignal) {
    const token = await options.signer.token();
    if (!token.ok) return token;
    return options.http.send({
      url,
      headers: { authorization: `Bearer ${token.value}`, accept: 'application/json' },
      signal,
    });
  }

  async function get<T>(path: string, query: Query, schema: z.ZodType<T>, signal: AbortSignal) {
    const url = `${base}${path}${queryString(query)}`;
    let answer = await send(url, signal);
    // A refused token may be stale (expired, clock change, rotated secret): sign afresh and try once more,
    // so an expired JWT never reads as refused credentials (which would stop the source).
    if (answer.ok && answer.value.status === 401) {
      options.signer.invalidate();
      answer = await send(url, signal);
    }
    if (!answer.ok) return answer;
    const { status, headers, text } = answer.value;
    if (status < 200 || status >= 300) {
      const error = zoomError(answer.value, { now: options.now(), backoffMs: backoffMs() });
      if (status === 429 && !error.daily) throttledInARow += 1;
      if (error.kind === 'auth') options.signer.invalidate();
      return err(error);
    }
    throttledInARow = 0;
    const json = parseJson('Zoom', text);
    if (!json.ok) return json;
    const body = parseWith('Zoom', schema, json.value);
    if (!body.ok) return body;
    return ok({ body: body.value, rateLimit: readRateLimit(headers), rateLimitName: rateLimitName(headers) });
  }

  async function listAll<P, T>(
    path: string,
    query: Query,
    schema: z.ZodType<P>,
    pick: (page: P) => Paged<T>,
    signal: AbortSignal,
    listOptions: ListOptions = {},
  ) {
    const maxPages = listOptions.maxPages ?? MAX_PAGES;
    let restarted = false;
    let items: T[] = [];
    let token: string | null = listOptions.startToken ?? null;
    let pages = 0;
    let next: string | null | undefined = null;
    let seen = new Set<string>();
    let last: ZoomAnswer<P> | null = null;
    for (;;) {
      const page: Result<ZoomAnswer<P>, SourceError> = await get(
        path,
        { ...query, next_page_token: token ?? undefined },
        schema,
        signal,
      );
      if (!page.ok) {
        // Tokens live 15 minutes; a slow or paused listing outlives them. Start
        // the listing over once (not forever: a second expiry is reported).
        if (token !== null && !restarted && isPageTokenExpired(page.error)) {
          restarted = true;
          items = [];
          token = null;
          pages = 0;
          seen = new Set();
          continue;
        }
        return page;
      }
      last = page.value;
      pages += 1;
      const picked = pick(page.value.body);
      items.push(...picked.items);
      next = picked.next;
      if (!next || pages >= maxPages) break;
      if (seen.has(next) || seen.size + 1 >= MAX_PAGES) {
        return err(
          sourceError('provider', `Zoom kept sending more pages of ${path} (${seen.size + 1} pages); stopped paging.`),
        );
      }
      seen.add(next);
      token = next;
    }
    return ok({
      items,
      rateLimit: last?.rateLimit ?? null,
      rateLimitName: last?.rateLimitName ?? 'limit',
      restarted,
      next: next || null,
    });
  }

  return { get, listAll };
}

function queryString(query: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}
