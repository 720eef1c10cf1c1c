import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  createHttp,
  describeBody,
  parseJson,
  parseRetryAfter,
  parseWith,
  statusError,
} from '../../../main/providers/http';

let server: Server | undefined;
afterEach(() => server?.close());

async function listen(handler: Parameters<typeof createServer>[1]): Promise<string> {
  server = createServer(handler);
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('http', () => {
  it('returns any status as an answer', async () => {
    const base = await listen((_req, res) => {
      res.writeHead(503, { 'content-type': 'text/plain' });
      res.end('down');
    });
    const answer = await createHttp({ fetch }).send({ url: `${base}/x` });
    expect(answer).toMatchObject({ ok: true, value: { status: 503, text: 'down' } });
  });

  it('classifies a refused connection as network, naming the host', async () => {
    const base = await listen(() => undefined);
    const port = new URL(base).port;
    server!.close();
    server = undefined;
    const answer = await createHttp({ fetch }).send({ url: `http://127.0.0.1:${port}/x` });
    expect(answer.ok).toBe(false);
    if (!answer.ok) {
      expect(answer.error.kind).toBe('network');
      expect(answer.error.message).toContain(`127.0.0.1:${port}`);
    }
  });

  it('times out a server that never answers', async () => {
    const base = await listen(() => undefined);
    const answer = await createHttp({ fetch, defaultTimeoutMs: 200 }).send({ url: `${base}/hang` });
    expect(answer).toMatchObject({ ok: false, error: { kind: 'timeout' } });
  });

  it('parses Retry-After as seconds, HTTP dates and ISO date-times', () => {
    expect(parseRetryAfter('30', 1_000)).toBe(31_000);
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:28:00 GMT', 0)).toBe(Date.parse('2026-10-21T07:28:00Z'));
    expect(parseRetryAfter('2026-11-24T00:00:00Z', 0)).toBe(Date.parse('2026-11-24T00:00:00Z'));
    expect(parseRetryAfter('soon', 0)).toBeUndefined();
  });

  it('turns statuses into kinds with a sentence', () => {
    const answer = (status: number, text = '', headers: Record<string, string> = {}) => ({
      status,
      text,
      headers: new Headers(headers),
    });
    expect(statusError('Conviva', answer(401, '{"message":"Unauthorized"}'), 0)).toMatchObject({
      kind: 'auth',
      message: 'Conviva refused the credentials (401): Unauthorized.',
    });
    expect(statusError('X', answer(429, '', { 'retry-after': '5' }), 0)).toMatchObject({
      kind: 'rate-limited',
      retryAt: 5000,
    });
    expect(statusError('X', answer(502, '<html><title>Bad Gateway</title></html>'), 0).message).toBe(
      'X server error (502): Bad Gateway.',
    );
    expect(describeBody('{"title":"Not found","detail":"No such video"}')).toBe('Not found: No such video');
  });

  it('reports non-JSON and the path of the first bad field', () => {
    expect(parseJson('NAVER VPE', '<html>')).toMatchObject({ ok: false, error: { kind: 'schema' } });
    const schema = z.object({ result: z.array(z.object({ n: z.number() })) });
    const parsed = parseWith('NAVER VPE', schema, { result: [{ n: 1 }, { n: 'x' }] });
    expect(parsed).toMatchObject({ ok: false, error: { kind: 'schema', path: 'result[1].n' } });
  });
});
