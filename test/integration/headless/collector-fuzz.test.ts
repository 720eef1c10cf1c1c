import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { requestChannels } from '@shared/ipc/channels';
import { requests, type RequestChannel } from '@shared/ipc/contract';
import { WS_PATH } from '@shared/ipc/ws-protocol';
import { createHandlers } from '../../../main/api/handlers';
import { readOnlySources } from '../../../main/core/read-only-sources';
import { DEFAULT_RULES } from '../../../main/engine/alerts/default-rules';
import { createAccessGate } from '../../../main/headless/access-gate';
import { startServer, type RunningServer } from '../../../main/headless/serve';
import { addToken, liveTokenChecker } from '../../../main/headless/tokens-file';
import { createCollectorMetrics } from '../../../main/metrics/collector-metrics';
import { tokensGuard } from '../../../main/metrics/metrics-access';
import { quietPorts } from '../../support/core-fakes';
import { T0, fakeEngine, fakeHub, session, snapshotOf, sourceState } from '../../unit/headless/fakes';

/**
 * Property-based fuzzing of a team collector's network surface: random
 * arguments to every request channel over the WebSocket (as a viewer and as
 * an admin), and random paths and headers over HTTP. Whatever arrives, the
 * server keeps answering, and each answer is a value: a result in the
 * contract's shape or `{ok:false, error:{code, message}}` with a sentence,
 * never a stack trace or an HTML error page.
 */

const RUNS_PER_CHANNEL = 15;
let base: string;
let server: RunningServer;
/** The gate's clock: moved on at the end so the lockout the fuzzing earned has passed. */
let now = T0;
const tokens = { viewer: '', admin: '' };
const hub = fakeHub(snapshotOf([sourceState('main')], [session('main', 'abc', T0)]));

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'sw-fuzz-'));
  const root = join(base, 'renderer');
  await mkdir(root, { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>sw</title>');
  const dataDir = join(base, 'data');
  for (const role of ['viewer', 'admin'] as const) {
    const added = await addToken(dataDir, role, role);
    if (!added.ok) throw new Error(added.error);
    tokens[role] = added.value;
  }
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
  const checker = liveTokenChecker(dataDir, () => {});
  const started = await startServer({
    port: 0,
    rendererRoot: root,
    handlers,
    hub,
    metrics: {
      metrics: createCollectorMetrics({
        hub,
        now: () => T0,
        version: '0.1.0',
        viewerMetrics: [],
        incidents: () => [],
        rules: () => DEFAULT_RULES,
      }),
      guard: tokensGuard(checker),
    },
    listen: { host: '127.0.0.1' },
    gate: createAccessGate({ tokens: checker, now: () => now, log: () => {} }),
  });
  if (!started.ok) throw new Error(started.error);
  server = started.value;
});

afterAll(async () => {
  await server?.close();
  await rm(base, { recursive: true, force: true });
});

interface Client {
  call(channel: string, args: unknown): Promise<unknown>;
  close(): void;
}

function connect(token: string): Promise<Client> {
  const ws = new WebSocket(`ws://127.0.0.1:${server.port}${WS_PATH}`, { origin: `http://127.0.0.1:${server.port}` });
  const waiting = new Map<number, { done(result: unknown): void; fail(cause: Error): void }>();
  let id = 0;
  // A socket the server closes fails every open call: a crash or a hang-up is never taken for an answer.
  ws.on('close', (code) => {
    for (const entry of waiting.values()) entry.fail(new Error(`socket closed (${code})`));
    waiting.clear();
  });
  ws.on('message', (data) => {
    const message = JSON.parse(data.toString()) as { type: string; id?: number; result?: unknown };
    if (message.type === 'response' && message.id !== undefined) {
      waiting.get(message.id)?.done(message.result);
      waiting.delete(message.id);
    }
  });
  return new Promise((resolve, reject) => {
    ws.once('open', () => {
      ws.send(JSON.stringify({ type: 'auth', token }));
      resolve({
        call: (channel, args) =>
          new Promise((done, fail) => {
            const mine = ++id;
            waiting.set(mine, { done, fail });
            ws.send(JSON.stringify({ type: 'request', id: mine, channel, args }));
          }),
        close: () => ws.close(),
      });
    });
    ws.once('error', reject);
  });
}

/** Arguments a careless or hostile client might send: any JSON, and objects with plausible keys. */
const randomArgs = fc.oneof(
  fc.jsonValue(),
  fc.dictionary(
    fc.constantFrom(
      'id',
      'sourceId',
      'sessionId',
      'from',
      'to',
      'range',
      'sources',
      'paused',
      'ms',
      'rule',
      '__proto__',
    ),
    fc.oneof(fc.jsonValue(), fc.string(), fc.integer(), fc.constant(null), fc.array(fc.jsonValue(), { maxLength: 3 })),
  ),
);

const ErrorValue = (value: unknown) => {
  const v = value as { ok?: unknown; error?: { code?: unknown; message?: unknown } };
  return (
    v?.ok === false &&
    typeof v.error?.code === 'string' &&
    typeof v.error.message === 'string' &&
    v.error.message.length > 0 &&
    !/\n\s+at |<html/i.test(v.error.message)
  );
};

function isValue(channel: RequestChannel, answer: unknown): boolean {
  const v = answer as { ok?: unknown; value?: unknown };
  if (v?.ok === true) return requests[channel].result.safeParse(v.value).success;
  return ErrorValue(answer);
}

describe('team collector: fuzzing every channel', () => {
  for (const role of ['viewer', 'admin'] as const) {
    it(`${role}: random arguments to every channel get a value back, and the server stays up`, async () => {
      const client = await connect(tokens[role]);
      for (const channel of requestChannels) {
        await fc.assert(
          fc.asyncProperty(randomArgs, async (args) => {
            const answer = await client.call(channel, args);
            expect(isValue(channel, answer), `${channel} answered ${JSON.stringify(answer)}`).toBe(true);
          }),
          { numRuns: RUNS_PER_CHANNEL },
        );
      }
      // Still serving after all that: a plain read works.
      expect(await client.call('app:info', {})).toMatchObject({ ok: true });
      client.close();
    }, 60_000);
  }

  it('random channel names and message shapes never crash the bridge', async () => {
    const client = await connect(tokens.admin);
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 40 }), randomArgs, async (channel, args) => {
        const answer = await client.call(channel, args);
        expect(ErrorValue(answer) || isValue(channel as RequestChannel, answer)).toBe(true);
      }),
      { numRuns: 60 },
    );
    client.close();
  });
});

function get(path: string, headers: Record<string, string>): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, headers }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), body }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describe('team collector: fuzzing the HTTP surface', () => {
  it('random paths, queries and Authorization headers get a plain answer, never a stack', async () => {
    const segment = fc.stringMatching(/^[A-Za-z0-9._~%-]{0,12}$/);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.constantFrom('/metrics', '/api', '/', '/index.html'),
          fc.array(segment, { maxLength: 4 }).map((s) => `/${s.join('/')}`),
        ),
        fc.string({ maxLength: 20 }).map((q) => encodeURIComponent(q)),
        fc.oneof(
          fc.constant<string | undefined>(undefined),
          fc.constant(`Bearer ${tokens.viewer}`),
          fc.string({ maxLength: 60 }).filter((s) => /^[\x20-\x7e]*$/.test(s)),
        ),
        async (path, query, authorization) => {
          const headers: Record<string, string> = authorization === undefined ? {} : { authorization };
          const answer = await get(`${path}?q=${query}`, headers);
          expect([200, 304, 400, 401, 403, 404, 405, 426, 429]).toContain(answer.status);
          expect(answer.body).not.toMatch(/\n\s+at [\w.<]+ \(|Error: /);
          for (const token of Object.values(tokens)) expect(answer.body).not.toContain(token);
        },
      ),
      { numRuns: 120 },
    );
    // And it still answers a real request, once the lockout that all those wrong tokens earned is over.
    now += 60 * 60_000;
    expect((await get('/metrics', { authorization: `Bearer ${tokens.viewer}` })).status).toBe(200);
  });
});
