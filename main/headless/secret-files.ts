import { readFileSync, statSync } from 'node:fs';
import { sourceError } from '@shared/model/errors';
import { err, ok, type Result } from '@shared/result';
import type { CredentialResolver } from '../engine/types';

/**
 * Secrets kept in files, for a collector on a server where there is no
 * desktop keychain: `{"file": "/etc/streamwatch/zoom-secret"}` in the config.
 * A file that group or others may read is refused, naming the file, because
 * anyone else on the machine could then read the platform credential.
 */

/** Per source id: secret field → the file that holds it. */
export type FileBindings = Readonly<Record<string, Readonly<Record<string, string>>>>;

/** The secret in `path` (one trailing newline dropped), or a sentence naming the file and what to do. */
export function readSecretFile(path: string): Result<string, string> {
  let mode: number;
  try {
    mode = statSync(path).mode;
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    return err(
      `The secret file ${path} ${code === 'ENOENT' ? 'does not exist' : `cannot be read (${code ?? 'error'})`}.`,
    );
  }
  if ((mode & 0o077) !== 0) {
    const octal = (mode & 0o777).toString(8).padStart(3, '0');
    return err(
      `The secret file ${path} is open to group or others (mode ${octal}); restrict it with \`chmod 600 ${path}\` and start again.`,
    );
  }
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    return err(`The secret file ${path} cannot be read (${(cause as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
  const secret = text.replace(/\r?\n$/, '');
  if (secret === '') return err(`The secret file ${path} is empty.`);
  return ok(secret);
}

/** Every named file checked once at start, so a wrong mode stops the run instead of failing each poll. */
export function checkSecretFiles(paths: readonly string[]): Result<void, string> {
  for (const path of paths) {
    const read = readSecretFile(path);
    if (!read.ok) return read;
  }
  return ok(undefined);
}

/**
 * Fields bound to a file are read from it at every resolve (a rotated secret
 * is picked up without a restart); the other fields go to `others`.
 */
export function withFileSecrets(files: FileBindings, others: CredentialResolver): CredentialResolver {
  return async (source, fields) => {
    const bound = files[source.id] ?? {};
    const fromOthers = await others(
      source,
      fields.filter((field) => bound[field] === undefined),
    );
    if (!fromOthers.ok) return fromOthers;
    const secrets: Record<string, string> = { ...fromOthers.value };
    for (const field of fields) {
      const path = bound[field];
      if (path === undefined) continue;
      const read = readSecretFile(path);
      if (!read.ok) return err(sourceError('config', `${source.name}: ${read.error} (secret ${field})`));
      secrets[field] = read.value;
    }
    return ok(secrets);
  };
}
