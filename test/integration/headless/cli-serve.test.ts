import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { WS_PATH } from '@shared/ipc/ws-protocol';
import { startHeadlessServer, type HeadlessServer } from '../../e2e/support/headless-server';
import { ROOT } from './run-cli';

/** `headless --demo --serve` as a process: the bridge as a foreign page and as our own page would meet it. */
const built = existsSync(join(ROOT, 'out/renderer/index.html'));
if (!built) console.warn('skipped: out/renderer is not built (run `npm run build`); `npm test` builds it first.');

describe.skipIf(!built)('headless --demo --serve', () => {
  let server: HeadlessServer;
  beforeAll(async () => {
    server = await startHeadlessServer({ demo: true });
  });
  afterAll(async () => {
    expect(await server?.stop(), 'SIGTERM shuts down cleanly').toBe(0);
  });

  const open = (origin: string) =>
    new Promise<WebSocket>((resolve, reject) => {
      const ws = new WebSocket(`ws://127.0.0.1:${server.port}${WS_PATH}`, { origin });
      ws.once('open', () => resolve(ws));
      ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
      ws.once('error', reject);
    });

  it('serves the dashboard page with its security headers', async () => {
    const page = await fetch(server.url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('refuses a WebSocket from a foreign origin', async () => {
    await expect(open('https://evil.example')).rejects.toThrow('HTTP 403');
  });

  it('answers a malformed argument with an error naming the field', async () => {
    const ws = await open(`http://127.0.0.1:${server.port}`);
    const answer = new Promise<unknown>((resolve) =>
      ws.on('message', (data) => {
        const message = JSON.parse(data.toString());
        if (message.type === 'response') resolve(message);
      }),
    );
    ws.send(JSON.stringify({ type: 'request', id: 1, channel: 'polling:pause', args: { paused: 'please' } }));
    expect(await answer).toEqual({
      type: 'response',
      id: 1,
      result: { ok: false, error: { code: 'bad-argument', message: expect.stringContaining('field paused') } },
    });
    ws.close();
  });
});
