import type { SettingsView } from '@shared/ipc/contract';

interface Props {
  readonly keychain: SettingsView['keychain'];
  readonly sessionOnly: boolean;
  readonly error: string | undefined;
  readonly onChange: (sessionOnly: boolean) => void;
}

/**
 * Where secrets go. With a working keychain there is nothing to choose. Without
 * one, nothing is ever written in plain text: the user may keep the secrets
 * in memory for this session, and must choose that knowingly.
 */
export function StorageChoice({ keychain, sessionOnly, error, onChange }: Props) {
  if (keychain.available) {
    return <p className="field-help">Secrets are stored in the system keychain, never in the settings file.</p>;
  }
  return (
    <div className="storage-choice" role="group" aria-labelledby="storage-heading">
      <p id="storage-heading" className="banner banner-warn storage-warning">
        {keychain.message ?? 'The system keychain is not available.'} Until it is, nothing is written to disk in plain
        text.
      </p>
      <label className="field-check">
        <input
          type="checkbox"
          checked={sessionOnly}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'storage-error' : undefined}
          onChange={(e) => onChange(e.target.checked)}
        />
        <span>
          <strong>Keep for this session only</strong> — the secrets stay in memory and are forgotten when Streamwatch
          quits.
        </span>
      </label>
      {error ? (
        <p id="storage-error" className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
