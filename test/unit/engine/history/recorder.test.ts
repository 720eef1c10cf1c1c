import { afterEach, describe, expect, it } from 'vitest';
import { TIERS } from '@shared/model/history';
import { createStateHub, type SourceInfo } from '../../../../main/engine/state-hub';
import { createRecorder } from '../../../../main/engine/history/recorder';
import type { HistoryStore } from '../../../../main/engine/history/port';
import { openHistory } from '../../../../main/history/open-history';
import { installFakeClock, type FakeClock } from '../../../support/fake-clock';
import { point, session } from '../../../support/samples';
import { captureLog } from '../../../support/log-capture';

const MIN = 60_000;
const info = (id: string, demo = false): SourceInfo => ({
  id,
  name: `Source ${id}`,
  provider: 'naver-vpe',
  providerLabel: 'NAVER VPE',
  metric: { label: 'Current viewers', unit: 'viewers', definition: 'Viewers in the last minute.' },
  demo,
  intervalMs: MIN,
});

let clock: FakeClock;
afterEach(() => clock?.uninstall());

function setup(store: HistoryStore) {
  const hub = createStateHub({ now: () => clock.now() });
  hub.registerSource(info('a'));
  const problems: (string | null)[] = [];
  const recorder = createRecorder({ hub, clock, storeOf: () => store, onProblem: (p) => problems.push(p) });
  return { hub, recorder, problems };
}

describe('history recorder', () => {
  it('writes what the hub sees once a second, in one go, and a new hub starts with the last day from it', async () => {
    clock = installFakeClock();
    const { store } = openHistory({ file: null, now: () => clock.now() });
    const first = setup(store);
    const t = clock.now();
    first.hub.applySample('a', {
      viewers: [point(t - 2 * MIN, 10), point(t - MIN, 12)],
      sessions: [session('a', 's1', { startedAt: t - MIN })],
    });
    first.hub.setHealth('a', { status: 'ok' }, t);
    expect(store.series('a', 0, t, TIERS.raw)).toEqual([]); // nothing yet: writes wait for the flush
    await clock.advance(1_000);
    expect(store.series('a', 0, t, TIERS.raw).map((p) => p.viewers)).toEqual([10, 12]);
    expect(store.recentSessions('a', 0, 10).map((s) => s.id)).toEqual(['s1']);
    expect(store.healthChanges('a', 0, t + 1_000).map((c) => c.health.status)).toEqual(['ok']);
    first.recorder.stop();

    // A restart: a new hub, the same store. The past is there before any poll.
    const second = setup(store);
    const snapshot = second.hub.snapshot();
    expect(snapshot.series[0]!.points).toEqual([point(t - 2 * MIN, 10), point(t - MIN, 12)]);
    expect(snapshot.sessions.map((s) => s.id)).toEqual(['s1']);
    await clock.advance(5_000);
    // Seeding wrote nothing back: still two readings, one session.
    expect(store.series('a', 0, t, TIERS.raw)).toHaveLength(2);
    second.recorder.stop();
  });

  it('seeds a source registered later, after the patch that announced it has reached every listener', async () => {
    clock = installFakeClock();
    const { store } = openHistory({ file: null, now: () => clock.now() });
    const t = clock.now();
    store.write({ points: [{ sourceId: 'b', points: [point(t - MIN, 7)] }], sessions: [], health: [], incidents: [] });
    const { hub, recorder } = setup(store);
    const seqs: number[] = [];
    hub.subscribe((patch) => seqs.push(patch.seq));
    hub.registerSource(info('b'));
    await clock.flush();
    expect(hub.snapshot().series.find((s) => s.sourceId === 'b')!.points).toEqual([point(t - MIN, 7)]);
    expect(seqs).toEqual([...seqs].sort((x, y) => x - y)); // patches still reach listeners in order
    recorder.stop();
  });

  it('says "history is not being saved" when a write fails, keeps monitoring, and writes what waited once it can', async () => {
    clock = installFakeClock();
    const { store } = openHistory({ file: null, now: () => clock.now() });
    let full = true;
    const failing: HistoryStore = {
      ...store,
      write(batch) {
        if (full) throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
        store.write(batch);
      },
    };
    const logs = captureLog();
    const { hub, recorder, problems } = setup(failing);
    const t = clock.now();
    hub.applySample('a', { viewers: [point(t, 5)] });
    await clock.advance(1_000);
    expect(problems).toEqual(['history is not being saved: the disk is full.']);
    expect(logs.lines.map((l) => l.message).join('\n')).toContain('history is not being saved: the disk is full.');
    expect(hub.snapshot().series[0]!.points).toEqual([point(t, 5)]); // the page still has it

    hub.applySample('a', { viewers: [point(t + MIN, 6)] });
    full = false;
    await clock.advance(30_000);
    expect(store.series('a', 0, t + MIN, TIERS.raw)).toEqual([]); // waits out the retry delay
    await clock.advance(31_000);
    expect(store.series('a', 0, t + MIN, TIERS.raw).map((p) => p.viewers)).toEqual([5, 6]);
    expect(problems).toEqual(['history is not being saved: the disk is full.', null]);
    recorder.stop();
    logs.restore();
  });

  it('keeps memory bounded while writes fail, dropping the oldest readings and saying how many', async () => {
    clock = installFakeClock();
    const failing = {
      write: () => {
        throw Object.assign(new Error('readonly'), { code: 'SQLITE_READONLY' });
      },
    };
    const { store } = openHistory({ file: null, now: () => clock.now() });
    const hub = createStateHub({ now: () => clock.now() });
    hub.registerSource(info('a'));
    const problems: (string | null)[] = [];
    const logs = captureLog();
    const recorder = createRecorder({
      hub,
      clock,
      storeOf: () => ({ ...store, ...failing }),
      maxPending: 10,
      retryMs: 1_000,
      onProblem: (p) => problems.push(p),
    });
    const t = clock.now();
    hub.applySample('a', { viewers: Array.from({ length: 25 }, (_, i) => point(t + i * 1_000, i)) });
    await clock.advance(2_000);
    expect(problems.at(-1)).toBe(
      'history is not being saved: the history file cannot be written (read-only or failing disk). (15 readings could not be kept)',
    );
    expect(hub.snapshot().series[0]!.points).toHaveLength(25);
    recorder.stop();
    logs.restore();
  });
});
