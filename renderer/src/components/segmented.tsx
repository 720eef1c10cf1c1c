import { memo, type ReactElement } from 'react';

interface Props<Id extends string> {
  /** What the choice is about, for screen readers ("Time range"). */
  readonly label: string;
  readonly options: ReadonlyArray<{ readonly id: Id; readonly label: string }>;
  readonly value: Id;
  readonly onChange: (id: Id) => void;
}

/**
 * A row of buttons of which one is chosen: a radio group to assistive technology.
 * Memoised (its callers pass constant options and a state setter), so a data update skips it.
 */
export const Segmented = memo(function Segmented<Id extends string>({ label, options, value, onChange }: Props<Id>) {
  return (
    <div className="segmented" role="radiogroup" aria-label={label}>
      {options.map((option) => (
        <button
          key={option.id}
          type="button"
          role="radio"
          aria-checked={option.id === value}
          className={option.id === value ? 'is-selected' : ''}
          onClick={() => onChange(option.id)}
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}) as <Id extends string>(props: Props<Id>) => ReactElement;
