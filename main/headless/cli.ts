import { parseCommand, USAGE } from './args';
import { createKeytarStore } from '../credentials/keytar-store';
import { headlessClock } from './clock';
import { startDemo } from '../demo/start-demo';
import { makeHeadlessEngine } from './engine-factory';
import { log } from './log';
import { describeProxy } from './proxy-fetch';
import { runHeadless } from './run';
import { runTokensCommand } from './tokens-cli';

/**
 * `npm run headless -- …` (tsx): the second composition root, the engine
 * without Electron. stdout carries only JSON (or --help); everything else
 * goes to stderr. Exit codes: 0 ok, 2 a source failed, 1 usage or config.
 */
async function main(argv: readonly string[]): Promise<number> {
  const timing = headlessClock();
  if ('error' in timing) {
    log(timing.error);
    return 1;
  }
  const { clock } = timing;
  // The run's clock, so "--range 24h" ends at the run's now (a test clock included).
  const command = parseCommand(argv, clock.now());
  if (!command.ok) {
    log(command.error);
    process.stderr.write(`\n${USAGE}\n`);
    return 1;
  }
  if (command.value.kind === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (command.value.kind === 'tokens') {
    return runTokensCommand(command.value.command, (line) => process.stdout.write(`${line}\n`));
  }
  if (timing.note) log(timing.note);
  const proxy = describeProxy();
  if (proxy) log(proxy);
  return runHeadless(command.value.input, command.value.action, {
    makeEngine: (credentials, meter) => makeHeadlessEngine(credentials, meter, clock),
    startDemo: () => startDemo(() => clock.now()),
    clock,
    keychain: () => createKeytarStore(),
    print: (json) => process.stdout.write(`${JSON.stringify(json, null, 2)}\n`),
  });
}

main(process.argv.slice(2)).then(
  (code) => exit(code),
  (cause: unknown) => {
    log(`unexpected failure: ${cause instanceof Error ? (cause.stack ?? cause.message) : String(cause)}`);
    exit(1);
  },
);

/** Exit once stdout has flushed (a pipe may be slow), even if a keep-alive socket would hold the loop open. */
function exit(code: number): void {
  process.exitCode = code;
  process.stdout.write('', () => process.exit(code));
}
