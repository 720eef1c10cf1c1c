import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startConvivaSim, type RunningConvivaSim } from '../../main/demo/conviva';
import { DAY, HOUR, MINUTE, viewersAt, type Scenario } from '../../main/demo/scenario';
import { convivaProvider } from '../../main/providers/conviva';
import { createConvivaClient, getParsed, PATHS } from '../../main/providers/conviva/client';
import { SessionsBodySchema } from '../../main/providers/conviva/schema';
import { createHttp } from '../../main/providers/http';
import type { Connection } from '../../main/providers/provider';
import type { Session } from '@shared/model/samples';

const SCENARIO: Scenario = {
  seed: 11,
  peakViewers: 3_000,
  incidents: [{ kind: 'error-spike', startMs: 0, durationMs: 30 * MINUTE, periodMs: HOUR }],
};
const T0 = Date.parse('2025-03-10T20:00:00Z');
const signal = new AbortController().signal;

let now = T0;
let sim: RunningConvivaSim;
beforeEach(async () => {
  now = T0;
  sim = await startConvivaSim({ now: () => now, scenario: SCENARIO, requestsPerMinute: null });
});
afterEach(() => sim.server.close());

function connect(options: Record<string, unknown> = {}, secrets = sim.secrets): Connection {
  return convivaProvider.connect(
    { id: 'cv', name: 'Conviva', baseUrl: sim.baseUrl, options: convivaProvider.optionsSchema.parse(options), secrets },
    { http: createHttp({ fetch }), now: () => now },
  );
}
const endpoint = (connection: Connection, name: string) => connection.endpoints.find((e) => e.name === name)!;

describe('Conviva provider against the simulator', () => {
  it('tests the connection with the live number', async () => {
    const expected = viewersAt(SCENARIO, T0, 'conviva').toLocaleString('en-US');
    expect(await connect().testConnection(signal)).toEqual({
      ok: true,
      value: `Connected: ${expected} concurrent plays now; content sessions readable`,
    });
  });

  it('reads the concurrent-plays series the scenario produces, at the chosen granularity', async () => {
    const result = await endpoint(connect(), 'viewers').poll(signal);
    expect(result.ok && result.value.viewers).toHaveLength(10);
    for (const point of (result.ok && result.value.viewers) || [])
      expect(point.viewers).toBe(viewersAt(SCENARIO, point.at, 'conviva'));
    const fine = await endpoint(connect({ granularity: 'PT10S' }), 'viewers').poll(signal);
    expect(fine.ok && fine.value.viewers).toHaveLength(60);
  });

  it('reads the device breakdown, whose rows add up to the total', async () => {
    const result = await endpoint(connect(), 'breakdown').poll(signal);
    const breakdown = result.ok ? result.value.breakdowns?.[0] : undefined;
    expect(breakdown?.dimension).toBe('device');
    expect(breakdown?.rows.map((r) => r.value).sort()).toEqual(['Desktop', 'Mobile', 'Smart TV', 'Tablet']);
    expect(breakdown?.rows.reduce((sum, r) => sum + r.count, 0)).toBe(viewersAt(SCENARIO, breakdown!.at, 'conviva'));
    expect(connect({ breakdownDimension: 'none' }).endpoints.map((e) => e.name)).toEqual(['viewers', 'sessions']);
  });

  it('polls consecutive windows with no gap and no overlap, catching up after a day closed', async () => {
    const sessions = endpoint(connect(), 'sessions');
    const seen: Session[] = [];
    const poll = async () => {
      const before = sim.controls.sessionQueries().length;
      const result = await sessions.poll(signal);
      expect(result.ok).toBe(true);
      if (result.ok) seen.push(...(result.value.sessions ?? []));
      return sim.controls.sessionQueries().length - before;
    };
    for (let i = 0; i < 6; i++, now += 5 * MINUTE) await poll();
    now += DAY;
    const catchUp: number[] = [];
    for (let i = 0; i < 4; i++, now += 5 * MINUTE) catchUp.push(await poll());
    expect(Math.max(...catchUp)).toBeLessThanOrEqual(4);
    expect(catchUp.at(-1)).toBe(1); // back to one short window a poll

    const queries = sim.controls.sessionQueries();
    for (const [i, q] of queries.entries()) {
      expect(q.end - q.start).toBeLessThanOrEqual(3 * HOUR);
      if (i > 0) expect(q.start).toBe(queries[i - 1]!.end);
    }
    const ids = seen.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    const kinds = new Set(seen.flatMap((s) => s.failures.map((f) => f.kind)));
    for (const kind of ['video-start-failure', 'video-playback-failure', 'exit-before-video-start']) {
      expect([...kinds].some((k) => k.startsWith(kind))).toBe(true);
    }
    expect(seen.every((s) => s.endedAt !== null && s.endedAt <= now && s.events === null)).toBe(true);
  });

  it('falls back to limit=500 on an account that refuses more, and keeps it', async () => {
    sim.controls.setLimitMode('max-500');
    const sessions = endpoint(connect(), 'sessions');
    const first = await sessions.poll(signal);
    expect(first.ok && first.value.notes).toContain(
      'Conviva refused limit=1500 for this account; using 500 from now on.',
    );
    now += 5 * MINUTE;
    await sessions.poll(signal);
    expect(sim.controls.sessionQueries().map((q) => q.limit)).toEqual([500, 500]);
    expect(sim.server.counts.get('/insights/3.0/sessions/content')).toBe(3);
  });

  it('fetches one session by id, as the list showed it', async () => {
    const connection = connect();
    const listed = await endpoint(connection, 'sessions').poll(signal);
    const first = listed.ok ? listed.value.sessions?.[0] : undefined;
    expect(first).toBeDefined();
    expect(await connection.sessionDetail!(first!.id, signal)).toEqual({ ok: true, value: first });
  });

  it('says which credential or entitlement is wrong', async () => {
    const wrong = await connect({}, { clientId: 'demo-client', clientSecret: 'nope' }).testConnection(signal);
    expect(wrong).toMatchObject({ ok: false, error: { kind: 'auth', status: 401 } });
    expect(!wrong.ok && wrong.error.message).toContain('(401: Unauthorized)');
    expect(!wrong.ok && wrong.error.message).not.toContain('nope');

    sim.controls.setEntitled('viewer-module', false);
    const anonymous = await endpoint(connect(), 'sessions').poll(signal);
    expect(anonymous.ok && anonymous.value.sessions?.length).toBeGreaterThan(0);
    expect(anonymous.ok && anonymous.value.sessions?.every((s) => s.viewerId === null)).toBe(true);

    sim.controls.setEntitled('sessions', false);
    const connection = connect();
    const sessions = await endpoint(connection, 'sessions').poll(signal);
    expect(!sessions.ok && sessions.error.message).toMatch(
      /not entitled to content sessions \(Sessions API\) \(403: Forbidden: the Sessions API is not enabled/,
    );
    expect((await endpoint(connection, 'viewers').poll(signal)).ok).toBe(true);
  });

  it('waits over a minute after a 429 that carries no headers', async () => {
    sim.controls.setRequestsPerMinute(1);
    const viewers = endpoint(connect(), 'viewers');
    expect((await viewers.poll(signal)).ok).toBe(true);
    expect(await viewers.poll(signal)).toMatchObject({
      ok: false,
      error: { kind: 'rate-limited', status: 429, retryAt: now + 65_000 },
    });
  });

  it('simulator enforces the 3-hour and 31-day rules with 422, and the provider names the window', async () => {
    const client = createConvivaClient({
      http: createHttp({ fetch }),
      baseUrl: sim.baseUrl,
      ...sim.secrets,
      now: () => now,
    });
    const ask = (start: number, end: number) => {
      const window = { start, end };
      const params = { start_epoch_ms: String(start), end_epoch_ms: String(end) };
      return getParsed(
        client,
        PATHS.contentSessions,
        SessionsBodySchema,
        { feature: 'sessions', params, window },
        signal,
      );
    };
    const long = await ask(T0 - 4 * HOUR, T0);
    expect(long).toMatchObject({ ok: false, error: { status: 422, code: 'window-out-of-range' } });
    expect(!long.ok && long.error.message).toContain(
      'refused the time window 2025-03-10 16:00–20:00 UTC as out of range',
    );
    expect(await ask(T0 - 32 * DAY, T0 - 32 * DAY + HOUR)).toMatchObject({ ok: false, error: { status: 422 } });
  });

  it('simulator honours failure filters and sends some flags as strings', async () => {
    const auth = `Basic ${Buffer.from(`${sim.secrets.clientId}:${sim.secrets.clientSecret}`).toString('base64')}`;
    const url = `${sim.baseUrl}/sessions/content?start_epoch_ms=${T0 - 3 * HOUR}&end_epoch_ms=${T0}&limit=1500&is_exit_before_video_start=true`;
    const body = (await (await fetch(url, { headers: { authorization: auth } })).json()) as {
      sessions: Array<Record<string, unknown>>;
    };
    expect(body.sessions.length).toBeGreaterThan(0);
    expect(body.sessions.every((s) => String(s.is_exit_before_video_start) === 'true')).toBe(true);
    expect(body.sessions.some((s) => s.is_exit_before_video_start === 'true')).toBe(true);
    expect((await fetch(url.replace('limit=1500', 'limit=1501'), { headers: { authorization: auth } })).status).toBe(
      400,
    );
  });

  it('reports a body that is not JSON as a schema error', async () => {
    await sim.server.setFault({ type: 'not-json' });
    expect(await endpoint(connect(), 'viewers').poll(signal)).toMatchObject({
      ok: false,
      error: { kind: 'schema', path: '(body)' },
    });
  });
});
