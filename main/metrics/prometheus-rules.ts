import type { RuleConfig, RuleId, Rules } from '@shared/model/alerts';

/**
 * The app's alert rules as Prometheus alerting rules, over the metrics
 * /metrics serves: the same thresholds, windows, minimum session counts,
 * severities and pending times. Prometheus resolves an alert as soon as its
 * expression is false, so the app's separate recovery levels have no
 * counterpart here. docs/team/prometheus/streamwatch-rules.yml is this
 * function's output for the default rules; a test keeps the two equal.
 */
export interface PromRule {
  readonly alert: string;
  readonly expr: string;
  readonly for: string;
  readonly severity: RuleConfig['severity'];
  readonly rule: RuleId;
  readonly summary: string;
}

const per = 'on(source, provider)';

const build: Record<RuleId, (r: RuleConfig) => Omit<PromRule, 'for' | 'severity' | 'rule'>> = {
  'source-failing': () => ({
    alert: 'StreamwatchSourceFailing',
    expr: 'max by (source, provider) (streamwatch_source_error{kind!~"auth|rate-limited"}) == 1',
    summary: '{{ $labels.source }} ({{ $labels.provider }}): the platform API is failing.',
  }),
  'auth-failing': () => ({
    alert: 'StreamwatchAuthFailing',
    expr: 'max by (source, provider) (streamwatch_source_error{kind="auth"}) == 1',
    summary: '{{ $labels.source }} ({{ $labels.provider }}): the platform refuses the credentials.',
  }),
  'rate-limited': () => ({
    alert: 'StreamwatchRateLimited',
    expr: 'streamwatch_source_rate_limited == 1',
    summary: '{{ $labels.source }} ({{ $labels.provider }}): the platform rate limit is reached.',
  }),
  'stale-data': (r) => ({
    alert: 'StreamwatchStaleData',
    expr: `(time() - streamwatch_source_last_success_timestamp_seconds) / ${per} streamwatch_source_poll_interval_seconds > ${r.threshold} unless ${per} streamwatch_source_paused == 1`,
    summary: `{{ $labels.source }} ({{ $labels.provider }}): no fresh data for more than ${r.threshold} poll intervals.`,
  }),
  'session-failure-rate': (r) => ({
    alert: 'StreamwatchSessionFailureRate',
    expr: `increase(streamwatch_session_failures_total[${r.windowMinutes}m]) / ${per} increase(streamwatch_sessions_started_total[${r.windowMinutes}m]) > ${r.threshold} and ${per} increase(streamwatch_sessions_started_total[${r.windowMinutes}m]) >= ${r.minSessions}`,
    summary: `{{ $labels.source }}: more than ${r.threshold * 100}% of sessions failed in ${r.windowMinutes} min.`,
  }),
  'viewer-drop': (r) => ({
    alert: 'StreamwatchViewerDrop',
    // Fewer than 10 before is noise, not an outage (the app skips it the same way).
    expr: `(streamwatch_viewers offset ${r.windowMinutes}m - streamwatch_viewers) / streamwatch_viewers offset ${r.windowMinutes}m > ${r.threshold} and streamwatch_viewers offset ${r.windowMinutes}m >= 10`,
    summary: `{{ $labels.source }}: viewers fell more than ${r.threshold * 100}% in ${r.windowMinutes} min.`,
  }),
  'viewers-zero': (r) => ({
    alert: 'StreamwatchViewersZero',
    expr: `streamwatch_viewers <= ${r.threshold} and max_over_time(streamwatch_viewers[${r.windowMinutes}m]) > 0`,
    summary: `{{ $labels.source }}: viewers at zero after a non-zero figure in the last ${r.windowMinutes} min; is the stream down?`,
  }),
  'viewers-below-usual': (r) => ({
    alert: 'StreamwatchViewersBelowUsual',
    // Usual: the same moment in each of the last three weeks (no answer until all three exist, as in the app).
    expr: `streamwatch_viewers < ${r.threshold} * (streamwatch_viewers offset 1w + streamwatch_viewers offset 2w + streamwatch_viewers offset 3w) / 3`,
    summary: `{{ $labels.source }}: viewers under ${r.threshold * 100}% of the usual for this hour of the week.`,
  }),
  'rebuffering-share': (r) => ({
    alert: 'StreamwatchRebuffering',
    expr: `streamwatch_rebuffering_ratio > ${r.threshold} and ${per} increase(streamwatch_sessions_started_total[${r.windowMinutes}m]) >= ${r.minSessions}`,
    summary: `{{ $labels.source }}: rebuffering above ${r.threshold * 100}% of viewing time.`,
  }),
  'startup-time': (r) => ({
    alert: 'StreamwatchSlowStartup',
    expr: `histogram_quantile(0.5, sum by (source, provider, le) (rate(streamwatch_session_startup_seconds_bucket[${r.windowMinutes}m]))) > ${r.threshold} and ${per} increase(streamwatch_session_startup_seconds_count[${r.windowMinutes}m]) >= ${r.minSessions}`,
    summary: `{{ $labels.source }}: median startup time above ${r.threshold} s.`,
  }),
};

export function prometheusRules(rules: Rules): PromRule[] {
  return (Object.keys(build) as RuleId[])
    .filter((id) => rules[id].enabled)
    .map((id) => ({
      ...build[id](rules[id]),
      for: `${rules[id].pendingSeconds}s`,
      severity: rules[id].severity,
      rule: id,
    }));
}

/** YAML for `rule_files:`. */
export function rulesYaml(rules: Rules): string {
  // Single-quoted like the repo's formatter writes YAML, so formatting never changes the file.
  const q = (s: string) => (s.includes("'") ? JSON.stringify(s) : `'${s}'`);
  const lines = [
    "# Generated from the app's default alert rules; a test keeps it equal to them.",
    'groups:',
    '  - name: streamwatch',
    '    rules:',
  ];
  for (const r of prometheusRules(rules)) {
    lines.push(
      `      - alert: ${r.alert}`,
      `        expr: ${q(r.expr)}`,
      `        for: ${r.for}`,
      '        labels:',
      `          severity: ${r.severity}`,
      `          rule: ${r.rule}`,
      '        annotations:',
      `          summary: ${q(r.summary)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
