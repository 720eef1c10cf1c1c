import type { ReactNode } from 'react';

interface Props {
  readonly label: string;
  readonly value: ReactNode;
  /** What the number means, shown on hover. */
  readonly definition: string;
}

export function Stat({ label, value, definition }: Props) {
  return (
    <div className="stat" title={definition}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
