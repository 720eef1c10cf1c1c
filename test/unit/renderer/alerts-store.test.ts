import { describe, expect, it } from 'vitest';
import type { AlertsView } from '@shared/model/alerts';
import { createAlertsStore } from '../../../renderer/src/state/alerts-store';
import { fakeBridge } from './fake-bridge';

const view = (summary: string, level: AlertsView['level'] = 'ok'): AlertsView => ({
  firing: [],
  pending: [],
  silenced: 0,
  snoozeAllUntil: null,
  level,
  summary,
});

/** The alerts store on a fake bridge: the test answers `alerts:view` when it likes and pushes `alerts:changed` by hand. */
function harness() {
  const bridge = fakeBridge<AlertsView, AlertsView>({
    request: 'alerts:view',
    push: 'alerts:changed',
    requestLabel: 'fetch',
  });
  return { ...bridge, store: createAlertsStore({ api: bridge.api, connection: bridge.connection }) };
}

describe('alerts store', () => {
  it('subscribes before it fetches, then shows the fetched view', async () => {
    const h = harness();
    h.store.start();
    expect(h.log).toEqual(['subscribe', 'fetch']);
    await h.answer({ ok: true, value: view('All sources healthy') });
    expect(h.store.get().view?.summary).toBe('All sources healthy');
  });

  it('keeps a push that arrived while the fetch was in flight: the push is newer', async () => {
    const h = harness();
    h.store.start();
    h.push(view('1 firing', 'critical'));
    await h.answer({ ok: true, value: view('All sources healthy') });
    expect(h.store.get().view).toMatchObject({ summary: '1 firing', level: 'critical' });
  });

  it('says why when the first fetch fails, and counts every change', async () => {
    const h = harness();
    h.store.start();
    await h.answer({
      ok: false,
      error: { code: 'timeout', message: 'Streamwatch did not answer alerts:view in time.' },
    });
    expect(h.store.get()).toMatchObject({ view: null, error: 'Streamwatch did not answer alerts:view in time.' });
    const before = h.store.get().version;
    h.push(view('a'));
    h.push(view('b'));
    expect(h.store.get().version).toBe(before + 2);
  });

  it('fetches again when the bridge comes back (pushes sent while it was down are lost)', async () => {
    const h = harness();
    h.store.start();
    await h.answer({ ok: true, value: view('before') });
    h.setConnection('closed');
    h.setConnection('open');
    expect(h.log).toEqual(['subscribe', 'fetch', 'fetch']);
    await h.answer({ ok: true, value: view('after') });
    expect(h.store.get().view?.summary).toBe('after');
  });
});
