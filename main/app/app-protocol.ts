import { readFile } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { protocol } from 'electron';
import { APP_HOST, APP_SCHEME } from './origin';
import { CONTENT_SECURITY_POLICY } from './security';
import { contentTypeOf } from '../core/content-types';

/**
 * Must run before the app is ready. `standard` gives app:// URLs a host and
 * an origin (relative and absolute paths resolve like http); `secure` makes
 * the page a secure context. No `bypassCSP`, no `corsEnabled` for others.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the built renderer (out/renderer) at app://streamwatch/. Call once the app is ready. */
export function serveRenderer(root: string): void {
  protocol.handle(APP_SCHEME, (request) => respondFromFolder(root, request.url));
}

/**
 * One file from `root`, with the security headers. Anything outside the
 * folder (`..`, `%2e%2e`, an encoded slash), another host, or an unknown file
 * type is a 404 — never a directory listing, never a file elsewhere on disk.
 */
export async function respondFromFolder(root: string, url: string): Promise<Response> {
  const notFound = (): Response =>
    new Response('Not found', { status: 404, headers: baseHeaders('text/plain; charset=utf-8') });
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return notFound();
  }
  if (parsed.host !== APP_HOST) return notFound();

  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return notFound();
  }
  if (path === '/' || path === '') path = '/index.html';
  if (path.includes('\0') || path.includes('\\')) return notFound();

  const base = resolve(root);
  const file = resolve(base, `.${path}`);
  if (!file.startsWith(base + sep)) return notFound();
  const type = contentTypeOf(file);
  if (type === undefined) return notFound();

  try {
    const body = await readFile(file);
    return new Response(new Uint8Array(body), { status: 200, headers: baseHeaders(type) });
  } catch {
    return notFound();
  }
}

function baseHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
}
