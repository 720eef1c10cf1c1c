import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from '../../../main/engine/alerts/default-rules';
import { prometheusRules, rulesYaml } from '../../../main/metrics/prometheus-rules';
import { promtool, skipReason } from '../../support/prometheus';

/** docs/team/prometheus: the rules the team loads into Prometheus are the app's defaults, and they work. */
const DIR = join(__dirname, '../../../docs/team/prometheus');
const RULES = join(DIR, 'streamwatch-rules.yml');
const RULE_TESTS = join(DIR, 'streamwatch-rules.test.yml');

describe('Prometheus alert rules in docs/team', () => {
  it('equal the app default rules (regenerate with rulesYaml(DEFAULT_RULES) when those change)', () => {
    expect(readFileSync(RULES, 'utf8')).toBe(rulesYaml(DEFAULT_RULES));
  });

  it('have one alert per default rule with its severity and pending time', () => {
    const rules = prometheusRules(DEFAULT_RULES);
    expect(rules.map((r) => r.rule).sort()).toEqual(Object.keys(DEFAULT_RULES).sort());
    for (const r of rules) {
      expect(r.severity).toBe(DEFAULT_RULES[r.rule].severity);
      expect(r.for).toBe(`${DEFAULT_RULES[r.rule].pendingSeconds}s`);
    }
  });

  const missing = skipReason('promtool');

  it.skipIf(missing !== null)('pass promtool check rules', () => {
    const { code, output } = promtool(['check', 'rules', RULES]);
    expect(output).toContain(`SUCCESS: ${Object.keys(DEFAULT_RULES).length} rules found`);
    expect(code).toBe(0);
  });

  it.skipIf(missing !== null)('pass their promtool unit tests', () => {
    const { code, output } = promtool(['test', 'rules', RULE_TESTS]);
    expect(output).toContain('SUCCESS');
    expect(code).toBe(0);
  });

  it.skipIf(missing !== null)('whose unit tests fail when a threshold drifts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sw-rules-'));
    try {
      const drifted = { ...DEFAULT_RULES, 'viewer-drop': { ...DEFAULT_RULES['viewer-drop'], threshold: 0.9 } };
      writeFileSync(join(dir, 'streamwatch-rules.yml'), rulesYaml(drifted));
      copyFileSync(RULE_TESTS, join(dir, 'streamwatch-rules.test.yml'));
      const { code, output } = promtool(['test', 'rules', join(dir, 'streamwatch-rules.test.yml')]);
      expect(output).toContain('StreamwatchViewerDrop');
      expect(code).not.toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
