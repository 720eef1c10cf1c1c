import type { FieldSpec } from '@shared/model/source';
import { FieldNotes, notesFor } from './field-notes';

interface Props {
  readonly spec: FieldSpec;
  /** Whether a value is stored (credentials:has); never the value itself. */
  readonly stored: boolean;
  /** Where a stored value lives, as the user should read it. */
  readonly storedWhere: string;
  readonly value: string;
  readonly replacing: boolean;
  readonly error: string | undefined;
  readonly disabled: boolean;
  readonly onChange: (value: string) => void;
  readonly onReplace: (replacing: boolean) => void;
  readonly onClear: () => void;
}

/**
 * A secret field. Write-only: a stored secret is never shown or pre-filled,
 * only said to be there, with a way to replace it and a way to clear it.
 * Typed values are a password input, kept out of autofill.
 */
export function SecretInput(props: Props) {
  const { spec, stored, replacing, error } = props;
  const id = `secret-${spec.key}`;
  const describedBy = notesFor(id, spec.help, error);
  const showInput = !stored || replacing;
  return (
    <div className="form-field secret-field">
      {showInput ? (
        <>
          <label htmlFor={id}>
            {spec.label}
            {spec.required ? <span aria-hidden="true"> *</span> : null}
            {stored ? <span className="muted"> (new value)</span> : null}
          </label>
          <span className="secret-row">
            <input
              id={id}
              type="password"
              autoComplete="new-password"
              spellCheck={false}
              value={props.value}
              disabled={props.disabled}
              aria-invalid={error ? true : undefined}
              aria-describedby={describedBy}
              onChange={(e) => props.onChange(e.target.value)}
            />
            {stored ? (
              <button type="button" onClick={() => props.onReplace(false)}>
                Keep stored
              </button>
            ) : null}
          </span>
        </>
      ) : (
        <>
          <span className="label-text" id={`${id}-label`}>
            {spec.label}
          </span>
          <span className="secret-row" role="group" aria-labelledby={`${id}-label`}>
            <span className="secret-stored">{props.storedWhere}</span>
            <button
              type="button"
              disabled={props.disabled}
              aria-label={`Replace ${spec.label}`}
              onClick={() => props.onReplace(true)}
            >
              Replace
            </button>
            <button type="button" disabled={props.disabled} aria-label={`Clear ${spec.label}`} onClick={props.onClear}>
              Clear
            </button>
          </span>
        </>
      )}
      <FieldNotes id={id} help={spec.help} error={error} />
    </div>
  );
}
