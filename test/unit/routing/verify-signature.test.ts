import { describe, expect, it } from 'vitest';
import { verifyStreamwatchSignature } from '../../../docs/team/verify-signature';
import { signBody } from '../../../main/routing/signing';

/** The receiver-side check shipped in docs/team, against what the router signs. */
const SECRET = 'whsec_test_secret';
const NOW = 1_780_000_000;
const body = '{"delivery":"inc-1:trigger:hook","event":"trigger"}';
const signed = (at: number, text = body, secret = SECRET) => ({
  secret: SECRET,
  rawBody: text,
  timestampHeader: String(at),
  signatureHeader: signBody(secret, at, body),
  nowSeconds: NOW,
});

describe('verifyStreamwatchSignature', () => {
  it('accepts a fresh request signed with the shared secret', () => {
    expect(verifyStreamwatchSignature(signed(NOW - 10))).toEqual({ ok: true });
  });
  it('rejects a wrong signature', () => {
    expect(verifyStreamwatchSignature(signed(NOW, body, 'another secret'))).toMatchObject({
      ok: false,
      reason: 'signature does not match',
    });
  });
  it('rejects a body changed after signing', () => {
    expect(verifyStreamwatchSignature(signed(NOW, body.replace('trigger"', 'resolve"')))).toMatchObject({ ok: false });
  });
  it('rejects a timestamp older than 5 minutes, even with a valid signature', () => {
    expect(verifyStreamwatchSignature(signed(NOW - 301))).toMatchObject({
      ok: false,
      reason: 'timestamp outside the 5-minute window',
    });
    expect(verifyStreamwatchSignature(signed(NOW - 300))).toEqual({ ok: true });
  });
  it('rejects a timestamp that was re-written to look fresh', () => {
    const old = signed(NOW - 600);
    expect(verifyStreamwatchSignature({ ...old, timestampHeader: String(NOW) })).toMatchObject({
      ok: false,
      reason: 'signature does not match',
    });
  });
  it('rejects missing or malformed headers', () => {
    expect(verifyStreamwatchSignature({ ...signed(NOW), signatureHeader: undefined })).toMatchObject({ ok: false });
    expect(verifyStreamwatchSignature({ ...signed(NOW), signatureHeader: 'v1=zz' })).toMatchObject({ ok: false });
    expect(verifyStreamwatchSignature({ ...signed(NOW), timestampHeader: '12abc' })).toMatchObject({ ok: false });
  });
});
