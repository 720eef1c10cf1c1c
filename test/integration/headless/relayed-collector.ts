import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, connect as tcpConnect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHandlers } from '../../../main/api/handlers';
import { readOnlySources } from '../../../main/core/read-only-sources';
import { createAccessGate } from '../../../main/headless/access-gate';
import { startServer } from '../../../main/headless/serve';
import { addToken, liveTokenChecker } from '../../../main/headless/tokens-file';
import type { StateHub } from '../../../main/engine/types';
import { quietPorts } from '../../support/core-fakes';
import { fakeEngine } from '../../unit/headless/fakes';

/**
 * A real collector in-process (real WebSocket, a viewer token) behind a TCP
 * relay the test controls. The relay's port is the collector's public
 * address, so Host and Origin through it are its own. `cut()` drops every
 * connection; while `setDown(true)`, new ones are refused at once.
 */
export interface RelayedCollector {
  readonly url: URL;
  readonly token: string;
  cut(): void;
  setDown(down: boolean): void;
  close(): Promise<void>;
}

export async function startRelayedCollector(hub: StateHub): Promise<RelayedCollector> {
  const base = await mkdtemp(join(tmpdir(), 'sw-relayed-'));
  await mkdir(join(base, 'renderer'));
  await writeFile(join(base, 'renderer', 'index.html'), '<!doctype html>');
  const added = await addToken(join(base, 'data'), 'desk', 'viewer');
  if (!added.ok) throw new Error(added.error);
  const relay = createServer();
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  const relayPort = (relay.address() as { port: number }).port;
  const handlers = createHandlers({
    engine: fakeEngine(hub),
    sources: readOnlySources({
      sources: [],
      origin: 'x',
      resolve: async () => ({ ok: true, value: {} }),
      presence: () => ({}),
    }),
    providers: [],
    info: { version: '9.9.9', shell: 'headless' },
    ...quietPorts(),
  });
  const started = await startServer({
    port: 0,
    rendererRoot: join(base, 'renderer'),
    handlers,
    hub,
    listen: { host: '127.0.0.1', publicUrl: new URL(`http://127.0.0.1:${relayPort}`) },
    gate: createAccessGate({ tokens: liveTokenChecker(join(base, 'data'), () => {}), now: () => 0, log: () => {} }),
  });
  if (!started.ok) throw new Error(started.error);
  const collector = started.value;
  const relayed = new Set<Socket>();
  let down = false;
  relay.on('connection', (inbound) => {
    if (down) return void inbound.destroy();
    const outbound = tcpConnect(collector.port, '127.0.0.1');
    relayed.add(inbound).add(outbound);
    inbound.pipe(outbound).pipe(inbound);
    const drop = () => (inbound.destroy(), outbound.destroy());
    inbound.on('error', drop).on('close', drop);
    outbound.on('error', drop).on('close', drop);
  });
  const cut = () => {
    for (const socket of relayed) socket.destroy();
  };
  return {
    url: new URL(`http://127.0.0.1:${relayPort}`),
    token: added.value,
    cut,
    setDown(next) {
      down = next;
    },
    async close() {
      cut();
      relay.close();
      await collector.close();
      await rm(base, { recursive: true, force: true });
    },
  };
}
