import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { requestChannels } from '@shared/ipc/channels';
import { WS_PATH } from '@shared/ipc/ws-protocol';
import { createHandlers } from '../../../main/api/handlers';
import { readOnlySources } from '../../../main/core/read-only-sources';
import { createAccessGate, FREE_FAILURES } from '../../../main/headless/access-gate';
import { CHANNEL_ACCESS } from '../../../main/headless/channel-access';
import { startServer, type RunningServer } from '../../../main/headless/serve';
import { DEFAULT_RULES } from '../../../main/engine/alerts/default-rules';
import { createCollectorMetrics } from '../../../main/metrics/collector-metrics';
import { tokensGuard } from '../../../main/metrics/metrics-access';
import { addToken, liveTokenChecker, revokeToken } from '../../../main/headless/tokens-file';
import { quietPorts } from '../../support/core-fakes';
import { T0, fakeEngine, fakeHub, session, snapshotOf, sourceState } from '../../unit/headless/fakes';

/**
 * A team collector in-process, over real HTTPS and WSS with a certificate made
 * for this run: who may open the bridge, which channels each role may call,
 * and how failures are slowed down (on a clock the test sets).
 */
let base: string;
let dataDir: string;
let server: RunningServer;
let cert: Buffer;
let now = 1_000_000;
const logged: string[] = [];
const tokens: Record<'viewer' | 'admin' | 'revoked', string> = { viewer: '', admin: '', revoked: '' };
const hub = fakeHub(snapshotOf([sourceState('main')], [session('main', 'abc', T0)]));

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'sw-collector-'));
  const root = join(base, 'renderer');
  await mkdir(root, { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>sw</title>');
  // A self-signed certificate for 127.0.0.1, made now (openssl ships with the machine).
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2',
    '-keyout', join(base, 'key.pem'), '-out', join(base, 'cert.pem'),
    '-subj', '/CN=localhost', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost',
  ], { stdio: 'ignore' }); // prettier-ignore
  cert = await readFile(join(base, 'cert.pem'));
  dataDir = join(base, 'data');
  for (const role of ['viewer', 'admin'] as const) {
    const added = await addToken(dataDir, role, role);
    if (!added.ok) throw new Error(added.error);
    tokens[role] = added.value;
  }
  const revoked = await addToken(dataDir, 'gone', 'admin');
  if (!revoked.ok) throw new Error(revoked.error);
  tokens.revoked = revoked.value;
  await revokeToken(dataDir, 'gone');

  const handlers = createHandlers({
    engine: fakeEngine(hub),
    sources: readOnlySources({
      sources: [],
      origin: 'the config file x.json',
      resolve: async () => ({ ok: true, value: {} }),
      presence: () => ({}),
    }),
    providers: [],
    info: { version: '0.1.0', shell: 'headless' },
    ...quietPorts(),
  });
  const checker = liveTokenChecker(dataDir, (line) => logged.push(line));
  const started = await startServer({
    port: 0,
    rendererRoot: root,
    handlers,
    hub,
    metrics: {
      metrics: createCollectorMetrics({
        hub,
        now: () => now,
        version: '0.1.0',
        viewerMetrics: [],
        incidents: () => [],
        rules: () => DEFAULT_RULES,
      }),
      guard: tokensGuard(checker),
    },
    listen: {
      host: '127.0.0.1',
      tls: { cert, key: await readFile(join(base, 'key.pem')) },
      publicUrl: new URL('https://collector.example.com'),
    },
    gate: createAccessGate({ tokens: checker, now: () => now, log: (line) => logged.push(line) }),
  });
  if (!started.ok) throw new Error(started.error);
  server = started.value;
});

afterAll(async () => {
  await server?.close();
  await rm(base, { recursive: true, force: true });
});

const origin = () => `https://127.0.0.1:${server.port}`;

function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest({ host: '127.0.0.1', port: server.port, path, headers, ca: cert }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

interface Session {
  readonly ws: WebSocket;
  /** Resolves with the close code once the server closes the socket. */
  readonly closed: Promise<number>;
  next(type: string): Promise<Record<string, unknown>>;
  call(channel: string, args?: unknown): Promise<{ ok: boolean; error?: { code: string; message: string } }>;
}

/** A WSS client that shows `token` (if any) as its first message. */
function connect(token: string | undefined, path = WS_PATH, from = origin()): Promise<Session> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`wss://127.0.0.1:${server.port}${path}`, { origin: from, ca: cert });
    const inbox: Record<string, unknown>[] = [];
    const waiting: { type: string; resolve(m: Record<string, unknown>): void }[] = [];
    ws.on('message', (data) => {
      const message = JSON.parse(data.toString()) as Record<string, unknown>;
      const index = waiting.findIndex((w) => w.type === message.type);
      if (index >= 0) waiting.splice(index, 1)[0]!.resolve(message);
      else inbox.push(message);
    });
    const closed = new Promise<number>((done) => ws.on('close', (code) => done(code)));
    let id = 0;
    const next = (type: string) =>
      new Promise<Record<string, unknown>>((done) => {
        const index = inbox.findIndex((m) => m.type === type);
        if (index >= 0) done(inbox.splice(index, 1)[0]!);
        else waiting.push({ type, resolve: done });
      });
    const call = async (channel: string, args: unknown = {}) => {
      const mine = ++id;
      ws.send(JSON.stringify({ type: 'request', id: mine, channel, args }));
      const answer = (await next('response')) as { id: number; result: { ok: boolean; error?: never } };
      expect(answer.id).toBe(mine);
      return answer.result;
    };
    ws.once('open', () => {
      if (token !== undefined) ws.send(JSON.stringify({ type: 'auth', token }));
      resolve({ ws, closed, next, call });
    });
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

describe('team collector: channel classes', () => {
  it('classifies every channel of the contract, and nothing else', () => {
    expect(Object.keys(CHANNEL_ACCESS).sort()).toEqual([...requestChannels].sort());
  });

  for (const role of ['viewer', 'admin'] as const) {
    it.each([...requestChannels])(`${role} token: %s is allowed exactly when its class says so`, async (channel) => {
      now += 1;
      const client = await connect(tokens[role]);
      expect(await client.next('auth')).toEqual({ type: 'auth', role });
      const result = await client.call(channel, {});
      const forbidden = !result.ok && result.error?.code === 'forbidden';
      expect(forbidden).toBe(role === 'viewer' && CHANNEL_ACCESS[channel] === 'admin');
      if (forbidden) expect(result.error?.message).toContain('needs an admin token');
      client.ws.close();
    });
  }

  it('a viewer reads the live state', async () => {
    const client = await connect(tokens.viewer);
    await client.next('auth');
    const snapshot = await client.call('state:snapshot');
    expect(snapshot.ok).toBe(true);
    client.ws.close();
  });

  it.each([
    ['no token', undefined],
    ['a wrong token', 'sw_not-a-token'],
    ['a revoked token', 'revoked'],
  ])('with %s every channel is closed to the caller (4401, no answer, no push)', async (_label, which) => {
    now += 10 * 60_000; // past any lockout from earlier cases
    const token = which === 'revoked' ? tokens.revoked : which;
    const client = await connect(token);
    if (token === undefined)
      client.ws.send(JSON.stringify({ type: 'request', id: 1, channel: 'state:snapshot', args: {} }));
    const pushes: unknown[] = [];
    client.ws.on('message', (data) => pushes.push(data.toString()));
    expect(await client.closed).toBe(4401);
    expect(pushes).toEqual([]);
  });
});

describe('team collector: HTTP', () => {
  it.each([
    ['no token', {}, 401],
    ['a wrong token', { authorization: 'Bearer sw_wrong' }, 401],
    ['a revoked token', { authorization: 'Bearer REVOKED' }, 401],
    ['a viewer token', { authorization: 'Bearer VIEWER' }, 200],
    ['an admin token', { authorization: 'Bearer ADMIN' }, 200],
  ])('/metrics with %s answers %i', async (_label, headers: Record<string, string>, status) => {
    now += 60 * 60_000;
    const filled = Object.fromEntries(
      Object.entries(headers).map(([k, v]) => [
        k,
        v.replace('REVOKED', tokens.revoked).replace('VIEWER', tokens.viewer).replace('ADMIN', tokens.admin),
      ]),
    );
    const answer = await get('/metrics', filled);
    expect(answer.status).toBe(status);
    if (status === 200) expect(answer.body).toContain('streamwatch_');
    else expect(answer.body).toContain('token');
  });
});

describe('team collector: transport rules', () => {
  it('refuses a token in the WebSocket URL, and logs without it', async () => {
    await expect(connect(undefined, `${WS_PATH}?token=${tokens.admin}`)).rejects.toThrow('HTTP 400');
    expect(logged.join('\n')).not.toContain(tokens.admin);
  });

  it('accepts the public name as Origin and refuses a foreign one', async () => {
    const client = await connect(tokens.viewer, WS_PATH, 'https://collector.example.com');
    expect(await client.next('auth')).toEqual({ type: 'auth', role: 'viewer' });
    client.ws.close();
    await expect(connect(tokens.viewer, WS_PATH, 'https://evil.example')).rejects.toThrow('HTTP 403');
  });

  it('completes a TLS handshake with the generated certificate and serves the page without a token', async () => {
    const page = await get('/');
    expect(page.status).toBe(200);
    expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('slows repeated failures from one address, and lets it in again once the lockout is over', async () => {
    now += 60 * 60_000;
    for (let i = 0; i < FREE_FAILURES; i++) expect(await (await connect('sw_wrong')).closed).toBe(4401);
    // The next failure locks the address out: even a good token is refused until the clock moves on.
    expect(await (await connect('sw_wrong')).closed).toBe(4401);
    const locked = await connect(tokens.admin);
    expect(await locked.closed).toBe(4401);
    now += 1_000;
    const back = await connect(tokens.admin);
    expect(await back.next('auth')).toEqual({ type: 'auth', role: 'admin' });
    back.ws.close();
    expect(logged.some((line) => line.includes('locked out for 1000 ms'))).toBe(true);
    for (const token of Object.values(tokens)) expect(logged.join('\n')).not.toContain(token);
  });
});
