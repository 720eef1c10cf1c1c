import { describe, expect, it } from 'vitest';
import { ruleConfigSchemaFor } from '@shared/model/alerts';
import { ruleLevelsProblem } from '@shared/model/rule-levels';
import { mergeRules } from '../../../../main/core/alerts-service';
import { DEFAULT_RULES } from '../../../../main/engine/alerts/default-rules';

describe('rule levels', () => {
  it('refuses a rising rule that resolves above where it fires, with a sentence', () => {
    const problem = ruleLevelsProblem('rebuffering-share', { threshold: 0.04, recovery: 0.05 });
    expect(problem).toBe('It fires above 4 %, so it must resolve at or below that, not below 5 %.');
    const parsed = ruleConfigSchemaFor('rebuffering-share').safeParse({
      ...DEFAULT_RULES['rebuffering-share'],
      threshold: 0.04,
      recovery: 0.05,
    });
    expect(parsed.success).toBe(false);
  });

  it('refuses viewers at zero resolving at or below where it fires', () => {
    expect(ruleLevelsProblem('viewers-zero', { threshold: 0, recovery: 1 })).toBeNull();
    expect(ruleLevelsProblem('viewers-zero', { threshold: 2, recovery: 1 })).toMatch(/fires at 2 or less/);
  });

  it('accepts every default and ignores the numbers of state rules', () => {
    for (const [id, config] of Object.entries(DEFAULT_RULES)) {
      expect(ruleConfigSchemaFor(id as keyof typeof DEFAULT_RULES).safeParse(config).success, id).toBe(true);
    }
    expect(ruleLevelsProblem('source-failing', { threshold: 1, recovery: 9 })).toBeNull();
  });

  it('main drops a stored override with inverted levels and keeps the default', () => {
    const rules = mergeRules({ 'startup-time': { threshold: 3, recovery: 5 } });
    expect(rules['startup-time']).toEqual(DEFAULT_RULES['startup-time']);
  });
});

describe('main refuses inverted levels', () => {
  it('answers setRule with the sentence and keeps the rule as it was', async () => {
    const { createAlertsService } = await import('../../../../main/core/alerts-service');
    const empty = { sources: [], series: [], sessions: [] };
    const service = createAlertsService({
      hub: { snapshot: () => empty } as never,
      clock: { now: () => 1_000_000 } as never,
      sink: { notify: () => undefined } as never,
      prefs: () => ({}) as never,
      overrides: () => ({}),
    });
    const refused = await service.setRule('rebuffering-share', { threshold: 0.04, recovery: 0.05 });
    expect(refused.ok).toBe(false);
    if (!refused.ok)
      expect(refused.error.message).toBe('It fires above 4 %, so it must resolve at or below that, not below 5 %.');
    expect(service.rules()['rebuffering-share']).toEqual(DEFAULT_RULES['rebuffering-share']);
    const accepted = await service.setRule('rebuffering-share', { threshold: 0.06 });
    expect(accepted.ok).toBe(true);
  });
});
