import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  readonly status: number;
}

/**
 * Slack, Teams, PagerDuty and a webhook endpoint on one loopback server, as
 * far as a sender can tell: each path records what arrived and answers as
 * the real service does on success (Slack and Teams 200, PagerDuty 202).
 * `failNext(path, n)` makes the next n requests to a path answer 500.
 */
export interface FakeReceivers {
  readonly base: string;
  readonly received: Received[];
  on(path: string): Received[];
  failNext(path: string, times: number): void;
  close(): Promise<void>;
}

const SUCCESS: Record<string, number> = { '/pagerduty': 202 };

export async function startFakeReceivers(): Promise<FakeReceivers> {
  const received: Received[] = [];
  const failures = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const path = req.url ?? '/';
      const left = failures.get(path) ?? 0;
      const status = left > 0 ? 500 : (SUCCESS[path] ?? 200);
      if (left > 0) failures.set(path, left - 1);
      received.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), status });
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(status >= 400 ? '{"error":"boom"}' : '{"status":"success"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    received,
    on: (path) => received.filter((r) => r.path === path),
    failNext: (path, times) => void failures.set(path, times),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        // fetch keeps connections alive; close would wait for them.
        server.closeAllConnections();
      }),
  };
}
