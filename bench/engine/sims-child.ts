import { startSimServer, type SimServer } from '../../main/demo/sim-server';
import { createFleetSims } from '../support/fleet-sims';

/**
 * The ten fleet simulators on real HTTP ports of 127.0.0.1, in a process of
 * their own so the CPU they spend answering is not counted as the engine's.
 * Prints one JSON line ({id: origin}) and serves until stdin closes.
 */
const sims = createFleetSims(Date.now);
const servers: SimServer[] = [];
const origins: Record<string, string> = {};
for (const sim of sims) {
  const server = await startSimServer(sim.handler);
  servers.push(server);
  origins[sim.source.id] = server.url;
}
process.stdout.write(`${JSON.stringify(origins)}\n`);
process.stdin.resume();
process.stdin.on('end', () => void Promise.all(servers.map((server) => server.close())).then(() => process.exit(0)));
