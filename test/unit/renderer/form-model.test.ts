import { describe, expect, it } from 'vitest';
import type { ProviderInfo } from '@shared/ipc/contract';
import {
  checkForm,
  editForm,
  newForm,
  rename,
  slugify,
  toSave,
  uniqueId,
} from '../../../renderer/src/features/sources/form-model';
import { fieldOfError } from '../../../renderer/src/features/sources/field-errors';

/** Field specs shaped like the providers' own (NAVER and Conviva), as sources:list sends them. */
const naver: ProviderInfo = {
  kind: 'naver-vpe',
  label: 'NAVER VPE',
  defaultBaseUrl: 'https://ma-dashboard-api.vpe.naverncp.com',
  metric: { label: 'Current viewers', unit: 'viewers', definition: '' },
  fields: [
    { key: 'apiKey', label: 'API key', secret: true, kind: 'text', required: true },
    { key: 'projectId', label: 'Company ID', secret: true, kind: 'text', required: true },
    {
      key: 'device',
      label: 'Device',
      secret: false,
      kind: 'select',
      choices: ['PC', 'Mobile', 'PC,Mobile'],
      defaultValue: 'PC,Mobile',
      required: false,
    },
    { key: 'timeZone', label: 'Time zone', secret: false, kind: 'text', defaultValue: 'UTC', required: false },
    {
      key: 'sessionLimit',
      label: 'Recent sessions',
      secret: false,
      kind: 'number',
      defaultValue: 100,
      required: false,
    },
  ],
};
const conviva: ProviderInfo = {
  ...naver,
  kind: 'conviva',
  label: 'Conviva',
  fields: [
    { key: 'clientId', label: 'API client id', secret: true, kind: 'text', required: true },
    { key: 'fetchSessions', label: 'Sessions', secret: false, kind: 'boolean', defaultValue: true, required: false },
    { key: 'dimensionFilters', label: 'Dimension filters', secret: false, kind: 'list', required: false },
    { key: 'region', label: 'Region', secret: false, kind: 'text', required: true },
  ],
};
const none = new Set<string>();

describe('source form model', () => {
  it('starts a new form from the fields: defaults filled in, secrets empty, an id from the name', () => {
    const form = newForm(naver, new Set(['naver-vpe']));
    expect(form.options).toEqual({ device: 'PC,Mobile', timeZone: 'UTC', sessionLimit: '100' });
    expect(form.secrets).toEqual({});
    expect(form.id).toBe('naver-vpe-2');
    expect(rename(form, 'NAVER Main ch.', none).id).toBe('naver-main-ch.');
  });

  it('turns typed text into numbers and lists, leaves empty options to main defaults, sends only typed secrets', () => {
    let form = newForm(conviva, none);
    form = {
      ...form,
      name: ' Conviva prod ',
      options: { ...form.options, dimensionFilters: 'device_os=iOS\n\n  cdn=Akamai ', region: 'eu' },
      secrets: { clientId: 'cid' },
    };
    const { source, secrets } = toSave(form, conviva);
    expect(source).toEqual({
      id: 'conviva',
      provider: 'conviva',
      name: 'Conviva prod',
      enabled: true,
      options: { fetchSessions: true, dimensionFilters: ['device_os=iOS', 'cdn=Akamai'], region: 'eu' },
    });
    expect(secrets).toEqual({ clientId: 'cid' });
    const naverSave = toSave(
      { ...newForm(naver, none), options: { device: 'PC', timeZone: '', sessionLimit: '50' } },
      naver,
    );
    expect(naverSave.source.options).toEqual({ device: 'PC', sessionLimit: 50 });
  });

  it('edits an existing source without ever holding its secrets, keeping options it has no field for', () => {
    const form = editForm(conviva, {
      id: 'cv',
      provider: 'conviva',
      name: 'Conviva',
      enabled: false,
      baseUrl: 'http://127.0.0.1:9000',
      options: { dimensionFilters: { device_os: 'iOS' }, region: 'us', legacy: 3 },
    });
    expect(form.options.dimensionFilters).toBe('device_os=iOS');
    expect(form.secrets).toEqual({});
    expect(toSave(form, conviva).source).toMatchObject({
      id: 'cv',
      enabled: false,
      baseUrl: 'http://127.0.0.1:9000',
      options: { legacy: 3, region: 'us' },
    });
    expect(rename(form, 'Other name', none).id).toBe('cv');
  });

  it('requires a name, a valid free id, required options and required secrets unless stored', () => {
    const form = {
      ...newForm(conviva, none),
      name: '',
      id: 'bad id',
      baseUrl: 'ftp://x',
      options: { fetchSessions: true, dimensionFilters: '', region: '' },
    };
    expect(checkForm(form, conviva, { taken: none, stored: {} })).toEqual({
      'source.name': 'Enter a name.',
      'source.id': 'Use letters, digits, ".", "_" or "-".',
      'source.baseUrl': expect.stringContaining('http'),
      'options.region': 'Region is required.',
      'secrets.clientId': 'API client id is required.',
    });
    const taken = checkForm({ ...newForm(naver, none), id: 'used' }, naver, { taken: new Set(['used']), stored: {} });
    expect(taken['source.id']).toBe('Another source has this id.');
    const existing = editForm(naver, { id: 'n', provider: 'naver-vpe', name: 'N', enabled: true, options: {} });
    expect(checkForm(existing, naver, { taken: new Set(['n']), stored: { apiKey: true, projectId: true } })).toEqual(
      {},
    );
    expect(checkForm(existing, naver, { taken: none, stored: { apiKey: true } })).toEqual({
      'secrets.projectId': 'Company ID is required.',
    });
    const notNumber = { ...existing, options: { ...existing.options, sessionLimit: 'lots' } };
    expect(checkForm(notNumber, naver, { taken: none, stored: { apiKey: true, projectId: true } })).toEqual({
      'options.sessionLimit': 'Enter a number.',
    });
  });

  it('maps main errors to the field they name', () => {
    expect(fieldOfError('options.timeZone: not a known IANA time zone (e.g. "UTC" or "Asia/Seoul")')).toEqual({
      key: 'options.timeZone',
      text: 'not a known IANA time zone (e.g. "UTC" or "Asia/Seoul")',
    });
    expect(fieldOfError('Invalid argument for sources:save: field source.baseUrl — Invalid URL.')).toEqual({
      key: 'source.baseUrl',
      text: 'Invalid URL',
    });
    expect(fieldOfError('Invalid argument for sources:save: field source.options.device — Invalid option.')?.key).toBe(
      'options.device',
    );
    expect(fieldOfError('Invalid argument for sources:save: field secrets.apiKey — Too big.')?.key).toBe(
      'secrets.apiKey',
    );
    expect(fieldOfError('NAVER VPE · Authentication Failed: Invalid authentication information.')).toBeNull();
  });

  it('makes ids a person can read', () => {
    expect(slugify('Café Live · 서울')).toBe('cafe-live');
    expect(slugify('!!!')).toBe('source');
    expect(uniqueId('Demo NAVER', none)).toBe('source-demo-naver');
    expect(uniqueId('NAVER', new Set(['naver', 'naver-2']))).toBe('naver-3');
  });
});
