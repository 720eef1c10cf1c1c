import { sourceError } from '@shared/model/errors';
import type { SourceConfig } from '@shared/model/source';
import { err, ok } from '@shared/result';
import type { CredentialStore } from '../credentials/credential-store';
import type { CredentialResolver } from '../engine/types';

/**
 * Secrets for the app's sources: demo sources from the simulators' own
 * resolver; others from "this session only" memory first, then the keychain.
 * A missing secret names the field; a keychain failure says what to do.
 */
export function layeredResolver(options: {
  readonly session: CredentialStore;
  readonly keychain: CredentialStore;
  readonly demo: () => CredentialResolver | null;
}): CredentialResolver {
  return async (source: SourceConfig, fields) => {
    const demo = options.demo();
    if (source.id.startsWith('demo-') && demo) return demo(source, fields);
    const secrets: Record<string, string> = {};
    const missing: string[] = [];
    for (const field of fields) {
      const inSession = await options.session.get(source.id, field);
      if (inSession.ok && inSession.value) {
        secrets[field] = inSession.value;
        continue;
      }
      const inKeychain = await options.keychain.get(source.id, field);
      if (!inKeychain.ok) return err(sourceError('config', `${source.name}: ${inKeychain.error.message}`));
      if (inKeychain.value) secrets[field] = inKeychain.value;
      else missing.push(field);
    }
    if (missing.length > 0) {
      return err(sourceError('config', `${source.name}: no ${missing.join(' or ')} stored. Open Sources to enter it.`));
    }
    return ok(secrets);
  };
}
