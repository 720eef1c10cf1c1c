/**
 * Checks a Streamwatch webhook on the receiving side. Copy this file into
 * your receiver; it needs only Node's crypto.
 *
 * Streamwatch sends three headers with every webhook:
 *   x-streamwatch-timestamp  Unix seconds when the request was signed
 *   x-streamwatch-signature  "v1=" + hex HMAC-SHA256 of "<timestamp>.<raw body>" with your signing secret
 *   x-streamwatch-delivery   the same id on every retry of one delivery: drop a repeat you already handled
 *
 * Verify against the raw body exactly as received (before any JSON parsing).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const MAX_AGE_SECONDS = 5 * 60;

export type Verdict = { ok: true } | { ok: false; reason: string };

export function verifyStreamwatchSignature(options: {
  secret: string;
  rawBody: string;
  timestampHeader: string | undefined;
  signatureHeader: string | undefined;
  /** Unix seconds now; pass your clock in tests. */
  nowSeconds?: number;
}): Verdict {
  const { secret, rawBody, timestampHeader, signatureHeader } = options;
  const now = options.nowSeconds ?? Math.floor(Date.now() / 1000);
  if (!timestampHeader || !/^\d+$/.test(timestampHeader))
    return { ok: false, reason: 'missing or malformed timestamp' };
  const timestamp = Number(timestampHeader);
  // Too old (a replay) or too far ahead (a wrong clock): refuse either way.
  if (Math.abs(now - timestamp) > MAX_AGE_SECONDS)
    return { ok: false, reason: 'timestamp outside the 5-minute window' };
  const presented = /^v1=([0-9a-f]{64})$/.exec(signatureHeader ?? '')?.[1];
  if (!presented) return { ok: false, reason: 'missing or malformed signature' };
  const expected = createHmac('sha256', secret).update(`${timestampHeader}.${rawBody}`).digest();
  // Constant-time comparison, so timing reveals nothing about the expected value.
  if (!timingSafeEqual(expected, Buffer.from(presented, 'hex')))
    return { ok: false, reason: 'signature does not match' };
  return { ok: true };
}
