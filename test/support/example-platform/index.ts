import { z } from 'zod';
import { err, ok } from '@shared/result';
import type { Provider } from '../../../main/providers/provider';
import { exampleBudget } from './budget';
import { createExampleClient, LABEL, unreadableDate } from './client';
import { toViewerPoint } from './to-model';

/**
 * A small platform that exists only in tests: it proves that a new platform is
 * one folder plus one registry entry, as docs/adding-a-platform.md walks through.
 */
export const exampleProvider: Provider<{ readonly intervalSeconds: number }> = {
  kind: 'example-tv',
  label: LABEL,
  defaultBaseUrl: 'https://api.example-tv.invalid',
  metric: { label: 'Watching now', unit: 'viewers', definition: 'Example TV: players open right now.' },
  optionsSchema: z.object({ intervalSeconds: z.coerce.number().int().min(1).max(600).default(60) }),
  fields: [{ key: 'apiKey', label: 'API key', secret: true, kind: 'text', required: true }],
  secretFields: ['apiKey'],
  accountSecret: 'apiKey',
  requestBudget: exampleBudget,
  connect(source, deps) {
    const client = createExampleClient(deps.http, source.baseUrl, source.secrets.apiKey ?? '');
    return {
      endpoints: [
        {
          name: 'viewers',
          intervalMs: source.options.intervalSeconds * 1000,
          async poll(signal) {
            const answer = await client.audienceNow(signal);
            if (!answer.ok) return answer;
            const point = toViewerPoint(answer.value);
            return point ? ok({ viewers: [point] }) : err(unreadableDate());
          },
        },
      ],
      async testConnection(signal) {
        const answer = await client.audienceNow(signal);
        return answer.ok ? ok(`${answer.value.watching} watching now`) : answer;
      },
    };
  },
};
