import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNaverSim, type RunningNaverSim } from '../../../main/demo/naver-vpe/sim';
import type { SessionDetailJson, SnapshotJson } from '../../../main/headless/snapshot-json';
import { runCli, writeTempFile } from './run-cli';

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

describe('headless --demo --once', () => {
  // Zoom's request budget spaces its calls by seconds, so a full demo poll takes ~15 s.
  it('prints one snapshot with viewers and sessions and exits 0', { timeout: 60_000 }, async () => {
    const run = await runCli(['--demo', '--once']);
    expect(run.stderr).toContain('DEMO');
    expect(run.code).toBe(0);
    const snapshot = JSON.parse(run.stdout) as SnapshotJson;
    expect(Object.keys(snapshot)).toEqual(['generatedAt', 'demo', 'sources', 'viewers', 'sessions', 'incidents']);
    expect(snapshot.demo).toBe(true);
    // The demo's scenario schedules incidents (a viewer drop every two hours), so whether one is
    // over its threshold depends on the time of day; what is fixed is the shape of each entry.
    for (const incident of (snapshot as unknown as { incidents: unknown[] }).incidents) {
      expect(incident).toMatchObject({
        ruleId: expect.any(String),
        sourceId: expect.any(String),
        severity: expect.any(String),
        message: expect.any(String),
      });
    }
    expect(snapshot.generatedAt).toMatch(ISO);
    expect(snapshot.sources.length).toBeGreaterThan(0);
    for (const source of snapshot.sources) expect(source).toMatchObject({ demo: true, health: 'ok', error: null });
    expect(snapshot.viewers.length).toBeGreaterThan(0);
    expect(snapshot.viewers[0]).toEqual({
      sourceId: expect.any(String),
      at: expect.stringMatching(ISO),
      viewers: expect.any(Number),
    });
    expect(snapshot.sessions.length).toBeGreaterThan(0);
    const naver = snapshot.sessions.find((s) => s.sourceId === 'demo-naver-vpe');
    expect(naver?.events?.length, 'NAVER gives events with its session list').toBeGreaterThan(0);
    expect(naver?.events?.[0]).toEqual({
      at: expect.stringMatching(ISO),
      type: expect.any(String),
      rawType: expect.any(String),
    });
  });
});

describe('headless --config against the NAVER simulator', () => {
  let sim: RunningNaverSim;
  let config: string;
  let env: Record<string, string | undefined>;

  beforeAll(async () => {
    sim = await startNaverSim({ now: Date.now });
    config = await writeTempFile(
      'sources.json',
      JSON.stringify({
        sources: [
          {
            id: 'main',
            provider: 'naver-vpe',
            name: 'NAVER main',
            baseUrl: sim.url,
            secrets: { apiKey: { env: 'SW_IT_KEY' }, projectId: { env: 'SW_IT_PROJECT' } },
          },
          {
            id: 'spare',
            provider: 'naver-vpe',
            name: 'NAVER spare',
            baseUrl: sim.url,
            secrets: { apiKey: { env: 'SW_IT_UNSET_KEY' }, projectId: { env: 'SW_IT_PROJECT' } },
          },
        ],
      }),
    );
    env = { SW_IT_KEY: sim.apiKey, SW_IT_PROJECT: sim.projectId, SW_IT_UNSET_KEY: undefined };
  });
  afterAll(() => sim?.close());

  it('an unset variable fails that source only, naming the variable; exit 2 with the snapshot still printed', async () => {
    const run = await runCli(['--config', config, '--once'], env);
    expect(run.code).toBe(2);
    const snapshot = JSON.parse(run.stdout) as SnapshotJson;
    expect(snapshot.sources).toEqual([
      { id: 'main', provider: 'naver-vpe', demo: false, health: 'ok', error: null },
      {
        id: 'spare',
        provider: 'naver-vpe',
        demo: false,
        health: 'error',
        error: {
          kind: 'config',
          message: 'NAVER spare: environment variable SW_IT_UNSET_KEY is not set (secret apiKey).',
        },
      },
    ]);
    expect(snapshot.viewers.some((point) => point.sourceId === 'main')).toBe(true);
    expect(snapshot.sessions.some((session) => session.sourceId === 'main')).toBe(true);
    expect(run.stdout + run.stderr, 'no secret in any output').not.toContain(sim.apiKey);
  });

  it('--session prints that session with all its events', async () => {
    const once = JSON.parse((await runCli(['--config', config, '--once'], env)).stdout) as SnapshotJson;
    const listed = once.sessions.find((session) => session.sourceId === 'main' && (session.events?.length ?? 0) > 0)!;
    const run = await runCli(['--config', config, '--session', `main:${listed.id}`], env);
    expect(run.code).toBe(0);
    const detail = JSON.parse(run.stdout) as SessionDetailJson;
    expect(detail).toMatchObject({ sourceId: 'main', id: listed.id, startedAt: listed.startedAt });
    expect(detail.events?.length).toBeGreaterThanOrEqual(listed.events!.length);
    expect(detail.events?.[0]).toMatchObject({
      at: expect.stringMatching(ISO),
      type: expect.any(String),
      rawType: expect.any(String),
    });
  });

  it('--session for an unknown session exits 2 with a sentence on stderr', async () => {
    const run = await runCli(['--config', config, '--session', 'main:no-such-session'], env);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/main: .+/);
    expect(run.stderr).not.toContain('DEMO');
  });

  it('--session for a source not in the config is a usage error', async () => {
    const run = await runCli(['--config', config, '--session', 'ghost:abc'], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('There is no source "ghost"');
  });
});

describe('headless --once on a settings folder that holds no settings', () => {
  // The app turns the demo on when it has nothing else to show; a script must be told so.
  it(
    'says DEMO on stderr and "demo": true in the JSON, for an empty and for a corrupt folder',
    { timeout: 90_000 },
    async () => {
      const empty = dirname(await writeTempFile('placeholder.txt', ''));
      const corrupt = dirname(await writeTempFile('settings.json', '{ this is not json'));
      for (const folder of [empty, corrupt]) {
        const run = await runCli(['--user-data', folder, '--once']);
        expect(run.stderr).toMatch(/DEMO: .*simulators/);
        expect(run.code).toBe(0);
        const snapshot = JSON.parse(run.stdout) as SnapshotJson;
        expect(snapshot.demo).toBe(true);
        expect(snapshot.sources.length).toBeGreaterThan(0);
        for (const source of snapshot.sources)
          expect(source).toMatchObject({ id: expect.stringMatching(/^demo-/), demo: true });
      }
    },
  );
});

describe('headless --demo --once on a set clock', () => {
  // The scenario's error spike runs 20–28 minutes into every second hour. Even at 04:20 UTC, in the
  // night's smallest audience, enough NAVER sessions start in five minutes to pass the default
  // rule's "min. sessions 20", so it must fire.
  it('the 04:20 UTC error spike fires the default session failure rule', { timeout: 60_000 }, async () => {
    const run = await runCli(['--demo', '--once'], { STREAMWATCH_CLOCK_START: '2026-12-05T04:26:00Z' });
    expect(run.stderr).toContain('TEST CLOCK');
    const snapshot = JSON.parse(run.stdout) as SnapshotJson & {
      incidents: Array<{ ruleId: string; sourceId: string; values: Record<string, number> }>;
    };
    expect(snapshot.generatedAt).toMatch(/^2026-12-05T04:26:/);
    const failure = snapshot.incidents.find(
      (i) => i.ruleId === 'session-failure-rate' && i.sourceId === 'demo-naver-vpe',
    );
    expect(failure?.values.total).toBeGreaterThanOrEqual(20);
    expect(failure?.values.share).toBeGreaterThan(0.1);
  });

  it(
    'five minutes after midnight every demo source answers and no viewer drop is over its threshold',
    { timeout: 60_000 },
    async () => {
      const run = await runCli(['--demo', '--once'], { STREAMWATCH_CLOCK_START: '2026-12-05T00:05:00Z' });
      expect(run.code).toBe(0);
      const snapshot = JSON.parse(run.stdout) as SnapshotJson & { incidents: Array<{ ruleId: string }> };
      for (const source of snapshot.sources) expect(source).toMatchObject({ health: 'ok', error: null });
      // No spike since 22:28, so neither a viewer drop nor a failure alert is due.
      expect(snapshot.incidents.map((i) => i.ruleId)).not.toContain('viewer-drop');
      expect(snapshot.incidents.map((i) => i.ruleId)).not.toContain('session-failure-rate');
    },
  );
});
