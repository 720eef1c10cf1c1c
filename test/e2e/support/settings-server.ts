import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { HeadlessServer } from './headless-server';

/**
 * `headless --user-data <dir> --serve 0`: the settings mode, where sources
 * are edited in the page and secrets go to the system keychain. Each server
 * gets its own settings folder and, with `keychain: true`, its own D-Bus
 * session with an unlocked gnome-keyring (as scripts/test-all.sh does), so no test
 * touches the machine's keyring or another test's. With `keychain: false`
 * the bus address leads nowhere: the "no keychain" path, deterministically.
 */
const ROOT = resolve(import.meta.dirname, '../../..');
const TSX = resolve(ROOT, 'node_modules/.bin/tsx');
const READY = /serving the dashboard at (http:\/\/127\.0\.0\.1:(\d+)\/)/;

/** Starts the keyring inside the private bus, then becomes the headless server (exec keeps one pid to stop). */
const WITH_KEYRING = `mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
echo -n unlock | gnome-keyring-daemon --unlock --components=secrets >/dev/null
exec "$@"`;

export interface SettingsServer extends HeadlessServer {
  readonly userData: string;
}

export async function startSettingsServer(options: { readonly keychain: boolean }): Promise<SettingsServer> {
  const home = await mkdtemp(join(tmpdir(), 'sw-e2e-settings-'));
  const userData = join(home, 'user-data');
  const headless = [TSX, 'main/headless/cli.ts', '--user-data', userData, '--serve', '0'];
  const env = {
    ...process.env,
    XDG_DATA_HOME: join(home, 'data'),
    XDG_RUNTIME_DIR: join(home, 'run'),
    ...(options.keychain ? {} : { DBUS_SESSION_BUS_ADDRESS: `unix:path=${join(home, 'no-bus')}` }),
  };
  const [command, args] = options.keychain
    ? ['dbus-run-session', ['--', 'sh', '-c', WITH_KEYRING, 'sh', ...headless]]
    : [headless[0]!, headless.slice(1)];
  // Its own process group, so stopping it also stops the bus and the keyring daemon it started.
  const child = spawn(command, args, { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => (stderr += chunk));
  child.stdout!.resume();

  const ready = await new Promise<RegExpExecArray>((resolveReady, reject) => {
    const onData = () => {
      const match = READY.exec(stderr);
      if (!match) return;
      child.stderr!.off('data', onData);
      child.off('exit', onExit);
      resolveReady(match);
    };
    const onExit = (code: number | null) =>
      reject(new Error(`headless (settings mode) exited (${code}) before serving:\n${stderr}`));
    child.stderr!.on('data', onData);
    child.once('exit', onExit);
  });

  return {
    url: ready[1]!,
    port: Number(ready[2]),
    userData,
    log: () => stderr,
    async stop() {
      const code = await stopGroup(child);
      await rm(home, { recursive: true, force: true });
      return code;
    },
  };
}

async function stopGroup(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.pid === undefined) return child.exitCode;
  const exited = once(child, 'exit');
  process.kill(-child.pid, 'SIGTERM');
  const guard = setTimeout(() => child.pid && process.kill(-child.pid, 'SIGKILL'), 10_000);
  const [code] = (await exited) as [number | null];
  clearTimeout(guard);
  // The bus and keyring daemons of the group may outlive the server by a moment; they got SIGTERM too.
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // the group is already gone
  }
  return code;
}
