import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startNaverSim, type RunningNaverSim } from '../../../main/demo/naver-vpe/sim';
import type { SnapshotJson } from '../../../main/headless/snapshot-json';
import { runCli, writeTempFile } from './run-cli';

/** A forwarding proxy that only tunnels (CONNECT), recording each target it was asked for. */
interface TunnelProxy {
  readonly url: string;
  readonly targets: string[];
  close(): Promise<void>;
}

async function startTunnelProxy(): Promise<TunnelProxy> {
  const targets: string[] = [];
  const sockets = new Set<Socket>();
  // Plain requests are refused: a request that reaches the simulator must have come through a tunnel.
  const server: Server = createServer((_req, res) => res.writeHead(405).end('tunnels only'));
  server.on('connect', (req, client: Socket, head: Buffer) => {
    const target = req.url ?? '';
    targets.push(target);
    const [host, port] = target.split(':');
    const upstream = connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => socket.destroy());
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    targets,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

describe('headless behind a proxy (HTTP_PROXY / HTTPS_PROXY / NO_PROXY)', () => {
  let sim: RunningNaverSim;
  let proxy: TunnelProxy;
  let config: string;
  let secrets: Record<string, string>;
  let simHost: string;

  beforeAll(async () => {
    sim = await startNaverSim({ now: Date.now });
    proxy = await startTunnelProxy();
    simHost = new URL(sim.url).host;
    config = await writeTempFile(
      'sources.json',
      JSON.stringify({
        sources: [
          {
            id: 'main',
            provider: 'naver-vpe',
            name: 'NAVER main',
            baseUrl: sim.url,
            secrets: { apiKey: { env: 'SW_IT_KEY' }, projectId: { env: 'SW_IT_PROJECT' } },
          },
        ],
      }),
    );
    secrets = { SW_IT_KEY: sim.apiKey, SW_IT_PROJECT: sim.projectId };
  });
  afterAll(async () => {
    await proxy?.close();
    await sim?.close();
  });
  beforeEach(() => {
    proxy.targets.length = 0;
  });

  const noInheritedProxy = {
    HTTPS_PROXY: undefined,
    https_proxy: undefined,
    http_proxy: undefined,
    no_proxy: undefined,
  };

  it('sends every request to the simulator through the proxy named in HTTP_PROXY', { timeout: 60_000 }, async () => {
    const before = sim.server.totalRequests();
    const run = await runCli(['--config', config, '--once'], {
      ...secrets,
      ...noInheritedProxy,
      HTTP_PROXY: proxy.url,
      NO_PROXY: undefined,
    });
    expect(run.code, run.stderr).toBe(0);
    const snapshot = JSON.parse(run.stdout) as SnapshotJson;
    expect(snapshot.sources[0]).toMatchObject({ id: 'main', health: 'ok' });
    expect(run.stderr).toContain(`Using proxy ${proxy.url}`);
    expect(proxy.targets.length).toBeGreaterThan(0);
    expect(new Set(proxy.targets)).toEqual(new Set([simHost]));
    expect(sim.server.totalRequests()).toBeGreaterThan(before);
  });

  it('goes direct to a host listed in NO_PROXY', { timeout: 60_000 }, async () => {
    const before = sim.server.totalRequests();
    const run = await runCli(['--config', config, '--once'], {
      ...secrets,
      ...noInheritedProxy,
      HTTP_PROXY: proxy.url,
      NO_PROXY: simHost,
    });
    expect(run.code, run.stderr).toBe(0);
    expect((JSON.parse(run.stdout) as SnapshotJson).sources[0]).toMatchObject({ health: 'ok' });
    expect(proxy.targets).toEqual([]);
    expect(sim.server.totalRequests()).toBeGreaterThan(before);
  });

  it('a proxy that is down fails the source with a network error, not a crash', { timeout: 60_000 }, async () => {
    const closed = await startTunnelProxy();
    await closed.close();
    const run = await runCli(['--config', config, '--once'], {
      ...secrets,
      ...noInheritedProxy,
      HTTP_PROXY: closed.url,
      NO_PROXY: undefined,
    });
    expect(run.code).toBe(2);
    const snapshot = JSON.parse(run.stdout) as SnapshotJson;
    expect(snapshot.sources[0]).toMatchObject({ health: 'error', error: { kind: 'network' } });
  });
});
