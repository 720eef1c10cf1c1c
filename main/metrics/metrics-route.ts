import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CollectorMetrics } from './collector-metrics';
import type { MetricsGuard } from './metrics-access';
import { log } from '../log/logger';

export interface MetricsRoute {
  readonly metrics: CollectorMetrics;
  readonly guard: MetricsGuard;
}

/** GET /metrics; answers true when the request was for it. */
export function handleMetrics(route: MetricsRoute, req: IncomingMessage, res: ServerResponse): boolean {
  const path = (req.url ?? '').split('?')[0];
  if (path !== '/metrics') return false;
  const plain = { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' };
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { ...plain, allow: 'GET, HEAD' });
    res.end('Use GET for /metrics.');
    return true;
  }
  const access = route.guard(req.headers.authorization);
  if (!access.ok) {
    res.writeHead(access.status, { ...plain, 'www-authenticate': 'Bearer' });
    res.end(access.message);
    return true;
  }
  route.metrics
    .render(req.headers.accept)
    .then(({ contentType, body }) => {
      res.writeHead(200, {
        'content-type': contentType,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    })
    .catch((cause: unknown) => {
      log.error('[metrics] could not render', cause);
      if (!res.headersSent) res.writeHead(500, plain);
      res.end('The metrics could not be rendered; the details are in the log.');
    });
  return true;
}
