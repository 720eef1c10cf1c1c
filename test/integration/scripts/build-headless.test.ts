import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../../..');

/**
 * The bundle `npm run headless` starts is not what the other tests run (they
 * run the TypeScript through tsx), so a module that cannot be bundled would
 * break only users. It is built here and started as the npm script does.
 */
describe('the headless bundle (scripts/build-headless.ts)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sw-bundle-'));
  beforeAll(async () => {
    await run(resolve(ROOT, 'node_modules/.bin/tsx'), ['scripts/build-headless.ts'], { cwd: ROOT });
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('starts with plain Node, polls the demo once and keeps its history in the data folder', async () => {
    const { stdout } = await run(
      process.execPath,
      ['main/headless/launch.mjs', '--demo', '--user-data', dir, '--once'],
      {
        cwd: ROOT,
        timeout: 60_000,
      },
    );
    const result = JSON.parse(stdout) as { demo: boolean; sources: { health: string }[] };
    expect(result.demo).toBe(true);
    expect(result.sources).toHaveLength(4);
    // The native SQLite module loaded from node_modules: the demo's history file exists.
    expect(existsSync(join(dir, 'history-demo.sqlite'))).toBe(true);
  }, 60_000);
});
