import type { RuleConfig, RuleId } from '@shared/model/alerts';

/**
 * What each built-in rule's numbers mean, so the editor can show them in the
 * unit a person thinks in (10 %, 4 s) while main keeps its own (0.1, 4).
 * `none`: the rule fires on a state (an API error), its threshold is unused.
 */
export type ThresholdUnit = 'none' | 'share' | 'intervals' | 'seconds' | 'viewers';

export interface RuleMeta {
  readonly label: string;
  readonly description: string;
  readonly unit: ThresholdUnit;
  /** Whether windowMinutes matters. */
  readonly windowed: boolean;
  /** Whether minSessions matters. */
  readonly sessions: boolean;
}

export const RULE_META: Readonly<Record<RuleId, RuleMeta>> = {
  'source-failing': {
    label: 'API failing',
    description: "A source's API answers with an error (other than refused credentials or a rate limit).",
    unit: 'none',
    windowed: false,
    sessions: false,
  },
  'auth-failing': {
    label: 'Credentials refused',
    description: 'The platform refuses the key or token; polling stops until the credentials change.',
    unit: 'none',
    windowed: false,
    sessions: false,
  },
  'stale-data': {
    label: 'No fresh data',
    description: 'No successful poll for longer than this many poll intervals.',
    unit: 'intervals',
    windowed: false,
    sessions: false,
  },
  'session-failure-rate': {
    label: 'Session failures',
    description: 'Share of the sessions in the window that failed.',
    unit: 'share',
    windowed: true,
    sessions: true,
  },
  'viewer-drop': {
    label: 'Viewer drop',
    description: 'Viewers fell by this share against the start of the window.',
    unit: 'share',
    windowed: true,
    sessions: false,
  },
  'viewers-zero': {
    label: 'Viewers at zero',
    description: 'A source that had viewers in the window has none (a live stream went down).',
    unit: 'viewers',
    windowed: true,
    sessions: false,
  },
  'viewers-below-usual': {
    label: 'Viewers far below usual',
    description:
      'Viewers at or under this share of the usual figure for this hour of the week (the median of the last eight weeks). Silent until history holds three weeks at that hour.',
    unit: 'share',
    windowed: false,
    sessions: false,
  },
  'rebuffering-share': {
    label: 'Rebuffering',
    description: 'Time rebuffering over time playing or rebuffering, in the window.',
    unit: 'share',
    windowed: true,
    sessions: true,
  },
  'startup-time': {
    label: 'Slow startup',
    description: 'Median time from play to the first frame, in the window.',
    unit: 'seconds',
    windowed: true,
    sessions: true,
  },
  'rate-limited': {
    label: 'Rate limit reached',
    description: "A platform's request limit was reached (per minute or daily).",
    unit: 'none',
    windowed: false,
    sessions: false,
  },
};

export const UNIT_SUFFIX: Readonly<Record<ThresholdUnit, string>> = {
  none: '',
  share: '%',
  intervals: 'intervals',
  seconds: 's',
  viewers: 'viewers',
};

/** Main's value as the editor shows it: shares as percentages, rounded to what a person types. */
export function toDisplay(unit: ThresholdUnit, value: number): string {
  const shown = unit === 'share' ? value * 100 : value;
  return String(Math.round(shown * 1000) / 1000);
}

/** The editor's text back to main's value; null when it is not a number a rule can use. */
export function fromDisplay(unit: ThresholdUnit, text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const value = Number(trimmed.replace(',', '.'));
  if (!Number.isFinite(value) || value < 0) return null;
  if (unit === 'share') return value > 100 ? null : value / 100;
  return value;
}

/** Sources a rule is switched off for, toggled for one source. */
export function toggleSource(config: Pick<RuleConfig, 'disabledSources'>, sourceId: string, on: boolean): string[] {
  const rest = config.disabledSources.filter((id) => id !== sourceId);
  return on ? rest : [...rest, sourceId];
}
