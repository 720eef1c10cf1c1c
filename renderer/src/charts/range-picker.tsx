import { RANGES } from './ranges';

interface Props {
  readonly value: string;
  readonly onChange: (id: string) => void;
}

export function RangePicker({ value, onChange }: Props) {
  return (
    <div className="segmented" role="radiogroup" aria-label="Time range">
      {RANGES.map((range) => (
        <button
          key={range.id}
          type="button"
          role="radio"
          aria-checked={range.id === value}
          className={range.id === value ? 'is-selected' : ''}
          onClick={() => onChange(range.id)}
        >
          {range.label}
        </button>
      ))}
    </div>
  );
}
