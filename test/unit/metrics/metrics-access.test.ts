import { describe, expect, it } from 'vitest';
import { sameSecret, tokensGuard, type TokenStore } from '../../../main/metrics/metrics-access';

const store = (tokens: string[]): TokenStore => ({
  hasAny: () => tokens.length > 0,
  accepts: (token) => tokens.some((t) => sameSecret(t, token)),
});

describe('the /metrics token hook', () => {
  it('lets every caller in while no token store exists', () => {
    expect(tokensGuard(null)(undefined)).toEqual({ ok: true });
  });
  it('lets every caller in while the store holds no token', () => {
    expect(tokensGuard(store([]))(undefined)).toEqual({ ok: true });
  });
  it('asks for a token once any exists, and accepts only a current one', () => {
    const guard = tokensGuard(store(['t0ken-a']));
    expect(guard(undefined)).toMatchObject({ ok: false, status: 401 });
    expect(guard('Bearer wrong')).toMatchObject({ ok: false, status: 401 });
    expect(guard('Basic t0ken-a')).toMatchObject({ ok: false });
    expect(guard('Bearer t0ken-a')).toEqual({ ok: true });
  });
  it('never echoes the presented token in its answer', () => {
    const answer = tokensGuard(store(['t0ken-a']))('Bearer leaked-guess');
    expect(JSON.stringify(answer)).not.toContain('leaked-guess');
  });
});
