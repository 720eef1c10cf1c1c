import { useEffect, useState, type FormEvent } from 'react';
import type { CollectorLinkView } from '@shared/model/collector-status';
import { unreachableSentence } from '@shared/model/collector-sentence';
import { api } from '../../api';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { formatClock } from '../../components/format';

interface Props {
  /** The page's clock, for "next try in N s". */
  readonly now: number;
  /** The sources, settings and data shown change with the link: the view reads them again. */
  readonly onChanged: () => void;
}

const FALLBACK_LABEL = "If the collector stays unreachable for a minute, poll with this desktop's own sources";

/**
 * "Connect to a team collector": one collector polls every account for the
 * whole desk and this desktop shows what it sees. The token is tried before
 * anything is saved, then kept in the keychain; it is never shown again.
 */
export function CollectorPanel({ now, onChanged }: Props) {
  const [view, setView] = useState<CollectorLinkView | null>(null);
  const [url, setUrl] = useState('');
  const [token, setToken] = useState('');
  const [fallback, setFallback] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const [confirming, setConfirming] = useState(false);

  useEffect(() => {
    const load = () =>
      void api.request['collector:get']({}).then((result) => {
        if (result.ok) setView(result.value);
      });
    load();
    return api.on['collector:status'](load);
  }, []);

  if (!view) return null;
  const config = view.config;

  const connect = async (change: { url: string; fallback: boolean; token?: string }, done: string) => {
    setBusy(true);
    setError(null);
    setMessage(change.token ? `Trying ${change.url}…` : '');
    const result = await api.request['collector:connect'](change);
    setBusy(false);
    if (!result.ok) {
      setMessage('');
      setError(result.error.message);
      return;
    }
    setView(result.value);
    setToken('');
    setMessage(done);
    onChanged();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const entered = url.trim() || config?.url || '';
    void connect(
      { url: entered, fallback: config ? config.fallback : fallback, ...(token.trim() ? { token: token.trim() } : {}) },
      config ? 'Token replaced.' : 'Connected. This desktop now shows the collector and polls nothing itself.',
    );
  };
  const disconnect = async () => {
    setConfirming(false);
    setBusy(true);
    const result = await api.request['collector:disconnect']({});
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    setView(result.value);
    setMessage('Disconnected. This desktop polls its own sources again.');
    onChanged();
  };

  const status = view.status;
  const down = status ? unreachableSentence(status, now, formatClock, status.pollingLocally === true) : null;
  return (
    <section className="panel collector-panel" aria-labelledby="collector-heading">
      <header className="panel-head">
        <h2 id="collector-heading">Team collector</h2>
      </header>
      {view.fixedBecause ? (
        <p className="note">{view.fixedBecause}</p>
      ) : config ? (
        <>
          <p data-testid="collector-following">
            Following <strong>{new URL(config.url).origin}</strong>. The sources, history and incidents on every view
            are the collector&apos;s; this desktop polls nothing itself
            {status?.pollingLocally ? ' (except now: the collector is unreachable and the fallback is on)' : ''}.
            Changing the collector&apos;s sources or rules needs an admin token.
          </p>
          <p className={down ? 'error-sentence' : 'muted'} data-testid="collector-link-state">
            {down ?? (status?.state === 'open' ? 'Connected.' : 'Connecting…')}
          </p>
          <p className="muted">
            {!view.hasToken
              ? 'No token is held: enter it again below.'
              : view.tokenStorage === 'session'
                ? 'The token is kept until Streamwatch quits (no keychain is available).'
                : 'The token is kept in the system keychain.'}
          </p>
          <label className="check">
            <input
              type="checkbox"
              checked={config.fallback}
              disabled={busy}
              onChange={(e) =>
                void connect(
                  { url: config.url, fallback: e.currentTarget.checked },
                  e.currentTarget.checked ? 'Fallback on.' : 'Fallback off.',
                )
              }
            />
            {FALLBACK_LABEL}
          </label>
          <form className="collector-form" onSubmit={submit}>
            <label>
              Replace the token
              <input
                type="password"
                autoComplete="off"
                spellCheck={false}
                value={token}
                disabled={busy}
                onChange={(e) => setToken(e.currentTarget.value)}
              />
            </label>
            <button type="submit" disabled={busy || token.trim() === ''}>
              Save token
            </button>
            <button type="button" disabled={busy} onClick={() => setConfirming(true)}>
              Disconnect…
            </button>
          </form>
        </>
      ) : (
        <form className="collector-form" onSubmit={submit} aria-describedby="collector-intro">
          <p id="collector-intro" className="muted">
            Connect to a team collector: one Streamwatch polls every account for the whole desk, and this desktop shows
            what it sees instead of polling on its own. Ask its administrator for the address and a token.
          </p>
          <label>
            Collector address
            <input
              type="url"
              required
              placeholder="https://streamwatch.example.com:8443"
              value={url}
              disabled={busy}
              onChange={(e) => setUrl(e.currentTarget.value)}
            />
          </label>
          <label>
            Token
            <input
              type="password"
              required
              autoComplete="off"
              spellCheck={false}
              value={token}
              disabled={busy}
              onChange={(e) => setToken(e.currentTarget.value)}
            />
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={fallback}
              disabled={busy}
              onChange={(e) => setFallback(e.currentTarget.checked)}
            />
            {FALLBACK_LABEL}
          </label>
          <button type="submit" disabled={busy}>
            {busy ? 'Connecting…' : 'Connect'}
          </button>
        </form>
      )}
      <p role="status" className="muted">
        {message}
      </p>
      {error ? (
        <p className="error-sentence" role="alert">
          {error}
        </p>
      ) : null}
      {confirming ? (
        <ConfirmDialog
          title="Stop following the team collector?"
          confirmLabel="Disconnect"
          onConfirm={() => void disconnect()}
          onCancel={() => setConfirming(false)}
        >
          <p>This desktop polls its own sources again, and the token is removed from the keychain.</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
