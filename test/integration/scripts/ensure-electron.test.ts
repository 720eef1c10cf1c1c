import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storedZip } from '../../support/stored-zip';

/**
 * `npm start` and `npm run dev` in a copy of the project whose `electron` package is the
 * real one (its own installer and @electron/get) and whose electron-vite is a stand-in
 * that records whether the binary was there when it started. Downloads go to a local
 * mirror (ELECTRON_MIRROR), so the test needs no network and can count the requests.
 */
const root = join(import.meta.dirname, '..', '..', '..');
const rootModules = join(root, 'node_modules');
const projectScripts = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts as Record<string, string>;
const electronVersion = JSON.parse(readFileSync(join(rootModules, 'electron', 'package.json'), 'utf8'))
  .version as string;
const zipName = `electron-v${electronVersion}-${process.platform}-${process.arch}.zip`;

let project: string;
let mirror: Server;
let mirrorUrl: string;
const requests: string[] = [];

function makeProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sw-start-'));
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({
      name: 'start-probe',
      private: true,
      type: 'module',
      scripts: { start: projectScripts.start, dev: projectScripts.dev },
    }),
  );
  mkdirSync(join(dir, 'scripts'));
  copyFileSync(join(root, 'scripts', 'ensure-electron.mjs'), join(dir, 'scripts', 'ensure-electron.mjs'));
  const electron = join(dir, 'node_modules', 'electron');
  mkdirSync(electron, { recursive: true });
  for (const file of ['package.json', 'install.js', 'index.js', 'cli.js', 'checksums.json']) {
    copyFileSync(join(rootModules, 'electron', file), join(electron, file));
  }
  for (const scope of ['@electron', '@electron-internal']) {
    symlinkSync(join(rootModules, scope), join(dir, 'node_modules', scope), 'dir');
  }
  // The stand-in electron-vite: notes its arguments and whether Electron's binary was there.
  const bin = join(dir, 'node_modules', '.bin');
  mkdirSync(bin);
  writeFileSync(
    join(bin, 'electron-vite'),
    `#!/usr/bin/env node
const fs = require('node:fs');
const path = require('node:path');
const electron = path.join(process.cwd(), 'node_modules', 'electron');
const pathTxt = path.join(electron, 'path.txt');
const present = fs.existsSync(pathTxt) && fs.existsSync(path.join(electron, 'dist', fs.readFileSync(pathTxt, 'utf8')));
fs.appendFileSync(path.join(process.cwd(), 'electron-vite-runs.jsonl'), JSON.stringify({ args: process.argv.slice(2), present }) + '\\n');
`,
  );
  chmodSync(join(bin, 'electron-vite'), 0o755);
  writeFileSync(join(dir, 'node_modules', '.package-lock.json'), '{}');
  return dir;
}

/** Async, not spawnSync: the mirror answers from this same process. */
function runScript(script: 'start' | 'dev', mirrorBase: string): Promise<{ status: number | null; stderr: string }> {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(npm_|ELECTRON_)/i.test(key)) env[key] = value;
  }
  return new Promise((resolve) => {
    const child = execFile(
      'npm',
      ['run', '-s', script],
      {
        cwd: project,
        timeout: 60_000,
        env: {
          ...env,
          ELECTRON_MIRROR: mirrorBase,
          electron_use_remote_checksums: '1',
          electron_config_cache: join(project, 'download-cache'),
        },
      },
      (_error, _stdout, stderr) => resolve({ status: child.exitCode, stderr }),
    );
  });
}

function editorRuns(): { args: string[]; present: boolean }[] {
  const file = join(project, 'electron-vite-runs.jsonl');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { args: string[]; present: boolean });
}

beforeAll(async () => {
  const zip = storedZip([
    { name: 'electron', content: '#!/bin/sh\nexit 0\n', mode: 0o755 },
    { name: 'version', content: `v${electronVersion}` },
  ]);
  const sums = `${createHash('sha256').update(zip).digest('hex')} *${zipName}\n`;
  mirror = createServer((req, res) => {
    requests.push(req.url ?? '');
    if (req.url?.startsWith('/missing/')) res.writeHead(404).end('not here');
    else if (req.url?.endsWith(`/${zipName}`)) res.end(zip);
    else if (req.url?.endsWith('/SHASUMS256.txt')) res.end(sums);
    else res.writeHead(404).end('not here');
  });
  await new Promise<void>((resolve) => mirror.listen(0, '127.0.0.1', resolve));
  mirrorUrl = `http://127.0.0.1:${(mirror.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  await new Promise((resolve) => mirror.close(resolve));
});

describe('npm start and npm run dev fetch Electron before electron-vite starts', () => {
  beforeAll(() => {
    project = makeProject();
  });
  afterAll(() => rmSync(project, { recursive: true, force: true }));

  it('package.json runs the check first in both scripts', () => {
    expect(projectScripts.start).toBe('node scripts/ensure-electron.mjs && electron-vite preview');
    expect(projectScripts.dev).toBe('node scripts/ensure-electron.mjs && electron-vite dev');
  });

  it('start: downloads the binary once, then electron-vite starts with it present', async () => {
    const first = await runScript('start', mirrorUrl);
    expect(first.stderr).toContain('Fetching the Electron');
    expect(first.status).toBe(0);
    expect(requests.filter((url) => url.endsWith(zipName))).toHaveLength(1);
    expect(editorRuns()).toEqual([{ args: ['preview'], present: true }]);
  });

  it('a second start downloads nothing', async () => {
    const before = requests.length;
    const second = await runScript('start', mirrorUrl);
    expect(second.status).toBe(0);
    expect(second.stderr).not.toContain('Fetching');
    expect(requests.length).toBe(before);
    expect(editorRuns().at(-1)).toEqual({ args: ['preview'], present: true });
  });

  it('dev: the same check runs before electron-vite dev', async () => {
    rmSync(join(project, 'node_modules', 'electron', 'path.txt'));
    rmSync(join(project, 'node_modules', 'electron', 'dist'), { recursive: true });
    rmSync(join(project, 'download-cache'), { recursive: true, force: true });
    const before = requests.filter((url) => url.endsWith(zipName)).length;
    const result = await runScript('dev', mirrorUrl);
    expect(result.status).toBe(0);
    expect(requests.filter((url) => url.endsWith(zipName)).length).toBe(before + 1);
    expect(editorRuns().at(-1)).toEqual({ args: ['dev'], present: true });
  });
});

describe('when the download fails', () => {
  let closedPort: string;
  beforeAll(async () => {
    project = makeProject();
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    closedPort = `http://127.0.0.1:${(probe.address() as AddressInfo).port}/`;
    await new Promise((resolve) => probe.close(resolve));
  });
  afterAll(() => rmSync(project, { recursive: true, force: true }));

  for (const script of ['start', 'dev'] as const) {
    it(`${script}: one sentence with the reason and the headless way, exit 1, electron-vite never starts`, async () => {
      const result = await runScript(script, closedPort);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(
        'Streamwatch cannot start: the Electron binary could not be downloaded (no network access to the Electron download). ' +
          'To see the same dashboard without Electron, run: npm run build && npm run headless -- --demo --serve 8080',
      );
      expect(result.stderr).not.toMatch(/^\s+at /m);
      expect(result.stderr).not.toContain('Electron uninstall');
      expect(editorRuns()).toEqual([]);
      const log = join(project, 'node_modules', '.cache', 'streamwatch', 'electron-install.log');
      expect(readFileSync(log, 'utf8')).toContain('fetch failed');
    });
  }

  it('a server that answers 404 is named as such', async () => {
    const result = await runScript('start', mirrorUrl.replace(/\/$/, '/missing/'));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('(the download server answered HTTP 404)');
  });
});
