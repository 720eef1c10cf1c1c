import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { createKeytarStore } from '../../../main/credentials/keytar-store';

/*
 * Runs against a real Secret Service: `npm test` starts a private D-Bus
 * session with gnome-keyring unlocked (scripts/test-all.sh). Without one the
 * suite cannot prove anything about the keychain, so it fails loudly rather
 * than skipping silently.
 */
const service = `Streamwatch-test-${process.pid}`;
const store = createKeytarStore({ service });

describe('keytar store against a real Secret Service', () => {
  afterAll(async () => {
    await store.deleteSource('naver-main');
    await store.deleteSource('zoom-main');
  });

  it('has a Secret Service on the session bus', () => {
    expect(process.env.DBUS_SESSION_BUS_ADDRESS, 'run through `npm test`, which starts a private keyring').toBeTruthy();
  });

  it('sets, reads back, lists and deletes', async () => {
    expect(await store.set('naver-main', 'apiKey', 'k-123')).toEqual({ ok: true, value: true });
    expect(await store.set('naver-main', 'projectId', 'p-456')).toEqual({ ok: true, value: true });
    expect(await store.set('zoom-main', 'apiSecret', 'z-789')).toEqual({ ok: true, value: true });
    expect(await store.get('naver-main', 'apiKey')).toEqual({ ok: true, value: 'k-123' });
    const fields = await store.fields('naver-main');
    expect(fields.ok && [...fields.value].sort()).toEqual(['apiKey', 'projectId']);
    expect(await store.delete('naver-main', 'apiKey')).toEqual({ ok: true, value: true });
    expect(await store.get('naver-main', 'apiKey')).toEqual({ ok: true, value: null });
  });

  it('removes every entry of a source with the source, and only that source', async () => {
    await store.set('naver-main', 'apiKey', 'k-1');
    await store.set('naver-main', 'projectId', 'p-1');
    expect(await store.deleteSource('naver-main')).toEqual({ ok: true, value: 2 });
    expect(await store.fields('naver-main')).toEqual({ ok: true, value: [] });
    expect(await store.get('zoom-main', 'apiSecret')).toEqual({ ok: true, value: 'z-789' });
  });

  it('is readable by another process (the entries are in the OS keychain, not in memory)', () => {
    const script = `import('keytar').then(async (m) => { const k = m.default ?? m; process.stdout.write(String(await k.getPassword(${JSON.stringify(service)}, 'zoom-main/apiSecret'))); })`;
    const child = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', env: process.env });
    expect(child.stdout).toBe('z-789');
  });

  it.each([
    ['points at a bus that does not exist', { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus' }],
    ['is not set at all', { DBUS_SESSION_BUS_ADDRESS: undefined }],
  ])('gives a message, not a crash, when the D-Bus address %s', (_case, bus) => {
    const script = `import(${JSON.stringify(new URL('../../../main/credentials/keytar-store.ts', import.meta.url).pathname)}).then(async ({ createKeytarStore }) => { const r = await createKeytarStore({ service: 'x' }).get('a', 'b'); process.stdout.write(JSON.stringify(r)); })`;
    const env: NodeJS.ProcessEnv = { ...process.env, DISPLAY: '', ...bus };
    if (bus.DBUS_SESSION_BUS_ADDRESS === undefined) delete env.DBUS_SESSION_BUS_ADDRESS;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { encoding: 'utf8', env });
    const result = JSON.parse(child.stdout) as { ok: boolean; error?: { code: string; message: string } };
    expect(result.ok).toBe(false);
    expect(result.error?.code).toBe('keychain-unavailable');
    expect(result.error?.message).toMatch(/Secret Service is not running.*gnome-keyring/);
  });
});
