import type { FetchLike } from '../providers/http';
import { nodeHttpFetch } from './node-http-fetch';

/** The proxy variables a server operator sets; both spellings, as curl and most tools accept. */
export interface ProxyEnv {
  readonly [name: string]: string | undefined;
}

function pick(env: ProxyEnv, name: string): string | undefined {
  const value = env[name] ?? env[name.toLowerCase()];
  return value && value.trim() !== '' ? value.trim() : undefined;
}

/**
 * Headless runs on servers, where the proxy is given in HTTPS_PROXY /
 * HTTP_PROXY / NO_PROXY rather than in OS settings; Node's own fetch ignores
 * those. With no proxy variable set, Node's http and https modules send
 * (node-http-fetch says why not fetch). With one,
 * undici's fetch (the same library Node bundles, but a version whose proxy
 * agent we can pass) sends through an agent that reads the three variables.
 * The values are read from the given env, not process.env, so tests can pass their own.
 */
export function makeProxyAwareFetch(env: ProxyEnv = process.env): FetchLike {
  const httpProxy = pick(env, 'HTTP_PROXY');
  const httpsProxy = pick(env, 'HTTPS_PROXY');
  if (!httpProxy && !httpsProxy) return nodeHttpFetch;
  // Loaded only when a proxy is set: evaluating undici costs about 160 ms of every start.
  const loaded = import('undici').then(({ EnvHttpProxyAgent, fetch: undiciFetch }) => ({
    dispatcher: new EnvHttpProxyAgent({ httpProxy, httpsProxy, noProxy: pick(env, 'NO_PROXY') ?? '' }),
    undiciFetch,
  }));
  return async (url, init) => {
    const { dispatcher, undiciFetch } = await loaded;
    // undici's RequestInit and the DOM one differ only in type details (body stream types); the calls are the same.
    return undiciFetch(url, { ...(init as object), dispatcher }) as unknown as Promise<Response>;
  };
}

/** Says which proxy headless uses, for the start-up line; never prints credentials inside a proxy URL. */
export function describeProxy(env: ProxyEnv = process.env): string | null {
  const proxy = pick(env, 'HTTPS_PROXY') ?? pick(env, 'HTTP_PROXY');
  if (!proxy) return null;
  try {
    const url = new URL(proxy);
    const bypass = pick(env, 'NO_PROXY');
    return `Using proxy ${url.protocol}//${url.host}${bypass ? ` (not for: ${bypass})` : ''}.`;
  } catch {
    return 'The proxy variable is not a URL; requests will fail until it is fixed.';
  }
}
