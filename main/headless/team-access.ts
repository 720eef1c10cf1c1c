import { readFile } from 'node:fs/promises';
import type { Clock } from '../engine/types';
import { err, ok, type Result } from '@shared/result';
import { createAccessGate, type AccessGate } from './access-gate';
import { isLoopback, type Network } from './network-args';
import { log } from './log';
import type { ListenOptions } from './serve';
import { liveTokenChecker, tokensPath, type TokenChecker } from './tokens-file';

/** What a server reachable by a team listens with and who it lets in. */
export interface TeamAccess {
  readonly listen: ListenOptions;
  readonly tokens: TokenChecker;
  /** Null only on loopback without --public-url: the person at this machine needs no token. */
  readonly gate: AccessGate | null;
}

/** Reads the TLS files and the tokens a team collector needs; every refusal is one sentence. */
export async function teamAccess(network: Network, clock: Clock): Promise<Result<TeamAccess, string>> {
  let tls: ListenOptions['tls'];
  if (network.tls) {
    const cert = await readFile(network.tls.certFile).catch(() => null);
    const key = await readFile(network.tls.keyFile).catch(() => null);
    if (!cert) return err(`The TLS certificate ${network.tls.certFile} cannot be read.`);
    if (!key) return err(`The TLS key ${network.tls.keyFile} cannot be read.`);
    tls = { cert, key };
  }
  if (network.insecureHttp) {
    log(
      `WARNING: serving plain HTTP on ${network.listen} (--insecure-http): tokens and data are readable on the network unless a TLS proxy sits in front.`,
    );
  }
  const tokens = liveTokenChecker(network.dataDir, log);
  // A public name means a proxy forwards the network to us, even when we listen on loopback.
  const needsTokens = !isLoopback(network.listen) || network.publicUrl !== undefined;
  if (needsTokens && !tokens.hasAny()) {
    return err(
      `A collector on ${network.publicUrl?.host ?? network.listen} needs tokens, and ${tokensPath(network.dataDir)} has none: ` +
        'add one with `npm run -s headless -- tokens add --name <who> --role viewer|admin` (same --user-data).',
    );
  }
  const gate = needsTokens ? createAccessGate({ tokens, now: () => clock.now(), log }) : null;
  return ok({
    listen: {
      host: network.listen,
      ...(tls ? { tls } : {}),
      ...(network.publicUrl ? { publicUrl: network.publicUrl } : {}),
    },
    tokens,
    gate,
  });
}
