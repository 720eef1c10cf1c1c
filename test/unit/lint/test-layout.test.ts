import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** test/unit mirrors the source tree, so a module's tests are where its folder says. */
const root = join(import.meta.dirname, '..', '..', '..');
const folders = (dir: string) => readdirSync(dir).filter((name) => statSync(join(dir, name)).isDirectory());

/** Test folders that are not a main/ folder, with what they mirror instead. */
const OTHER_ROOTS: Readonly<Record<string, string>> = {
  renderer: 'renderer/',
  preload: 'preload/',
  shared: 'shared/',
  bench: 'bench/',
  lint: 'eslint.config.js and the layout of the tree',
  packaging: 'electron-builder.yml and the dist script',
};

/** main/ folders without unit tests of their own, and why. */
const TESTED_ELSEWHERE: Readonly<Record<string, string>> = {
  demo: 'the simulators are exercised by their providers in test/unit/providers and test/integration',
};

describe('test/unit mirrors the source tree', () => {
  it('has a folder only for a main/ folder or another source root', () => {
    const strays = folders(join(root, 'test', 'unit')).filter(
      (name) => !(name in OTHER_ROOTS) && !existsSync(join(root, 'main', name)),
    );
    expect(strays).toEqual([]);
  });

  it('has unit tests for every main/ folder', () => {
    const untested = folders(join(root, 'main')).filter(
      (name) => !(name in TESTED_ELSEWHERE) && !existsSync(join(root, 'test', 'unit', name)),
    );
    expect(untested).toEqual([]);
  });
});
