import { useMemo, useRef, useState } from 'react';
import type { ProviderInfo } from '@shared/ipc/contract';
import type { SourceConfig } from '@shared/model/source';
import type { Snapshot } from '@shared/model/state';
import { api } from '../../api';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { useSettings, useSideStores } from '../../state/side-stores';
import { AddSource } from './add-source';
import { DemoSwitch } from './demo-switch';
import { ImportExport, type ImportResult } from './import-export';
import { ImportSummary, NeedSecretsList } from './import-summary';
import { SettingsPanel } from './settings-panel';
import { HistoryPanel } from './history-panel';
import { CollectorPanel } from './collector-panel';
import { SourceEditor } from './source-editor';
import { SourceList } from './source-list';
import { useSourceList } from './use-source-list';

interface Props {
  readonly snapshot: Snapshot | null;
  readonly now: number;
}

interface Editing {
  readonly provider: ProviderInfo;
  readonly existing: SourceConfig | null;
}

/** Sources and settings: the platform accounts Streamwatch polls, and how it behaves. */
export function SourcesView({ snapshot, now }: Props) {
  const { list, error, reload: reloadList } = useSourceList();
  const { settings: settingsStore } = useSideStores();
  // Saving the first source ends the demo in main: the settings are read again with the list.
  const reload = () => Promise.all([reloadList(), settingsStore.refresh()]).then(() => undefined);
  const { settings, error: settingsError } = useSettings();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [removing, setRemoving] = useState<SourceConfig | null>(null);
  const [keepHistory, setKeepHistory] = useState(true);
  const [imported, setImported] = useState<ImportResult | null>(null);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const headingRef = useRef<HTMLHeadingElement>(null);

  const states = useMemo(() => new Map((snapshot?.sources ?? []).map((s) => [s.id, s])), [snapshot?.sources]);
  const sources = list?.sources ?? [];
  const providers = list?.providers ?? [];
  const editable = settings?.editable ?? false;
  const listed = new Set(sources.map((s) => s.id));
  const demoOnly = (snapshot?.sources ?? []).filter((s) => s.demo && !listed.has(s.id));
  const storage = settings?.keychain.available === false ? 'session' : 'keychain';

  const say = (text: string) => {
    setMessage(text);
    headingRef.current?.focus();
  };
  const withBusy = async (id: string, work: () => Promise<void>) => {
    setBusy((b) => new Set(b).add(id));
    await work();
    setBusy((b) => new Set([...b].filter((x) => x !== id)));
  };
  const edit = (source: SourceConfig) => {
    const provider = providers.find((p) => p.kind === source.provider);
    if (provider) setEditing({ provider, existing: source });
  };
  const toggle = (source: SourceConfig) =>
    withBusy(source.id, async () => {
      const result = await api.request['sources:save']({ source: { ...source, enabled: !source.enabled }, storage });
      await reload();
      setMessage(result.ok ? `${source.name}: polling ${source.enabled ? 'off' : 'on'}.` : result.error.message);
    });
  const remove = (source: SourceConfig) =>
    withBusy(source.id, async () => {
      setRemoving(null);
      const result = await api.request['sources:remove']({ sourceId: source.id, keepHistory });
      setKeepHistory(true); // the next removal asks afresh
      await reload();
      say(
        result.ok
          ? `Removed ${source.name} and its secrets${keepHistory ? '; its history is kept' : ' and its history'}.`
          : result.error.message,
      );
    });
  const setDemo = async (demo: boolean) => {
    const result = await settingsStore.set({ demo });
    setMessage(result.ok ? (demo ? 'Demo data is on.' : 'Demo data is off.') : result.error.message);
  };

  return (
    <div className={`sources-view${editing ? ' has-editor' : ''}`}>
      <div className="sources-main">
        <section className="panel" aria-labelledby="sources-heading">
          <header className="panel-head">
            <h2 id="sources-heading" ref={headingRef} tabIndex={-1}>
              Sources
            </h2>
            <ImportExport
              editable={editable}
              onImported={(result) => {
                setImported(result);
                void reload();
              }}
            />
          </header>
          {settings?.notice ? <p className="banner banner-warn">{settings.notice}</p> : null}
          {settings?.following ? (
            <p className="note read-only-note">
              Read-only here: these are the sources of the team collector at {settings.following}, which polls them for
              the whole desk. Change them on the collector.
            </p>
          ) : settings && !editable ? (
            <p className="note read-only-note">
              Read-only: these sources are fixed by how Streamwatch was started (headless <code>--config</code> or{' '}
              <code>--demo</code>). {settings.keychain.message ?? ''} To change them, edit that configuration and
              restart.
            </p>
          ) : null}
          {settings && !settings.following ? (
            <DemoSwitch
              settings={settings}
              hasRealSources={sources.length > 0}
              busy={false}
              onChange={(d) => void setDemo(d)}
            />
          ) : null}
          <p role="status" className="muted sources-status">
            {message}
          </p>
          {error || settingsError ? (
            <p className="error-sentence" role="alert">
              {error || settingsError}
            </p>
          ) : null}
          {!list ? <p className="loading">Loading the sources…</p> : null}
          {list && sources.length > 0 ? (
            <SourceList
              sources={sources}
              providers={providers}
              states={states}
              now={now}
              editable={editable}
              busy={busy}
              onEdit={edit}
              onToggle={(s) => void toggle(s)}
              onRemove={setRemoving}
            />
          ) : null}
          {list && sources.length === 0 ? <p className="note">No sources of your own yet.</p> : null}
          {demoOnly.length > 0 ? (
            <p className="note">
              <span className="demo-badge">DEMO</span> Also shown: {demoOnly.map((s) => s.name).join(', ')} (built-in
              simulators, not real accounts).
            </p>
          ) : null}
          {editable && list ? (
            <AddSource providers={providers} onAdd={(provider) => setEditing({ provider, existing: null })} />
          ) : null}
        </section>
        {imported ? (
          <ImportSummary
            result={imported}
            sources={sources}
            providers={providers}
            onEnterSecrets={edit}
            onDismiss={() => setImported(null)}
          />
        ) : settings && settings.needSecrets.length > 0 ? (
          // Kept until the secrets are entered: it survives a reload and a restart (main works it out each time).
          <section className="panel import-summary" aria-labelledby="need-secrets-heading">
            <header className="panel-head">
              <h2 id="need-secrets-heading">Secrets to enter</h2>
            </header>
            <NeedSecretsList
              needs={settings.needSecrets}
              sources={sources}
              providers={providers}
              onEnterSecrets={edit}
            />
          </section>
        ) : null}
        <CollectorPanel now={now} onChanged={() => void reload()} />
        {settings ? <SettingsPanel settings={settings} onSet={settingsStore.set} /> : null}
        <HistoryPanel sources={sources} />
      </div>
      {editing && settings ? (
        <SourceEditor
          key={`${editing.provider.kind}/${editing.existing?.id ?? 'new'}`}
          provider={editing.provider}
          existing={editing.existing}
          taken={new Set(sources.filter((s) => s.id !== editing.existing?.id).map((s) => s.id))}
          keychain={settings.keychain}
          onSaved={(saved) => {
            setEditing(null);
            void reload();
            say(`Saved ${saved.name}. ${saved.enabled ? 'Its data appears with the next poll.' : 'It is not polled.'}`);
          }}
          onCancel={() => setEditing(null)}
        />
      ) : null}
      {removing ? (
        <ConfirmDialog
          title={`Remove ${removing.name}?`}
          confirmLabel="Remove"
          onConfirm={() => void remove(removing)}
          onCancel={() => setRemoving(null)}
        >
          <p>
            Its data disappears from every view, and its secrets are deleted from the keychain. This cannot be undone.
          </p>
          <label className="check">
            <input type="checkbox" checked={keepHistory} onChange={(e) => setKeepHistory(e.currentTarget.checked)} />
            Keep its stored history (it comes back if a source with the same id is added again)
          </label>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
