import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';
import { contentTypeOf } from '../../main/core/content-types';

/**
 * Serves the built renderer (out/renderer) plus the bench's data under
 * /bench/, on 127.0.0.1, for the figures that drive the renderer with a
 * fake window.api instead of the engine.
 */

export interface StaticSite {
  readonly url: string;
  /** Data the page fetches as /bench/<name>.json. */
  put(name: string, json: string): void;
  close(): Promise<void>;
}

export async function startStaticSite(root: string): Promise<StaticSite> {
  const data = new Map<string, string>();
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://bench').pathname;
    if (path.startsWith('/bench/')) {
      const body = data.get(path.slice('/bench/'.length).replace(/\.json$/, ''));
      res.writeHead(body === undefined ? 404 : 200, { 'content-type': 'application/json' });
      res.end(body ?? '{}');
      return;
    }
    const file = normalize(join(root, path === '/' ? 'index.html' : path));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) => {
        res.writeHead(200, { 'content-type': contentTypeOf(file) ?? 'application/octet-stream' });
        res.end(body);
      },
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    put: (name, json) => void data.set(name, json),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
