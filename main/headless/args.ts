import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { err, ok, type Result } from '@shared/result';

export type Input =
  | { readonly kind: 'config'; readonly file: string }
  | { readonly kind: 'demo' }
  /** Neither --config nor --demo: the app's own settings file, secrets from the keychain. */
  | { readonly kind: 'settings'; readonly userData: string };

export type Action =
  | { readonly kind: 'once' }
  | { readonly kind: 'session'; readonly sourceId: string; readonly sessionId: string }
  | { readonly kind: 'serve'; readonly port: number };

export type Command =
  { readonly kind: 'help' } | { readonly kind: 'run'; readonly input: Input; readonly action: Action };

export const USAGE = `Usage: npm run headless -- [--config <file> | --demo | --user-data <dir>] (--once | --session <sourceId>:<sessionId> | --serve <port>)

  --config <file>     sources from a JSON file; secrets from the environment variables it names
  --demo              the built-in platform simulators instead of a config file
  --user-data <dir>   the app's settings folder (default: the app's own); used when neither
                      --config nor --demo is given, with secrets from the system keychain
  --once              poll every source once, print one JSON snapshot on stdout, exit
  --session <s>:<id>  print one session with all its events as JSON, exit
  --serve <port>      keep polling and serve the dashboard at http://127.0.0.1:<port>/
                      (loopback only; 0 picks a free port and prints it)
  --help              this text

Exit codes: 0 every source answered, 2 a source failed (output still printed), 1 usage or config error.
Logs go to stderr; stdout carries only the JSON.`;

/** Parses argv (without node and the script). Errors are one sentence for stderr, followed there by the usage. */
export function parseCommand(argv: readonly string[]): Result<Command, string> {
  let values: Record<string, string | boolean | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: true,
      options: {
        config: { type: 'string' },
        demo: { type: 'boolean' },
        'user-data': { type: 'string' },
        once: { type: 'boolean' },
        session: { type: 'string' },
        serve: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    // The server is a loopback-only wall-board and test bridge; exposing it needs a real auth story first.
    if (/'--host'/.test(message)) return err('--host is not offered: headless --serve listens on 127.0.0.1 only.');
    return err(message.split('\n')[0] ?? message);
  }
  if (values.help) return ok({ kind: 'help' });
  if (positionals.length > 0) return err(`Unexpected argument ${JSON.stringify(positionals[0])}.`);

  const config = values.config as string | undefined;
  if (config !== undefined && values.demo) return err('Give either --config <file> or --demo, not both.');
  if (config === '') return err('--config needs a file name.');
  const userData = values['user-data'] as string | undefined;
  if (userData !== undefined && (config !== undefined || values.demo)) {
    return err('--user-data is for the settings mode; it cannot be combined with --config or --demo.');
  }
  const input: Input =
    config !== undefined
      ? { kind: 'config', file: config }
      : values.demo
        ? { kind: 'demo' }
        : { kind: 'settings', userData: userData || defaultUserDataDir() };

  const chosen = (['once', 'session', 'serve'] as const).filter((flag) => values[flag] !== undefined);
  if (chosen.length !== 1) return err('Give exactly one of --once, --session <sourceId>:<sessionId>, --serve <port>.');
  const action = parseAction(chosen[0]!, values);
  return action.ok ? ok({ kind: 'run', input, action: action.value }) : action;
}

function parseAction(
  flag: 'once' | 'session' | 'serve',
  values: Record<string, string | boolean | undefined>,
): Result<Action, string> {
  switch (flag) {
    case 'once':
      return ok({ kind: 'once' });
    case 'session': {
      const text = String(values.session);
      // Source ids cannot contain ":" (see SourceIdSchema); session ids may.
      const colon = text.indexOf(':');
      if (colon <= 0 || colon === text.length - 1)
        return err(`--session wants <sourceId>:<sessionId>, got ${JSON.stringify(text)}.`);
      return ok({ kind: 'session', sourceId: text.slice(0, colon), sessionId: text.slice(colon + 1) });
    }
    case 'serve': {
      const text = String(values.serve);
      const port = /^\d{1,5}$/.test(text) ? Number(text) : NaN;
      if (!(port >= 0 && port <= 65535))
        return err(`--serve wants a port number from 0 to 65535, got ${JSON.stringify(text)}.`);
      return ok({ kind: 'serve', port });
    }
  }
}

/** Where Electron keeps the app's user data (app.getPath('userData')), so the app and headless share one settings file. */
export function defaultUserDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Streamwatch');
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Streamwatch');
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'Streamwatch');
}
