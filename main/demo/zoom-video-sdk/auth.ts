import { errors, jwtVerify } from 'jose';
import type { SimResponse } from '../sim-server';

/**
 * Checks a request's JWT as Zoom does: HS256 signed with the account's API
 * secret, `iss` = API key, not expired, and valid for at most an hour. Any
 * failure is Zoom's 401 with code 124.
 */

export interface SimCredentials {
  readonly apiKey: string;
  readonly apiSecret: string;
}

const MAX_LIFETIME_S = 3600;

export async function checkBearer(
  authorization: string | undefined,
  credentials: SimCredentials,
  now: number,
): Promise<SimResponse | null> {
  const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  if (!token) return invalid();
  try {
    const { payload } = await jwtVerify(token, new TextEncoder().encode(credentials.apiSecret), {
      algorithms: ['HS256'],
      issuer: credentials.apiKey,
      requiredClaims: ['iat', 'exp'],
      currentDate: new Date(now),
    });
    if ((payload.exp ?? 0) - (payload.iat ?? 0) > MAX_LIFETIME_S) return invalid();
    return null;
  } catch (cause) {
    return cause instanceof errors.JWTExpired ? expired() : invalid();
  }
}

export function invalid(): SimResponse {
  return { status: 401, body: { code: 124, message: 'Invalid access token.' } };
}

export function expired(): SimResponse {
  return { status: 401, body: { code: 124, message: 'Access token is expired.' } };
}
