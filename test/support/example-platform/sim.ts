import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The made-up platform's server: one endpoint, an API key, a count that moves. */
export async function startExampleSim(now: () => number) {
  const apiKey = 'example-key';
  let calls = 0;
  const server = createServer((req, res) => {
    calls++;
    if (req.headers['x-api-key'] !== apiKey) return void res.writeHead(401).end('{"error":"bad key"}');
    if (req.url !== '/v1/audience/now') return void res.writeHead(404).end('{}');
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ measured_at: new Date(now()).toISOString(), watching: 100 + (calls % 7) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    secrets: { apiKey },
    requests: () => calls,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
