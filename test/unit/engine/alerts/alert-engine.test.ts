import { mkdtempSync, readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAlertEngine, type AlertNotification } from '../../../../main/engine/alerts/alert-engine';
import { DEFAULT_RULES } from '../../../../main/engine/alerts/default-rules';
import type { AlertInput } from '../../../../main/engine/alerts/evaluate';
import { openHistoryFile } from '../../../../main/engine/alerts/history-file';
import { defaultSettings } from '../../../../main/settings/settings-schema';
import { MIN, sessions, source } from './fixtures';

function setup(
  options: {
    prefs?: Partial<ReturnType<typeof defaultSettings>['preferences']['notifications']>;
    historyPath?: string;
  } = {},
) {
  let now = 1000 * MIN;
  const sent: AlertNotification[] = [];
  const prefs = { ...defaultSettings().preferences.notifications, ...options.prefs };
  const history = options.historyPath ? openHistoryFile(options.historyPath) : undefined;
  const engine = createAlertEngine({
    now: () => now,
    rules: () => DEFAULT_RULES,
    prefs: () => prefs,
    sink: { notify: (n) => sent.push(n) },
    history,
    minutesOfDay: (at) => Math.floor(at / MIN) % (24 * 60),
    restored: history?.stillFiring(),
  });
  const spike = (id = 'naver-main', failed = 20): AlertInput => ({
    sources: [source({ id, name: id, lastOkAt: now })],
    series: [],
    sessions: sessions(50, failed, now - MIN).map((s) => ({ ...s, sourceId: id })),
  });
  const healthy = (id = 'naver-main') => spike(id, 0);
  const advance = (ms: number) => (now += ms);
  return { engine, sent, spike, healthy, advance, at: () => now };
}

describe('alert lifecycle', () => {
  it('pending never fires before its time; an error spike opens one incident and resolves it once', () => {
    const { engine, sent, spike, healthy, advance } = setup();
    engine.tick(spike());
    advance(30_000);
    engine.tick(spike());
    expect(engine.incidents()).toHaveLength(0); // pending: 60 s must pass
    advance(30_000);
    engine.tick(spike());
    expect(engine.incidents()).toHaveLength(1);
    for (let i = 0; i < 5; i++) {
      advance(5_000);
      engine.tick(spike());
    }
    expect(engine.incidents()).toHaveLength(1);
    expect(sent.map((n) => n.title)).toEqual(['Critical: naver-main']);
    advance(5_000);
    engine.tick(healthy());
    advance(5_000);
    engine.tick(healthy());
    expect(engine.incidents()).toHaveLength(0);
    expect(sent.map((n) => n.title)).toEqual(['Critical: naver-main', 'Resolved: naver-main']);
  });

  it('a blip shorter than the pending time opens nothing', () => {
    const { engine, sent, spike, healthy, advance } = setup();
    engine.tick(spike());
    advance(40_000);
    engine.tick(healthy());
    advance(40_000);
    engine.tick(spike());
    expect(engine.incidents()).toHaveLength(0);
    expect(sent).toEqual([]);
  });

  it('groups incidents that open together into one notification', () => {
    const { engine, sent, advance, at } = setup();
    const both = (): AlertInput => ({
      sources: ['a', 'b', 'c'].map((id) => source({ id, name: id, lastOkAt: at() })),
      series: [],
      sessions: ['a', 'b', 'c'].flatMap((id) =>
        sessions(50, 25, at() - MIN).map((s) => ({ ...s, id: `${id}${s.id}`, sourceId: id })),
      ),
    });
    engine.tick(both());
    advance(60_000);
    engine.tick(both());
    advance(10_000);
    engine.tick(both());
    expect(sent).toHaveLength(1);
    expect(sent[0]!.title).toBe('3 new incidents');
  });

  it('reminds after the interval up to the cap, and not after acknowledgement', () => {
    const { engine, sent, spike, advance } = setup({ prefs: { remindEveryMinutes: 10, maxReminders: 2 } });
    engine.tick(spike());
    advance(MIN);
    engine.tick(spike());
    advance(10_000);
    engine.tick(spike());
    for (let i = 0; i < 6; i++) {
      advance(10 * MIN);
      engine.tick(spike());
    }
    expect(sent.filter((n) => n.title.startsWith('Still firing'))).toHaveLength(2);
    const acked = setup({ prefs: { remindEveryMinutes: 10 } });
    acked.engine.tick(acked.spike());
    acked.advance(MIN);
    acked.engine.tick(acked.spike());
    acked.engine.acknowledge(acked.engine.incidents()[0]!.id);
    acked.advance(30 * MIN);
    acked.engine.tick(acked.spike());
    expect(acked.sent.filter((n) => n.title.startsWith('Still firing'))).toHaveLength(0);
  });

  it('snooze all silences new incidents and counts them', () => {
    const { engine, sent, spike, advance } = setup();
    engine.snoozeAll(15 * MIN);
    engine.tick(spike());
    advance(MIN);
    engine.tick(spike());
    advance(15_000);
    engine.tick(spike());
    expect(sent).toEqual([]);
    expect(engine.view(spike()).silenced).toBe(1);
  });

  it('quiet hours hold warnings back but let critical through when the bypass is on', () => {
    // minutesOfDay in this setup is (epoch minutes mod a day): 1000 min = 16:40, inside 16:00–18:00.
    const quiet = { enabled: true, start: '16:00', end: '18:00', criticalBypass: true };
    const critical = setup({ prefs: { quietHours: quiet } });
    critical.engine.tick(critical.spike());
    critical.advance(MIN);
    critical.engine.tick(critical.spike());
    critical.advance(10_000);
    critical.engine.tick(critical.spike());
    expect(critical.sent).toHaveLength(1);
    const noBypass = setup({ prefs: { quietHours: { ...quiet, criticalBypass: false } } });
    noBypass.engine.tick(noBypass.spike());
    noBypass.advance(MIN);
    noBypass.engine.tick(noBypass.spike());
    noBypass.advance(10_000);
    noBypass.engine.tick(noBypass.spike());
    expect(noBypass.sent).toHaveLength(0);
  });

  it('the tray level is grey, never green, while data is stale', () => {
    const { engine, at } = setup();
    const stale = { sources: [source({ lastOkAt: at() - 5 * MIN })], series: [], sessions: [] };
    expect(engine.view(stale).level).toBe('unknown');
    expect(engine.view({ ...stale, sources: [source({ lastOkAt: at() })] }).level).toBe('ok');
  });
});

describe('alert history', () => {
  it('survives a restart and a truncated last line, without reopening a firing incident', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'sw-hist-')), 'incidents.jsonl');
    const first = setup({ historyPath: path });
    first.engine.tick(first.spike());
    first.advance(MIN);
    first.engine.tick(first.spike());
    expect(first.engine.incidents()).toHaveLength(1);
    appendFileSync(path, '{"id":"cut-short","key":"x","ruleI');
    const lines = readFileSync(path, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(2);

    const second = setup({ historyPath: path });
    expect(openHistoryFile(path).list()).toHaveLength(1);
    second.engine.tick(second.spike());
    second.advance(MIN);
    second.engine.tick(second.spike());
    expect(second.engine.incidents()).toHaveLength(1);
    expect(second.sent).toEqual([]);
    second.engine.tick(second.healthy());
    expect(openHistoryFile(path).list()[0]).toMatchObject({ state: 'resolved' });
  });

  it('stays bounded', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'sw-hist-')), 'incidents.jsonl');
    writeFileSync(path, '');
    const history = openHistoryFile(path, 10);
    for (let i = 0; i < 50; i++) {
      history.record({
        id: `i${i}`,
        key: 'k',
        ruleId: 'auth-failing',
        sourceId: 's',
        sourceName: 's',
        severity: 'critical',
        state: 'resolved',
        startedAt: i,
        endedAt: i + 1,
        values: {},
        message: 'm',
        acknowledged: false,
        snoozedUntil: null,
      });
    }
    expect(readFileSync(path, 'utf8').trim().split('\n').length).toBeLessThanOrEqual(20);
    expect(openHistoryFile(path, 10).list()[0]!.id).toBe('i49');
  });
});

describe('memory history (headless --config / --demo)', () => {
  it('keeps resolved incidents, newest first, and stays bounded', async () => {
    const { memoryHistory } = await import('../../../../main/engine/alerts/history-file');
    const history = memoryHistory(3);
    for (let i = 0; i < 5; i++) {
      history.record({
        id: `i${i}`,
        key: 'k',
        ruleId: 'auth-failing',
        sourceId: 's',
        sourceName: 's',
        severity: 'critical',
        state: i === 4 ? 'firing' : 'resolved',
        startedAt: i,
        endedAt: null,
        values: {},
        message: 'm',
        acknowledged: false,
        snoozedUntil: null,
      });
    }
    expect(history.list().map((i) => i.id)).toEqual(['i4', 'i3', 'i2']);
    expect(history.stillFiring().map((i) => i.id)).toEqual(['i4']);
  });
});
