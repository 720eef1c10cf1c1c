import { useEffect, useState } from 'react';
import type { ProviderInfo, SettingsView } from '@shared/ipc/contract';
import type { SourceConfig } from '@shared/model/source';
import { api } from '../../api';
import { fieldOfError } from './field-errors';
import { checkForm, editForm, newForm, rename, toSave, type FormErrors, type SourceForm } from './form-model';

export interface SourceFormInput {
  readonly provider: ProviderInfo;
  readonly existing: SourceConfig | null;
  /** Ids of every other source. */
  readonly taken: ReadonlySet<string>;
  readonly keychain: SettingsView['keychain'];
}

/**
 * The form's state and its two calls to main (test, save). Checks run in the
 * page first (required fields, numbers, the id); main validates again with
 * its schemas, and its answer is put beside the field it names.
 */
export function useSourceForm(input: SourceFormInput) {
  const { provider, existing, taken, keychain } = input;
  const [form, setForm] = useState<SourceForm>(() =>
    existing ? editForm(provider, existing) : newForm(provider, taken),
  );
  const [errors, setErrors] = useState<FormErrors>({});
  const [stored, setStored] = useState<Readonly<Record<string, boolean>>>({});
  const [replacing, setReplacing] = useState<ReadonlySet<string>>(new Set());
  const [sessionOnly, setSessionOnly] = useState(false);
  const [formError, setFormError] = useState('');
  const [saving, setSaving] = useState(false);
  /** Bumped when errors are shown, so the view can move the focus to the first one. */
  const [errorTurn, setErrorTurn] = useState(0);

  useEffect(() => {
    if (!existing) return;
    let current = true;
    void api.request['credentials:has']({ sourceId: existing.id }).then((result) => {
      if (current && result.ok) setStored(result.value);
    });
    return () => {
      current = false;
    };
  }, [existing]);

  const showErrors = (next: FormErrors, message = '') => {
    setErrors(next);
    setFormError(message);
    setErrorTurn((n) => n + 1);
  };

  const check = (): Record<string, string> => {
    const found: Record<string, string> = { ...checkForm(form, provider, { taken, stored }) };
    const typed = Object.values(form.secrets).some((v) => v !== '');
    if (!keychain.available && typed && !sessionOnly) {
      found.storage = 'Choose “Keep for this session only”, or make the system keychain available first.';
    }
    return found;
  };

  const fromMain = (message: string) => {
    const field = fieldOfError(message);
    if (field) showErrors({ [field.key]: field.text });
    else showErrors({}, message);
  };

  return {
    form,
    errors,
    stored,
    replacing,
    sessionOnly,
    formError,
    saving,
    errorTurn,
    setName: (name: string) => setForm((f) => rename(f, name, taken)),
    update: (patch: Partial<SourceForm>) => setForm((f) => ({ ...f, ...patch })),
    setOption: (key: string, value: string | boolean) =>
      setForm((f) => ({ ...f, options: { ...f.options, [key]: value } })),
    setSecret: (key: string, value: string) => setForm((f) => ({ ...f, secrets: { ...f.secrets, [key]: value } })),
    setReplacing(key: string, on: boolean) {
      setReplacing((current) => {
        const next = new Set(current);
        if (on) next.add(key);
        else next.delete(key);
        return next;
      });
      if (!on) setForm((f) => ({ ...f, secrets: { ...f.secrets, [key]: '' } }));
    },
    setSessionOnly,
    markCleared: (key: string) => setStored((s) => ({ ...s, [key]: false })),
    async test() {
      const found = check();
      delete found.storage; // testing stores nothing
      if (Object.keys(found).length > 0) {
        showErrors(found);
        return null;
      }
      showErrors({});
      const { source, secrets } = toSave(form, provider);
      return api.request['sources:test']({ source, secrets });
    },
    async save(): Promise<SourceConfig | null> {
      const found = check();
      if (Object.keys(found).length > 0) {
        showErrors(found, 'Some fields need attention.');
        return null;
      }
      setSaving(true);
      const { source, secrets } = toSave(form, provider);
      // Without a keychain, memory for this session is the only place a secret can be kept.
      const storage = !keychain.available || sessionOnly ? 'session' : 'keychain';
      const result = await api.request['sources:save']({ source, secrets, storage });
      setSaving(false);
      if (result.ok) return result.value;
      fromMain(result.error.message);
      return null;
    },
  };
}
