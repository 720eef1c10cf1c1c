import { decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { createJwtSigner, TOKEN_LIFETIME_S } from '../../../../main/providers/zoom-video-sdk/jwt';

const secret = 'video-sdk-api-secret';
const key = (text: string) => new TextEncoder().encode(text);

function signerAt(start: number) {
  let now = start;
  const signer = createJwtSigner({ apiKey: 'video-sdk-api-key', apiSecret: secret, now: () => now });
  return { signer, advance: (ms: number) => (now += ms), now: () => now };
}

async function tokenOf(signer: ReturnType<typeof createJwtSigner>): Promise<string> {
  const result = await signer.token();
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('Zoom JWT', () => {
  it('signs HS256 with the API secret and the API key as issuer, checked independently by jose', async () => {
    const clock = signerAt(Date.parse('2026-05-03T12:00:00Z'));
    const token = await tokenOf(clock.signer);
    expect(decodeProtectedHeader(token)).toMatchObject({ alg: 'HS256', typ: 'JWT' });
    const { payload } = await jwtVerify(token, key(secret), {
      algorithms: ['HS256'],
      issuer: 'video-sdk-api-key',
      currentDate: new Date(clock.now()),
    });
    expect(typeof payload.iat).toBe('number');
    expect(payload.exp! - payload.iat!).toBeLessThanOrEqual(3600);
    expect(payload.exp! * 1000 - clock.now()).toBeLessThanOrEqual(3600_000);
    await expect(jwtVerify(token, key('another secret'))).rejects.toThrow();
  });

  it('reuses the token while it has more than a minute left', async () => {
    const clock = signerAt(Date.parse('2026-05-03T12:00:00Z'));
    const first = await tokenOf(clock.signer);
    clock.advance(50 * 60_000);
    expect(await tokenOf(clock.signer)).toBe(first);
  });

  it('re-signs a minute before expiry, and after expiry, with a fresh exp', async () => {
    const clock = signerAt(Date.parse('2026-05-03T12:00:00Z'));
    const first = await tokenOf(clock.signer);
    const firstExp = decodeJwt(first).exp! * 1000;
    clock.advance(firstExp - clock.now() - 30_000);
    const second = await tokenOf(clock.signer);
    expect(second).not.toBe(first);
    expect(decodeJwt(second).exp! * 1000).toBeGreaterThan(firstExp);
    clock.advance(TOKEN_LIFETIME_S * 1000 * 2);
    const third = await tokenOf(clock.signer);
    await expect(jwtVerify(third, key(secret), { currentDate: new Date(clock.now()) })).resolves.toBeTruthy();
  });

  it('signs afresh after Zoom refused the token', async () => {
    const clock = signerAt(Date.parse('2026-05-03T12:00:00Z'));
    const first = await tokenOf(clock.signer);
    clock.advance(1000);
    clock.signer.invalidate();
    expect(await tokenOf(clock.signer)).not.toBe(first);
  });

  it('asks for the key and secret when they are missing, without throwing', async () => {
    const signer = createJwtSigner({ apiKey: '', apiSecret: '', now: () => 0 });
    expect(await signer.token()).toMatchObject({ ok: false, error: { kind: 'config' } });
  });
});
