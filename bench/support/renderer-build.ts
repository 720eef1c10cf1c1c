import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './child';

/** The renderer as headless --serve serves it: out/renderer, built by electron-vite. */
export const RENDERER_OUT = join(ROOT, 'out/renderer');

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

/**
 * Builds the renderer when out/renderer is missing or older than its sources,
 * so the figures never measure yesterday's renderer. Returns a note for the
 * report, or throws with the build's own error.
 */
export function ensureRendererBuilt(): string {
  const index = join(RENDERER_OUT, 'index.html');
  const sources = Math.max(newest(join(ROOT, 'renderer')), newest(join(ROOT, 'shared')));
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return 'out/renderer was up to date';
  const build = spawnSync('npx', ['electron-vite', 'build'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  if (build.status !== 0)
    throw new Error(`npx electron-vite build failed: ${(build.stderr || build.stdout).slice(-800)}`);
  return 'out/renderer was rebuilt (npx electron-vite build) because the renderer sources were newer';
}
