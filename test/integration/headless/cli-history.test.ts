import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from './run-cli';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const CLOCK = { STREAMWATCH_CLOCK_START: '2026-12-05T10:00:00Z' };
/** Ten minutes later: what the first run saw is then in the past of the range asked for. */
const LATER = { STREAMWATCH_CLOCK_START: '2026-12-05T10:10:00Z' };

describe('headless history', () => {
  it(
    'a --demo --once run with --user-data keeps what it saw; --history prints it, polling nothing',
    { timeout: 90_000 },
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'sw-history-cli-'));
      dirs.push(dir);
      const once = await runCli(['--demo', '--user-data', dir, '--once'], CLOCK);
      expect(once.code).toBe(0);
      expect(once.stderr).toContain(`keeping history in ${dir}`);
      // Demo readings have a file of their own.
      expect(readdirSync(dir)).toContain('history-demo.sqlite');
      const snapshot = JSON.parse(once.stdout) as { viewers: { sourceId: string }[] };
      const sourceId = snapshot.viewers[0]!.sourceId;
      const seen = snapshot.viewers.filter((v) => v.sourceId === sourceId).length;

      const history = await runCli(['--demo', '--user-data', dir, '--history', sourceId, '--range', '6h'], LATER);
      expect(history.code).toBe(0);
      const printed = JSON.parse(history.stdout) as {
        sourceId: string;
        tierMinutes: number;
        points: { at: string; viewers: number; min: number; max: number }[];
        health: { status: string }[];
      };
      expect(printed.sourceId).toBe(sourceId);
      expect(printed.tierMinutes).toBe(0);
      expect(printed.points.length).toBeGreaterThanOrEqual(seen);
      expect(printed.points[0]!.at).toMatch(/^2026-12-05T/);
      expect(printed.health.map((h) => h.status)).toContain('ok');

      const daily = await runCli(['--demo', '--user-data', dir, '--history', sourceId, '--range', '30d'], LATER);
      expect((JSON.parse(daily.stdout) as { tierMinutes: number; points: unknown[] }).tierMinutes).toBe(60);
    },
  );

  it(
    'without --user-data, --config and --demo keep no history, and --history says so',
    { timeout: 60_000 },
    async () => {
      const run = await runCli(['--demo', '--history', 'demo-naver-vpe', '--range', '1h'], CLOCK);
      expect(run.stderr).toContain('This run keeps no history (--config or --demo without --user-data)');
    },
  );
});
