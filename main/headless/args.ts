import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { err, ok, type Result } from '@shared/result';

export type Input =
  /** `userData`: history (and later tokens) kept in that folder; without it, history stays in memory. */
  | { readonly kind: 'config'; readonly file: string; readonly userData: string | null }
  | { readonly kind: 'demo'; readonly userData: string | null }
  /** Neither --config nor --demo: the app's own settings file, secrets from the keychain. */
  | { readonly kind: 'settings'; readonly userData: string };

export type Action =
  | { readonly kind: 'once' }
  | { readonly kind: 'session'; readonly sourceId: string; readonly sessionId: string }
  | { readonly kind: 'serve'; readonly port: number }
  | { readonly kind: 'history'; readonly sourceId: string; readonly from: number; readonly to: number };

export type Command =
  { readonly kind: 'help' } | { readonly kind: 'run'; readonly input: Input; readonly action: Action };

export const USAGE = `Usage: npm run headless -- [--config <file> | --demo] [--user-data <dir>] (--once | --session <sourceId>:<sessionId> | --serve <port> | --history <sourceId> (--range <r> | --from <iso> --to <iso>))

  --config <file>     sources from a JSON file; secrets from the environment variables it names
  --demo              the built-in platform simulators instead of a config file
  --user-data <dir>   the app's data folder (default: the app's own). Alone: its settings, with
                      secrets from the system keychain, and its history. With --config or
                      --demo: only its history (without it those keep history in memory)
  --once              poll every source once, print one JSON snapshot on stdout, exit
  --session <s>:<id>  print one session with all its events as JSON, exit
  --serve <port>      keep polling and serve the dashboard at http://127.0.0.1:<port>/
                      (loopback only; 0 picks a free port and prints it)
  --history <source>  print the stored viewer series, health changes and sessions of a range
                      as JSON, exit; the range is --range 15m|1h|6h|24h|7d|30d|90d (ending
                      now) or --from/--to ISO times
  --help              this text

Exit codes: 0 every source answered, 2 a source failed (output still printed), 1 usage or config error.
Logs go to stderr; stdout carries only the JSON.`;

/** Parses argv (without node and the script). Errors are one sentence for stderr, followed there by the usage. */
export function parseCommand(argv: readonly string[], now: number = Date.now()): Result<Command, string> {
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
        history: { type: 'string' },
        range: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
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
  if (userData === '') return err('--user-data needs a folder name.');
  const input: Input =
    config !== undefined
      ? { kind: 'config', file: config, userData: userData ?? null }
      : values.demo
        ? { kind: 'demo', userData: userData ?? null }
        : { kind: 'settings', userData: userData ?? defaultUserDataDir() };

  const chosen = (['once', 'session', 'serve', 'history'] as const).filter((flag) => values[flag] !== undefined);
  if (chosen.length !== 1)
    return err('Give exactly one of --once, --session <sourceId>:<sessionId>, --serve <port>, --history <sourceId>.');
  if (chosen[0] !== 'history' && ['range', 'from', 'to'].some((flag) => values[flag] !== undefined))
    return err('--range, --from and --to go with --history.');
  const action = parseAction(chosen[0]!, values, now);
  return action.ok ? ok({ kind: 'run', input, action: action.value }) : action;
}

const RANGE_MS: Readonly<Record<string, number>> = {
  '15m': 15 * 60_000,
  '1h': 3_600_000,
  '6h': 6 * 3_600_000,
  '24h': 86_400_000,
  '7d': 7 * 86_400_000,
  '30d': 30 * 86_400_000,
  '90d': 90 * 86_400_000,
};

function parseHistoryRange(
  values: Record<string, string | boolean | undefined>,
  now: number,
): Result<{ from: number; to: number }, string> {
  const range = values.range as string | undefined;
  const from = values.from as string | undefined;
  const to = values.to as string | undefined;
  if (range !== undefined) {
    if (from !== undefined || to !== undefined) return err('Give either --range or --from/--to, not both.');
    const ms = RANGE_MS[range];
    if (ms === undefined)
      return err(`--range wants one of ${Object.keys(RANGE_MS).join(', ')}, got ${JSON.stringify(range)}.`);
    return ok({ from: now - ms, to: now });
  }
  if (from === undefined || to === undefined) return err('--history needs --range <r>, or both --from and --to.');
  const start = Date.parse(from);
  const end = Date.parse(to);
  if (Number.isNaN(start))
    return err(`--from wants an ISO time like 2026-12-01T00:00:00Z, got ${JSON.stringify(from)}.`);
  if (Number.isNaN(end)) return err(`--to wants an ISO time like 2026-12-02T00:00:00Z, got ${JSON.stringify(to)}.`);
  if (end <= start) return err('--to must be after --from.');
  if (end - start > RANGE_MS['90d']!) return err('A history range is at most 90 days.');
  return ok({ from: start, to: end });
}

function parseAction(
  flag: 'once' | 'session' | 'serve' | 'history',
  values: Record<string, string | boolean | undefined>,
  now: number,
): Result<Action, string> {
  switch (flag) {
    case 'history': {
      const sourceId = String(values.history);
      if (sourceId === '') return err('--history needs a source id.');
      const range = parseHistoryRange(values, now);
      return range.ok ? ok({ kind: 'history', sourceId, ...range.value }) : range;
    }
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
