import { describe, expect, it } from 'vitest';
import { MINUTE } from '../../../../main/demo/scenario';
import { zoomVideoSdkProvider } from '../../../../main/providers/zoom-video-sdk';
import { EVENING, zoomHarness } from './harness';

describe('Zoom provider', () => {
  it('names its number as participants, with the definition at hand', () => {
    expect(zoomVideoSdkProvider.metric).toEqual({
      label: 'Zoom participants',
      unit: 'participants',
      definition: 'People in live Video SDK sessions now (sum of user_count); participants, not stream viewers',
    });
    expect(zoomVideoSdkProvider.defaultBaseUrl).toBe('https://api.zoom.us/v2');
    expect(zoomVideoSdkProvider.secretFields).toEqual(['apiKey', 'apiSecret']);
  });

  it('defaults and bounds its options', () => {
    const parse = (value: unknown) => zoomVideoSdkProvider.optionsSchema.safeParse(value);
    expect(parse({})).toMatchObject({ success: true, data: { plan: 'pro', pastDays: 1, pageSize: 300 } });
    expect(parse({ pageSize: 301 }).success).toBe(false);
    expect(parse({ pastDays: 40 }).success).toBe(false);
    expect(parse({ plan: 'free' }).success).toBe(false);
  });

  it('lists live sessions at a tenth of the plan budget: every 60 s on Pro, 30 s on Business', () => {
    const interval = (plan: string) => zoomHarness({ source: { plan } }).live.intervalMs;
    expect(interval('pro')).toBe(60_000);
    expect(interval('business')).toBe(30_000);
    expect(zoomHarness().past.intervalMs).toBe(10 * MINUTE);
  });

  it('reports participants now as the sum over live sessions, as the simulator has them', async () => {
    const harness = zoomHarness();
    const live = harness.sim.controls.live();
    const result = await harness.live.poll(harness.signal);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const total = live.reduce((sum, session) => sum + session.participants, 0);
    expect(result.value.viewers).toEqual([{ at: EVENING, viewers: total }]);
    expect(result.value.sessions?.map((session) => [session.id, session.participants, session.endedAt])).toEqual(
      live.map((session) => [session.id, session.participants, null]),
    );
  });

  it('says what it found when testing the connection', async () => {
    const harness = zoomHarness();
    const live = harness.sim.controls.live();
    const participants = live.reduce((sum, session) => sum + session.participants, 0);
    expect(await harness.connection.testConnection(harness.signal)).toEqual({
      ok: true,
      value: `Connected: ${live.length} live sessions, ${participants} participants now`,
    });
  });

  it('lists past sessions with durations from their times', async () => {
    const harness = zoomHarness();
    const result = await harness.past.poll(harness.signal);
    expect(result.ok).toBe(true);
    const session = result.ok ? result.value.sessions?.[0] : undefined;
    expect(session?.endedAt).not.toBeNull();
    expect(session?.playingMs).toBe(session!.endedAt! - session!.startedAt!);
    expect(typeof session?.attributes.duration).toBe('string');
  });

  it('drills into sessions whose ids need double encoding and those that do not', async () => {
    const harness = zoomHarness();
    const past = await harness.past.poll(harness.signal);
    const all = past.ok ? (past.value.sessions ?? []) : [];
    const picks = [
      all.find((s) => s.id.startsWith('/')),
      all.find((s) => s.id.includes('//')),
      all.find((s) => !s.id.startsWith('/') && !s.id.includes('//') && s.id.includes('/')),
    ];
    for (const session of picks) {
      expect(session).toBeDefined();
      const detail = await harness.connection.sessionDetail!(session!.id, harness.signal);
      expect(detail.ok).toBe(true);
      if (!detail.ok) continue;
      const joins = detail.value.events?.filter((event) => event.type === 'join') ?? [];
      expect(joins).toHaveLength(session!.participants!);
      expect(detail.value.events?.filter((event) => event.type === 'leave')).toHaveLength(joins.length);
      expect(joins[0]?.subject).toBeTruthy();
      expect(joins[0]?.details).toHaveProperty('video_input_latency_ms');
      expect(detail.value.attributes.qos_users).toBe(joins.length);
    }
    expect(harness.fetch.paths.some((path) => path.includes('/sessions/%252F'))).toBe(true);
    expect(harness.fetch.paths.some((path) => /\/sessions\/[^/]*%252F%252F/.test(path))).toBe(true);
  });

  it('drills into a live session it never listed: tried as past, then as live', async () => {
    const harness = zoomHarness();
    const [first] = harness.sim.controls.live();
    const detail = await harness.connection.sessionDetail!(first!.id, harness.signal);
    expect(detail.ok).toBe(true);
    if (!detail.ok) return;
    const joined = detail.value.events?.filter((event) => event.type === 'join').length ?? 0;
    const left = detail.value.events?.filter((event) => event.type === 'leave').length ?? 0;
    expect(joined - left).toBe(first!.participants);
    expect(detail.value.endedAt).toBeNull();
    const users = harness.fetch.paths.filter((path) => /\/users\?/.test(path));
    expect(users.map((path) => new URLSearchParams(path.split('?')[1]).get('type'))).toEqual(['past', 'live']);
  });

  it('says plainly when a session does not exist', async () => {
    const harness = zoomHarness();
    const detail = await harness.connection.sessionDetail!('nope/x==', harness.signal);
    expect(detail).toMatchObject({ ok: false, error: { status: 404 } });
    if (!detail.ok) expect(detail.error.message).toMatch(/^Zoom · 3001 Session does not exist\./);
  });
});
