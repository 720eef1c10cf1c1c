import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { protocol } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectron());

const { registerAppScheme, respondFromFolder } = await import('../../../main/app/app-protocol');

let root = '';
beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'sw-protocol-'));
  root = join(dir, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Streamwatch</title>');
  writeFileSync(join(root, 'assets', 'index.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.txt'), 'not for the page');
});

describe('app:// scheme', () => {
  it('is registered as a standard, secure scheme without CSP bypass', () => {
    registerAppScheme();
    const [schemes] = protocol.registerSchemesAsPrivileged.mock.calls[0] as [
      { scheme: string; privileges: Record<string, boolean> }[],
    ];
    expect(schemes[0]!.scheme).toBe('app');
    expect(schemes[0]!.privileges).toMatchObject({ standard: true, secure: true });
    expect(schemes[0]!.privileges.bypassCSP).toBeUndefined();
  });

  it('serves the renderer with the CSP header', async () => {
    const page = await respondFromFolder(root, 'app://streamwatch/index.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('Streamwatch');
    const script = await respondFromFolder(root, 'app://streamwatch/assets/index.js');
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect((await respondFromFolder(root, 'app://streamwatch/')).status).toBe(200);
  });

  it.each([
    'app://streamwatch/../secret.txt',
    'app://streamwatch/%2e%2e/secret.txt',
    'app://streamwatch/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://streamwatch/..%5csecret.txt',
    'app://streamwatch/index.html%00.js',
    'app://streamwatch/missing.js',
    'app://streamwatch/assets',
    'app://other/index.html',
    'app://streamwatch/%E0%A4%A',
  ])('answers 404 for %s', async (url) => {
    const answer = await respondFromFolder(root, url);
    expect(answer.status).toBe(404);
    expect(await answer.text()).not.toContain('not for the page');
  });
});
