import { createHash } from 'node:crypto';
import type { ProviderKind } from '@shared/model/source';

/** The secret that tells one platform account from another. */
export const IDENTIFYING_SECRET: Readonly<Record<ProviderKind, string>> = {
  'naver-vpe': 'projectId',
  'api-video': 'apiKey',
  conviva: 'clientId',
  'zoom-video-sdk': 'apiKey',
};

/**
 * A stable name for one platform account, so two sources on it share one
 * request budget. The secret enters only as a truncated SHA-256 digest: keys
 * show up in logs and tests, secrets must not.
 */
export function accountKey(kind: ProviderKind, baseUrl: string, secrets: Readonly<Record<string, string>>): string {
  const identity =
    secrets[IDENTIFYING_SECRET[kind]] ??
    // A provider that names its secrets differently still gets one budget per set of secrets.
    JSON.stringify(
      Object.keys(secrets)
        .sort()
        .map((field) => [field, secrets[field]]),
    );
  const digest = createHash('sha256').update(identity).digest('hex').slice(0, 16);
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
