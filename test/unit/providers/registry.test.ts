import { describe, expect, it } from 'vitest';
import { providerFor, providerKinds } from '../../../main/providers/registry';
import { ProviderKindSchema } from '@shared/model/source';
import { BUILT_IN_PLATFORMS } from '../../support/platforms';

describe('the provider registry', () => {
  it('is the list of platforms, and the fixtures know the same ones', () => {
    expect([...providerKinds].sort()).toEqual([...BUILT_IN_PLATFORMS].sort());
  });

  it('finds each provider by its own kind, and nothing for other names', () => {
    for (const kind of providerKinds) expect(providerFor(kind)?.kind).toBe(kind);
    expect(providerFor('toString')).toBeUndefined();
    expect(providerFor('no-such-platform')).toBeUndefined();
  });

  it('declares, for each platform, a well-formed name, an account secret among its secrets and a budget', () => {
    for (const kind of providerKinds) {
      const provider = providerFor(kind)!;
      expect(ProviderKindSchema.safeParse(kind).success).toBe(true);
      expect(provider.secretFields).toContain(provider.accountSecret);
      const policy = provider.requestBudget(provider.defaultBaseUrl, provider.optionsSchema.parse({}));
      expect(policy.account.minTimeMs).toBeGreaterThanOrEqual(0);
    }
  });
});
