import { networkInterfaces } from 'node:os';

/**
 * Headless's answer to "is the network down?": no interface but loopback is up.
 * It cannot see a broken link further away, so it errs towards "up", and then each
 * source names its own trouble instead of a banner blaming the network.
 */
export function noNetworkInterface(): boolean {
  return Object.values(networkInterfaces())
    .flat()
    .every((address) => address === undefined || address.internal);
}
