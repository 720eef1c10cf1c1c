import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseWith } from '../../../../main/providers/http';
import { QosUserListSchema, SessionListSchema } from '../../../../main/providers/zoom-video-sdk/schema';
import { qosSummary, toEvents, toLiveSample, toPastSample } from '../../../../main/providers/zoom-video-sdk/to-model';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../../fixtures/zoom-video-sdk/${name}`, import.meta.url), 'utf8'));

describe('Zoom mapping of the documented session shapes', () => {
  const listing = SessionListSchema.parse(fixture('sessions-seed-004.json'));

  it('keeps the paging token of the example', () => {
    expect(listing.next_page_token).toBe('suQA5LvDBnH5No5OYD7mqpJuFzJqUOHK8U2');
    expect(listing.sessions.items).toHaveLength(2);
  });

  it('maps a past session: times, participants, title and the feature flags', () => {
    const sample = toPastSample('zoom-1', listing.sessions.items, null);
    const session = sample.sessions?.[0];
    expect(session).toEqual({
      sourceId: 'zoom-1',
      id: 'sfk/aOFJSJSYhGwk1hnxgw==',
      startedAt: Date.parse('2021-12-07T05:42:28Z'),
      endedAt: Date.parse('2021-12-07T05:42:28Z'),
      device: null,
      os: null,
      videoType: null,
      failed: null,
      failures: [],
      startupTimeMs: null,
      rebufferingMs: null,
      // From the times, not from "30:00", which is kept only as shown.
      playingMs: 0,
      viewerId: null,
      title: 'My session',
      country: null,
      participants: 2,
      attributes: {
        has_voip: true,
        has_video: true,
        has_screen_share: true,
        has_recording: true,
        has_pstn: true,
        session_key: 'my_session_key',
        duration: '30:00',
      },
      events: null,
    });
    expect(sample.viewers).toBeUndefined();
  });

  it('sums user_count of live sessions into one participants point at now', () => {
    const now = Date.parse('2021-12-07T06:00:00Z');
    const sample = toLiveSample('zoom-1', listing.sessions.items, now, {
      limit: 30000,
      remaining: 29990,
      resetAt: null,
    });
    expect(sample.viewers).toEqual([{ at: now, viewers: 4 }]);
    expect(sample.sessions?.every((session) => session.endedAt === null && session.playingMs === null)).toBe(true);
    expect(sample.rateLimit).toEqual({ limit: 30000, remaining: 29990, resetAt: null });
  });

  it('tolerates missing and odd fields', () => {
    const odd = SessionListSchema.parse({ sessions: [{ id: 'x', user_count: '3', has_video: 'yes', end_time: null }] });
    const session = toPastSample('z', odd.sessions.items, null).sessions?.[0];
    expect(session).toMatchObject({
      id: 'x',
      participants: 3,
      startedAt: null,
      endedAt: null,
      playingMs: null,
      title: null,
    });
    expect(session?.attributes.has_video).toBeNull();
  });

  it('keeps a session without an id that its name and start tell apart; skips and counts one that nothing does', () => {
    const list = SessionListSchema.parse({
      sessions: [
        { session_name: 'no id', start_time: '2026-03-10T19:00:00Z' },
        { session_name: 'no id, no start' },
        { id: 'ok' },
      ],
    });
    const ids = toPastSample('z', list.sessions.items, null).sessions?.map((s) => s.id);
    expect(ids).toEqual(['no id@2026-03-10T19:00:00Z', 'ok']);
    expect(list.sessions.skips).toEqual({
      count: 1,
      first: 'sessions[1].id: no id, and no name or key with a start time to tell it apart',
    });
  });

  it('keeps the envelope strict: sessions that are not a list are a schema error', () => {
    const bad = parseWith('Zoom', SessionListSchema, { sessions: { id: 'x' } });
    expect(bad).toMatchObject({ ok: false, error: { kind: 'schema', path: 'sessions' } });
  });

  it('gives a listing without sessions as an empty list', () => {
    expect(SessionListSchema.parse({ next_page_token: '' }).sessions.items).toEqual([]);
  });
});

describe('Zoom users and QoS as events', () => {
  const qos = QosUserListSchema.parse(fixture('users-qos-edge.json'));

  it('turns users into join and leave events, oldest first, named after the user', () => {
    const events = toEvents(qos.users.items, qos.users.items);
    expect(events.map((event) => [event.type, event.subject, new Date(event.at).toISOString()])).toEqual([
      ['join', 'Host', '2021-12-07T05:40:00.000Z'],
      ['join', 'Guest', '2021-12-07T05:45:00.000Z'],
      ['leave', 'Host', '2021-12-07T06:10:00.000Z'],
    ]);
    expect(events[1]?.details).toMatchObject({ device: 'Android', network_type: 'Cellular', location: null });
  });

  it("puts each user's newest QoS on their join, parsed, with unreadable values as null", () => {
    const [hostJoin, guestJoin] = toEvents(qos.users.items, qos.users.items);
    expect(hostJoin?.details).toMatchObject({
      audio_input_bitrate_kbps: 24,
      audio_input_latency_ms: 200,
      audio_input_avg_loss_pct: 0.4,
      video_input_bitrate_kbps: 1200,
      video_input_latency_ms: null,
      video_input_resolution: null,
      video_input_frame_rate_fps: 25,
    });
    expect(guestJoin?.details).toMatchObject({
      video_input_bitrate_kbps: null,
      video_input_latency_ms: null,
      video_input_avg_loss_pct: 7.5,
      video_input_resolution: null,
      video_input_frame_rate_fps: null,
    });
  });

  it('summarises the worst QoS for the session', () => {
    expect(qosSummary(qos.users.items)).toEqual({
      qos_users: 2,
      qos_worst_avg_loss_pct: 7.5,
      qos_worst_latency_ms: 200,
    });
  });
});
