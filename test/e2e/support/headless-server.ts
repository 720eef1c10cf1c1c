import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';

/**
 * Starts `headless --serve 0` as a child process, the way a user would, and
 * waits for the line it prints once it listens (the app's own signal, and
 * the only way to learn the port it picked). Stopped with SIGTERM, as a
 * user's Ctrl-C would.
 */

const ROOT = resolve(import.meta.dirname, '../../..');
const TSX = resolve(ROOT, 'node_modules/.bin/tsx');
const READY = /serving the dashboard at (http:\/\/127\.0\.0\.1:(\d+)\/)/;

export interface HeadlessServer {
  readonly url: string;
  readonly port: number;
  /** Everything the server wrote to stderr so far (its log). */
  log(): string;
  stop(): Promise<number | null>;
}

export async function startHeadlessServer(
  input: ({ demo: true } | { config: string } | { collector: string; tokenFile: string }) & {
    userData?: string;
    /** A fixed port, to start a server again where it was (0, the default, lets the system pick). */
    port?: number;
  },
  env: Record<string, string> = {},
  /** More flags, e.g. a team collector's --listen. */
  extra: readonly string[] = [],
): Promise<HeadlessServer> {
  const args = [
    'main/headless/cli.ts',
    ...('demo' in input
      ? ['--demo']
      : 'config' in input
        ? ['--config', input.config]
        : ['--collector', input.collector, '--token-file', input.tokenFile]),
    ...(input.userData ? ['--user-data', input.userData] : []),
    '--serve',
    String(input.port ?? 0),
    ...extra,
  ];
  const childEnv = { ...process.env, ...env };
  // A set clock is for the demo, whose simulators share it; a --config run polls simulators on the real clock.
  if (!('demo' in input) && !('STREAMWATCH_CLOCK_START' in env)) delete childEnv.STREAMWATCH_CLOCK_START;
  const child = spawn(TSX, args, { cwd: ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => (stderr += chunk));

  const ready = await new Promise<RegExpExecArray>((resolveReady, reject) => {
    const onData = () => {
      const match = READY.exec(stderr);
      if (match) {
        child.stderr!.off('data', onData);
        child.off('exit', onExit);
        resolveReady(match);
      }
    };
    const onExit = (code: number | null) =>
      reject(new Error(`headless --serve exited (${code}) before serving:\n${stderr}`));
    child.stderr!.on('data', onData);
    child.once('exit', onExit);
  });

  return {
    url: ready[1]!,
    port: Number(ready[2]),
    log: () => stderr,
    stop: () => stop(child),
  };
}

async function stop(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  // A server that ignores SIGTERM is a bug the test should not hang on.
  const guard = setTimeout(() => child.kill('SIGKILL'), 10_000);
  const [code] = (await exited) as [number | null];
  clearTimeout(guard);
  return code;
}
