import { describe, expect, it } from 'vitest';
import { layeredResolver } from '../../../main/core/layered-resolver';
import type { CredentialStore } from '../../../main/credentials/credential-store';
import { createMemoryStore } from '../../../main/credentials/memory-store';
import { err, ok } from '@shared/result';
import type { SourceConfig } from '@shared/model/source';

const source: SourceConfig = {
  id: 'naver-main',
  provider: 'naver-vpe',
  name: 'NAVER main',
  enabled: true,
  options: {},
};

async function stores() {
  const session = createMemoryStore();
  const keychain = createMemoryStore();
  return { session, keychain };
}

describe('secrets for the app: session memory first, then the keychain', () => {
  it('takes a field kept for this session over the keychain, and the rest from the keychain', async () => {
    const { session, keychain } = await stores();
    await session.set('naver-main', 'apiKey', 'from-session');
    await keychain.set('naver-main', 'apiKey', 'from-keychain');
    await keychain.set('naver-main', 'projectId', 'company');
    const resolve = layeredResolver({ session, keychain, demo: () => null });
    expect(await resolve(source, ['apiKey', 'projectId'])).toEqual(
      ok({ apiKey: 'from-session', projectId: 'company' }),
    );
  });

  it('names the missing field and where to enter it', async () => {
    const { session, keychain } = await stores();
    const result = await layeredResolver({ session, keychain, demo: () => null })(source, ['apiKey']);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatchObject({ kind: 'config' });
    expect(!result.ok && result.error.message).toContain('apiKey');
  });

  it("passes on the keychain's own sentence when the keychain fails", async () => {
    const { session } = await stores();
    const broken: CredentialStore = {
      ...createMemoryStore(),
      get: async () => err({ code: 'keychain-unavailable', message: 'No system keychain is available.' }),
    };
    const result = await layeredResolver({ session, keychain: broken, demo: () => null })(source, ['apiKey']);
    expect(!result.ok && result.error.message).toBe('NAVER main: No system keychain is available.');
  });

  it('asks the demo resolver for demo sources while the demo runs', async () => {
    const { session, keychain } = await stores();
    const demo = async () => ok({ apiKey: 'demo-key' });
    const result = await layeredResolver({ session, keychain, demo: () => demo })({ ...source, id: 'demo-naver-vpe' }, [
      'apiKey',
    ]);
    expect(result).toEqual(ok({ apiKey: 'demo-key' }));
  });
});
