import { isIP } from 'node:net';

export type UrlCheck = { readonly ok: true; readonly url: URL } | { readonly ok: false; readonly message: string };

/**
 * A receiver URL must be https: incidents name sources and figures, and a
 * signed or secret-bearing request must not cross a network in the clear.
 * Plain http is allowed on loopback only (a local relay, or a test).
 */
export function checkReceiverUrl(raw: string): UrlCheck {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, message: 'The receiver address is not a valid URL.' };
  }
  if (url.username || url.password)
    return { ok: false, message: 'The receiver address must not carry a user name or password.' };
  if (url.protocol === 'https:') return { ok: true, url };
  if (url.protocol === 'http:' && isLoopback(url.hostname)) return { ok: true, url };
  return {
    ok: false,
    message: `The receiver address must use https (plain http only on this machine's loopback), not ${url.protocol.replace(':', '')}.`,
  };
}

export function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '');
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  return host === '::1';
}
