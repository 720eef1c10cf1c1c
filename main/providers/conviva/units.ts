/**
 * Every unit decision for Conviva numbers, in one place. The session body is
 * not publicly documented (see schema.ts), so what each number means is our
 * assumption (see docs/platforms.md); when a real answer shows otherwise, change
 * the table below and nothing else.
 */

export type DurationUnit = 'ms' | 's';
export type BitrateUnit = 'bps' | 'kbps';
export type RatioUnit = 'fraction' | 'percent';

/** ASSUMED: durations in milliseconds, bitrate in bits per second, ratios as 0–1 fractions. */
export const ASSUMED_UNITS = {
  videoStartTime: 'ms',
  playingTime: 'ms',
  rebufferingTime: 'ms',
  averageBitrate: 'bps',
  rebufferingRatio: 'fraction',
} as const satisfies Record<string, DurationUnit | BitrateUnit | RatioUnit>;

/**
 * Epoch seconds and epoch milliseconds cannot be confused by magnitude:
 * 1e11 ms is March 1973 and 1e11 s is the year 5138, so anything below it is seconds.
 */
const SECONDS_BELOW = 1e11;

export function epochMs(value: number | null): number | null {
  if (value === null || !Number.isFinite(value) || value <= 0) return null;
  return Math.round(value < SECONDS_BELOW ? value * 1000 : value);
}

export function durationMs(value: number | null, unit: DurationUnit): number | null {
  if (value === null || !Number.isFinite(value) || value < 0) return null;
  return Math.round(unit === 's' ? value * 1000 : value);
}

/**
 * Kilobits per second for display. A value under 20,000 in an assumed-bps
 * field is taken as kbps already: no video plays at under 20 kbit/s, while
 * 20,000 kbit/s is an ordinary 4K rate.
 */
export function bitrateKbps(value: number | null, unit: BitrateUnit): number | null {
  if (value === null || !Number.isFinite(value) || value <= 0) return null;
  const kbps = unit === 'bps' && value >= 20_000 ? value / 1000 : value;
  return Math.round(kbps);
}

/**
 * A ratio as a 0–1 fraction. A value above 1 cannot be a fraction of time, so
 * it is read as a percentage whatever the assumed unit says.
 */
export function ratioFraction(value: number | null, unit: RatioUnit): number | null {
  if (value === null || !Number.isFinite(value) || value < 0) return null;
  if (unit === 'percent' || value > 1) return Math.min(1, value / 100);
  return value;
}

/** Granularity strings Conviva's real-time API takes (PT10S … PT1M), in ms. */
export const GRANULARITY_MS = { PT10S: 10_000, PT15S: 15_000, PT30S: 30_000, PT1M: 60_000 } as const;
export type Granularity = keyof typeof GRANULARITY_MS;
