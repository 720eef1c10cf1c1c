import { createEngine, type EngineDeps, type StreamwatchEngine } from '../engine/engine';
import type { Clock, CredentialResolver } from '../engine/types';
import { noNetworkInterface } from '../core/network-check';
import { makeProxyAwareFetch } from './proxy-fetch';

/**
 * The one place headless mode builds the engine: Node's fetch, through the
 * proxy named in HTTPS_PROXY/HTTP_PROXY/NO_PROXY when set (servers have no OS
 * proxy settings to honour), the real clock, no system events (a server does not
 * suspend the way a laptop does), and secrets from the run's resolver.
 */
const realClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export function makeHeadlessEngine(
  credentials: CredentialResolver,
  meter?: EngineDeps['meter'],
  clock: Clock = realClock,
): StreamwatchEngine {
  return createEngine({
    fetch: makeProxyAwareFetch(),
    clock,
    resolveCredentials: credentials,
    isNetworkDown: noNetworkInterface,
    meter,
  });
}
