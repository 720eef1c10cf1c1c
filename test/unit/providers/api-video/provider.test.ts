import { describe, expect, it } from 'vitest';
import { createApiVideoSim } from '../../../../main/demo/api-video';
import { mediaViewersAt } from '../../../../main/demo/api-video/world';
import type { SimHandler } from '../../../../main/demo/sim-server';
import { apiVideoProvider, baseUrlFor } from '../../../../main/providers/api-video';
import {
  LEGACY_NOTE,
  MAX_MEDIA_PER_POLL,
  SESSIONS_REQUEST_BUDGET,
} from '../../../../main/providers/api-video/sessions';
import { ACCOUNT_CCV_NOTE } from '../../../../main/providers/api-video/viewers';
import { createHttp } from '../../../../main/providers/http';
import page1 from '../../../fixtures/api-video/session-events-page-1.json';
import page2 from '../../../fixtures/api-video/session-events-page-2.json';
import { fakeClock, handlerFetch, signal, type Seen } from './fake-fetch';

const START = Date.parse('2026-03-10T20:30:20Z');
const scenario = { seed: 11, peakViewers: 900, incidents: [] };

function connect(handler: SimHandler, options: Record<string, unknown> = {}, apiKey = 'k', now = () => START) {
  const seen: Seen[] = [];
  const connection = apiVideoProvider.connect(
    {
      id: 'av',
      name: 'Streams',
      baseUrl: 'https://ws.api.video',
      options: apiVideoProvider.optionsSchema.parse(options),
      secrets: { apiKey },
    },
    { http: createHttp({ fetch: handlerFetch(handler, seen) }), now },
  );
  const poll = (name: string) => connection.endpoints.find((e) => e.name === name)!.poll(signal());
  return { connection, seen, poll };
}

function withSim(options: Record<string, unknown> = {}, world?: { liveStreams?: number; videos?: number }) {
  const clock = fakeClock(START);
  const sim = createApiVideoSim({ scenario, now: clock.now, ...(world ? { world } : {}) });
  return { sim, clock, ...connect(sim.handler, options, sim.apiKey, clock.now) };
}

describe('api.video session detail (legacy analytics events)', () => {
  const fixtures: SimHandler = (req) => ({ status: 200, body: req.query.get('currentPage') === '2' ? page2 : page1 });

  it('follows the pagination to the last page: 30 events from 2 requests', async () => {
    const t = connect(fixtures);
    const detail = await t.connection.sessionDetail!('ps5ltuhfsTOeh6bP03Tq5OWc', signal());
    expect(detail.ok).toBe(true);
    if (!detail.ok) return;
    expect(detail.value.events).toHaveLength(30);
    expect(detail.value.attributes).toEqual({});
    expect(t.seen.map((s) => `${s.path}?${s.query.get('currentPage')}`)).toEqual([
      '/analytics/sessions/ps5ltuhfsTOeh6bP03Tq5OWc/events?1',
      '/analytics/sessions/ps5ltuhfsTOeh6bP03Tq5OWc/events?2',
    ]);
  });

  it('keeps what it read, with a note, when a promised page repeats', async () => {
    const t = connect(() => ({ status: 200, body: page1 }));
    const detail = await t.connection.sessionDetail!('ps5', signal());
    expect(detail.ok && detail.value.events).toHaveLength(25);
    expect(detail.ok && detail.value.attributes.note).toBe(
      'events of session ps5: asked for page 2 but got page 1; kept the 25 read before.',
    );
  });
});

describe('api.video polls against the simulator', () => {
  it('reads viewers: the last hour per minute and the live value as the newest point', async () => {
    const t = withSim();
    const sample = await t.poll('viewers');
    expect(sample.ok).toBe(true);
    if (!sample.ok) return;
    const points = sample.value.viewers!;
    expect(points).toHaveLength(60);
    expect(points.at(-1)!.at).toBe(Date.parse('2026-03-10T20:30:00Z'));
    const expected = t.sim.world.media.reduce((sum, m) => sum + mediaViewersAt(scenario, m, START), 0);
    expect(points.at(-1)!.viewers).toBe(expected);
    expect(sample.value.rateLimit).toMatchObject({ limit: 500, remaining: 498 });
    // The spec accepts no media filter on ccv, and wants ATOM dates: whole seconds, a numeric offset.
    expect(t.seen.flatMap((s) => [...s.query.keys()].filter((k) => k.startsWith('filterBy')))).toEqual([]);
    expect(t.seen[1]!.query.get('from')).toBe('2026-03-10T19:31:00+00:00');
    expect(t.seen[1]!.query.get('to')).toMatch(/^2026-03-10T20:30:\d\d\+00:00$/);
  });

  it('counts the whole account for chosen media, and says so in the notes', async () => {
    const t = withSim();
    const [first, second] = t.sim.world.media;
    const r = connect(t.sim.handler, { liveStreamIds: `${first!.id}, ${second!.id}` }, t.sim.apiKey, t.clock.now);
    const sample = await r.poll('viewers');
    expect(sample.ok && sample.value.notes).toEqual([ACCOUNT_CCV_NOTE]);
    expect(r.seen.every((s) => ![...s.query.keys()].some((k) => k.startsWith('filterBy')))).toBe(true);
  });

  it('lists player sessions of the live streams, broadcasting ones first', async () => {
    const t = withSim();
    const sample = await t.poll('sessions');
    expect(sample.ok).toBe(true);
    if (!sample.ok) return;
    expect(sample.value.notes).toEqual([]);
    expect(sample.value.sessions!.length).toBeGreaterThan(10);
    expect(sample.value.sessions!.every((s) => s.failed === null && s.events === null && s.videoType === 'live')).toBe(
      true,
    );
    expect(t.seen[1]?.query.get('period')).toBe('2026-03-09/2026-03-10');
    expect(t.seen.map((s) => s.path)[0]).toBe('/live-streams');
  });

  it('answers 404 on legacy analytics with a note, no error, and keeps the viewers', async () => {
    const t = withSim();
    t.sim.controls.setLegacyAnalytics(false);
    const sessions = await t.poll('sessions');
    expect(sessions).toMatchObject({ ok: true, value: { sessions: [], notes: [LEGACY_NOTE] } });
    const analyticsCalls = t.seen.filter((s) => s.path.startsWith('/analytics/'));
    expect(analyticsCalls).toHaveLength(1);
    const viewers = await t.poll('viewers');
    expect(viewers.ok && viewers.value.viewers!.length).toBe(60);
    const detail = await t.connection.sessionDetail!('ps0001abc', signal());
    expect(detail).toMatchObject({ ok: false, error: { status: 404 } });
  });

  it('stops lying pagination and says so in the sample', async () => {
    const t = withSim();
    t.sim.controls.setLyingPagination('extra-pages');
    const sample = await t.poll('sessions');
    expect(sample.ok).toBe(true);
    if (!sample.ok) return;
    expect(sample.value.notes?.[0]).toBe('live streams: page 2 of 4 promised was empty; kept the 3 read before.');
    expect(sample.value.sessions!.length).toBeGreaterThan(0);
    t.sim.controls.setLyingPagination('repeat');
    const again = await t.poll('sessions');
    expect(again.ok && again.value.notes?.[0]).toBe('live streams: page 2 repeated page 1; kept the 3 read before.');
  });

  it('keeps each sessions poll within its request budget and takes the idle media in turn', async () => {
    const t = withSim({}, { liveStreams: 12, videos: 0 });
    const [onAir, ...idle] = t.sim.world.media;
    t.sim.controls.setBroadcasting(onAir!.id, true);
    for (const media of idle) t.sim.controls.setBroadcasting(media.id, false);
    const first = await t.poll('sessions');
    const used = t.seen.length;
    expect(used).toBeLessThanOrEqual(SESSIONS_REQUEST_BUDGET);
    expect(first.ok && first.value.notes).toContain(
      `Player sessions are read for ${MAX_MEDIA_PER_POLL} of 12 media per poll, in turn.`,
    );
    await t.poll('sessions');
    const asked = (from: number, to: number) =>
      new Set(
        t.seen
          .slice(from, to)
          .filter((s) => s.path.startsWith('/analytics/'))
          .map((s) => s.path.split('/')[3]),
      );
    const firstMedia = asked(0, used);
    const secondMedia = asked(used, t.seen.length);
    expect(firstMedia.size).toBe(MAX_MEDIA_PER_POLL);
    expect(secondMedia.size).toBe(MAX_MEDIA_PER_POLL);
    expect([...firstMedia].filter((id) => secondMedia.has(id))).toEqual([onAir!.id]);
  });

  it('tests a connection in one sentence', async () => {
    const t = withSim();
    const [main, second, third] = t.sim.world.media;
    t.sim.controls.setBroadcasting(second!.id, false);
    t.sim.controls.setBroadcasting(third!.id, false);
    const result = await t.connection.testConnection(signal());
    // The account's ccv: the broadcasting stream plus the videos (the spec allows no media filter on ccv).
    const videos = t.sim.world.media.filter((m) => m.type === 'video');
    const viewers = [main!, ...videos].reduce((sum, m) => sum + mediaViewersAt(scenario, m, START), 0);
    expect(result).toEqual({ ok: true, value: `3 live streams (1 broadcasting), ${viewers} viewers now` });
  });
});

describe('api.video options', () => {
  it('uses the sandbox host only when the URL is still the production default', () => {
    expect(baseUrlFor('https://ws.api.video/', { environment: 'sandbox' })).toBe('https://sandbox.api.video');
    expect(baseUrlFor('https://ws.api.video', { environment: 'production' })).toBe('https://ws.api.video');
    expect(baseUrlFor('http://127.0.0.1:4010/', { environment: 'sandbox' })).toBe('http://127.0.0.1:4010');
  });

  it('defaults to Basic auth in production and accepts id lists as text or arrays', () => {
    expect(apiVideoProvider.optionsSchema.parse({})).toEqual({
      environment: 'production',
      authMode: 'basic',
      liveStreamIds: [],
      videoIds: [],
      sessionsPeriod: 'last-24-hours',
    });
    expect(apiVideoProvider.optionsSchema.parse({ videoIds: ['vi1', ' vi2 '] }).videoIds).toEqual(['vi1', 'vi2']);
  });

  it('names its metric and its secret', () => {
    expect(apiVideoProvider.metric).toEqual({
      label: 'api.video concurrent viewers',
      unit: 'viewers',
      definition: expect.stringMatching(/^Highest number of concurrent viewers \(ccv\).*whole account/),
    });
    expect(apiVideoProvider.secretFields).toEqual(['apiKey']);
  });
});
