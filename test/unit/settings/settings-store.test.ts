import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeFileOps, type FileOps } from '../../../main/settings/atomic-file';
import { createSettingsStore } from '../../../main/settings/settings-store';

const folder = () => mkdtempSync(join(tmpdir(), 'sw-settings-'));
const naver = {
  id: 'naver-main',
  provider: 'naver-vpe' as const,
  name: 'NAVER main',
  enabled: true,
  options: { device: 'PC' },
};

describe('settings store', () => {
  it('starts with defaults when there is no file, and round-trips a save', async () => {
    const dir = folder();
    const store = createSettingsStore({ dir });
    expect((await store.load()).notice).toBeNull();
    expect(store.current()).toMatchObject({ version: 2, demo: true, sources: [] });
    await store.update((s) => ({ ...s, demo: false, sources: [naver] }));
    const again = createSettingsStore({ dir });
    expect((await again.load()).settings.sources).toEqual([naver]);
  });

  it('survives a crash between write and rename: the old file is intact and the temp file is cleaned up', async () => {
    const dir = folder();
    const store = createSettingsStore({ dir });
    await store.load();
    await store.update((s) => ({ ...s, sources: [naver] }));
    const crashing: FileOps = {
      writeFile: nodeFileOps.writeFile,
      rename: async () => {
        throw new Error('simulated crash before rename');
      },
    };
    const crashed = createSettingsStore({ dir, ops: crashing });
    await crashed.load();
    await expect(crashed.update((s) => ({ ...s, sources: [] }))).rejects.toThrow('simulated crash');
    // A temp file that a real crash would leave behind:
    writeFileSync(join(dir, '.settings.json.1.2.tmp'), '{"version":2,"sources":[]');
    const reopened = createSettingsStore({ dir });
    const { settings, notice } = await reopened.load();
    expect(notice).toBeNull();
    expect(settings.sources).toEqual([naver]);
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('never interleaves two saves', async () => {
    const dir = folder();
    const store = createSettingsStore({ dir });
    await store.load();
    const saves = Array.from({ length: 20 }, (_, i) =>
      store.update((s) => ({ ...s, sources: [...s.sources, { ...naver, id: `s${i}`, name: `S ${i}` }] })),
    );
    await Promise.all(saves);
    const onDisk = JSON.parse(readFileSync(store.path, 'utf8'));
    expect(onDisk.sources.map((s: { id: string }) => s.id)).toEqual(Array.from({ length: 20 }, (_, i) => `s${i}`));
  });

  it.each([
    ['not JSON', '{"version": 2, "sources": ['],
    ['a field of the wrong type', JSON.stringify({ version: 2, sources: [{ id: 'x', provider: 'nope', name: 'X' }] })],
  ])('moves a corrupt file (%s) aside with a timestamp and says where', async (_case, content) => {
    const dir = folder();
    writeFileSync(join(dir, 'settings.json'), content);
    const store = createSettingsStore({ dir, now: () => Date.parse('2026-11-23T10:00:00Z') });
    const { settings, notice } = await store.load();
    expect(settings.sources).toEqual([]);
    const aside = join(dir, 'settings.json.corrupt-2026-11-23T10-00-00-000Z');
    expect(notice).toContain(aside);
    expect(readFileSync(aside, 'utf8')).toBe(content);
  });

  it('migrates version 1 and keeps every field', async () => {
    const dir = folder();
    const v1 = {
      version: 1,
      demoMode: false,
      theme: 'dark',
      windowBounds: { width: 1200, height: 800 },
      sources: [
        {
          id: 'n1',
          type: 'naver-vpe',
          name: 'NAVER',
          url: 'https://ma-dashboard-api.vpe.naverncp.com',
          enabled: false,
          options: { device: 'Mobile' },
          note: 'prod',
        },
      ],
    };
    writeFileSync(join(dir, 'settings.json'), JSON.stringify(v1));
    const { settings, notice } = await createSettingsStore({ dir }).load();
    expect(notice).toBeNull();
    expect(settings).toMatchObject({
      version: 2,
      demo: false,
      windowBounds: { width: 1200, height: 800 },
      preferences: { theme: 'dark' },
      sources: [
        {
          id: 'n1',
          provider: 'naver-vpe',
          name: 'NAVER',
          baseUrl: 'https://ma-dashboard-api.vpe.naverncp.com',
          enabled: false,
          options: { device: 'Mobile' },
          note: 'prod',
        },
      ],
    });
  });
});
