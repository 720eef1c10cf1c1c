import type { ProviderInfo } from '@shared/ipc/contract';
import type { FieldSpec, SourceConfig } from '@shared/model/source';

/**
 * The source form as data, generated from a provider's FieldSpecs: every
 * input is a string or a boolean while editing, turned into a SourceConfig
 * (numbers, lists) only on save or test. Pure, so the required checks and
 * conversions are tested without a page. Main validates again with its zod
 * schemas; its errors are mapped back to a field by `fieldOfError` (field-errors.ts).
 */
export type FieldValue = string | boolean;

export interface SourceForm {
  readonly isNew: boolean;
  readonly provider: ProviderInfo['kind'];
  readonly id: string;
  /** The id still follows the name (a new source whose id the user has not typed). */
  readonly idFromName: boolean;
  readonly name: string;
  readonly baseUrl: string;
  readonly enabled: boolean;
  readonly options: Readonly<Record<string, FieldValue>>;
  /** Only what was typed in this form; stored secrets are never read back. */
  readonly secrets: Readonly<Record<string, string>>;
  /** Options the form has no field for (from an imported or hand-edited file): kept as they are. */
  readonly extra: Readonly<Record<string, unknown>>;
}

/** Error keys: `source.name`, `source.id`, `source.baseUrl`, `options.<key>`, `secrets.<key>`, `storage`. */
export type FormErrors = Readonly<Record<string, string>>;

export const ID_PATTERN = /^[A-Za-z0-9_.-]+$/;

export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9_.-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48);
  return slug || 'source';
}

/** The first free id based on the name: "naver-main", then "naver-main-2". */
export function uniqueId(name: string, taken: ReadonlySet<string>): string {
  const slug = slugify(name);
  // "demo-" ids belong to the built-in demo; a source named "Demo …" still gets an id of its own.
  const base = slug.startsWith('demo-') ? `source-${slug}` : slug;
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

function listText(value: unknown): string {
  if (Array.isArray(value)) return value.map(String).join('\n');
  if (value && typeof value === 'object') {
    return Object.entries(value)
      .map(([k, v]) => `${k}=${String(v)}`)
      .join('\n');
  }
  return value === undefined || value === null ? '' : String(value);
}

function initialValue(spec: FieldSpec, stored: unknown): FieldValue {
  const value = stored ?? spec.defaultValue;
  if (spec.kind === 'boolean') return value === true || value === 'true';
  if (spec.kind === 'list') return listText(value);
  return value === undefined || value === null ? '' : String(value);
}

export function optionFields(provider: ProviderInfo): FieldSpec[] {
  return provider.fields.filter((f) => !f.secret);
}

export function secretFields(provider: ProviderInfo): FieldSpec[] {
  return provider.fields.filter((f) => f.secret);
}

export function newForm(provider: ProviderInfo, taken: ReadonlySet<string>): SourceForm {
  const name = `${provider.label}`;
  return {
    isNew: true,
    provider: provider.kind,
    id: uniqueId(name, taken),
    idFromName: true,
    name,
    baseUrl: '',
    enabled: true,
    options: Object.fromEntries(optionFields(provider).map((f) => [f.key, initialValue(f, undefined)])),
    secrets: {},
    extra: {},
  };
}

export function editForm(provider: ProviderInfo, source: SourceConfig): SourceForm {
  const fields = optionFields(provider);
  const known = new Set(fields.map((f) => f.key));
  return {
    isNew: false,
    provider: provider.kind,
    id: source.id,
    idFromName: false,
    name: source.name,
    baseUrl: source.baseUrl ?? '',
    enabled: source.enabled,
    options: Object.fromEntries(fields.map((f) => [f.key, initialValue(f, source.options[f.key])])),
    secrets: {},
    extra: Object.fromEntries(Object.entries(source.options).filter(([key]) => !known.has(key))),
  };
}

/** Renaming a new source renames its id too, until the user types an id of their own. */
export function rename(form: SourceForm, name: string, taken: ReadonlySet<string>): SourceForm {
  return form.idFromName && form.isNew ? { ...form, name, id: uniqueId(name, taken) } : { ...form, name };
}

function optionValue(spec: FieldSpec, value: FieldValue | undefined): unknown {
  if (spec.kind === 'boolean') return value === true;
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === '') return undefined;
  if (spec.kind === 'number') return Number(text);
  if (spec.kind === 'list') {
    return text
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean);
  }
  return text;
}

/** What goes to main: the source (empty options left out, so main's defaults apply) and only the typed secrets. */
export function toSave(
  form: SourceForm,
  provider: ProviderInfo,
): { source: SourceConfig; secrets: Record<string, string> } {
  const options: Record<string, unknown> = { ...form.extra };
  for (const spec of optionFields(provider)) {
    const value = optionValue(spec, form.options[spec.key]);
    if (value !== undefined) options[spec.key] = value;
  }
  const secrets: Record<string, string> = {};
  for (const spec of secretFields(provider)) {
    const value = form.secrets[spec.key];
    if (value && value !== '') secrets[spec.key] = value;
  }
  const baseUrl = form.baseUrl.trim();
  return {
    source: {
      id: form.id.trim(),
      provider: form.provider,
      name: form.name.trim(),
      ...(baseUrl ? { baseUrl } : {}),
      enabled: form.enabled,
      options,
    },
    secrets,
  };
}

export interface CheckContext {
  /** Ids of the other sources (a new source's id must not take one). */
  readonly taken: ReadonlySet<string>;
  /** Which secrets are already stored for this source (credentials:has); empty for a new one. */
  readonly stored: Readonly<Record<string, boolean>>;
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** The checks the page can make before asking main: required fields, numbers, the id, the URL. */
export function checkForm(form: SourceForm, provider: ProviderInfo, ctx: CheckContext): FormErrors {
  const errors: Record<string, string> = {};
  const name = form.name.trim();
  const id = form.id.trim();
  if (name === '') errors['source.name'] = 'Enter a name.';
  else if (name.length > 80) errors['source.name'] = 'At most 80 characters.';
  if (id === '') errors['source.id'] = 'Enter an id.';
  else if (id.length > 64) errors['source.id'] = 'At most 64 characters.';
  else if (!ID_PATTERN.test(id)) errors['source.id'] = 'Use letters, digits, ".", "_" or "-".';
  else if (form.isNew && ctx.taken.has(id)) errors['source.id'] = 'Another source has this id.';
  else if (id.startsWith('demo-')) errors['source.id'] = 'Ids starting with "demo-" are kept for the built-in demo.';
  if (form.baseUrl.trim() !== '' && !isHttpUrl(form.baseUrl.trim())) {
    errors['source.baseUrl'] = 'Enter a full http:// or https:// address, or leave it empty for the default.';
  }
  for (const spec of optionFields(provider)) {
    const value = form.options[spec.key];
    const text = typeof value === 'string' ? value.trim() : '';
    if (spec.kind === 'number' && text !== '' && !Number.isFinite(Number(text))) {
      errors[`options.${spec.key}`] = 'Enter a number.';
    } else if (spec.required && spec.kind !== 'boolean' && text === '') {
      errors[`options.${spec.key}`] = `${spec.label} is required.`;
    }
  }
  for (const spec of secretFields(provider)) {
    if (!spec.required) continue;
    if ((form.secrets[spec.key] ?? '') === '' && !ctx.stored[spec.key]) {
      errors[`secrets.${spec.key}`] = `${spec.label} is required.`;
    }
  }
  return errors;
}
