import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { err, ok, type Result } from '@shared/result';
import { writeAtomically } from '../settings/atomic-file';

/**
 * The collector's access tokens, kept in `tokens.json` in the data folder.
 *
 * Only a SHA-256 of each token is stored. A token is 32 random bytes, so
 * nobody can search its hash back to the token (a slow password hash only
 * helps with guessable secrets that people choose); a stolen tokens file
 * therefore grants nothing, and checking a request costs one fast hash.
 */
export const TOKENS_FILE = 'tokens.json';

export const RoleSchema = z.enum(['viewer', 'admin']);
export type Role = z.infer<typeof RoleSchema>;

const TokenEntrySchema = z
  .object({
    name: z.string().min(1).max(64),
    role: RoleSchema,
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    created: z.string(),
  })
  .strict();
export type TokenEntry = z.infer<typeof TokenEntrySchema>;

const TokensFileSchema = z.object({ version: z.literal(1), tokens: z.array(TokenEntrySchema) }).strict();

const NameSchema = z.string().regex(/^[A-Za-z0-9._@-]{1,64}$/);

export function tokensPath(dataDir: string): string {
  return join(dataDir, TOKENS_FILE);
}

function hashOf(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/** The tokens on disk; a missing file is no tokens, an unreadable or malformed one is an error sentence. */
export async function readTokens(dataDir: string): Promise<Result<TokenEntry[], string>> {
  const file = tokensPath(dataDir);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return ok([]);
    return err(`The tokens file ${file} cannot be read (${(cause as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
  return parseTokens(file, text);
}

function parseTokens(file: string, text: string): Result<TokenEntry[], string> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return err(`The tokens file ${file} is not valid JSON; fix or remove it, then add the tokens again.`);
  }
  const parsed = TokensFileSchema.safeParse(raw);
  if (!parsed.success) return err(`The tokens file ${file} is not in the expected shape; fix or remove it.`);
  return ok(parsed.data.tokens);
}

/**
 * The checker for a running collector: it re-reads the file when it changed,
 * so `tokens revoke` takes effect on the next request without a restart.
 * An unreadable file accepts no token (fail closed) and is logged once per change.
 */
export function liveTokenChecker(dataDir: string, onError: (message: string) => void): TokenChecker {
  const file = tokensPath(dataDir);
  let stamp = '';
  let current = tokenChecker([]);
  const refresh = () => {
    let next: string;
    try {
      const stat = statSync(file);
      next = `${stat.mtimeMs}:${stat.size}:${stat.ino}`;
    } catch {
      next = 'missing';
    }
    if (next === stamp) return current;
    stamp = next;
    if (next === 'missing') return (current = tokenChecker([]));
    let parsed: Result<TokenEntry[], string>;
    try {
      parsed = parseTokens(file, readFileSync(file, 'utf8'));
    } catch (cause) {
      parsed = err(`The tokens file ${file} cannot be read (${(cause as NodeJS.ErrnoException).code ?? 'error'}).`);
    }
    if (!parsed.ok) onError(`${parsed.error} No token is accepted until it is fixed.`);
    return (current = tokenChecker(parsed.ok ? parsed.value : []));
  };
  return {
    hasAny: () => refresh().hasAny(),
    roleOf: (token) => refresh().roleOf(token),
    accepts: (token) => refresh().accepts(token),
  };
}

async function writeTokens(dataDir: string, tokens: readonly TokenEntry[]): Promise<void> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  // The atomic write creates its temp file with mode 0600, and the rename keeps that mode.
  await writeAtomically(tokensPath(dataDir), `${JSON.stringify({ version: 1, tokens }, null, 2)}\n`);
}

/** Issues a new token; the token itself is returned once and never stored. */
export async function addToken(
  dataDir: string,
  name: string,
  role: Role,
  now: Date = new Date(),
): Promise<Result<string, string>> {
  if (!NameSchema.safeParse(name).success)
    return err(`A token name is 1 to 64 letters, digits or . _ @ -; got ${JSON.stringify(name)}.`);
  const current = await readTokens(dataDir);
  if (!current.ok) return current;
  if (current.value.some((entry) => entry.name === name))
    return err(`There is already a token named ${JSON.stringify(name)}; revoke it first or choose another name.`);
  const token = `sw_${randomBytes(32).toString('base64url')}`;
  const entry: TokenEntry = { name, role, sha256: hashOf(token).toString('hex'), created: now.toISOString() };
  await writeTokens(dataDir, [...current.value, entry]);
  return ok(token);
}

export async function revokeToken(dataDir: string, name: string): Promise<Result<void, string>> {
  const current = await readTokens(dataDir);
  if (!current.ok) return current;
  const kept = current.value.filter((entry) => entry.name !== name);
  if (kept.length === current.value.length) return err(`There is no token named ${JSON.stringify(name)}.`);
  await writeTokens(dataDir, kept);
  return ok(undefined);
}

/** Looks tokens up by hash, comparing every stored hash in constant time so timing tells nothing. */
export interface TokenChecker {
  hasAny(): boolean;
  roleOf(token: string): { readonly name: string; readonly role: Role } | null;
  /** For the /metrics guard: any current token may read. */
  accepts(token: string): boolean;
}

export function tokenChecker(entries: readonly TokenEntry[]): TokenChecker {
  const hashes = entries.map((entry) => ({ entry, hash: Buffer.from(entry.sha256, 'hex') }));
  const roleOf = (token: string) => {
    const offered = hashOf(token);
    let found: TokenEntry | null = null;
    // No early exit: every entry is compared, whichever matches.
    for (const { entry, hash } of hashes) if (timingSafeEqual(offered, hash) && found === null) found = entry;
    return found && { name: found.name, role: found.role };
  };
  return { hasAny: () => hashes.length > 0, roleOf, accepts: (token) => roleOf(token) !== null };
}
