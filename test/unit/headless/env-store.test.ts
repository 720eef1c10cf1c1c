import { describe, expect, it } from 'vitest';
import { envPresence, envResolver } from '../../../main/credentials/env-store';
import type { SourceConfig } from '@shared/model/source';

const source = (id: string, name: string): SourceConfig => ({
  id,
  name,
  provider: 'naver-vpe',
  enabled: true,
  options: {},
});
const bindings = {
  main: { apiKey: 'NAVER_API_KEY', projectId: 'NAVER_PROJECT_ID' },
  spare: { apiKey: 'SPARE_KEY', projectId: 'SPARE_PROJECT' },
};

describe('environment credential resolver', () => {
  it('reads each secret from the variable the config names', async () => {
    const resolve = envResolver(bindings, { NAVER_API_KEY: 'k-secret', NAVER_PROJECT_ID: 'p-secret' });
    expect(await resolve(source('main', 'NAVER main'), ['apiKey', 'projectId'])).toEqual({
      ok: true,
      value: { apiKey: 'k-secret', projectId: 'p-secret' },
    });
  });

  it('names an unset variable and its secret, for that source only', async () => {
    const env = { NAVER_PROJECT_ID: 'p-secret', SPARE_KEY: 'k2', SPARE_PROJECT: 'p2' };
    const resolve = envResolver(bindings, env);
    expect(await resolve(source('main', 'NAVER main'), ['apiKey', 'projectId'])).toEqual({
      ok: false,
      error: { kind: 'config', message: 'NAVER main: environment variable NAVER_API_KEY is not set (secret apiKey).' },
    });
    expect((await resolve(source('spare', 'Spare'), ['apiKey', 'projectId'])).ok).toBe(true);
  });

  it('treats an empty variable as unset and lists every missing one, without any value', async () => {
    const result = await envResolver(bindings, { NAVER_API_KEY: '', NAVER_PROJECT_ID: undefined })(
      source('main', 'NAVER main'),
      ['apiKey', 'projectId'],
    );
    expect(!result.ok && result.error.message).toBe(
      'NAVER main: environment variables NAVER_API_KEY (secret apiKey), NAVER_PROJECT_ID (secret projectId) are not set.',
    );
  });

  it('says when the config names no variable for a secret', async () => {
    const result = await envResolver({}, {})(source('other', 'Other'), ['apiKey']);
    expect(!result.ok && result.error).toMatchObject({
      kind: 'config',
      message: expect.stringContaining('names no environment variable for apiKey'),
    });
  });

  it('reports presence, never values', () => {
    expect(envPresence(bindings, 'main', { NAVER_API_KEY: 'k-secret' })).toEqual({ apiKey: true, projectId: false });
  });
});
