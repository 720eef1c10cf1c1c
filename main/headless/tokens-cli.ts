import type { TokensCommand } from './args';
import { log } from './log';
import { addToken, readTokens, revokeToken, tokensPath } from './tokens-file';

/**
 * `headless tokens add|list|revoke`. `add` prints the token alone on stdout,
 * once (so `… tokens add … > file` captures exactly it); everything else,
 * including `list`, names tokens without ever showing one.
 */
export async function runTokensCommand(command: TokensCommand, out: (line: string) => void): Promise<number> {
  switch (command.kind) {
    case 'add': {
      const added = await addToken(command.dataDir, command.name, command.role);
      if (!added.ok) return fail(added.error);
      out(added.value);
      log(
        `added the ${command.role} token ${JSON.stringify(command.name)} to ${tokensPath(command.dataDir)}; it is shown only now, only its hash is kept`,
      );
      return 0;
    }
    case 'list': {
      const tokens = await readTokens(command.dataDir);
      if (!tokens.ok) return fail(tokens.error);
      if (tokens.value.length === 0) log(`no tokens in ${tokensPath(command.dataDir)}`);
      for (const entry of tokens.value) out(`${entry.name}\t${entry.role}\t${entry.created}`);
      return 0;
    }
    case 'revoke': {
      const revoked = await revokeToken(command.dataDir, command.name);
      if (!revoked.ok) return fail(revoked.error);
      log(`revoked the token ${JSON.stringify(command.name)}; a running collector refuses it from its next request`);
      return 0;
    }
  }
}

function fail(message: string): number {
  log(message);
  return 1;
}
