import { describe, expect, it } from 'vitest';
import { evaluate, percentText, type AlertInput } from '../../../../main/engine/alerts/evaluate';
import { DEFAULT_RULES } from '../../../../main/engine/alerts/default-rules';
import { MIN, sessions, source } from './fixtures';
import { createAlertEngine } from '../../../../main/engine/alerts/alert-engine';
import { defaultSettings } from '../../../../main/settings/settings-schema';

const now = 100 * MIN;
const state = (overrides: Partial<AlertInput>): AlertInput => ({
  sources: [source({ lastOkAt: now })],
  series: [],
  sessions: [],
  ...overrides,
});
const find = (input: AlertInput, rule: string) => evaluate(DEFAULT_RULES, input, now).find((c) => c.ruleId === rule);

describe('evaluate', () => {
  it.each([
    // failed, total, expected level (threshold 10%, recovery 5%, at least 20 sessions)
    [17, 50, 'firing'],
    [5, 50, 'hold'],
    [2, 50, 'clear'],
    [5, 10, 'hold'], // 50% but under the minimum of 20 sessions: never fires
  ])('session failure rate: %i of %i failed → %s', (failed, total, level) => {
    const condition = find(state({ sessions: sessions(total, failed, now - MIN) }), 'session-failure-rate');
    expect(condition?.level).toBe(level);
  });

  it('writes the sentence an operator reads', () => {
    const condition = find(state({ sessions: sessions(50, 17, now - MIN) }), 'session-failure-rate');
    expect(condition?.message).toBe(
      'NAVER main · 34 % of sessions failed in the last 5 min (17 of 50); threshold 10 %',
    );
    expect(condition?.values).toEqual({ failed: 17, total: 50, share: 0.34 });
  });

  it('writes a share with the decimals its threshold needs, not rounded to 0 %', () => {
    expect(percentText(0.003, 0.004)).toBe('0.3 %');
    expect(percentText(0.004, 0.004)).toBe('0.4 %');
    expect(percentText(0.3412, 0.1)).toBe('34 %');
    expect(percentText(0.00123, 0.0025)).toBe('0.12 %');
    const rules = {
      ...DEFAULT_RULES,
      'rebuffering-share': { ...DEFAULT_RULES['rebuffering-share'], threshold: 0.004, recovery: 0.002 },
    };
    const light = sessions(30, 0, now - MIN, { rebufferingMs: 300, playingMs: 59_700 });
    const condition = evaluate(rules, state({ sessions: light }), now).find((c) => c.ruleId === 'rebuffering-share');
    expect(condition?.message).toContain('rebuffering took 0.5 % of viewing time');
    expect(condition?.message).toContain('threshold 0.4 %');
  });

  it('only counts sessions inside the window', () => {
    const input = state({ sessions: [...sessions(50, 40, now - 30 * MIN), ...sessions(30, 0, now - MIN)] });
    expect(find(input, 'session-failure-rate')?.level).toBe('clear');
  });

  it.each([
    ['auth', 'auth-failing'],
    ['network', 'source-failing'],
    ['schema', 'source-failing'],
    ['rate-limited', 'rate-limited'],
  ])('a %s error fires %s and no other health rule', (kind, rule) => {
    const failing = source({
      health: { status: 'error', error: { kind: kind as 'auth', message: 'x' }, since: now },
      lastOkAt: now,
    });
    const fired = evaluate(DEFAULT_RULES, state({ sources: [failing] }), now).filter((c) => c.level === 'firing');
    expect(fired.map((c) => c.ruleId)).toEqual([rule]);
  });

  it('a daily cap (paused until a date) fires the rate-limit rule; a source disabled in settings fires nothing', () => {
    const daily = source({
      health: { status: 'paused', reason: 'Zoom daily API limit reached; resumes at 00:00 UTC.', until: now + MIN },
    });
    expect(find(state({ sources: [daily] }), 'rate-limited')).toMatchObject({
      level: 'firing',
      message: expect.stringContaining('resumes at 00:00 UTC'),
    });
    const disabled = source({ health: { status: 'paused', reason: 'Disabled in settings.', until: null } });
    expect(evaluate(DEFAULT_RULES, state({ sources: [disabled] }), now).filter((c) => c.level === 'firing')).toEqual(
      [],
    );
  });

  it('stale data fires after the threshold in poll intervals and recovers under the recovery level', () => {
    expect(find(state({ sources: [source({ lastOkAt: now - 4 * MIN })] }), 'stale-data')?.level).toBe('firing');
    expect(find(state({ sources: [source({ lastOkAt: now - 2.5 * MIN })] }), 'stale-data')?.level).toBe('hold');
    expect(find(state({ sources: [source({ lastOkAt: now - MIN })] }), 'stale-data')?.level).toBe('clear');
  });

  it('viewer drop compares with the window ago, and ignores stale series', () => {
    const points = (latest: number, latestAt = now) =>
      Array.from({ length: 11 }, (_, i) => ({ at: latestAt - (10 - i) * MIN, viewers: i === 10 ? latest : 200 }));
    expect(find(state({ series: [{ sourceId: 'naver-main', points: points(60) }] }), 'viewer-drop')?.level).toBe(
      'firing',
    );
    expect(find(state({ series: [{ sourceId: 'naver-main', points: points(190) }] }), 'viewer-drop')?.level).toBe(
      'clear',
    );
    expect(
      find(state({ series: [{ sourceId: 'naver-main', points: points(60, now - 10 * MIN) }] }), 'viewer-drop'),
    ).toBeUndefined();
  });

  it('viewers at zero fires only for a source that had viewers', () => {
    const series = (values: number[]) => [
      {
        sourceId: 'naver-main',
        points: values.map((v, i) => ({ at: now - (values.length - 1 - i) * MIN, viewers: v })),
      },
    ];
    expect(find(state({ series: series([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]) }), 'viewers-zero')?.level).not.toBe(
      'firing',
    );
    expect(find(state({ series: series([5, 9, 9, 9, 9, 9, 9, 9, 9, 3, 0]) }), 'viewers-zero')?.level).toBe('firing');
  });

  it('viewers that fell to zero before the app started: firing, dated from the fall, not from the first look', () => {
    // NAVER's last hour, as backfilled at start: 100 viewers, then zero for the last 25 minutes.
    const values = [...Array<number>(35).fill(100), ...Array<number>(26).fill(0)];
    const points = values.map((v, i) => ({ at: now - (values.length - 1 - i) * MIN, viewers: v }));
    const condition = find(state({ series: [{ sourceId: 'naver-main', points }] }), 'viewers-zero');
    expect(condition).toMatchObject({ level: 'firing', since: now - 25 * MIN, values: { now: 0, peak: 100 } });
    expect(condition?.message).toBe('NAVER main · viewers at zero for 25 min, after 100 — is the stream down?');

    const engine = createAlertEngine({
      now: () => now,
      rules: () => DEFAULT_RULES,
      prefs: () => defaultSettings().preferences.notifications,
      sink: { notify: () => undefined },
    });
    engine.tick(state({ series: [{ sourceId: 'naver-main', points }] }));
    // Its two pending minutes passed long ago: open at the first look, started when the data says.
    expect(engine.incidents().map((i) => [i.ruleId, i.startedAt])).toEqual([['viewers-zero', now - 25 * MIN]]);
  });

  it('viewers far below usual: silent without a baseline, fires at half of it, clears at 70 %', () => {
    const series = (v: number) => [
      {
        sourceId: 'naver-main',
        points: Array.from({ length: 11 }, (_, i) => ({ at: now - (10 - i) * MIN, viewers: v })),
      },
    ];
    const rule = (input: AlertInput) => find(input, 'viewers-below-usual');
    expect(rule(state({ series: series(40) }))).toBeUndefined();
    const learning = { 'naver-main': { usual: null, weeks: 2 } };
    expect(rule(state({ series: series(40), baselines: learning }))).toBeUndefined();
    const usual = { 'naver-main': { usual: 100, weeks: 5 } };
    expect(rule(state({ series: series(40), baselines: usual }))).toMatchObject({
      level: 'firing',
      values: { now: 40, usual: 100, share: 0.4 },
      message: 'NAVER main · viewers 40, 40 % of the usual 100 for this hour of the week; threshold 50 %',
    });
    expect(rule(state({ series: series(60), baselines: usual }))?.level).toBe('hold');
    expect(rule(state({ series: series(75), baselines: usual }))?.level).toBe('clear');
    // A usual audience of a handful says nothing.
    expect(rule(state({ series: series(1), baselines: { 'naver-main': { usual: 6, weeks: 8 } } }))).toBeUndefined();
  });

  it('rebuffering share and median startup time fire over their thresholds', () => {
    const slow = sessions(30, 0, now - MIN, { rebufferingMs: 6_000, playingMs: 60_000, startupTimeMs: 6_000 });
    expect(find(state({ sessions: slow }), 'rebuffering-share')?.level).toBe('firing');
    expect(find(state({ sessions: slow }), 'startup-time')?.message).toContain('median startup time 6.0 s');
  });

  it('honours a rule switched off for one source', () => {
    const rules = {
      ...DEFAULT_RULES,
      'session-failure-rate': { ...DEFAULT_RULES['session-failure-rate'], disabledSources: ['naver-main'] },
    };
    const fired = evaluate(rules, state({ sessions: sessions(50, 40, now - MIN) }), now);
    expect(fired.find((c) => c.ruleId === 'session-failure-rate')).toBeUndefined();
  });
});
