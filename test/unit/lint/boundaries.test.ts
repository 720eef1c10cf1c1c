import { join } from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The process boundaries in eslint.config.js, exercised through ESLint's own
 * API on small snippets placed (virtually) in each folder.
 */
const ROOT = join(__dirname, '../../..');
// The snippets are virtual files no tsconfig lists: lint them without type information
// (the type-aware rules have tests of their own in the real tree, `npm run lint`).
const eslint = new ESLint({
  cwd: ROOT,
  overrideConfig: {
    languageOptions: { parserOptions: { projectService: false } },
    rules: { '@typescript-eslint/no-floating-promises': 'off' },
  },
});
const BOUNDARY_RULES = new Set(['no-restricted-imports', 'streamwatch/process-boundary']);

async function violations(code: string, file: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport {};\n`, { filePath: join(ROOT, file) });
  return result!.messages
    .filter((m) => m.ruleId !== null && BOUNDARY_RULES.has(m.ruleId) && m.severity === 2)
    .map((m) => m.message);
}

// Loading the config and typescript-eslint's parser takes a few seconds on a busy machine: do it once, up front.
beforeAll(async () => {
  await eslint.lintText('export {};\n', { filePath: join(ROOT, 'main/engine/warm-up.ts') });
}, 60_000);

const ENGINE_SIDE = [
  'main/engine',
  'main/providers',
  'main/settings',
  'main/demo',
  'main/headless',
  'main/api',
  'main/core',
  'main/credentials',
  'main/log',
  'main/metrics',
  'main/routing',
  'main/history',
];

describe('electron', () => {
  it.each([...ENGINE_SIDE, 'shared', 'renderer/src'])('is banned in %s/', async (folder) => {
    const errors = await violations("import { app } from 'electron';", `${folder}/x.ts`);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/does not know Electron|Electron/);
  });

  it('is banned as a type-only import too', async () => {
    expect(await violations("import type { BrowserWindow } from 'electron';", 'main/engine/x.ts')).toHaveLength(1);
  });

  it.each(['main/app/x.ts', 'main/ipc/x.ts', 'main/index.ts', 'preload/index.ts'])('is allowed in %s', async (file) => {
    expect(await violations("import { BrowserWindow } from 'electron';", file)).toEqual([]);
  });

  it('keeps raw ipcMain inside main/ipc', async () => {
    expect(await violations("import { ipcMain } from 'electron';", 'main/app/x.ts')).toHaveLength(1);
    expect(await violations("import { ipcMain } from 'electron';", 'main/index.ts')).toHaveLength(1);
    expect(await violations("import { ipcMain } from 'electron';", 'main/ipc/handle.ts')).toEqual([]);
  });
});

describe('Node built-ins', () => {
  it.each([
    ["import fs from 'node:fs';", 'renderer/src/x.ts'],
    ["import { readFile } from 'fs';", 'renderer/src/x.tsx'],
    ["import { readFile } from 'fs/promises';", 'renderer/src/x.ts'],
    ["import { join } from 'path';", 'shared/x.ts'],
    ["import { createHash } from 'node:crypto';", 'shared/model/x.ts'],
    ["import { exec } from 'child_process';", 'shared/x.ts'],
    ["import http from 'http';", 'renderer/src/x.ts'],
    ["import { EventEmitter } from 'events';", 'preload/index.ts'],
  ])('%s is banned in %s', async (code, file) => {
    const errors = await violations(code, file);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('without Node');
  });

  it('are fine in main', async () => {
    expect(
      await violations(
        "import { readFile } from 'node:fs/promises';\nimport { join } from 'path';",
        'main/engine/x.ts',
      ),
    ).toEqual([]);
  });
});

describe('keytar', () => {
  it.each([
    'main/engine/x.ts',
    'main/app/x.ts',
    'main/index.ts',
    'main/settings/x.ts',
    'renderer/src/x.ts',
    'shared/x.ts',
  ])('is banned in %s', async (file) => {
    const errors = await violations("import keytar from 'keytar';", file);
    expect(errors.some((message) => message.includes('main/credentials'))).toBe(true);
  });

  it('is allowed in main/credentials/', async () => {
    expect(await violations("import keytar from 'keytar';", 'main/credentials/keytar-store.ts')).toEqual([]);
  });
});

describe('relative imports across processes', () => {
  it.each([
    ["import { x } from '../../main/engine/types';", 'renderer/src/x.ts'],
    ["import { x } from '../../preload/index';", 'renderer/src/x.ts'],
    ["import { x } from '../main/engine/types';", 'shared/x.ts'],
    ["import { x } from '../../renderer/src/api';", 'shared/ipc/x.ts'],
    ["import { x } from '../app/tray';", 'main/engine/x.ts'],
    ["import { x } from '../../ipc/broadcast';", 'main/engine/alerts/x.ts'],
    ["export { x } from '../app/window';", 'main/headless/x.ts'],
    ["import { x } from '../main/api/dispatch';", 'preload/index.ts'],
  ])('%s is refused in %s', async (code, file) => {
    const errors = await violations(code, file);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('another process');
  });

  it.each([
    ["import { x } from '@shared/result';", 'renderer/src/x.ts'],
    ["import { x } from './app';", 'renderer/src/main.tsx'],
    ["import { x } from '../engine/types';", 'main/app/power.ts'],
    ["import { x } from '@shared/ipc/contract';", 'preload/index.ts'],
    ["import { x } from '../api/dispatch';", 'main/ipc/handle.ts'],
  ])('%s is fine in %s', async (code, file) => {
    expect(await violations(code, file)).toEqual([]);
  });
});
