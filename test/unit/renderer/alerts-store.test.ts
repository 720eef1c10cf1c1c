import { describe, expect, it } from 'vitest';
import type { StreamwatchApi } from '@shared/ipc/api';
import type { AlertsView } from '@shared/model/alerts';
import type { AppError, Result } from '@shared/result';
import type { Connection, ConnectionState } from '../../../renderer/src/connection';
import { createAlertsStore } from '../../../renderer/src/state/alerts-store';

const view = (summary: string, level: AlertsView['level'] = 'ok'): AlertsView => ({
  firing: [],
  silenced: 0,
  snoozeAllUntil: null,
  level,
  summary,
});

/** A fake bridge: the test answers `alerts:view` when it likes and pushes `alerts:changed` by hand. */
function harness() {
  const log: string[] = [];
  const answers: Array<(r: Result<AlertsView, AppError>) => void> = [];
  let push: (v: AlertsView) => void = () => {};
  let state: ConnectionState = 'open';
  const listeners = new Set<() => void>();
  const api = {
    request: {
      'alerts:view': () => {
        log.push('fetch');
        return new Promise<Result<AlertsView, AppError>>((resolve) => answers.push(resolve));
      },
    },
    on: {
      'alerts:changed': (listener: (v: AlertsView) => void) => {
        log.push('subscribe');
        push = listener;
        return () => {};
      },
    },
  } as unknown as StreamwatchApi;
  const connection: Connection = { get: () => state, subscribe: (l) => (listeners.add(l), () => listeners.delete(l)) };
  const store = createAlertsStore({ api, connection });
  return {
    store,
    log,
    push: (v: AlertsView) => push(v),
    answer: async (r: Result<AlertsView, AppError>) => {
      answers.shift()!(r);
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
    setConnection(next: ConnectionState) {
      state = next;
      for (const l of listeners) l();
    },
  };
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
