import { describe, expect, it } from 'vitest';
import type { SourceState } from '@shared/model/state';
import { createErrorMemory, diagnosticsReport, scrubSecrets } from '../../../main/app/diagnostics';

const T0 = Date.parse('2026-03-01T08:00:00.000Z');

const SECRETS = {
  apiKey: 'nv-api-9f8e7d6c5b4a39281706f5e4d3c2b1a0',
  password: 'hunter2-correct-horse',
  bearer: 'zoomTokenQ1w2E3r4',
  jwt: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJzdyJ9.c2lnbmF0dXJl',
  query: 'conviva-secret-77',
};

function source(id: string, health: SourceState['health'], lastOkAt: number | null = T0 - 60_000): SourceState {
  return {
    id,
    name: `NAVER ${id}`,
    provider: 'naver-vpe',
    providerLabel: 'NAVER VPE',
    metric: { label: 'Concurrent viewers', unit: 'viewers', definition: 'Players open now' },
    demo: false,
    health,
    lastOkAt,
    intervalMs: 60_000,
    reportingDelayMs: 0,
    notes: [],
    rateLimit: null,
  };
}

describe('Copy diagnostics', () => {
  // Error sentences are written without secrets, but a platform may echo one back; plant every shape.
  const planted = [
    `Could not reach https://ops:${SECRETS.password}@api.example.com/v1?apiKey=${SECRETS.query}.`,
    `The platform answered 401: {"x-ncp-apigw-api-key": "${SECRETS.apiKey}"}`,
    `Rejected header Authorization: Bearer ${SECRETS.bearer}`,
    `The token ${SECRETS.jwt} has expired.`,
    `api_key=${SECRETS.apiKey}; retry later`,
  ];

  function report() {
    const memory = createErrorMemory();
    const failing = planted.map((message, i) =>
      source('main', { status: 'error', error: { kind: 'auth', message, status: 401 }, since: T0 + i * 1000 }),
    );
    for (const state of failing) {
      memory.observe(state);
      memory.observe(state); // the same failure on the next poll is not a new error
    }
    return diagnosticsReport({
      versions: { Streamwatch: '0.1.0', Electron: '45.4.1', Chrome: '142.0', Node: '22.20.0', V8: undefined },
      os: { platform: 'linux', release: '6.8.0', arch: 'x64' },
      generatedAt: T0 + 10_000,
      demo: false,
      sources: [failing.at(-1)!, source('spare', { status: 'ok' })],
      recentErrors: memory.recent,
      logFolder: '/home/op/.config/Streamwatch/logs',
      updates: 'on, none waiting',
    });
  }

  it('has versions, OS, each source with its health and its recent errors', () => {
    const text = report();
    expect(text).toContain('Streamwatch: 0.1.0\nElectron: 45.4.1\nChrome: 142.0\nNode: 22.20.0\n');
    expect(text).not.toContain('V8');
    expect(text).toContain('OS: linux 6.8.0 (x64)');
    expect(text).toContain('Sources (2):');
    expect(text).toMatch(/- NAVER main \[NAVER VPE\]: error \(auth, HTTP 401\)/);
    expect(text).toContain('- NAVER spare [NAVER VPE]: ok');
    expect(text).toContain('Logs: /home/op/.config/Streamwatch/logs');
    // Five distinct errors, each once, oldest first.
    const errorLines = text.split('\n').filter((line) => /^ {2}2026-.* auth: /.test(line));
    expect(errorLines).toHaveLength(5);
    expect(errorLines[0]).toContain(
      '2026-03-01T08:00:00.000Z auth: Could not reach https://[redacted]@api.example.com',
    );
  });

  it('contains none of the planted secrets', () => {
    const text = report();
    for (const [name, secret] of Object.entries(SECRETS)) expect(text, name).not.toContain(secret);
    expect(text).toContain('[redacted]');
  });

  it('leaves ordinary sentences alone', () => {
    const sentence = 'api.video did not answer within 15 s (HTTP 503, retry at 08:05).';
    expect(scrubSecrets(sentence)).toBe(sentence);
  });
});
