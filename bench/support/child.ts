import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A TypeScript entry of the bench in its own Node process (tsx as a loader), with optional Node flags. */
export function spawnTs(entry: string, args: readonly string[] = [], nodeFlags: readonly string[] = []): ChildProcess {
  return spawn(process.execPath, [...nodeFlags, '--import', 'tsx', entry, ...args], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, NODE_NO_WARNINGS: '1' },
  });
}

/** The first line the child prints on stdout, parsed as JSON (rejects if it exits first or takes too long). */
export function firstJsonLine<T>(child: ChildProcess, timeoutMs: number): Promise<T> {
  return new Promise((resolve, reject) => {
    let out = '';
    let errText = '';
    const timer = setTimeout(
      () => finish(new Error(`no answer within ${timeoutMs / 1000} s; stderr: ${errText.slice(-500)}`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const newline = out.indexOf('\n');
      if (newline < 0) return;
      try {
        finish(null, JSON.parse(out.slice(0, newline)) as T);
      } catch (cause) {
        finish(cause as Error);
      }
    };
    const onErr = (chunk: Buffer) => void (errText = (errText + chunk.toString('utf8')).slice(-4000));
    const onExit = (code: number | null) =>
      finish(new Error(`exited with ${code} before answering; stderr: ${errText.slice(-1500)}`));
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onErr);
    child.once('exit', onExit);
    function finish(error: Error | null, value?: T) {
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      child.stderr!.off('data', onErr);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve(value as T);
    }
  });
}

/** Ends a child this bench started (its own pid only), waiting for it to go. */
export async function stopChild(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.stdin?.end();
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await gone;
  clearTimeout(timer);
}
