import { z } from 'zod';
import type { Provider } from '../../../main/providers/provider';
import type { ProviderKind } from '@shared/model/source';

/** A stand-in with NAVER's secret fields and a strict option, so config checks need no real provider. */
export const testProvider: Provider<{ device: string }> = {
  kind: 'naver-vpe',
  label: 'NAVER VPE',
  defaultBaseUrl: 'https://ma-dashboard-api.vpe.naverncp.com',
  metric: { label: 'viewers', unit: 'viewers', definition: 'per minute' },
  optionsSchema: z.object({ device: z.enum(['PC', 'Mobile', 'PC,Mobile']).default('PC,Mobile') }),
  fields: [{ key: 'apiKey', label: 'API key', secret: true, kind: 'text', required: true }],
  secretFields: ['apiKey', 'projectId'],
  connect: () => ({ endpoints: [], testConnection: async () => ({ ok: true, value: 'fine' }) }),
};

export const lookupTestProvider = (kind: ProviderKind) =>
  kind === 'naver-vpe' ? (testProvider as Provider<unknown>) : undefined;
