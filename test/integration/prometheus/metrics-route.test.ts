import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../../main/headless/serve';
import { createCollectorMetrics } from '../../../main/metrics/collector-metrics';
import { sameSecret, tokensGuard, type TokenStore } from '../../../main/metrics/metrics-access';
import { startMetricsServer } from '../../support/metrics-server';
import { NOW, metricsHub } from '../../support/metrics-hub';

/** /metrics on the headless server, over real HTTP: open while no token exists, closed once one does. */
const TOKEN = 'sw_team_token_0123456789';
let server: RunningServer | null = null;
let root = '';

async function serve(store: TokenStore | null): Promise<RunningServer> {
  root = await mkdtemp(join(tmpdir(), 'sw-route-'));
  await writeFile(join(root, 'index.html'), '<!doctype html><title>x</title>');
  const hub = metricsHub();
  const metrics = createCollectorMetrics({
    hub,
    now: () => NOW,
    version: '0.1.0',
    viewerMetrics: [],
    processMetrics: false,
  });
  server = await startMetricsServer({ hub, metrics, guard: tokensGuard(store), rendererRoot: root });
  return server;
}

afterEach(async () => {
  await server?.close();
  server = null;
  await rm(root, { recursive: true, force: true });
});

const tokens: TokenStore = { hasAny: () => true, accepts: (t) => sameSecret(t, TOKEN) };

describe('GET /metrics on the headless server', () => {
  it('is open while no token store exists (today: single-user, loopback only)', async () => {
    const s = await serve(null);
    const answer = await fetch(`${s.url}metrics`);
    expect(answer.status).toBe(200);
    expect(await answer.text()).toContain('streamwatch_viewers{source="main-live",provider="conviva"} 1234');
  });

  it('needs a token once tokens exist, and never echoes it', async () => {
    const s = await serve(tokens);
    const without = await fetch(`${s.url}metrics`);
    expect(without.status).toBe(401);
    expect(without.headers.get('www-authenticate')).toBe('Bearer');
    const wrong = await fetch(`${s.url}metrics`, { headers: { authorization: 'Bearer guess-123' } });
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).not.toContain('guess-123');
    const right = await fetch(`${s.url}metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(right.status).toBe(200);
    expect(await right.text()).not.toContain(TOKEN);
  });

  it('refuses other methods', async () => {
    const s = await serve(null);
    expect((await fetch(`${s.url}metrics`, { method: 'POST' })).status).toBe(405);
  });
});
