import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseWith } from '../../../../main/providers/http';
import { QosUserListSchema, SessionListSchema } from '../../../../main/providers/zoom-video-sdk/schema';
import { qosSummary, toEvents, toLiveSample, toPastSample } from '../../../../main/providers/zoom-video-sdk/to-model';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../../fixtures/zoom-video-sdk/${name}`, import.meta.url), 'utf8'));

describe('Zoom mapping of seed 004', () => {
  const listing = SessionListSchema.parse(fixture('sessions-seed-004.json'));

  it('keeps the paging token of the example', () => {
    expect(listing.next_page_token).toBe('suQA5LvDBnH5No5OYD7mqpJuFzJqUOHK8U2');
    expect(listing.sessions).toHaveLength(2);
  });

  it('maps a past session: times, participants, title and the feature flags', () => {
    const sample = toPastSample('zoom-1', listing.sessions, null);
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
    const sample = toLiveSample('zoom-1', listing.sessions, now, { limit: 30000, remaining: 29990, resetAt: null });
    expect(sample.viewers).toEqual([{ at: now, viewers: 4 }]);
    expect(sample.sessions?.every((session) => session.endedAt === null && session.playingMs === null)).toBe(true);
    expect(sample.rateLimit).toEqual({ limit: 30000, remaining: 29990, resetAt: null });
  });

  it('tolerates missing and odd fields but not a session without an id', () => {
    const odd = SessionListSchema.parse({ sessions: [{ id: 'x', user_count: '3', has_video: 'yes', end_time: null }] });
    const session = toPastSample('z', odd.sessions, null).sessions?.[0];
    expect(session).toMatchObject({
      id: 'x',
      participants: 3,
      startedAt: null,
      endedAt: null,
      playingMs: null,
      title: null,
    });
    expect(session?.attributes.has_video).toBeNull();
    const bad = parseWith('Zoom', SessionListSchema, { sessions: [{ session_name: 'no id' }] });
    expect(bad).toMatchObject({ ok: false, error: { kind: 'schema', path: 'sessions[0].id' } });
  });

  it('gives a listing without sessions as an empty list', () => {
    expect(SessionListSchema.parse({ next_page_token: '' }).sessions).toEqual([]);
  });
});

describe('Zoom users and QoS as events', () => {
  const qos = QosUserListSchema.parse(fixture('users-qos-edge.json'));

  it('turns users into join and leave events, oldest first, named after the user', () => {
    const events = toEvents(qos.users, qos.users);
    expect(events.map((event) => [event.type, event.subject, new Date(event.at).toISOString()])).toEqual([
      ['join', 'Host', '2021-12-07T05:40:00.000Z'],
      ['join', 'Guest', '2021-12-07T05:45:00.000Z'],
      ['leave', 'Host', '2021-12-07T06:10:00.000Z'],
    ]);
    expect(events[1]?.details).toMatchObject({ device: 'Android', network_type: 'Cellular', location: null });
  });

  it("puts each user's newest QoS on their join, parsed, with unreadable values as null", () => {
    const [hostJoin, guestJoin] = toEvents(qos.users, qos.users);
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
    expect(qosSummary(qos.users)).toEqual({ qos_users: 2, qos_worst_avg_loss_pct: 7.5, qos_worst_latency_ms: 200 });
  });
});
