import { useEffect, useRef, useState } from 'react';
import type { SourceConfig } from '@shared/model/source';
import { api } from '../../api';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { FieldInput } from './field-input';
import { optionFields, secretFields } from './form-model';
import { SecretInput } from './secret-input';
import { StorageChoice } from './storage-choice';
import { TestConnection } from './test-connection';
import { TextField } from './text-field';
import { useSourceForm, type SourceFormInput } from './use-source-form';

interface Props extends SourceFormInput {
  readonly onSaved: (source: SourceConfig) => void;
  readonly onCancel: () => void;
}

/** Add or edit one source: generated from the platform's field specs, secrets write-only. */
export function SourceEditor(props: Props) {
  const { provider, existing, keychain } = props;
  const f = useSourceForm(props);
  const formRef = useRef<HTMLFormElement>(null);
  const [clearing, setClearing] = useState<{ key: string; label: string } | null>(null);
  const [clearError, setClearError] = useState('');
  const storedWhere = keychain.available ? 'stored in the system keychain' : 'kept for this session only';

  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('input:not([disabled])')?.focus();
  }, []);
  useEffect(() => {
    if (f.errorTurn > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], .form-error')?.focus();
  }, [f.errorTurn]);

  const clear = async (key: string) => {
    setClearing(null);
    if (!existing) return;
    const result = await api.request['credentials:clear']({ sourceId: existing.id, field: key });
    if (result.ok) f.markCleared(key);
    setClearError(result.ok ? '' : result.error.message);
  };

  const title = existing ? `Edit ${existing.name}` : `Add a ${provider.label} source`;
  return (
    <section className="panel source-editor" aria-labelledby="editor-heading">
      <header className="panel-head">
        <h2 id="editor-heading">{title}</h2>
      </header>
      <form
        ref={formRef}
        noValidate
        aria-labelledby="editor-heading"
        onSubmit={(event) => {
          event.preventDefault();
          void f.save().then((saved) => saved && props.onSaved(saved));
        }}
      >
        <fieldset>
          <legend>Source</legend>
          <TextField
            id="source-name"
            label="Name"
            required
            value={f.form.name}
            error={f.errors['source.name']}
            onChange={f.setName}
          />
          <TextField
            id="source-id"
            label="Id"
            required
            value={f.form.id}
            disabled={!f.form.isNew}
            error={f.errors['source.id']}
            help={f.form.isNew ? 'Names the source in the keychain and in exports; it cannot change later.' : undefined}
            onChange={(id) => f.update({ id, idFromName: false })}
          />
          <TextField
            id="source-base-url"
            label="Base URL"
            value={f.form.baseUrl}
            placeholder={provider.defaultBaseUrl}
            error={f.errors['source.baseUrl']}
            help="Leave empty for the platform's own address; set it for a proxy or a simulator."
            onChange={(baseUrl) => f.update({ baseUrl })}
          />
          <label className="field-check">
            <input type="checkbox" checked={f.form.enabled} onChange={(e) => f.update({ enabled: e.target.checked })} />
            <span>Poll this source</span>
          </label>
        </fieldset>
        <fieldset>
          <legend>Options</legend>
          {optionFields(provider).map((spec) => (
            <FieldInput
              key={spec.key}
              spec={spec}
              value={f.form.options[spec.key] ?? ''}
              error={f.errors[`options.${spec.key}`]}
              disabled={f.saving}
              onChange={(value) => f.setOption(spec.key, value)}
            />
          ))}
        </fieldset>
        <fieldset>
          <legend>Secrets</legend>
          {secretFields(provider).map((spec) => (
            <SecretInput
              key={spec.key}
              spec={spec}
              stored={f.stored[spec.key] === true}
              storedWhere={storedWhere}
              value={f.form.secrets[spec.key] ?? ''}
              replacing={f.replacing.has(spec.key)}
              error={f.errors[`secrets.${spec.key}`]}
              disabled={f.saving}
              onChange={(value) => f.setSecret(spec.key, value)}
              onReplace={(on) => f.setReplacing(spec.key, on)}
              onClear={() => setClearing({ key: spec.key, label: spec.label })}
            />
          ))}
          {clearError ? (
            <p className="field-error" role="alert">
              {clearError}
            </p>
          ) : null}
          <StorageChoice
            keychain={keychain}
            sessionOnly={f.sessionOnly}
            error={f.errors.storage}
            onChange={f.setSessionOnly}
          />
        </fieldset>
        <TestConnection disabled={f.saving} run={f.test} />
        {f.formError ? (
          <p className="form-error" role="alert" tabIndex={-1}>
            {f.formError}
          </p>
        ) : null}
        <div className="button-row">
          <button type="submit" className="primary" disabled={f.saving}>
            {f.saving ? 'Saving…' : existing ? 'Save changes' : 'Add source'}
          </button>
          <button type="button" onClick={props.onCancel}>
            Cancel
          </button>
        </div>
      </form>
      {clearing && existing ? (
        <ConfirmDialog
          title={`Clear the ${clearing.label} of ${existing.name}?`}
          confirmLabel="Clear"
          onConfirm={() => void clear(clearing.key)}
          onCancel={() => setClearing(null)}
        >
          <p>It is deleted from the keychain now. The source cannot be polled until a new one is entered.</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
