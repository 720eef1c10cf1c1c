import { FieldNotes, notesFor } from './field-notes';

interface Props {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly error: string | undefined;
  readonly help?: string;
  readonly placeholder?: string;
  readonly disabled?: boolean;
  readonly required?: boolean;
  readonly onChange: (value: string) => void;
}

/** A labelled text input with its help and error beside it (name, id, base URL). */
export function TextField({ id, label, value, error, help, placeholder, disabled, required, onChange }: Props) {
  const describedBy = notesFor(id, help, error);
  return (
    <div className="form-field">
      <label htmlFor={id}>
        {label}
        {required ? <span aria-hidden="true"> *</span> : null}
      </label>
      <input
        id={id}
        type="text"
        value={value}
        placeholder={placeholder}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.target.value)}
      />
      <FieldNotes id={id} help={help} error={error} />
    </div>
  );
}
