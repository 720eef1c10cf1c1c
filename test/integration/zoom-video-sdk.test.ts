import { SignJWT } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { HOUR, MINUTE, type Scenario } from '../../main/demo/scenario';
import { DEMO_ZOOM_CREDENTIALS, startZoomSim, type RunningZoomSim } from '../../main/demo/zoom-video-sdk';
import { createHttp } from '../../main/providers/http';
import { zoomVideoSdkProvider } from '../../main/providers/zoom-video-sdk';
import { encodeSessionId } from '../../main/providers/zoom-video-sdk/session-path';

/** The Zoom provider against its simulator over real HTTP on 127.0.0.1. */

const EVENING = Date.parse('2026-05-03T20:30:00Z');
const scenario: Scenario = {
  seed: 11,
  peakViewers: 800,
  // A 429 storm from 22:00 for five minutes, so the scenario clock can switch it on.
  incidents: [{ kind: 'rate-limit-storm', startMs: 22 * HOUR, durationMs: 5 * MINUTE, periodMs: 24 * HOUR }],
};
const clock = { now: EVENING };
let sim: RunningZoomSim;
const signal = new AbortController().signal;

beforeAll(async () => {
  sim = await startZoomSim({ scenario, now: () => clock.now, plan: 'business' });
});
afterAll(() => sim.server.close());
beforeEach(() => {
  // A new minute each test, so the sliding per-minute window starts empty.
  clock.now += 2 * MINUTE;
  sim.controls.setThrottle(null);
  sim.controls.setBodyStyle('normal');
});

function connect(
  secrets: Record<string, string> = DEMO_ZOOM_CREDENTIALS,
  options: Record<string, unknown> = { plan: 'business' },
) {
  return zoomVideoSdkProvider.connect(
    {
      id: 'zoom-it',
      name: 'Zoom',
      baseUrl: sim.baseUrl,
      options: zoomVideoSdkProvider.optionsSchema.parse(options),
      secrets,
    },
    { http: createHttp({ fetch }), now: () => clock.now },
  );
}

async function token(
  claims: { iss?: string; iat?: number; exp?: number },
  secret: string = DEMO_ZOOM_CREDENTIALS.apiSecret,
) {
  const nowS = Math.floor(clock.now / 1000);
  const jwt = new SignJWT({})
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuedAt(claims.iat ?? nowS)
    .setExpirationTime(claims.exp ?? nowS + 1800);
  return jwt.setIssuer(claims.iss ?? DEMO_ZOOM_CREDENTIALS.apiKey).sign(new TextEncoder().encode(secret));
}

async function raw(path: string, bearer?: string) {
  const response = await fetch(`${sim.baseUrl}${path}`, {
    headers: { authorization: `Bearer ${bearer ?? (await token({}))}` },
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Record<string, unknown>,
  };
}

describe('Zoom provider against the simulator', () => {
  it('connects and reports live participants as the simulator counts them', async () => {
    const connection = connect();
    const live = sim.controls.live();
    const total = live.reduce((sum, session) => sum + session.participants, 0);
    expect(await connection.testConnection(signal)).toEqual({
      ok: true,
      value: `Connected: ${live.length} live sessions, ${total} participants now`,
    });
    const poll = await connection.endpoints.find((endpoint) => endpoint.name === 'live')!.poll(signal);
    expect(poll.ok && poll.value.viewers).toEqual([{ at: clock.now, viewers: total }]);
    expect(poll.ok && poll.value.rateLimit?.limit).toBe(60_000);
  });

  it('lists past sessions and drills into each id shape over HTTP', async () => {
    const connection = connect();
    const past = await connection.endpoints.find((endpoint) => endpoint.name === 'past')!.poll(signal);
    expect(past.ok).toBe(true);
    const sessions = past.ok ? (past.value.sessions ?? []) : [];
    const shapes = [
      (id: string) => id.startsWith('/'),
      (id: string) => id.includes('//'),
      (id: string) => !id.startsWith('/') && !id.includes('//'),
    ];
    for (const shape of shapes) {
      const session = sessions.find((candidate) => shape(candidate.id));
      expect(session).toBeDefined();
      const detail = await connection.sessionDetail!(session!.id, signal);
      expect(detail.ok).toBe(true);
      expect(detail.ok && detail.value.events?.filter((event) => event.type === 'join')).toHaveLength(
        session!.participants!,
      );
    }
  });

  it('serves a leading-slash id only when encoded twice, as Zoom does', async () => {
    const connection = connect();
    const past = await connection.endpoints.find((endpoint) => endpoint.name === 'past')!.poll(signal);
    const id = (past.ok ? (past.value.sessions ?? []) : []).find((session) => session.id.startsWith('/'))!.id;
    const once = await raw(`/videosdk/sessions/${encodeURIComponent(id)}/users?type=past`);
    expect(once.status).toBe(404);
    const twice = await raw(`/videosdk/sessions/${encodeSessionId(id)}/users?type=past`);
    expect(twice.status).toBe(200);
    expect(twice.headers.get('x-zm-trackingid')).toMatch(/^v=2\.0;/);
  });

  it('refuses bad tokens with code 124', async () => {
    const nowS = Math.floor(clock.now / 1000);
    const cases = [
      await token({}, 'wrong secret'),
      await token({ iss: 'someone else' }),
      await token({ iat: nowS, exp: nowS + 2 * 3600 }),
      'not-a-jwt',
    ];
    for (const bearer of cases) {
      const answer = await raw('/videosdk/sessions?type=live', bearer);
      expect(answer).toMatchObject({ status: 401, body: { code: 124, message: 'Invalid access token.' } });
    }
    const expired = await raw('/videosdk/sessions?type=live', await token({ iat: nowS - 7200, exp: nowS - 3600 }));
    expect(expired).toMatchObject({ status: 401, body: { code: 124, message: 'Access token is expired.' } });
    const wrong = await connect({ ...DEMO_ZOOM_CREDENTIALS, apiSecret: 'wrong' }).testConnection(signal);
    expect(wrong).toMatchObject({ ok: false, error: { kind: 'auth', status: 401, code: '124' } });
  });

  it('enforces the date rules of the past listing with 400 / code 300', async () => {
    const cases = [
      'type=past',
      'type=past&from=2026-05-03&to=2026-05-01',
      'type=past&from=2026-03-01&to=2026-05-03',
      'type=past&from=2025-09-01&to=2025-09-10',
      'type=past&from=2026-02-30&to=2026-03-01',
      'type=past&from=2026-05-01&to=2026-05-03&page_size=301',
    ];
    for (const query of cases) {
      const answer = await raw(`/videosdk/sessions?${query}`);
      expect(answer.status, query).toBe(400);
      expect(answer.body.code, query).toBe(300);
    }
    expect((await raw('/videosdk/sessions?type=past&from=2026-04-03&to=2026-05-03')).status).toBe(200);
  });

  it('turns both kinds of 429 into rate-limited errors with a time to come back', async () => {
    const live = connect().endpoints.find((endpoint) => endpoint.name === 'live')!;
    sim.controls.setThrottle('qps');
    const qps = await live.poll(signal);
    expect(qps).toMatchObject({ ok: false, error: { kind: 'rate-limited', status: 429 } });
    expect(!qps.ok && qps.error.daily).toBeFalsy();
    sim.controls.setThrottle('daily');
    const daily = await live.poll(signal);
    expect(daily).toMatchObject({
      ok: false,
      error: { kind: 'rate-limited', daily: true, retryAt: Date.parse('2026-05-04T00:00:00Z') },
    });
    expect(!daily.ok && daily.error.message).toMatch(
      /^Zoom daily API limit reached \(429\); polling resumes at 00:00:00 UTC\./,
    );
  });

  it('answers per-second 429s during a rate-limit storm on the scenario clock', async () => {
    clock.now = Date.parse('2026-05-03T22:02:00Z');
    const live = connect().endpoints.find((endpoint) => endpoint.name === 'live')!;
    expect(await live.poll(signal)).toMatchObject({ ok: false, error: { kind: 'rate-limited' } });
    clock.now = Date.parse('2026-05-03T22:06:00Z');
    expect((await live.poll(signal)).ok).toBe(true);
  });
});

describe('Zoom provider against bodies the reference allows', () => {
  const poll = (connection: ReturnType<typeof connect>, name: string) =>
    connection.endpoints.find((endpoint) => endpoint.name === name)!.poll(signal);

  it('keeps a session listed without an id when its name, key and start tell it apart', async () => {
    sim.controls.setBodyStyle('spec-example');
    const connection = connect();
    const past = await poll(connection, 'past');
    expect(past.ok).toBe(true);
    if (!past.ok) return;
    const stand = past.value.sessions!.filter((s) => /@\d{4}-/.test(s.id));
    expect(stand).toHaveLength(1);
    expect(stand[0]!.title).not.toBeNull();
    expect(past.value.notes ?? []).toEqual([]);
    const live = await poll(connection, 'live');
    expect(live.ok).toBe(true);
  });

  it('stays healthy on minimal bodies: sessions and users with nothing but their id', async () => {
    sim.controls.setBodyStyle('minimal');
    const connection = connect();
    const live = await poll(connection, 'live');
    expect(live.ok && live.value.sessions!.length).toBe(sim.controls.live().length);
    const past = await poll(connection, 'past');
    expect(past.ok).toBe(true);
    if (!past.ok) return;
    expect(past.value.sessions!.length).toBeGreaterThan(0);
    expect(past.value.sessions!.every((s) => s.startedAt === null && s.title === null)).toBe(true);
    const detail = await connection.sessionDetail!(past.value.sessions![0]!.id, signal);
    expect(detail.ok).toBe(true);
  });

  it('one malformed session or user costs exactly that item, and the notes say so', async () => {
    const connection = connect();
    const normal = await poll(connection, 'past');
    sim.controls.setBodyStyle('one-bad-item');
    const past = await poll(connect(), 'past');
    expect(past.ok && normal.ok).toBe(true);
    if (!past.ok || !normal.ok) return;
    const pages = Math.ceil(normal.value.sessions!.length / 300);
    expect(past.value.sessions!.length).toBe(normal.value.sessions!.length - pages);
    expect(past.value.notes![0]).toMatch(
      /^Zoom past sessions: \d+ items? skipped: sessions\[1\]\.id: no id, and no name or key with a start time to tell it apart\.$/,
    );
    const live = await poll(connect(), 'live');
    expect(live.ok).toBe(true);
    const detail = await connect().sessionDetail!(past.value.sessions![0]!.id, signal);
    expect(detail.ok && detail.value.attributes.note).toMatch(/Zoom session users: 1 item skipped: users\[1\]/);
  });
});
