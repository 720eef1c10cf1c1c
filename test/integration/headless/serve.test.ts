import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { quietPorts } from '../../support/core-fakes';
import { createHandlers } from '../../../main/api/handlers';
import { envPresence, envResolver } from '../../../main/credentials/env-store';
import { readOnlySources } from '../../../main/core/read-only-sources';
import { startServer, type RunningServer } from '../../../main/headless/serve';
import { WS_PATH } from '@shared/ipc/ws-protocol';
import { T0, fakeEngine, fakeHub, session, snapshotOf, sourceState } from '../../unit/headless/fakes';

/**
 * The --serve server in-process, over real HTTP and WebSocket on loopback,
 * with a fake engine: what a browser may fetch, and who may talk to the bridge.
 */

const PAGE_CSP = "default-src 'self'; script-src 'self'; connect-src 'self'";
let root: string;
let server: RunningServer;
const hub = fakeHub(snapshotOf([sourceState('main')], [session('main', 'abc', T0)]));

beforeAll(async () => {
  const base = await mkdtemp(join(tmpdir(), 'sw-serve-'));
  root = join(base, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(
    join(root, 'index.html'),
    `<!doctype html><meta http-equiv="Content-Security-Policy" content="${PAGE_CSP}"><script src="/assets/app.js"></script>`,
  );
  await writeFile(join(root, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(base, 'secret.txt'), 'outside');
  await symlink(join(base, 'secret.txt'), join(root, 'link.txt'));
  const bindings = { main: { apiKey: 'K' } };
  const handlers = createHandlers({
    engine: fakeEngine(hub),
    sources: readOnlySources({
      sources: [],
      origin: 'the config file x.json',
      resolve: envResolver(bindings, {}),
      presence: (id) => envPresence(bindings, id, {}),
    }),
    providers: [],
    info: { version: '0.1.0', shell: 'headless' },
    ...quietPorts(),
  });
  const started = await startServer({ port: 0, rendererRoot: root, handlers, hub });
  if (!started.ok) throw new Error(started.error);
  server = started.value;
});

afterAll(async () => {
  await server?.close();
  await rm(join(root, '..'), { recursive: true, force: true });
});

/** A raw request, so paths are sent exactly as written (fetch would normalise "..") and Host can be forged. */
function get(
  path: string,
  headers: Record<string, string> = {},
  method = 'GET',
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method, headers }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('headless --serve: static files', () => {
  it('tells to build first when the renderer is missing', async () => {
    const missing = await startServer({ port: 0, rendererRoot: join(root, 'nope'), handlers: {} as never, hub });
    expect(missing).toEqual({ ok: false, error: expect.stringContaining('Run `npm run build` first.') });
  });

  it('says so when the port is taken', async () => {
    const taken = await startServer({ port: server.port, rendererRoot: root, handlers: {} as never, hub });
    expect(taken).toEqual({
      ok: false,
      error: expect.stringContaining(`Port ${server.port} on 127.0.0.1 is already in use`),
    });
  });

  it('listens on 127.0.0.1 only', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('serves the page with its own CSP as a header, plus nosniff and no framing', async () => {
    const page = await get('/');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toBe(`${PAGE_CSP}; frame-ancestors 'none'`);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['x-frame-options']).toBe('DENY');
    const script = await get('/assets/app.js');
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.body).toBe('console.log(1)');
  });

  it.each([
    '/../secret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/%2e%2e/secret.txt',
    '/link.txt',
    '/assets/%00.js',
    '/..\\secret.txt',
  ])('refuses to leave the renderer folder: %s', async (path) => {
    const answer = await get(path);
    expect([400, 404]).toContain(answer.status);
    expect(answer.body).not.toContain('outside');
  });

  it('answers 404 for a missing file and 405 for other methods', async () => {
    expect((await get('/nope.js')).status).toBe(404);
    expect((await get('/', {}, 'POST')).status).toBe(405);
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    expect((await get('/', { host: `evil.example:${server.port}` })).status).toBe(421);
    expect((await get('/', { host: `localhost:${server.port}` })).status).toBe(200);
  });
});

function connect(origin: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}${WS_PATH}`, { origin });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`refused with ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

function nextMessage(ws: WebSocket): Promise<any> {
  return new Promise((resolve) => ws.once('message', (data) => resolve(JSON.parse(data.toString()))));
}

describe('headless --serve: WebSocket bridge', () => {
  it('refuses a foreign Origin', async () => {
    await expect(connect('http://evil.example')).rejects.toThrow('refused with 403');
    await expect(connect(`http://127.0.0.1:${server.port + 1}`)).rejects.toThrow('refused with 403');
  });

  it('answers requests from its own page through the contract', async () => {
    const ws = await connect(`http://127.0.0.1:${server.port}`);
    const answer = nextMessage(ws);
    ws.send(JSON.stringify({ type: 'request', id: 7, channel: 'state:snapshot', args: {} }));
    expect(await answer).toMatchObject({ type: 'response', id: 7, result: { ok: true, value: { seq: 3 } } });
    ws.close();
  });

  it('answers a malformed argument with an error naming the field', async () => {
    const ws = await connect(`http://localhost:${server.port}`);
    const answer = nextMessage(ws);
    ws.send(
      JSON.stringify({ type: 'request', id: 8, channel: 'sessions:detail', args: { sourceId: 'main', sessionId: 42 } }),
    );
    expect(await answer).toEqual({
      type: 'response',
      id: 8,
      result: { ok: false, error: { code: 'bad-argument', message: expect.stringContaining('field sessionId') } },
    });
    const malformed = nextMessage(ws);
    ws.send(JSON.stringify({ type: 'request', id: 9, channel: 5 }));
    expect(await malformed).toMatchObject({
      id: 9,
      result: { ok: false, error: { code: 'bad-message', message: expect.stringContaining('field channel') } },
    });
    ws.close();
  });

  it('pushes every hub patch', async () => {
    const ws = await connect(`http://127.0.0.1:${server.port}`);
    const push = nextMessage(ws);
    hub.emit({ seq: 4, at: T0, ops: [{ op: 'points', sourceId: 'main', points: [{ at: T0, viewers: 5 }] }] });
    expect(await push).toEqual({
      type: 'push',
      channel: 'state:patch',
      payload: { seq: 4, at: T0, ops: [{ op: 'points', sourceId: 'main', points: [{ at: T0, viewers: 5 }] }] },
    });
    ws.close();
  });

  it('closes on a message that is not JSON or too large', async () => {
    const ws = await connect(`http://127.0.0.1:${server.port}`);
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.send('not json');
    expect(await closed).toBe(1007);
    const big = await connect(`http://127.0.0.1:${server.port}`);
    const bigClosed = new Promise<number>((resolve) => big.once('close', (code) => resolve(code)));
    big.send(JSON.stringify({ type: 'request', id: 1, channel: 'app:info', args: { pad: 'x'.repeat(100_000) } }));
    expect(await bigClosed).toBe(1009);
  });
});
