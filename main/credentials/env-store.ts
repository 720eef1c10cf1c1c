import { sourceError } from '@shared/model/errors';
import { err, ok } from '@shared/result';
import type { CredentialResolver } from '../engine/types';

/** Per source id: secret field → the name of the environment variable that holds it. */
export type EnvBindings = Readonly<Record<string, Readonly<Record<string, string>>>>;

export type Environment = Readonly<Record<string, string | undefined>>;

/**
 * Headless mode's secrets: read from environment variables that the config
 * file names, at every resolve, so a variable exported for a restarted
 * process is picked up. A missing one is a `config` error for that source
 * only — the message names the variable and the field, never a value — and
 * the other sources keep polling.
 */
export function envResolver(bindings: EnvBindings, env: Environment = process.env): CredentialResolver {
  return async (source, fields) => {
    const bound = bindings[source.id] ?? {};
    const secrets: Record<string, string> = {};
    const unbound: string[] = [];
    const unset: Array<{ variable: string; field: string }> = [];
    for (const field of fields) {
      const variable = bound[field];
      if (variable === undefined) {
        unbound.push(field);
        continue;
      }
      const value = env[variable];
      if (value === undefined || value === '') unset.push({ variable, field });
      else secrets[field] = value;
    }
    if (unbound.length > 0) {
      const list = unbound.join(', ');
      return err(
        sourceError(
          'config',
          `${source.name}: the config file names no environment variable for ${list} (add "secrets": {"${unbound[0]}": {"env": "<VARIABLE>"}}).`,
        ),
      );
    }
    if (unset.length === 1) {
      const [{ variable, field }] = unset as [{ variable: string; field: string }];
      return err(
        sourceError('config', `${source.name}: environment variable ${variable} is not set (secret ${field}).`),
      );
    }
    if (unset.length > 1) {
      const list = unset.map(({ variable, field }) => `${variable} (secret ${field})`).join(', ');
      return err(sourceError('config', `${source.name}: environment variables ${list} are not set.`));
    }
    return ok(secrets);
  };
}

/** Which secret fields of a source have a value in the environment (for `credentials:has`; never the values). */
export function envPresence(
  bindings: EnvBindings,
  sourceId: string,
  env: Environment = process.env,
): Record<string, boolean> {
  const bound = bindings[sourceId] ?? {};
  return Object.fromEntries(Object.entries(bound).map(([field, variable]) => [field, (env[variable] ?? '') !== '']));
}
