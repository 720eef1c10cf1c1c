import { sourceError } from '@shared/model/errors';
import { err, ok } from '@shared/result';
import type { CredentialResolver } from '../engine/types';
import type { CredentialStore } from './credential-store';

/** Resolves a source's secrets from a store; a missing one is a `config` error naming the field, not the value. */
export function storeResolver(store: CredentialStore): CredentialResolver {
  return async (source, fields) => {
    const secrets: Record<string, string> = {};
    const missing: string[] = [];
    for (const field of fields) {
      const value = await store.get(source.id, field);
      if (!value.ok) return err(sourceError('config', `${source.name}: ${value.error.message}`));
      if (value.value === null || value.value === '') missing.push(field);
      else secrets[field] = value.value;
    }
    if (missing.length > 0) {
      const where = store.kind === 'keychain' ? 'the system keychain' : 'this session';
      return err(
        sourceError(
          'config',
          `${source.name}: no ${missing.join(' or ')} stored in ${where}. Open the source's settings to enter it.`,
        ),
      );
    }
    return ok(secrets);
  };
}
