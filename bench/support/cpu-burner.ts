import { spawn, type ChildProcess } from 'node:child_process';

/**
 * A second process that keeps one core busy, standing in for the browser, the
 * video player and the call that share an operator's workstation. Loaded figures
 * run while it spins; it stops itself after `maxMs` in case the bench dies.
 */
export interface CpuBurner {
  stop(): Promise<void>;
}

const SPIN = `
const until = Date.now() + Number(process.argv[1]);
process.send?.('spinning');
while (Date.now() < until) { for (let i = 0; i < 1e6; i++) Math.sqrt(i); }
process.exit(0);
`;

export async function startCpuBurner(maxMs = 10 * 60_000): Promise<CpuBurner> {
  const child: ChildProcess = spawn(process.execPath, ['-e', SPIN, String(maxMs)], {
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the CPU burner exited early (${code})`)));
  });
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }),
  };
}
