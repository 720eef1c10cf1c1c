import { createHash } from 'node:crypto';

/**
 * A stable name for one platform account, so two sources on it share one
 * request budget. `identity` is the provider's account secret (its
 * `accountSecret` field), or all of a source's secrets when that one is missing.
 * The secret enters only as a truncated SHA-256 digest: keys show up in logs
 * and tests, secrets must not.
 */
export function accountKey(kind: string, baseUrl: string, identity: string | Readonly<Record<string, string>>): string {
  const text =
    typeof identity === 'string'
      ? identity
      : JSON.stringify(
          Object.keys(identity)
            .sort()
            .map((field) => [field, identity[field]]),
        );
  const digest = createHash('sha256').update(text).digest('hex').slice(0, 16);
  return `${kind} ${normalizeBase(baseUrl)} ${digest}`;
}

function normalizeBase(baseUrl: string): string {
  try {
    const url = new URL(baseUrl);
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  } catch {
    return baseUrl.replace(/\/+$/, '');
  }
}
