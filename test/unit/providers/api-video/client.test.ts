import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createApiVideoSim } from '../../../../main/demo/api-video';
import type { SimHandler } from '../../../../main/demo/sim-server';
import type { AuthMode } from '../../../../main/providers/api-video/auth';
import { createApiVideoClient } from '../../../../main/providers/api-video/client';
import { createHttp } from '../../../../main/providers/http';
import { fakeClock, handlerFetch, signal, type Seen } from './fake-fetch';

const START = Date.parse('2026-03-10T20:30:00Z');
const scenario = { seed: 3, peakViewers: 600, incidents: [] };
const Any = z.unknown();

function setup(
  authMode: AuthMode,
  opts: { key?: string; expiresInS?: number; wrap?: (h: SimHandler) => SimHandler } = {},
) {
  const clock = fakeClock(START);
  const sim = createApiVideoSim({
    scenario,
    now: clock.now,
    ...(opts.expiresInS ? { expiresInS: opts.expiresInS } : {}),
  });
  const seen: Seen[] = [];
  const handler = opts.wrap ? opts.wrap(sim.handler) : sim.handler;
  const client = createApiVideoClient({
    http: createHttp({ fetch: handlerFetch(handler, seen) }),
    baseUrl: 'https://ws.api.video',
    apiKey: opts.key ?? sim.apiKey,
    authMode,
    now: clock.now,
  });
  const get = () => client.get('/live-streams', [], Any, signal());
  const paths = () => seen.map((s) => `${s.method} ${s.path}`);
  return { clock, sim, seen, client, get, paths };
}

describe('api.video auth: Basic', () => {
  it('sends the key as user name with an empty password', async () => {
    const t = setup('basic');
    expect((await t.get()).ok).toBe(true);
    expect(t.seen[0]?.authorization).toBe(`Basic ${Buffer.from(`${t.sim.apiKey}:`).toString('base64')}`);
  });

  it('turns a refused key into an auth error with the problem title and detail', async () => {
    const t = setup('basic', { key: 'wrong' });
    const result = await t.get();
    expect(result).toMatchObject({ ok: false, error: { kind: 'auth', status: 401 } });
    if (!result.ok) {
      expect(result.error.message).toBe(
        'api.video refused the API key (401): Authentication failed: The API key or access token is missing, invalid or expired.',
      );
      expect(result.error.message).not.toContain('wrong');
    }
    expect(t.paths()).toEqual(['GET /live-streams']);
  });
});

describe('api.video auth: tokens', () => {
  it('signs in once and reuses the token', async () => {
    const t = setup('token');
    await t.get();
    await t.get();
    expect(t.paths()).toEqual(['POST /auth/api-key', 'GET /live-streams', 'GET /live-streams']);
    expect(t.seen[1]?.authorization).toMatch(/^Bearer sim-access-/);
  });

  it('refreshes shortly before the token expires', async () => {
    const t = setup('token', { expiresInS: 600 });
    await t.get();
    t.clock.advance(530_000);
    await t.get();
    t.clock.advance(20_000); // 550 s: inside the last minute of 600
    await t.get();
    expect(t.paths()).toEqual([
      'POST /auth/api-key',
      'GET /live-streams',
      'GET /live-streams',
      'POST /auth/refresh',
      'GET /live-streams',
    ]);
    expect(t.seen[4]?.authorization).not.toBe(t.seen[2]?.authorization);
    expect(t.sim.controls.stats()).toMatchObject({ tokensIssued: 2, refreshes: 1, refused: 0 });
  });

  it('renews once after a 401 mid-run and carries on', async () => {
    const t = setup('token');
    await t.get();
    t.sim.controls.expireTokens();
    expect((await t.get()).ok).toBe(true);
    expect(t.paths()).toEqual([
      'POST /auth/api-key',
      'GET /live-streams',
      'GET /live-streams',
      'POST /auth/refresh',
      'GET /live-streams',
    ]);
  });

  it('gives up after one renewal when the server keeps refusing: no loop', async () => {
    const always401: (h: SimHandler) => SimHandler = (h) => (req) =>
      req.path.startsWith('/auth/') ? h(req) : { status: 401, body: { title: 'Authentication failed', status: 401 } };
    const t = setup('token', { wrap: always401 });
    const result = await t.get();
    expect(result).toMatchObject({ ok: false, error: { kind: 'auth', status: 401 } });
    expect(t.paths()).toEqual(['POST /auth/api-key', 'GET /live-streams', 'POST /auth/refresh', 'GET /live-streams']);
  });

  it('signs in again with the key when the refresh token is refused', async () => {
    const refuseRefresh: (h: SimHandler) => SimHandler = (h) => (req) =>
      req.path === '/auth/refresh'
        ? { status: 400, body: { title: 'The refresh token is invalid.', status: 400 } }
        : h(req);
    const t = setup('token', { wrap: refuseRefresh });
    await t.get();
    t.sim.controls.expireTokens();
    expect((await t.get()).ok).toBe(true);
    expect(t.paths()).toEqual([
      'POST /auth/api-key',
      'GET /live-streams',
      'GET /live-streams',
      'POST /auth/refresh',
      'POST /auth/api-key',
      'GET /live-streams',
    ]);
  });

  it('reports a bad key (400 from /auth/api-key) as an auth error', async () => {
    const t = setup('token', { key: 'wrong' });
    const result = await t.get();
    expect(result).toMatchObject({ ok: false, error: { kind: 'auth', status: 400 } });
    if (!result.ok) expect(result.error.message).toContain('The API key is invalid');
    expect(t.paths()).toEqual(['POST /auth/api-key']);
  });
});

describe('api.video limits and bad answers', () => {
  it('reads the rate-limit headers of every answer', async () => {
    const t = setup('basic');
    await t.get();
    expect(t.client.rateLimit()).toEqual({ limit: 500, remaining: 499, resetAt: START + 60_000 });
  });

  it('turns a 429 into rate-limited with retryAt from X-RateLimit-Retry-After, then waits without asking', async () => {
    const t = setup('basic');
    t.sim.controls.setRateLimit(1);
    t.clock.advance(15_000);
    // Another client of the same account used this minute's only read.
    const basic = `Basic ${Buffer.from(`${t.sim.apiKey}:`).toString('base64')}`;
    t.sim.handler({
      method: 'GET',
      path: '/videos',
      query: new URLSearchParams(),
      headers: { authorization: basic },
      body: '',
    });
    const limited = await t.get();
    expect(limited).toMatchObject({ ok: false, error: { kind: 'rate-limited', status: 429, retryAt: START + 60_000 } });
    if (!limited.ok)
      expect(limited.error.message).toBe('api.video rate limit reached (429); polling resumes at 20:31:00 UTC.');
    const waiting = await t.get();
    expect(waiting).toMatchObject({ ok: false, error: { kind: 'rate-limited', retryAt: START + 60_000 } });
    expect(t.seen).toHaveLength(1);
    t.clock.advance(45_000);
    expect((await t.get()).ok).toBe(true);
    expect(t.client.rateLimit()).toMatchObject({ limit: 1, remaining: 0 });
  });

  it('calls a body that is not JSON a schema error with a path', async () => {
    const t = setup('basic', { wrap: () => () => ({ status: 200, body: 'upstream maintenance' }) });
    expect(await t.get()).toMatchObject({ ok: false, error: { kind: 'schema', path: '(body)' } });
  });

  it('names the first field it cannot accept', async () => {
    const t = setup('basic', { wrap: () => () => ({ status: 200, body: { data: [{ liveStreamId: null }] } }) });
    const Page = z.object({ data: z.array(z.object({ liveStreamId: z.string() })) });
    const result = await t.client.get('/live-streams', [], Page, signal());
    expect(result).toMatchObject({ ok: false, error: { kind: 'schema', path: 'data[0].liveStreamId' } });
  });

  it('says a problem body in one sentence, a listed problem standing in for the detail', async () => {
    const t = setup('basic');
    const result = await t.client.get('/live-streams', [['pageSize', '500']], Any, signal());
    expect(result).toMatchObject({
      ok: false,
      error: {
        kind: 'http',
        status: 400,
        message:
          'api.video answered 400: A query parameter is invalid: This parameter must be an integer between 1 and 100.',
      },
    });
  });
});
