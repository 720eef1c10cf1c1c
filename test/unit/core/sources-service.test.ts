import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { layeredResolver } from '../../../main/core/layered-resolver';
import { createSettingsService } from '../../../main/core/settings-service';
import { createSourcesService } from '../../../main/core/sources-service';
import type { CredentialStore } from '../../../main/credentials/credential-store';
import { createMemoryStore } from '../../../main/credentials/memory-store';
import { evaluate } from '../../../main/engine/alerts/evaluate';
import { DEFAULT_RULES } from '../../../main/engine/alerts/default-rules';
import { providerFor } from '../../../main/providers/registry';
import { createSettingsStore } from '../../../main/settings/settings-store';
import { err } from '@shared/result';
import type { SourceConfig } from '@shared/model/source';
import { fakeEngine, fakeHub, snapshotOf } from '../headless/fakes';
import { source as sourceState } from '../engine/alerts/fixtures';

const naver: SourceConfig = { id: 'naver-main', provider: 'naver-vpe', name: 'NAVER main', enabled: true, options: {} };

/** A machine without a keychain: every call fails the way keytar does there. */
function noKeychain(): CredentialStore & { calls: string[] } {
  const calls: string[] = [];
  const refuse = async (what: string) => {
    calls.push(what);
    return err({ code: 'keychain-unavailable' as const, message: 'No system keychain is available.' });
  };
  return {
    kind: 'keychain',
    calls,
    get: () => refuse('get'),
    set: () => refuse('set'),
    delete: () => refuse('delete'),
    fields: () => refuse('fields'),
    deleteSource: () => refuse('deleteSource'),
  };
}

async function app(dir = mkdtempSync(join(tmpdir(), 'sw-sources-'))) {
  const store = createSettingsStore({ dir });
  await store.load();
  const keychain = noKeychain();
  const session = createMemoryStore();
  const sources = createSourcesService({
    settings: store,
    keychain,
    session,
    engine: fakeEngine(fakeHub(snapshotOf([], []))),
    providerFor,
  });
  const settings = createSettingsService({
    store,
    sources,
    keychain: async () => ({ available: false, message: 'No system keychain is available.' }),
    providerFor,
    notice: null,
  });
  const resolve = layeredResolver({
    session,
    keychain,
    demo: () => null,
    sessionOnly: (id) => store.current().sessionOnlySecrets.includes(id),
  });
  return { dir, store, keychain, sources, settings, resolve };
}

describe('demo beside real sources', () => {
  it("names only the demo's own sources as demo, so real data is never labelled or stored as the demo's", async () => {
    const store = createSettingsStore({ dir: mkdtempSync(join(tmpdir(), 'sw-sources-')) });
    await store.load();
    await store.update((s) => ({ ...s, sources: [naver], demo: true }));
    const engine = fakeEngine(fakeHub(snapshotOf([], [])));
    const demo: SourceConfig = { ...naver, id: 'demo-naver-vpe', name: 'NAVER (demo)' };
    const sources = createSourcesService({
      settings: store,
      keychain: noKeychain(),
      session: createMemoryStore(),
      engine,
      providerFor,
      demoSources: () => [demo],
    });
    sources.apply();
    expect(engine.calls).toEqual(['setSources naver-main,demo-naver-vpe']);
    expect([...(engine.demoSourceIds ?? [])]).toEqual(['demo-naver-vpe']);
  });
});

describe('secrets kept for this session only', () => {
  it('after a restart: "enter them again", no keychain error, and no API alert', async () => {
    const first = await app();
    expect((await first.sources.save(naver, { apiKey: 'k', projectId: 'p' }, 'session')).ok).toBe(true);
    expect(await first.resolve(naver, ['apiKey', 'projectId'])).toEqual({
      ok: true,
      value: { apiKey: 'k', projectId: 'p' },
    });

    const restarted = await app(first.dir);
    const result = await restarted.resolve(naver, ['apiKey', 'projectId']);
    expect(!result.ok && result.error).toEqual({
      kind: 'config',
      message:
        'NAVER main: its secrets were kept for one session only and are gone since Streamwatch restarted; enter them again in Sources.',
    });
    expect(restarted.keychain.calls).toEqual([]);

    // The source shows that sentence as a config error: no API was called, so no "API failing" alert.
    const health = { status: 'error' as const, error: !result.ok ? result.error : undefined!, since: 0 };
    const conditions = evaluate(
      DEFAULT_RULES,
      { sources: [sourceState({ health, lastOkAt: null })], series: [], sessions: [] },
      200_000,
    );
    expect(conditions.filter((c) => c.ruleId === 'source-failing' && c.level === 'firing')).toEqual([]);
  });

  it('removing such a source says nothing of keychain entries, since there were none', async () => {
    const { sources, keychain } = await app();
    await sources.save(naver, { apiKey: 'k', projectId: 'p' }, 'session');
    expect(await sources.remove(naver.id)).toEqual({ ok: true, value: {} });
    expect(keychain.calls).not.toContain('deleteSource');
  });

  it('the list of sources that still need secrets survives a reload, until they are entered', async () => {
    const first = await app();
    await first.settings.importSources(JSON.stringify({ streamwatch: 'sources', version: 1, sources: [naver] }));
    const reloaded = await app(first.dir);
    expect((await reloaded.settings.view()).needSecrets).toEqual([
      { sourceId: 'naver-main', fields: ['apiKey', 'projectId'] },
    ]);
    await reloaded.sources.save(naver, { apiKey: 'k', projectId: 'p' }, 'session');
    expect((await reloaded.settings.view()).needSecrets).toEqual([]);
  });
});
