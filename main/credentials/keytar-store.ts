import { err, ok, type Result } from '@shared/result';
import {
  SERVICE_NAME,
  accountName,
  parseAccountName,
  type CredentialStore,
  type CredentialStoreError,
} from './credential-store';

type Keytar = typeof import('keytar');

/**
 * The OS keychain (macOS Keychain, Windows Credential Vault, Linux Secret
 * Service) through keytar. keytar is loaded lazily: a missing native build or
 * a missing Secret Service must become a message, not a crash at start-up.
 */
export function createKeytarStore(options: { service?: string; load?: () => Promise<Keytar> } = {}): CredentialStore {
  const service = options.service ?? SERVICE_NAME;
  const load = options.load ?? loadKeytar;
  let keytar: Promise<Result<Keytar, CredentialStoreError>> | undefined;

  function module(): Promise<Result<Keytar, CredentialStoreError>> {
    keytar ??= load().then(
      (loaded) => ok(loaded),
      (cause: unknown) => err(explain(cause, 'load')),
    );
    return keytar;
  }

  async function run<T>(action: (k: Keytar) => Promise<T>): Promise<Result<T, CredentialStoreError>> {
    const loaded = await module();
    if (!loaded.ok) return loaded;
    try {
      return ok(await action(loaded.value));
    } catch (cause) {
      return err(explain(cause, 'use'));
    }
  }

  async function fields(sourceId: string): Promise<Result<readonly string[], CredentialStoreError>> {
    return run(async (k) =>
      (await k.findCredentials(service))
        .map((entry) => parseAccountName(entry.account))
        .filter((entry) => entry?.sourceId === sourceId)
        .map((entry) => entry!.field),
    );
  }

  return {
    kind: 'keychain',
    get: (sourceId, field) => run((k) => k.getPassword(service, accountName(sourceId, field))),
    set: (sourceId, field, value) =>
      run(async (k) => {
        await k.setPassword(service, accountName(sourceId, field), value);
        return true as const;
      }),
    delete: (sourceId, field) => run((k) => k.deletePassword(service, accountName(sourceId, field))),
    fields,
    async deleteSource(sourceId) {
      const listed = await fields(sourceId);
      if (!listed.ok) return listed;
      return run(async (k) => {
        let removed = 0;
        for (const field of listed.value) if (await k.deletePassword(service, accountName(sourceId, field))) removed++;
        return removed;
      });
    },
  };
}

async function loadKeytar(): Promise<Keytar> {
  // keytar is CommonJS: under ESM its functions sit on `default`.
  const loaded = (await import('keytar')) as Keytar & { default?: Keytar };
  return loaded.default ?? loaded;
}

/**
 * keytar's errors are raw libsecret/D-Bus text. Turn the common ones into a
 * cause and a remedy; the raw text is kept short and never holds a secret
 * (keytar does not echo values).
 */
export function explain(cause: unknown, stage: 'load' | 'use'): CredentialStoreError {
  const raw = cause instanceof Error ? cause.message : String(cause);
  if (stage === 'load') {
    return {
      code: 'keychain-unavailable',
      message: `The system keychain module could not be loaded (${clip(raw)}). Reinstall Streamwatch, or keep secrets for this session only.`,
    };
  }
  if (/locked|unlock|dismissed|cancel/i.test(raw)) {
    return {
      code: 'keychain-locked',
      message:
        'The system keychain is locked. Unlock it (log in to your keyring) and try again, or keep secrets for this session only.',
    };
  }
  if (
    /could not connect|dbus|d-bus|secret service|org\.freedesktop\.secrets|autolaunch|no such interface|not provided by any/i.test(
      raw,
    )
  ) {
    return {
      code: 'keychain-unavailable',
      message:
        'No system keychain is available: the Secret Service is not running. Install and start gnome-keyring (or KeePassXC with its Secret Service), or keep secrets for this session only.',
    };
  }
  return { code: 'keychain-failed', message: `The system keychain refused the request (${clip(raw)}).` };
}

function clip(text: string): string {
  const line = text.split('\n')[0] ?? text;
  return line.length > 160 ? `${line.slice(0, 159)}…` : line;
}
