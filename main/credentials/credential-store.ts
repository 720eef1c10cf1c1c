import type { Result } from '@shared/result';

/** Why the keychain could not be used, in words a person can act on. */
export interface CredentialStoreError {
  readonly code: 'keychain-unavailable' | 'keychain-locked' | 'keychain-failed';
  readonly message: string;
}

/**
 * Where secrets live: the OS keychain in the app, memory in tests and for
 * "keep for this session only". One entry per (source, field). Values never
 * leave main; nothing here logs or formats a value.
 */
export interface CredentialStore {
  readonly kind: 'keychain' | 'memory';
  get(sourceId: string, field: string): Promise<Result<string | null, CredentialStoreError>>;
  set(sourceId: string, field: string, value: string): Promise<Result<true, CredentialStoreError>>;
  delete(sourceId: string, field: string): Promise<Result<boolean, CredentialStoreError>>;
  /** The fields that hold a value for a source (never the values). */
  fields(sourceId: string): Promise<Result<readonly string[], CredentialStoreError>>;
  /** Removes every entry of a source; resolves to how many were removed. */
  deleteSource(sourceId: string): Promise<Result<number, CredentialStoreError>>;
}

export const SERVICE_NAME = 'Streamwatch';

/** One keychain account per source and field: "<sourceId>/<field>". Source ids cannot contain "/". */
export function accountName(sourceId: string, field: string): string {
  return `${sourceId}/${field}`;
}

export function parseAccountName(account: string): { sourceId: string; field: string } | null {
  const slash = account.indexOf('/');
  if (slash <= 0 || slash === account.length - 1) return null;
  return { sourceId: account.slice(0, slash), field: account.slice(slash + 1) };
}
