import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { FetchAnswer, FetchLike } from '../providers/http';

/**
 * The engine's HTTP client in headless, on Node's own http and https modules.
 * Why not Node's global fetch: it is undici, loaded and compiled on first use,
 * and its web streams cost a fresh process about 60 ms for the first request
 * and some 10 ms for each of the next twenty (measured on the NAVER
 * simulator's 155 KiB page), where http costs 26 ms and 4 ms. A headless
 * collector starts often and its first minute is its busiest.
 *
 * It does what the engine asks of fetch and no more: one request, headers,
 * a string body, abort by signal, redirects refused (the engine never
 * follows one), compressed answers decoded, the body read as UTF-8 text.
 * Failures reject as fetch's do, a TypeError whose `cause` holds the
 * system error, so callers read `cause.code` ("ECONNREFUSED") either way.
 */
export const nodeHttpFetch: FetchLike = (url, init) =>
  new Promise<FetchAnswer>((resolve, reject) => {
    const signal = init.signal ?? undefined;
    if (signal?.aborted) {
      reject(abortError());
      return;
    }
    let target: URL;
    try {
      target = new URL(url);
    } catch (cause) {
      reject(new TypeError('fetch failed', { cause }));
      return;
    }
    const send = target.protocol === 'https:' ? httpsRequest : target.protocol === 'http:' ? httpRequest : null;
    if (send === null) {
      reject(new TypeError(`fetch failed: ${target.protocol} is not http or https`));
      return;
    }
    const headers: Record<string, string> = { 'accept-encoding': 'gzip, deflate, br' };
    for (const [name, value] of headerPairs(init.headers)) headers[name.toLowerCase()] = value;
    const body = typeof init.body === 'string' ? init.body : undefined;
    if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
    const outgoing = send(target, { method: init.method ?? 'GET', headers });
    const onAbort = (): void => {
      outgoing.destroy(abortError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    const settle = (): void => signal?.removeEventListener('abort', onAbort);
    const fail = (cause: unknown): void => {
      settle();
      reject(signal?.aborted ? abortError() : new TypeError('fetch failed', { cause }));
    };
    outgoing.on('error', fail);
    outgoing.on('response', (incoming) => {
      const status = incoming.statusCode ?? 0;
      if (status >= 300 && status < 400 && incoming.headers.location !== undefined) {
        incoming.resume();
        fail(new Error(`redirected to ${incoming.headers.location}, and redirects are refused`));
        outgoing.destroy();
        return;
      }
      const text = readText(incoming).finally(settle);
      // Read before answering, as the engine always reads the whole body: an abort mid-body rejects here.
      text.then(
        (content) => resolve({ status, headers: answerHeaders(incoming), text: () => Promise.resolve(content) }),
        fail,
      );
    });
    outgoing.end(body);
  });

/** The request's headers in any of the shapes fetch accepts: a record, pairs, or a Headers. */
function headerPairs(given: RequestInit['headers']): Iterable<readonly [string, string]> {
  if (given === undefined) return [];
  if (Array.isArray(given)) return given.map(([name, value]) => [String(name), String(value)] as const);
  if (typeof (given as Headers).forEach === 'function') {
    const pairs: Array<readonly [string, string]> = [];
    (given as Headers).forEach((value, name) => pairs.push([name, value]));
    return pairs;
  }
  return Object.entries(given as Record<string, string>);
}

function abortError(): DOMException {
  return new DOMException('This operation was aborted', 'AbortError');
}

function readText(incoming: IncomingMessage): Promise<string> {
  const encoding = String(incoming.headers['content-encoding'] ?? '')
    .trim()
    .toLowerCase();
  const decoder =
    encoding === 'gzip' || encoding === 'x-gzip'
      ? createGunzip()
      : encoding === 'deflate'
        ? createInflate()
        : encoding === 'br'
          ? createBrotliDecompress()
          : null;
  const stream = decoder === null ? incoming : incoming.pipe(decoder);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    stream.on('error', reject);
    if (decoder !== null) incoming.on('error', reject);
    incoming.on('close', () => {
      if (!incoming.complete) reject(new Error('the connection closed before the answer was complete'));
    });
  });
}

/** Header lookup as fetch's Headers does it: any case, repeated values joined with ", ". */
function answerHeaders(incoming: IncomingMessage): FetchAnswer['headers'] {
  return {
    get(name) {
      const value = incoming.headers[name.toLowerCase()];
      if (value === undefined) return null;
      return Array.isArray(value) ? value.join(', ') : value;
    },
  };
}
