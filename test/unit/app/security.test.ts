import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeEvent, FakeWebContents, fakeSession, shell, type FakeBrowserWindow } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectron());

const { CONTENT_SECURITY_POLICY, createSecureWindow, hardenWebContents, installSessionSecurity } =
  await import('../../../main/app/security');
const { APP_ORIGIN, sameOriginAs } = await import('../../../main/app/origin');
const { isAllowedExternalUrl } = await import('../../../main/app/external-links');

function hardened(): FakeWebContents {
  const contents = new FakeWebContents();
  hardenWebContents(contents as never, { isAppUrl: sameOriginAs(APP_ORIGIN), isAllowedExternal: isAllowedExternalUrl });
  return contents;
}

function navigate(contents: FakeWebContents, event: 'will-navigate' | 'will-redirect', url: string): boolean {
  const e = new FakeEvent(url);
  contents.emit(event, e);
  return e.defaultPrevented;
}

beforeEach(() => shell.openExternal.mockClear());

describe('webPreferences', () => {
  const prefsOf = (window: unknown) => (window as FakeBrowserWindow).options.webPreferences as Record<string, unknown>;

  it('fixes isolation, sandbox and web security on, Node and insecure content off', () => {
    const window = createSecureWindow({ width: 800 }, { preload: '/app/out/preload/index.cjs' });
    expect((window as unknown as FakeBrowserWindow).options.width).toBe(800);
    expect(prefsOf(window)).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      devTools: false,
    });
  });

  it('cannot be loosened by a caller that smuggles in its own webPreferences', () => {
    const sneaky = { webPreferences: { contextIsolation: false, sandbox: false, nodeIntegration: true } } as never;
    expect(prefsOf(createSecureWindow(sneaky, { preload: '/p.cjs' }))).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    });
  });
});

describe('session', () => {
  it('adds the Content-Security-Policy header to responses, keeping the others', () => {
    const { session, calls } = fakeSession();
    installSessionSecurity(session as never);
    let answer: { responseHeaders: Record<string, string[]> } | undefined;
    calls.headers!({ responseHeaders: { 'Content-Type': ['text/html'] } }, (response) => {
      answer = response as typeof answer;
    });
    expect(answer!.responseHeaders['Content-Type']).toEqual(['text/html']);
    const csp = answer!.responseHeaders['Content-Security-Policy']![0]!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe');
    expect(csp).toBe(CONTENT_SECURITY_POLICY);
  });

  it('denies every permission request and check', () => {
    const { session, calls } = fakeSession();
    installSessionSecurity(session as never);
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      calls.permissionRequest!({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(calls.permissionCheck!({}, permission, APP_ORIGIN, {})).toBe(false);
    }
    expect(calls.devicePermission!({})).toBe(false);
  });
});

describe('navigation', () => {
  it('lets the page move within the app origin', () => {
    const contents = hardened();
    expect(navigate(contents, 'will-navigate', 'app://streamwatch/index.html#/sessions')).toBe(false);
    expect(navigate(contents, 'will-redirect', 'app://streamwatch/other.html')).toBe(false);
  });

  it.each([
    'https://evil.com/',
    'app://streamwatch.evil.com/index.html',
    'app://evil.com/streamwatch',
    'app://streamwatch@evil.com/',
    'app://user:pass@streamwatch/index.html',
    'app://streamwatch:8080/index.html',
    'https://app@evil.com/',
    'http://streamwatch/',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'data:text/html,<script>alert(1)</script>',
    'about:blank',
    'not a url',
  ])('blocks %s', (url) => {
    const contents = hardened();
    expect(navigate(contents, 'will-navigate', url)).toBe(true);
    expect(navigate(contents, 'will-redirect', url)).toBe(true);
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('opens an allowed https link in the browser instead of navigating to it', () => {
    const contents = hardened();
    expect(navigate(contents, 'will-navigate', 'https://docs.api.video/reference')).toBe(true);
    expect(shell.openExternal).toHaveBeenCalledWith('https://docs.api.video/reference');
  });

  it('never opens a redirect target externally', () => {
    const contents = hardened();
    expect(navigate(contents, 'will-redirect', 'https://docs.api.video/reference')).toBe(true);
    expect(shell.openExternal).not.toHaveBeenCalled();
  });
});

describe('window.open', () => {
  it('is always denied; only allowed https links go to the browser', () => {
    const contents = hardened();
    const open = (url: string) => contents.windowOpenHandler!({ url });
    expect(open('app://streamwatch/index.html')).toEqual({ action: 'deny' });
    expect(open('https://evil.com/')).toEqual({ action: 'deny' });
    expect(open('http://docs.api.video/')).toEqual({ action: 'deny' });
    expect(shell.openExternal).not.toHaveBeenCalled();
    expect(open('https://developers.zoom.us/docs/video-sdk/')).toEqual({ action: 'deny' });
    expect(shell.openExternal).toHaveBeenCalledExactlyOnceWith('https://developers.zoom.us/docs/video-sdk/');
  });
});

describe('external links', () => {
  it.each([
    ['https://docs.api.video/', true],
    ['https://guide.ncloud-docs.com/docs/vpe', true],
    ['http://docs.api.video/', false],
    ['https://docs.api.video.evil.com/', false],
    ['https://evil.com/?docs.api.video', false],
    ['https://docs.api.video@evil.com/', false],
    ['https://user@docs.api.video/', false],
    ['https://docs.api.video:8443/', false],
    ['https://api.video/', false],
    ['javascript:alert(1)', false],
    ['file:///etc/passwd', false],
  ])('%s → %s', (url, allowed) => {
    expect(isAllowedExternalUrl(url)).toBe(allowed);
  });
});

describe('webview', () => {
  it('refuses to attach a <webview>', () => {
    const contents = hardened();
    const event = new FakeEvent();
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.defaultPrevented).toBe(true);
  });
});
