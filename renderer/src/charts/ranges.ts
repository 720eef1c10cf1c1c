export interface ChartRange {
  readonly id: string;
  readonly label: string;
  readonly ms: number;
}

export const RANGES: readonly ChartRange[] = [
  { id: '15m', label: '15 min', ms: 15 * 60_000 },
  { id: '1h', label: '1 h', ms: 60 * 60_000 },
  { id: '6h', label: '6 h', ms: 6 * 60 * 60_000 },
  { id: '24h', label: '24 h', ms: 24 * 60 * 60_000 },
];
