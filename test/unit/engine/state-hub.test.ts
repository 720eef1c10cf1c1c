import { describe, expect, it, vi } from 'vitest';
import type { Patch, Snapshot } from '@shared/model/state';
import { PatchSchema, SnapshotSchema } from '@shared/model/state';
import { applyPatch } from '../../../main/engine/apply-patch';
import { createStateHub, type SourceInfo } from '../../../main/engine/state-hub';
import { point, session } from '../../support/samples';

const MINUTE = 60_000;
const T = Date.parse('2026-01-15T12:00:00Z');

const info = (id: string): SourceInfo => ({
  id,
  name: `Source ${id}`,
  provider: 'naver-vpe',
  providerLabel: 'NAVER VPE',
  metric: { label: 'Current viewers', unit: 'viewers', definition: 'Viewers in the last minute.' },
  demo: false,
  intervalMs: MINUTE,
});

function hubWithPatches(options: { seriesCapacity?: number; sessionCapacity?: number } = {}) {
  let now = T;
  const hub = createStateHub({ now: () => now, ...options });
  const patches: Patch[] = [];
  hub.subscribe((patch) => patches.push(patch));
  return { hub, patches, tick: (ms: number) => (now += ms) };
}

const withoutTime = (snapshot: Snapshot) => ({ ...snapshot, generatedAt: 0 });

describe('state hub', () => {
  it('numbers every patch one after the other and snapshots carry the current number', () => {
    const { hub, patches } = hubWithPatches();
    hub.registerSource(info('a'));
    hub.applySample('a', { viewers: [point(T, 5)] });
    hub.setHealth('a', { status: 'ok' }, T);
    hub.setFlags({ offline: true });
    expect(patches.map((patch) => patch.seq)).toEqual([1, 2, 3, 4]);
    expect(hub.snapshot().seq).toBe(4);
    for (const patch of patches) expect(PatchSchema.safeParse(patch).success).toBe(true);
    expect(SnapshotSchema.safeParse(hub.snapshot()).success).toBe(true);
  });

  it('a snapshot plus the patches after it equals a later snapshot', () => {
    const { hub, patches, tick } = hubWithPatches({ seriesCapacity: 5, sessionCapacity: 4 });
    hub.registerSource(info('a'));
    hub.registerSource(info('b'));
    hub.applySample('a', { viewers: [point(T, 1), point(T + MINUTE, 2)], sessions: [session('a', 's1')] });
    const early = hub.snapshot();
    const from = patches.length;

    // Newest-first points with one late point in a gap, a changed value, sessions past the cap,
    // breakdowns, notes, a rate limit, health, a renamed source, a removed source and flags.
    hub.applySample('a', {
      viewers: [point(T + 5 * MINUTE, 9), point(T + 3 * MINUTE, 4), point(T + MINUTE, 3)],
      sessions: [session('a', 's2'), session('a', 's1', { failed: true })],
      breakdowns: [{ dimension: 'device', at: T, rows: [{ value: 'PC', count: 3 }] }],
      notes: ['Session data is sampled.'],
      rateLimit: { limit: 500, remaining: 400, resetAt: null },
    });
    tick(MINUTE);
    hub.applySample('b', {
      viewers: [point(T + 2 * MINUTE, 7)],
      sessions: [session('b', 's1'), session('b', 's2'), session('b', 's3')],
    });
    hub.applySample('a', { viewers: [point(T + 2 * MINUTE, 5), point(T + 6 * MINUTE, 8), point(T + 7 * MINUTE, 8)] });
    hub.applySample('a', { viewers: [point(T - MINUTE, 1)] });
    hub.setHealth('b', { status: 'error', error: { kind: 'network', message: 'down' }, since: T }, null);
    hub.registerSource({ ...info('a'), name: 'Renamed' });
    hub.applySample('a', { breakdowns: [{ dimension: 'device', at: T + MINUTE, rows: [{ value: 'PC', count: 4 }] }] });
    hub.removeSource('b');
    hub.setFlags({ paused: true, demo: true });

    const replayed = patches.slice(from).reduce((state, patch) => applyPatch(state, patch, 5), early);
    expect(withoutTime(replayed)).toEqual(withoutTime(hub.snapshot()));
    expect(hub.snapshot().series[0]!.points).toHaveLength(5);
  });

  it('bounds each series to its capacity and keeps it in time order', () => {
    const { hub } = hubWithPatches({ seriesCapacity: 1440 });
    hub.registerSource(info('a'));
    for (let day = 0; day < 3; day++) {
      const points = Array.from({ length: 1440 }, (_, i) => point(T + (day * 1440 + i) * MINUTE, i));
      hub.applySample('a', { viewers: points.reverse() });
    }
    const [series] = hub.snapshot().series;
    expect(series!.points).toHaveLength(1440);
    expect(series!.points[0]!.at).toBe(T + 2 * 1440 * MINUTE);
    expect(series!.points.every((p, i, all) => i === 0 || all[i - 1]!.at < p.at)).toBe(true);
  });

  it('caps sessions, evicting the least recently changed and saying so', () => {
    const { hub, patches } = hubWithPatches({ sessionCapacity: 3 });
    hub.registerSource(info('a'));
    hub.applySample('a', { sessions: ['s1', 's2', 's3'].map((id) => session('a', id)) });
    hub.applySample('a', { sessions: [session('a', 's1', { endedAt: T })] }); // s1 changed: now newest
    hub.applySample('a', { sessions: [session('a', 's4')] });
    expect(hub.snapshot().sessions.map((row) => row.id)).toEqual(['s3', 's1', 's4']);
    expect(patches.at(-1)!.ops).toContainEqual({ op: 'sessions-evicted', keys: [['a', 's2']] });
    expect(hub.session('a', 's2')).toBeUndefined();
  });

  it('emits nothing for an identical session or a point already held', () => {
    const { hub, patches } = hubWithPatches();
    hub.registerSource(info('a'));
    const sample = { viewers: [point(T, 3), point(T + MINUTE, 4)], sessions: [session('a', 's1')] };
    hub.applySample('a', sample);
    const count = patches.length;
    // Fresh but equal objects, as a provider builds them on every poll.
    hub.applySample('a', structuredClone(sample));
    hub.setHealth('a', { status: 'unknown' });
    hub.setFlags({ offline: false });
    expect(patches.length).toBe(count);
    expect(hub.snapshot().seq).toBe(count);
  });

  it('keeps events out of rows, serves them through session(), and keeps detail events when a list poll has none', () => {
    const { hub } = hubWithPatches();
    hub.registerSource(info('a'));
    const events = [
      {
        at: T,
        type: 'play' as const,
        rawType: 'play',
        durationMs: null,
        positionS: null,
        fromS: null,
        toS: null,
        subject: null,
        details: {},
      },
    ];
    hub.upsertSession('a', session('a', 's1', { events }));
    hub.applySample('a', { sessions: [session('a', 's1', { events: null })] });
    const [row] = hub.snapshot().sessions;
    expect(row).not.toHaveProperty('events');
    expect(row!.eventCount).toBe(1);
    expect(hub.session('a', 's1')!.events).toEqual(events);
  });

  it('a steady-state patch when 1% of 10,000 sessions change is under 5% of the snapshot', () => {
    const { hub, patches } = hubWithPatches();
    hub.registerSource(info('a'));
    const all = Array.from({ length: 10_000 }, (_, i) => session('a', `s${i}`, { startedAt: T + i }));
    hub.applySample('a', { sessions: all, viewers: Array.from({ length: 60 }, (_, i) => point(T + i * MINUTE, i)) });
    const snapshotBytes = JSON.stringify(hub.snapshot()).length;

    const next = all.map((s, i) => (i % 100 === 0 ? { ...s, playingMs: (s.playingMs ?? 0) + 1000 } : { ...s }));
    const before = patches.length;
    hub.applySample('a', {
      sessions: next,
      viewers: Array.from({ length: 60 }, (_, i) => point(T + (i + 1) * MINUTE, i + 1)),
    });
    expect(patches.length).toBe(before + 1);
    const patch = patches.at(-1)!;
    const sessionsOp = patch.ops.find((op) => op.op === 'sessions');
    expect(sessionsOp && sessionsOp.op === 'sessions' ? sessionsOp.sessions.length : 0).toBe(100);
    expect(JSON.stringify(patch).length / snapshotBytes).toBeLessThan(0.05);
  });

  it('removing a source removes its series, sessions and breakdowns', () => {
    const { hub } = hubWithPatches();
    hub.registerSource(info('a'));
    hub.registerSource(info('b'));
    hub.applySample('a', {
      viewers: [point(T, 1)],
      sessions: [session('a', 's1')],
      breakdowns: [{ dimension: 'os', at: T, rows: [] }],
    });
    hub.applySample('b', { sessions: [session('b', 's1')] });
    hub.removeSource('a');
    const snapshot = hub.snapshot();
    expect(snapshot.sources.map((s) => s.id)).toEqual(['b']);
    expect(snapshot.series).toEqual([]);
    expect(snapshot.sessions.map((row) => row.sourceId)).toEqual(['b']);
    expect(snapshot.breakdowns).toEqual([]);
  });

  it('keeps each endpoint’s notes and a subscriber that throws does not stop the others', () => {
    const { hub, patches } = hubWithPatches();
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    hub.subscribe(() => {
      throw new Error('broken listener');
    });
    hub.registerSource(info('a'));
    hub.applySample('a', { notes: ['Sessions are sampled.'] }, 'sessions');
    hub.applySample('a', { notes: [] }, 'viewers');
    expect(hub.source('a')!.notes).toEqual(['Sessions are sampled.']);
    // The viewers endpoint's empty notes change nothing, so no third patch.
    expect(patches.length).toBe(2);
    expect(log).toHaveBeenCalledTimes(2);
    log.mockRestore();
  });
});
