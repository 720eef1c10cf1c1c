import type { FieldSpec } from '@shared/model/source';
import { FieldNotes, notesFor } from './field-notes';
import type { FieldValue } from './form-model';

interface Props {
  readonly spec: FieldSpec;
  readonly value: FieldValue;
  readonly error: string | undefined;
  readonly disabled: boolean;
  readonly onChange: (value: FieldValue) => void;
}

/** One non-secret option, drawn from its FieldSpec, with its help and its error beside it. */
export function FieldInput({ spec, value, error, disabled, onChange }: Props) {
  const id = `option-${spec.key}`;
  // A list is typed one entry per line, whether or not the provider wrote help for it.
  const help = [spec.help, spec.kind === 'list' ? 'One per line.' : ''].filter(Boolean).join(' ') || undefined;
  const describedBy = notesFor(id, help, error);
  const common = { id, disabled, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy } as const;
  let input;
  switch (spec.kind) {
    case 'boolean':
      input = (
        <input {...common} type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked)} />
      );
      break;
    case 'select':
      input = (
        <select {...common} value={String(value)} onChange={(e) => onChange(e.target.value)}>
          {spec.required ? null : <option value="">(default)</option>}
          {(spec.choices ?? []).map((choice) => (
            <option key={choice} value={choice}>
              {choice}
            </option>
          ))}
        </select>
      );
      break;
    case 'list':
      input = <textarea {...common} rows={3} value={String(value)} onChange={(e) => onChange(e.target.value)} />;
      break;
    case 'number':
      input = (
        <input
          {...common}
          type="text"
          inputMode="numeric"
          value={String(value)}
          onChange={(e) => onChange(e.target.value)}
        />
      );
      break;
    case 'text':
      input = <input {...common} type="text" value={String(value)} onChange={(e) => onChange(e.target.value)} />;
      break;
  }
  return (
    <div className={`form-field${spec.kind === 'boolean' ? ' form-field-check' : ''}`}>
      <label htmlFor={id}>
        {spec.label}
        {spec.required ? <span aria-hidden="true"> *</span> : null}
      </label>
      {input}
      <FieldNotes id={id} help={help} error={error} />
    </div>
  );
}
