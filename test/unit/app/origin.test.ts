import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, APP_START_URL, originOf, sameOriginAs } from '../../../main/app/origin';

describe('originOf', () => {
  it('gives custom schemes a real origin (URL.origin would say "null")', () => {
    expect(new URL(APP_START_URL).origin).toBe('null');
    expect(originOf(APP_START_URL)).toBe(APP_ORIGIN);
  });

  it.each(['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,x', 'about:blank', 'app://x@streamwatch/', ''])(
    'has none for %j',
    (url) => expect(originOf(url)).toBeNull(),
  );
});

describe('sameOriginAs', () => {
  it('matches the app origin by parsed scheme and host, not by prefix', () => {
    const isApp = sameOriginAs(APP_ORIGIN);
    expect(isApp('app://streamwatch/')).toBe(true);
    expect(isApp('app://streamwatch/assets/index-abc.js?x=1#y')).toBe(true);
    expect(isApp('app://streamwatch.evil.com/')).toBe(false);
    expect(isApp('app://streamwatchx/')).toBe(false);
    expect(isApp('app:streamwatch/')).toBe(false);
    expect(isApp('https://streamwatch/')).toBe(false);
  });

  it('works for the dev server origin, port included', () => {
    const isDev = sameOriginAs('http://localhost:5173');
    expect(isDev('http://localhost:5173/index.html')).toBe(true);
    expect(isDev('http://LOCALHOST:5173/')).toBe(true);
    expect(isDev('http://localhost:5174/')).toBe(false);
    expect(isDev('http://localhost:5173.evil.com/')).toBe(false);
    expect(isDev('https://localhost:5173/')).toBe(false);
  });

  it('refuses to be built from something that is not an origin', () => {
    expect(() => sameOriginAs('javascript:void 0')).toThrow();
  });
});
