import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { WS_PATH } from '@shared/ipc/ws-protocol';
import type { Patch } from '@shared/model/state';
import { startServer, type RunningServer } from '../../../main/headless/serve';
import { T0, fakeHub, snapshotOf, sourceState } from '../../unit/headless/fakes';

/**
 * One collector, many desktops: each patch must become text once, and every
 * client must get that same text. Real sockets on loopback; JSON.stringify is
 * watched to count how often a patch frame is built.
 */

const CLIENTS = 12;
let base: string;
let server: RunningServer;
const hub = fakeHub(snapshotOf([sourceState('main')], []));

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'sw-once-'));
  await mkdir(join(base, 'assets'), { recursive: true });
  await writeFile(join(base, 'index.html'), '<!doctype html><title>x</title>');
  const started = await startServer({ port: 0, rendererRoot: base, handlers: {} as never, hub });
  if (!started.ok) throw new Error(started.error);
  server = started.value;
});

afterAll(async () => {
  await server?.close();
  await rm(base, { recursive: true, force: true });
});

afterEach(() => vi.restoreAllMocks());

function open(): Promise<{ ws: WebSocket; texts: string[] }> {
  const origin = `http://127.0.0.1:${server.port}`;
  const ws = new WebSocket(`ws://127.0.0.1:${server.port}${WS_PATH}`, { origin });
  const texts: string[] = [];
  ws.on('message', (data) => texts.push(data.toString()));
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve({ ws, texts }));
    ws.once('error', reject);
  });
}

const patch = (seq: number): Patch => ({
  seq,
  at: T0 + seq,
  ops: [{ op: 'points', sourceId: 'main', points: [{ at: T0 + seq, viewers: seq }] }],
});

const isPatchFrame = (value: unknown) =>
  typeof value === 'object' && value !== null && (value as { channel?: unknown }).channel === 'state:patch';

describe('a patch is serialised once, not once per client', () => {
  it(`builds each patch frame once for ${CLIENTS} clients, and all receive the same text`, async () => {
    const clients = await Promise.all(Array.from({ length: CLIENTS }, open));
    const stringify = vi.spyOn(JSON, 'stringify');

    for (let seq = 1; seq <= 3; seq++) hub.emit(patch(seq));
    await vi.waitFor(() => expect(clients.every((c) => c.texts.length === 3)).toBe(true));

    const patchFrames = stringify.mock.calls.filter(([value]) => isPatchFrame(value));
    expect(patchFrames).toHaveLength(3);
    for (let i = 0; i < 3; i++) {
      const first = clients[0]!.texts[i];
      expect(JSON.parse(first!)).toEqual({ type: 'push', channel: 'state:patch', payload: patch(i + 1) });
      for (const client of clients) expect(client.texts[i]).toBe(first);
    }
    for (const client of clients) client.ws.close();
  });
});
