#!/usr/bin/env node
// Runs before `electron-vite preview` and `electron-vite dev` (see package.json).
//
// Since Electron 42 the `electron` package no longer downloads its binary when it is
// installed; it does so the first time its own bin runs. electron-vite instead reads
// node_modules/electron/path.txt, which only that download writes, and throws
// "Electron uninstall" before anything triggers it. So we run Electron's own
// `install-electron` bin first. It returns at once when the binary is already there,
// so a second start downloads nothing.
//
// When the download fails, the user gets one sentence with the reason and the way to
// see the same dashboard without Electron; the installer's stack trace goes to a file.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const HEADLESS_HINT = 'npm run build && npm run headless -- --demo --serve 8080';

const require = createRequire(join(process.cwd(), 'package.json'));
const electronDir = dirname(require.resolve('electron/package.json'));
const electronPackage = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8'));

if (!binaryPresent()) {
  process.stderr.write(`Fetching the Electron ${electronPackage.version} binary (first start only)…\n`);
  const installer = join(electronDir, electronPackage.bin['install-electron']);
  const run = spawnSync(process.execPath, [installer], { cwd: electronDir, encoding: 'utf8' });
  if (run.status !== 0 || !binaryPresent()) {
    const output = `${run.stderr ?? ''}${run.stdout ?? ''}${run.error ? String(run.error) : ''}`;
    const logFile = saveInstallerOutput(output);
    process.stderr.write(
      `Streamwatch cannot start: the Electron binary could not be downloaded (${reasonOf(output)}). ` +
        `To see the same dashboard without Electron, run: ${HEADLESS_HINT}\n`,
    );
    if (logFile) process.stderr.write(`(installer output: ${logFile})\n`);
    process.exit(1);
  }
}

/** The same test Electron's installer makes: path.txt names a file that exists. */
function binaryPresent() {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return false;
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH || join(electronDir, 'dist');
  return existsSync(join(distDir, readFileSync(pathFile, 'utf8').trim()));
}

/** A few words for what went wrong, read from the installer's error output. */
function reasonOf(output) {
  const status = /Response code (\d{3})/.exec(output);
  if (status) return `the download server answered HTTP ${status[1]}`;
  if (/fetch failed|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH/.test(output))
    return 'no network access to the Electron download';
  if (/checksum|sha256/i.test(output)) return 'the downloaded file did not match its published checksum';
  if (/ENOSPC/.test(output)) return 'the disk is full';
  if (/EACCES|EPERM|EROFS/.test(output)) return 'no permission to write into node_modules/electron';
  const first = output.split('\n').find((line) => line.trim() !== '');
  return first ? `the installer said: ${first.trim().slice(0, 120)}` : 'the installer stopped without saying why';
}

function saveInstallerOutput(output) {
  try {
    const dir = join(process.cwd(), 'node_modules', '.cache', 'streamwatch');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'electron-install.log');
    writeFileSync(file, output);
    return file;
  } catch {
    return null;
  }
}
