import { SignJWT } from 'jose';
import { sourceError, type SourceError } from '@shared/model/errors';
import { err, ok, type Result } from '@shared/result';

/**
 * Zoom Video SDK REST calls carry a JWT the app signs itself: HS256 with the
 * Video SDK *API* secret, `iss` = API key, and an `exp` at most an hour after
 * `iat`. One token is cached per connection and re-signed a minute before it
 * expires, so a poll never sends a token about to die in flight.
 */

/** Zoom rejects tokens valid for longer than an hour. */
export const TOKEN_LIFETIME_S = 3600;
export const RESIGN_BEFORE_MS = 60_000;
/** `iat` is back-dated a little so a workstation clock slightly ahead of Zoom's is not "issued in the future". */
const SKEW_ALLOWANCE_S = 30;

export interface JwtSignerOptions {
  readonly apiKey: string;
  readonly apiSecret: string;
  readonly now: () => number;
}

export interface JwtSigner {
  token(): Promise<Result<string, SourceError>>;
  /** Forget the cached token (after Zoom refused it), so the next call signs afresh. */
  invalidate(): void;
}

interface Signed {
  readonly token: string;
  readonly expiresAtMs: number;
}

export function createJwtSigner(options: JwtSignerOptions): JwtSigner {
  let cached: Signed | null = null;
  let inFlight: Promise<Result<Signed, SourceError>> | null = null;

  async function sign(): Promise<Result<Signed, SourceError>> {
    if (options.apiKey.trim() === '' || options.apiSecret === '') {
      return err(sourceError('config', 'Zoom needs the Video SDK API key and API secret.'));
    }
    const iat = Math.floor(options.now() / 1000) - SKEW_ALLOWANCE_S;
    const exp = iat + TOKEN_LIFETIME_S;
    try {
      const token = await new SignJWT({})
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setIssuer(options.apiKey)
        .setIssuedAt(iat)
        .setExpirationTime(exp)
        .sign(new TextEncoder().encode(options.apiSecret));
      return ok({ token, expiresAtMs: exp * 1000 });
    } catch (cause) {
      // The cause never contains the secret (jose reports key types, not values).
      return err(sourceError('config', `Zoom: the access token could not be signed (${String(cause)}).`));
    }
  }

  return {
    async token() {
      if (cached && options.now() < cached.expiresAtMs - RESIGN_BEFORE_MS) return ok(cached.token);
      // Two endpoints polling at once share one signing instead of racing.
      inFlight ??= sign().finally(() => {
        inFlight = null;
      });
      const signed = await inFlight;
      if (!signed.ok) return signed;
      cached = signed.value;
      return ok(signed.value.token);
    },
    invalidate() {
      cached = null;
    },
  };
}
