import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './child';

/** The renderer as headless --serve serves it: out/renderer, built by electron-vite. */
export const RENDERER_OUT = join(ROOT, 'out/renderer');
/** The headless bundle that `npm run headless` starts (figures 8 and 14). */
const HEADLESS_BUNDLE = join(ROOT, 'out/headless/cli.mjs');

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

/**
 * Runs `command` when `output` is missing or older than the newest file in
 * `sourceDirs`, so a figure never measures yesterday's build and a fresh
 * checkout needs no `npm run build` before `npm run bench`. Returns a note for
 * the report, or throws with the build's own error.
 */
function ensureBuilt(what: string, output: string, sourceDirs: readonly string[], command: readonly string[]): string {
  const sources = Math.max(...sourceDirs.map((dir) => newest(join(ROOT, dir))));
  if (existsSync(output) && statSync(output).mtimeMs >= sources) return `${what} was up to date`;
  const build = spawnSync('npx', command, { cwd: ROOT, encoding: 'utf8', timeout: 180_000 });
  if (build.status !== 0)
    throw new Error(
      `npx ${command.join(' ')} failed: ${(build.stderr || build.stdout || String(build.error)).slice(-800)}`,
    );
  return `${what} was rebuilt (npx ${command.join(' ')}) because it was missing or older than its sources`;
}

export const ensureRendererBuilt = (): string =>
  ensureBuilt('out/renderer', join(RENDERER_OUT, 'index.html'), ['renderer', 'shared'], ['electron-vite', 'build']);

export const ensureHeadlessBuilt = (): string =>
  ensureBuilt('out/headless', HEADLESS_BUNDLE, ['main', 'shared'], ['tsx', 'scripts/build-headless.ts']);
