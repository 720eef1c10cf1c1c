import type { RuleConfig, RuleId } from './alerts';

/*
 * What a rule's numbers mean, without zod: the renderer's rules form imports
 * this, and a value import of alerts.ts would bring zod's schemas into the
 * page's start-up for three helpers.
 */

/**
 * Which way each rule's number goes bad: `rises` fires above its threshold
 * and resolves below its recovery level; `falls` (viewers at zero) fires at
 * or below its threshold and resolves at or above its recovery level;
 * `state` rules fire on an error and ignore both numbers. `unit` is what
 * the numbers count (shares are 0–1).
 */
export const RULE_MEASURE: Readonly<
  Record<
    RuleId,
    { direction: 'rises' | 'falls' | 'state'; unit: 'none' | 'share' | 'intervals' | 'seconds' | 'viewers' }
  >
> = {
  'source-failing': { direction: 'state', unit: 'none' },
  'auth-failing': { direction: 'state', unit: 'none' },
  'rate-limited': { direction: 'state', unit: 'none' },
  'stale-data': { direction: 'rises', unit: 'intervals' },
  'session-failure-rate': { direction: 'rises', unit: 'share' },
  'viewer-drop': { direction: 'rises', unit: 'share' },
  'rebuffering-share': { direction: 'rises', unit: 'share' },
  'startup-time': { direction: 'rises', unit: 'seconds' },
  'viewers-zero': { direction: 'falls', unit: 'viewers' },
  /** A share of the hour-of-week baseline: fires at or under it. */
  'viewers-below-usual': { direction: 'falls', unit: 'share' },
};

/** "4 %", "0.5 %", "3 s", "1 viewer": a rule's number in the unit a person reads. */
export function ruleNumberText(unit: (typeof RULE_MEASURE)[RuleId]['unit'], value: number): string {
  if (unit === 'share') return `${Math.round(value * 100_000) / 1000} %`;
  if (unit === 'seconds') return `${value} s`;
  if (unit === 'intervals') return `${value} poll intervals`;
  return String(value);
}

/**
 * Why a rule's levels cannot work together, as a sentence, or null. A rule
 * that resolves on the wrong side of where it fires would resolve while the
 * problem is still there (or never resolve), so it is refused.
 */
export function ruleLevelsProblem(ruleId: RuleId, config: Pick<RuleConfig, 'threshold' | 'recovery'>): string | null {
  const { direction, unit } = RULE_MEASURE[ruleId];
  const fires = ruleNumberText(unit, config.threshold);
  const resolves = ruleNumberText(unit, config.recovery);
  if (direction === 'rises' && config.recovery > config.threshold) {
    return `It fires above ${fires}, so it must resolve at or below that, not below ${resolves}.`;
  }
  if (direction === 'falls' && config.recovery <= config.threshold) {
    return `It fires at ${fires} or less, so it must resolve at a number above that, not at ${resolves}.`;
  }
  return null;
}
