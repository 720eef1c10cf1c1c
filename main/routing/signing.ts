import { createHmac } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-streamwatch-signature';
export const TIMESTAMP_HEADER = 'x-streamwatch-timestamp';
export const DELIVERY_HEADER = 'x-streamwatch-delivery';

/**
 * HMAC-SHA256 over "<unix seconds>.<body>": binding the time into the
 * signature lets a receiver refuse replays of an old request.
 */
export function signBody(secret: string, timestampSeconds: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestampSeconds}.${body}`).digest('hex')}`;
}
