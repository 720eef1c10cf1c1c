import { describe, expect, it } from 'vitest';
import type { Snapshot } from '@shared/model/state';
import { applyPatches, KEEP_POINTS_MS, mergePoints } from '@shared/model/apply-patch';
import { fakeSessionRows, fakeSource, random } from './fixtures/fake-snapshot';

const now = 1_760_000_000_000;
const rows = fakeSessionRows('a', 'naver-vpe', now, 3, random(1));
const base: Snapshot = {
  seq: 1,
  generatedAt: 0,
  demo: false,
  offline: false,
  paused: false,
  historyProblem: null,
  sources: [fakeSource('a', 'naver-vpe', 'A', now), fakeSource('b', 'conviva', 'B', now)],
  series: [{ sourceId: 'a', points: [{ at: 0, viewers: 1 }] }],
  sessions: rows,
  breakdowns: [],
};

describe('applyPatches', () => {
  it('upserts sessions by source and id, evicts, and leaves the old snapshot untouched', () => {
    const changed = { ...rows[0]!, failed: true };
    const extra = { ...rows[1]!, id: 'new' };
    const next = applyPatches(base, [
      { seq: 2, at: 5, ops: [{ op: 'sessions', sessions: [changed, extra] }] },
      { seq: 3, at: 6, ops: [{ op: 'sessions-evicted', keys: [['a', rows[2]!.id]] }] },
    ]);
    expect(next.seq).toBe(3);
    expect(next.generatedAt).toBe(6);
    expect(next.sessions.map((r) => r.id)).toEqual([rows[0]!.id, rows[1]!.id, 'new']);
    expect(next.sessions[0]!.failed).toBe(true);
    expect(base.sessions).toHaveLength(3);
    expect(base.sessions[0]!.failed).toBe(rows[0]!.failed);
  });

  it('replaces a source, and removing one takes its series and sessions with it', () => {
    const updated = { ...base.sources[1]!, name: 'B2' };
    const next = applyPatches(base, [
      {
        seq: 2,
        at: 0,
        ops: [
          { op: 'source', source: updated },
          { op: 'source-removed', sourceId: 'a' },
        ],
      },
    ]);
    expect(next.sources.map((s) => s.name)).toEqual(['B2']);
    expect(next.series).toEqual([]);
    expect(next.sessions).toEqual([]);
  });

  it('sets the flags', () => {
    const next = applyPatches(base, [
      { seq: 2, at: 0, ops: [{ op: 'flags', demo: true, offline: true, paused: false, historyProblem: null }] },
    ]);
    expect([next.demo, next.offline, next.paused]).toEqual([true, true, false]);
  });
});

describe('mergePoints', () => {
  it('appends newer points, replaces same-time ones, keeps order', () => {
    const merged = mergePoints(
      [
        { at: 1, viewers: 1 },
        { at: 2, viewers: 2 },
      ],
      [
        { at: 2, viewers: 20 },
        { at: 0, viewers: 0 },
        { at: 3, viewers: 3 },
      ],
    );
    expect(merged).toEqual([
      { at: 0, viewers: 0 },
      { at: 1, viewers: 1 },
      { at: 2, viewers: 20 },
      { at: 3, viewers: 3 },
    ]);
  });

  it('drops points older than the longest chart range', () => {
    const merged = mergePoints(
      [
        { at: 0, viewers: 1 },
        { at: 1000, viewers: 1 },
      ],
      [{ at: KEEP_POINTS_MS + 500, viewers: 2 }],
    );
    expect(merged.map((p) => p.at)).toEqual([1000, KEEP_POINTS_MS + 500]);
  });
});
