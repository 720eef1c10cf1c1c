import { afterEach, describe, expect, it } from 'vitest';
import { startApiVideoSim, type RunningApiVideoSim } from '../../main/demo/api-video';
import { apiVideoProvider } from '../../main/providers/api-video';
import { LEGACY_NOTE } from '../../main/providers/api-video/sessions';
import { createHttp } from '../../main/providers/http';

/**
 * The provider against the simulator over real HTTP on 127.0.0.1: both auth
 * modes, paging, limits and the legacy-analytics account, on a clock the test
 * holds (shared by the simulator and the provider).
 */

const scenario = { seed: 21, peakViewers: 1500, incidents: [] };
const sig = () => new AbortController().signal;
let running: RunningApiVideoSim | undefined;
afterEach(async () => {
  await running?.server.close();
  running = undefined;
});

async function setup(options: Record<string, unknown> = {}, key?: string, start = '2026-03-10T19:45:10Z') {
  let t = Date.parse(start);
  const clock = { now: () => t, advance: (ms: number) => (t += ms) };
  running = await startApiVideoSim({ scenario, now: clock.now, expiresInS: 3600 });
  const sim = running;
  const connection = apiVideoProvider.connect(
    {
      id: 'av',
      name: 'api.video demo',
      baseUrl: sim.server.url,
      options: apiVideoProvider.optionsSchema.parse(options),
      secrets: { apiKey: key ?? sim.apiKey },
    },
    { http: createHttp({ fetch, defaultTimeoutMs: 5000 }), now: clock.now },
  );
  const poll = (name: string) => connection.endpoints.find((e) => e.name === name)!.poll(sig());
  return { sim, clock, connection, poll };
}

describe.each(['basic', 'token'] as const)('api.video over HTTP, %s auth', (authMode) => {
  it('tests the connection, polls viewers and sessions, and reads a session to its last page', async () => {
    const t = await setup({ authMode });
    const test = await t.connection.testConnection(sig());
    expect(test.ok && test.value).toMatch(/^3 live streams \(\d broadcasting\), \d+ viewers now$/);

    const viewers = await t.poll('viewers');
    expect(viewers.ok && viewers.value.viewers).toHaveLength(60);

    const sessions = await t.poll('sessions');
    expect(sessions.ok).toBe(true);
    if (!sessions.ok) return;
    expect(sessions.value.sessions!.length).toBeGreaterThan(0);
    expect(sessions.value.rateLimit?.limit).toBe(500);

    // The longest sessions of the day span more than one page of 100 events.
    const longest = [...sessions.value.sessions!]
      .sort((a, b) => (b.endedAt ?? Infinity) - b.startedAt! - ((a.endedAt ?? Infinity) - a.startedAt!))
      .slice(0, 5);
    const details = await Promise.all(longest.map((s) => t.connection.sessionDetail!(s.id, sig())));
    const counts = details.map((d) => (d.ok ? d.value.events!.length : -1));
    expect(counts.every((n) => n >= 1)).toBe(true);
    expect(Math.max(...counts)).toBeGreaterThan(100);
    expect(details.every((d) => d.ok && d.value.attributes.note === undefined)).toBe(true);
  });

  it('refuses a wrong key as an auth error', async () => {
    const t = await setup({ authMode }, 'not-the-key');
    const result = await t.poll('viewers');
    expect(result).toMatchObject({ ok: false, error: { kind: 'auth', status: authMode === 'basic' ? 401 : 400 } });
  });
});

describe('api.video over HTTP, account and upstream trouble', () => {
  it('renews expired tokens: on schedule and after a 401', async () => {
    const t = await setup({ authMode: 'token' });
    expect((await t.poll('viewers')).ok).toBe(true);
    t.sim.controls.expireTokens();
    expect((await t.poll('viewers')).ok).toBe(true);
    t.clock.advance(3_560_000);
    expect((await t.poll('viewers')).ok).toBe(true);
    expect(t.sim.controls.stats()).toMatchObject({ tokensIssued: 3, refreshes: 2 });
    expect(t.sim.server.counts.get('/auth/api-key')).toBe(1);
  });

  it('shows "session data not available" for an account without the legacy analytics and keeps viewers', async () => {
    const t = await setup();
    t.sim.controls.setLegacyAnalytics(false);
    expect(await t.poll('sessions')).toMatchObject({ ok: true, value: { sessions: [], notes: [LEGACY_NOTE] } });
    const viewers = await t.poll('viewers');
    expect(viewers.ok && viewers.value.viewers!.length).toBe(60);
  });

  it('stops a lying pagination and keeps what it read', async () => {
    const t = await setup();
    t.sim.controls.setLyingPagination('repeat');
    const sessions = await t.poll('sessions');
    expect(sessions.ok).toBe(true);
    if (!sessions.ok) return;
    expect(sessions.value.notes?.some((note) => note.includes('repeated page 1'))).toBe(true);
    expect(t.sim.server.totalRequests()).toBeLessThan(20);
  });

  it('waits out a 429 for X-RateLimit-Retry-After seconds', async () => {
    const t = await setup();
    t.sim.controls.setRateLimit(3);
    expect((await t.poll('viewers')).ok).toBe(true);
    const limited = await t.poll('sessions');
    expect(limited).toMatchObject({ ok: false, error: { kind: 'rate-limited' } });
    if (!limited.ok) expect(limited.error.retryAt).toBe(Date.parse('2026-03-10T19:46:00Z'));
    t.clock.advance(50_000);
    expect((await t.poll('viewers')).ok).toBe(true);
  });

  it('reports a body that is not JSON as a schema error', async () => {
    const t = await setup();
    await t.sim.server.setFault({ type: 'not-json' });
    expect(await t.poll('viewers')).toMatchObject({ ok: false, error: { kind: 'schema', path: '(body)' } });
  });
});

describe('api.video over HTTP, just after midnight UTC', () => {
  it('still lists the sessions of the evening before, by default', async () => {
    const t = await setup({}, undefined, '2026-03-11T00:05:00Z');
    const sessions = await t.poll('sessions');
    expect(sessions.ok).toBe(true);
    if (!sessions.ok) return;
    const midnight = Date.parse('2026-03-11T00:00:00Z');
    const before = sessions.value.sessions!.filter((s) => s.startedAt! < midnight);
    expect(before.length).toBeGreaterThan(0);
    // Kept to the last 24 hours: nothing that ended before 00:05 the day before.
    const dayAgo = Date.parse('2026-03-10T00:05:00Z');
    expect(sessions.value.sessions!.every((s) => s.endedAt === null || s.endedAt >= dayAgo)).toBe(true);
  });
});

describe('api.video over HTTP, bodies the spec allows', () => {
  it("stays healthy on the spec's own example values: a fractional ccv, the hour form of dates, unknown devices", async () => {
    const t = await setup();
    t.sim.controls.setBodyStyle('spec-example');
    const viewers = await t.poll('viewers');
    expect(viewers.ok).toBe(true);
    if (!viewers.ok) return;
    const newest = viewers.value.viewers!.at(-1)!;
    expect(newest.viewers % 1).toBe(0.5); // kept exact; the display rounds
    expect(viewers.value.viewers!.slice(0, -1).every((p) => p.at % 3_600_000 === 0)).toBe(true);
    expect(viewers.value.notes).toEqual([]);
    const sessions = await t.poll('sessions');
    expect(sessions.ok && sessions.value.sessions!.length).toBeGreaterThan(0);
    expect(sessions.ok && sessions.value.sessions!.every((s) => !/unknown.*unknown/.test(`${s.device} ${s.os}`))).toBe(
      true,
    );
  });

  it('stays healthy on minimal bodies: optional fields left out, nullable ones null', async () => {
    const t = await setup({ authMode: 'token' });
    t.sim.controls.setBodyStyle('minimal');
    const viewers = await t.poll('viewers');
    expect(viewers).toMatchObject({ ok: true, value: { viewers: [], notes: [] } });
    const sessions = await t.poll('sessions');
    expect(sessions.ok).toBe(true);
    if (!sessions.ok) return;
    expect(sessions.value.sessions!.length).toBeGreaterThan(0);
    expect(sessions.value.sessions!.every((s) => s.startedAt === null && s.device === null)).toBe(true);
    const detail = await t.connection.sessionDetail!(sessions.value.sessions![0]!.id, sig());
    expect(detail.ok && detail.value.events!.length).toBeGreaterThan(0);
  });

  it('one malformed item costs exactly that item, and the notes say so', async () => {
    const t = await setup();
    const normal = await t.poll('viewers');
    t.sim.controls.setBodyStyle('one-bad-item');
    const viewers = await t.poll('viewers');
    expect(viewers.ok).toBe(true);
    if (!viewers.ok || !normal.ok) return;
    expect(viewers.value.viewers).toHaveLength(normal.value.viewers!.length - 1);
    expect(viewers.value.notes).toEqual([
      'viewer series: 1 item skipped: data[1].emittedAt: not a date: "not a date".',
    ]);
    const sessions = await t.poll('sessions');
    expect(sessions.ok).toBe(true);
    if (!sessions.ok) return;
    expect(sessions.value.notes).toContain(
      'live streams: 1 item skipped: data[1].liveStreamId: expected text, received undefined.',
    );
    expect(
      sessions.value.notes!.some((n) =>
        /^player sessions of .+: 1 item skipped: data\[1\]\.session\.loadedAt: not a date/.test(n),
      ),
    ).toBe(true);
    const detail = await t.connection.sessionDetail!(sessions.value.sessions![0]!.id, sig());
    expect(detail.ok && detail.value.attributes.note).toMatch(/1 item skipped: data\[1\]\.type/);
  });
});
