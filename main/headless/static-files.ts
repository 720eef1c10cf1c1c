import { readFile, realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, resolve, sep } from 'node:path';
import { err, ok, type Result } from '@shared/result';
import { contentTypeOf } from '../core/content-types';

/**
 * Serves the built renderer (out/renderer) to a browser on loopback. Only
 * files under the root, only GET and HEAD, with the page's own CSP sent as a
 * header too (a header can carry frame-ancestors, which a meta tag cannot).
 */

/** Used only when the built page carries no CSP of its own. */
export const FALLBACK_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

export interface StaticSite {
  /** Real path of the root, so symlinks cannot lead out of it. */
  readonly root: string;
  readonly csp: string;
}

export async function openSite(root: string): Promise<Result<StaticSite, string>> {
  let realRoot: string;
  let html: string;
  try {
    realRoot = await realpath(resolve(root));
    html = await readFile(join(realRoot, 'index.html'), 'utf8');
  } catch {
    return err(`The built dashboard is missing (${join(root, 'index.html')} not found). Run \`npm run build\` first.`);
  }
  return ok({ root: realRoot, csp: withFrameAncestors(cspOfPage(html) ?? FALLBACK_CSP) });
}

/** The policy in the page's <meta http-equiv="Content-Security-Policy">, attributes in any order. */
export function cspOfPage(html: string): string | null {
  for (const [tag] of html.matchAll(/<meta\b[^>]*>/gi)) {
    if (!/http-equiv\s*=\s*["']?content-security-policy["']?/i.test(tag)) continue;
    const content = /content\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(tag);
    const policy = (content?.[1] ?? content?.[2] ?? '').trim();
    if (policy) return policy;
  }
  return null;
}

function withFrameAncestors(csp: string): string {
  return /frame-ancestors/i.test(csp) ? csp : `${csp.replace(/;\s*$/, '')}; frame-ancestors 'none'`;
}

export function securityHeaders(csp: string): Record<string, string> {
  return {
    'content-security-policy': csp,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
  };
}

export async function serveStatic(site: StaticSite, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const headers = securityHeaders(site.csp);
  const reply = (status: number, text: string, extra: Record<string, string> = {}) => {
    res.writeHead(status, { ...headers, 'content-type': 'text/plain; charset=utf-8', ...extra });
    res.end(req.method === 'HEAD' ? undefined : text);
  };
  if (req.method !== 'GET' && req.method !== 'HEAD') return reply(405, 'Method not allowed', { allow: 'GET, HEAD' });

  const file = await resolveFile(site.root, req.url ?? '/');
  if (file === 'bad') return reply(400, 'Bad request');
  if (file === null) return reply(404, 'Not found');

  const body = await readFile(file);
  const type = contentTypeOf(file) ?? 'application/octet-stream';
  // Vite puts content-hashed names under assets/: they never change. The page itself must always be fresh.
  const cache = file.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache';
  res.writeHead(200, {
    ...headers,
    'content-type': type,
    'content-length': String(body.length),
    'cache-control': cache,
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** The file a URL names under root, null when there is none, 'bad' for an undecodable or escaping path. */
export async function resolveFile(root: string, rawUrl: string): Promise<string | null | 'bad'> {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(rawUrl, 'http://localhost').pathname);
  } catch {
    return 'bad';
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return 'bad';
  if (pathname.endsWith('/')) pathname += 'index.html';
  const candidate = resolve(root, `.${pathname}`);
  if (!isInside(root, candidate)) return 'bad';
  try {
    const real = await realpath(candidate);
    if (!isInside(root, real)) return 'bad';
    return (await stat(real)).isFile() ? real : null;
  } catch {
    return null;
  }
}

function isInside(root: string, path: string): boolean {
  return path.startsWith(root.endsWith(sep) ? root : root + sep);
}
