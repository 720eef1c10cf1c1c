import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type RequestListener, type Server } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { nodeHttpFetch } from '../../../main/headless/node-http-fetch';
import { createHttp, type FetchLike } from '../../../main/providers/http';

let servers: Server[] = [];
afterEach(() => {
  for (const server of servers) server.close();
  servers = [];
});

/** Starts `server` (plain HTTP with `handler` when none is given) on loopback; returns "host:port". */
async function listen(handler: RequestListener, server: Server = createServer(handler)): Promise<string> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Node's fetch and headless's client must look the same to the engine: these run against both. */
const CLIENTS: ReadonlyArray<readonly [string, FetchLike]> = [
  ['Node fetch', (url, init) => fetch(url, init)],
  ['node-http-fetch', nodeHttpFetch],
];

describe.each(CLIENTS)('what the engine relies on, through %s', (_name, client) => {
  it('returns any status as an answer, headers in any case, the body as UTF-8 text', async () => {
    const host = await listen((_req, res) => {
      res.writeHead(503, { 'Content-Type': 'application/json', 'X-RateLimit-Remaining': '7' });
      res.end(JSON.stringify({ message: 'down for maintenance – back at 10:00' }));
    });
    const answer = await createHttp({ fetch: client }).send({ url: `http://${host}/x` });
    expect(answer.ok).toBe(true);
    if (!answer.ok) return;
    expect(answer.value.status).toBe(503);
    expect(answer.value.headers.get('x-ratelimit-remaining')).toBe('7');
    expect(answer.value.headers.get('X-RATELIMIT-REMAINING')).toBe('7');
    expect(answer.value.headers.get('retry-after')).toBeNull();
    expect(JSON.parse(answer.value.text)).toEqual({ message: 'down for maintenance – back at 10:00' });
  });

  it('sends the method, the headers and a string body with its length', async () => {
    let seen: { method?: string; auth?: string; length?: string; body: string } = { body: '' };
    const host = await listen((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        seen = { method: req.method, auth: req.headers.authorization, length: req.headers['content-length'], body };
        res.end('{}');
      });
    });
    const body = JSON.stringify({ query: 'viewers – ü' });
    await createHttp({ fetch: client }).send({
      url: `http://${host}/post`,
      method: 'POST',
      headers: { Authorization: 'Bearer t0k3n' },
      body,
    });
    expect(seen).toEqual({ method: 'POST', auth: 'Bearer t0k3n', length: String(Buffer.byteLength(body)), body });
  });

  it.each([
    ['gzip', gzipSync],
    ['deflate', deflateSync],
    ['br', brotliCompressSync],
  ] as const)('decodes a %s answer', async (encoding, compress) => {
    const page = JSON.stringify({ sessions: Array.from({ length: 200 }, (_, i) => ({ id: `s-${i}` })) });
    const host = await listen((_req, res) => {
      res.writeHead(200, { 'content-encoding': encoding, 'content-type': 'application/json' });
      res.end(compress(Buffer.from(page)));
    });
    const answer = await createHttp({ fetch: client }).send({ url: `http://${host}/page` });
    expect(answer).toMatchObject({ ok: true, value: { status: 200, text: page } });
  });

  it('refuses a redirect as a network error instead of following it', async () => {
    let followed = false;
    const host = await listen((req, res) => {
      if (req.url === '/elsewhere') followed = true;
      res.writeHead(302, { location: '/elsewhere' });
      res.end();
    });
    const answer = await createHttp({ fetch: client }).send({ url: `http://${host}/moved` });
    expect(answer).toMatchObject({ ok: false, error: { kind: 'network' } });
    expect(followed).toBe(false);
  });

  it('names a refused connection', async () => {
    const host = await listen(() => undefined);
    servers.pop()!.close();
    const answer = await createHttp({ fetch: client }).send({ url: `http://${host}/x` });
    expect(answer).toMatchObject({
      ok: false,
      error: { kind: 'network', message: `Could not reach ${host} (connection refused).` },
    });
  });

  it('times out a server that stops halfway through its answer', async () => {
    const host = await listen((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"sessions": [');
    });
    const answer = await createHttp({ fetch: client, defaultTimeoutMs: 300 }).send({ url: `http://${host}/slow` });
    expect(answer).toMatchObject({ ok: false, error: { kind: 'timeout' } });
  });

  it('is cancelled by the caller’s signal', async () => {
    const host = await listen(() => undefined);
    const stop = new AbortController();
    const pending = createHttp({ fetch: client }).send({ url: `http://${host}/hang`, signal: stop.signal });
    setTimeout(() => stop.abort(), 50);
    expect(await pending).toMatchObject({
      ok: false,
      error: { kind: 'network', message: `The request to ${host} was cancelled.` },
    });
  });
});

describe('node-http-fetch alone', () => {
  it('checks the certificate: a self-signed one is refused, with its reason', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sw-node-http-'));
    try {
      execFileSync('openssl', [
        'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2',
        '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
        '-subj', '/CN=localhost', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost',
      ], { stdio: 'ignore' }); // prettier-ignore
      let reached = false;
      const reach: RequestListener = (_req, res) => {
        reached = true;
        res.end('{}');
      };
      const keys = { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
      const host = await listen(reach, createTlsServer(keys, reach));
      const answer = await createHttp({ fetch: nodeHttpFetch }).send({ url: `https://${host}/x` });
      expect(answer).toMatchObject({ ok: false, error: { kind: 'network' } });
      if (!answer.ok) expect(answer.error.message).toMatch(/SELF_SIGNED|self[- ]signed/i);
      expect(reached).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('takes headers as a record, as pairs or as a Headers', async () => {
    const seen: Array<string | undefined> = [];
    const host = await listen((req, res) => {
      seen.push(String(req.headers['x-account']));
      res.end('{}');
    });
    for (const headers of [
      { 'X-Account': 'a' },
      [['X-Account', 'b']] as [string, string][],
      new Headers({ 'X-Account': 'c' }),
    ]) {
      await nodeHttpFetch(`http://${host}/`, { headers });
    }
    expect(seen).toEqual(['a', 'b', 'c']);
  });

  it('answers a scheme it cannot send with a clear rejection', async () => {
    await expect(nodeHttpFetch('ftp://127.0.0.1/x', {})).rejects.toThrow('ftp: is not http or https');
  });
});
