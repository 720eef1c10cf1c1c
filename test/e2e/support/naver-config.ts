import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startNaverSim, type RunningNaverSim } from '../../../main/demo/naver-vpe/sim';

/**
 * A NAVER simulator started by the test, and a headless config file with two
 * sources against it: one with the right key, one with a wrong key (NAVER
 * refuses it inside an HTTP 200, which the dashboard must still show as a failure).
 */
export interface NaverFixture {
  readonly sim: RunningNaverSim;
  readonly configFile: string;
  /** The environment the headless server needs: the variables the config names. */
  readonly env: Record<string, string>;
  close(): Promise<void>;
}

export const GOOD_SOURCE = { id: 'naver-main', name: 'NAVER main' } as const;
export const BAD_SOURCE = { id: 'naver-old-key', name: 'NAVER old key' } as const;

export async function startNaverWithConfig(): Promise<NaverFixture> {
  const sim = await startNaverSim({ now: Date.now });
  const dir = await mkdtemp(join(tmpdir(), 'sw-e2e-'));
  const configFile = join(dir, 'sources.json');
  const secrets = (prefix: string) => ({
    apiKey: { env: `${prefix}_API_KEY` },
    projectId: { env: `${prefix}_PROJECT_ID` },
  });
  const config = {
    sources: [
      { ...GOOD_SOURCE, provider: 'naver-vpe', baseUrl: sim.url, secrets: secrets('SW_E2E_GOOD') },
      { ...BAD_SOURCE, provider: 'naver-vpe', baseUrl: sim.url, secrets: secrets('SW_E2E_BAD') },
    ],
  };
  await writeFile(configFile, JSON.stringify(config, null, 2));
  return {
    sim,
    configFile,
    env: {
      SW_E2E_GOOD_API_KEY: sim.apiKey,
      SW_E2E_GOOD_PROJECT_ID: sim.projectId,
      SW_E2E_BAD_API_KEY: 'revoked-key',
      SW_E2E_BAD_PROJECT_ID: sim.projectId,
    },
    async close() {
      await sim.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
