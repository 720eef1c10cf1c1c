import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startNaverSim, type RunningNaverSim } from '../../main/demo/naver-vpe/sim';
import { MINUTE } from '../../main/demo/scenario';
import { createHttp } from '../../main/providers/http';
import { NaverOptionsSchema, naverVpeProvider, type NaverOptions } from '../../main/providers/naver-vpe/index';
import type { Connection } from '../../main/providers/provider';

/** The provider against the simulator over real HTTP on 127.0.0.1, on a clock the test holds. */
let sim: RunningNaverSim;
let now = Date.parse('2025-10-10T20:25:30Z');
const signal = new AbortController().signal;

beforeAll(async () => {
  sim = await startNaverSim({ now: () => now });
});
afterAll(() => sim.close());
beforeEach(() => sim.setMode('normal'));

function connect(
  options: Partial<NaverOptions> = {},
  secrets = { apiKey: sim.apiKey, projectId: sim.projectId },
): Connection {
  return naverVpeProvider.connect(
    { id: 'naver-sim', name: 'NAVER demo', baseUrl: sim.url, options: NaverOptionsSchema.parse(options), secrets },
    { http: createHttp({ fetch, defaultTimeoutMs: 5_000 }), now: () => now },
  );
}

async function poll(connection: Connection, name: 'viewers' | 'sessions') {
  const endpoint = connection.endpoints.find((candidate) => candidate.name === name)!;
  return endpoint.poll(signal);
}

describe('NAVER VPE provider against the simulator', () => {
  it('reads 60 minutes of viewers as an ascending series ending at the last whole minute', async () => {
    const result = await poll(connect(), 'viewers');
    expect(result.ok).toBe(true);
    const points = result.ok ? result.value.viewers! : [];
    expect(points).toHaveLength(60);
    expect(points.at(-1)!.at).toBe(Date.parse('2025-10-10T20:24:00Z'));
    expect(points[0]!.at).toBe(Date.parse('2025-10-10T19:25:00Z'));
    expect(points.every((point, i) => i === 0 || point.at - points[i - 1]!.at === MINUTE)).toBe(true);
    expect(points.at(-1)!.viewers).toBeGreaterThan(0);
  });

  it('reads 100 recent sessions with their events', async () => {
    const result = await poll(connect(), 'sessions');
    const sessions = result.ok ? result.value.sessions! : [];
    expect(sessions).toHaveLength(100);
    expect(new Set(sessions.map((session) => session.id)).size).toBe(100);
    for (const session of sessions) {
      expect(session.sourceId).toBe('naver-sim');
      expect(session.events![0]!.type).toBe('ready');
      expect(session.startedAt).toBe(session.events![0]!.at);
      expect(session.endedAt).toBeLessThanOrEqual(now);
      expect(session.startupTimeMs).toBeGreaterThan(0);
      expect(session.failed).toBe(session.events!.some((event) => event.type === 'error'));
    }
    const playing = sessions.flatMap((session) => session.events!).filter((event) => event.type === 'playing');
    expect(playing.length).toBeGreaterThan(0);
    expect(Math.max(...playing.map((event) => event.durationMs ?? 0))).toBeGreaterThan(50_000); // ms, not seconds
  });

  it('honours the session limit and the device filter', async () => {
    const result = await poll(connect({ sessionLimit: 7, device: 'PC' }), 'sessions');
    const sessions = result.ok ? result.value.sessions! : [];
    expect(sessions).toHaveLength(7);
    expect(sessions.every((session) => session.device === 'PC')).toBe(true);
  });

  it('fetches a session detail with the same events as the list', async () => {
    const listed = await poll(connect(), 'sessions');
    const sessions = listed.ok ? listed.value.sessions! : [];
    const chosen = sessions.find((session) => session.failed) ?? sessions[0]!;
    const detail = await connect().sessionDetail!(chosen.id, signal);
    expect(detail.ok).toBe(true);
    if (!detail.ok) return;
    expect(detail.value.id).toBe(chosen.id);
    expect(detail.value.events).toEqual(chosen.events);
    expect(detail.value.device).toBe(chosen.device);
    expect(detail.value.country).toMatch(/^[A-Z]{2}$/);
    expect(detail.value.title).toBeTruthy();
    if (chosen.failed) expect(detail.value.failures[0]!.kind).toMatch(/^E000\d$/);
  });

  it('tests the connection in one sentence', async () => {
    const result = await connect().testConnection(signal);
    expect(result.ok).toBe(true);
    expect(result.ok && result.value).toMatch(/^Connected: \d+ viewers now, 100 recent sessions$/);
  });

  it('turns a wrong key into an auth sentence that does not leak the key', async () => {
    const result = await poll(connect({}, { apiKey: 'wrong-key-0001', projectId: sim.projectId }), 'viewers');
    expect(result).toMatchObject({ ok: false, error: { kind: 'auth' } });
    if (!result.ok) {
      expect(result.error.message).toMatch(/^NAVER VPE · Authentication Failed/);
      expect(result.error.message).not.toContain('wrong-key-0001');
    }
    sim.setMode('bad-key');
    expect(await poll(connect(), 'sessions')).toMatchObject({ ok: false, error: { kind: 'auth' } });
  });

  it('explains an unsubscribed service', async () => {
    sim.setMode('not-subscribed');
    expect(await connect().testConnection(signal)).toMatchObject({
      ok: false,
      error: {
        kind: 'auth',
        message: 'NAVER VPE · Unauthorized: the Media Analytics service is not subscribed for this Company ID.',
      },
    });
  });

  it('one malformed item costs that item only, and the notes name its field', async () => {
    const viewersBefore = await poll(connect(), 'viewers');
    sim.setMode('bad-field');
    const viewers = await poll(connect(), 'viewers');
    expect(viewers.ok && viewersBefore.ok).toBe(true);
    if (!viewers.ok || !viewersBefore.ok) return;
    expect(viewers.value.viewers).toHaveLength(viewersBefore.value.viewers!.length - 1);
    expect(viewers.value.notes).toEqual([
      expect.stringMatching(/^NAVER viewers: 1 item skipped: result\[0\]\.currentViewerCnt: /),
    ]);
    const sessions = await poll(connect(), 'sessions');
    expect(sessions.ok && sessions.value.notes).toEqual([
      expect.stringMatching(/^NAVER sessions: 1 item skipped: result\[0\]\.playingTime: /),
    ]);
  });

  it('tolerates the documented type drift', async () => {
    sim.setMode('drift');
    const viewers = await poll(connect(), 'viewers');
    const sessions = await poll(connect({ sessionLimit: 5 }), 'sessions');
    expect(viewers.ok && viewers.value.viewers!.length).toBe(60);
    expect(sessions.ok && sessions.value.sessions!.length).toBe(5);
  });

  it('classifies a non-JSON answer and a server error', async () => {
    await sim.server.setFault({ type: 'not-json' });
    expect(await poll(connect(), 'viewers')).toMatchObject({ ok: false, error: { kind: 'schema', path: '(body)' } });
    await sim.server.setFault({ type: 'html-error', status: 502 });
    expect(await poll(connect(), 'viewers')).toMatchObject({ ok: false, error: { kind: 'http', status: 502 } });
    await sim.server.setFault(null);
  });

  it('follows the injected clock', async () => {
    const before = await poll(connect(), 'viewers');
    now += 5 * MINUTE;
    const after = await poll(connect(), 'viewers');
    expect(before.ok && after.ok).toBe(true);
    if (before.ok && after.ok)
      expect(after.value.viewers!.at(-1)!.at - before.value.viewers!.at(-1)!.at).toBe(5 * MINUTE);
  });
});
