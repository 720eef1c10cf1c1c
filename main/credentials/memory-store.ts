import { ok } from '@shared/result';
import { accountName, parseAccountName, type CredentialStore } from './credential-store';

/** Secrets kept in memory only: tests, and the user's "keep for this session only" (gone at quit). */
export function createMemoryStore(): CredentialStore {
  const entries = new Map<string, string>();
  const fieldsOf = (sourceId: string) =>
    [...entries.keys()]
      .map(parseAccountName)
      .filter((entry) => entry?.sourceId === sourceId)
      .map((entry) => entry!.field);
  return {
    kind: 'memory',
    async get(sourceId, field) {
      return ok(entries.get(accountName(sourceId, field)) ?? null);
    },
    async set(sourceId, field, value) {
      entries.set(accountName(sourceId, field), value);
      return ok(true as const);
    },
    async delete(sourceId, field) {
      return ok(entries.delete(accountName(sourceId, field)));
    },
    async fields(sourceId) {
      return ok(fieldsOf(sourceId));
    },
    async deleteSource(sourceId) {
      const fields = fieldsOf(sourceId);
      for (const field of fields) entries.delete(accountName(sourceId, field));
      return ok(fields.length);
    },
  };
}
