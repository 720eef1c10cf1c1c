interface Props {
  readonly label: string;
  readonly value: string | null;
  readonly options: ReadonlyArray<readonly [string, string]>;
  readonly onChange: (value: string | null) => void;
  /** The text of the "no filter" choice. */
  readonly anyLabel?: string;
}

/** A labelled filter select whose first choice means "no filter" (null). */
export function Choice({ label, value, options, onChange, anyLabel = 'All' }: Props) {
  return (
    <label className="field">
      <span>{label}</span>
      <select value={value ?? ''} onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}>
        <option value="">{anyLabel}</option>
        {options.map(([optionValue, text]) => (
          <option key={optionValue} value={optionValue}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}
