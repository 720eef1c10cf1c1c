import { useEffect, useState } from 'react';
import type { ReceiverKind, ReceiverView } from '@shared/model/receivers';
import { api } from '../../api';
import { TextField } from '../sources/text-field';

const KINDS: readonly { id: ReceiverKind; label: string; secret: string; help: string }[] = [
  {
    id: 'slack',
    label: 'Slack',
    secret: 'Incoming-webhook URL',
    help: 'From Slack: Apps → Incoming Webhooks. The URL is a secret: it is stored write-only and never shown again.',
  },
  {
    id: 'teams',
    label: 'Microsoft Teams',
    secret: 'Workflow webhook URL',
    help: 'From Teams: Workflows → “Post to a channel when a webhook request is received”.',
  },
  {
    id: 'pagerduty',
    label: 'PagerDuty',
    secret: 'Routing key',
    help: 'The Events API v2 integration key of the service to page.',
  },
  {
    id: 'webhook',
    label: 'Webhook (signed JSON)',
    secret: 'Signing secret',
    help: 'At least 16 characters; the receiver checks the HMAC-SHA256 signature with it.',
  },
];

const kindOf = (id: ReceiverKind) => KINDS.find((k) => k.id === id)!;
const slug = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 48) || 'receiver';

/**
 * Where incidents are sent (admin): Slack, Teams, PagerDuty, a signed webhook.
 * Secrets are write-only: the list says only whether one is stored.
 */
export function ReceiversPanel() {
  const [receivers, setReceivers] = useState<readonly ReceiverView[] | null>(null);
  const [error, setError] = useState('');
  const [kind, setKind] = useState<ReceiverKind>('slack');
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const [secret, setSecret] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let current = true;
    void api.request['receivers:list']({}).then((result) => {
      if (!current) return;
      if (result.ok) setReceivers(result.value.receivers);
      else setError(result.error.message);
    });
    return () => {
      current = false;
    };
  }, []);

  async function run(call: () => ReturnType<(typeof api.request)['receivers:list']>): Promise<boolean> {
    setBusy(true);
    const result = await call();
    setBusy(false);
    if (!result.ok) {
      setError(result.error.message);
      return false;
    }
    setError('');
    setReceivers(result.value.receivers);
    return true;
  }

  async function add(event: React.FormEvent): Promise<void> {
    event.preventDefault();
    const taken = new Set(receivers?.map((r) => r.id));
    let id = slug(name);
    for (let n = 2; taken.has(id); n++) id = `${slug(name)}-${n}`;
    const receiver = {
      id,
      kind,
      name: name.trim() || kindOf(kind).label,
      enabled: true,
      ...(url.trim() ? { url: url.trim() } : {}),
    };
    if (await run(() => api.request['receivers:save']({ receiver, secret }))) {
      setName('');
      setUrl('');
      setSecret('');
    }
  }

  const needsUrl = kind === 'webhook' || kind === 'pagerduty';
  return (
    <section className="panel receivers-panel" aria-labelledby="receivers-heading">
      <header className="panel-head">
        <h2 id="receivers-heading">Receivers</h2>
      </header>
      <p className="note">
        Firing incidents and their resolution are sent here once each, retried if a receiver is down, and held during a
        snooze or quiet hours. Addresses must use https (plain http only on this machine).
      </p>
      {error ? (
        <p className="error-sentence" role="alert">
          {error}
        </p>
      ) : null}
      {receivers && receivers.length > 0 ? (
        <div className="table-scroll">
          <table className="plain-table receivers-table" aria-label="Alert receivers">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Kind</th>
                <th scope="col">Secret</th>
                <th scope="col">Sends</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {receivers.map((r) => (
                <tr key={r.id}>
                  <td>{r.name}</td>
                  <td>{kindOf(r.kind).label}</td>
                  <td>{r.hasSecret ? 'stored (write-only)' : <span className="error-sentence">missing</span>}</td>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Send to ${r.name}`}
                      checked={r.enabled}
                      disabled={busy}
                      onChange={(e) => {
                        const { hasSecret: _stored, ...config } = r;
                        void run(() =>
                          api.request['receivers:save']({ receiver: { ...config, enabled: e.target.checked } }),
                        );
                      }}
                    />
                  </td>
                  <td>
                    <button
                      type="button"
                      disabled={busy}
                      aria-label={`Remove ${r.name}`}
                      onClick={() => void run(() => api.request['receivers:remove']({ receiverId: r.id }))}
                    >
                      Remove
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : receivers ? (
        <p className="muted">No receivers yet: incidents show here and on this desktop only.</p>
      ) : null}
      <form className="receiver-form" onSubmit={(e) => void add(e)} aria-label="Add a receiver">
        <div className="form-field">
          <label htmlFor="receiver-kind">Kind</label>
          <select id="receiver-kind" value={kind} onChange={(e) => setKind(e.target.value as ReceiverKind)}>
            {KINDS.map((k) => (
              <option key={k.id} value={k.id}>
                {k.label}
              </option>
            ))}
          </select>
        </div>
        <TextField
          id="receiver-name"
          label="Name"
          value={name}
          error={undefined}
          placeholder="#streaming"
          onChange={setName}
        />
        {needsUrl ? (
          <TextField
            id="receiver-url"
            label={kind === 'webhook' ? 'Address' : 'Events API address'}
            value={url}
            error={undefined}
            required={kind === 'webhook'}
            placeholder={
              kind === 'webhook' ? 'https://ops.example.com/streamwatch' : 'https://events.pagerduty.com/v2/enqueue'
            }
            onChange={setUrl}
          />
        ) : null}
        <div className="form-field">
          <label htmlFor="receiver-secret">
            {kindOf(kind).secret}
            <span aria-hidden="true"> *</span>
          </label>
          <input
            id="receiver-secret"
            type="password"
            autoComplete="new-password"
            spellCheck={false}
            value={secret}
            aria-describedby="receiver-secret-help"
            onChange={(e) => setSecret(e.target.value)}
          />
          <p className="field-help" id="receiver-secret-help">
            {kindOf(kind).help}
          </p>
        </div>
        <button type="submit" disabled={busy || secret === ''}>
          Add receiver
        </button>
      </form>
    </section>
  );
}
