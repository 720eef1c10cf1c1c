import { describe, expect, it } from 'vitest';
import { describeConfigError, parseConfigText } from '../../../main/headless/config';
import { lookupTestProvider } from './test-provider';

const naver = {
  id: 'main',
  provider: 'naver-vpe',
  name: 'NAVER main',
  options: { device: 'PC' },
  secrets: { apiKey: { env: 'NAVER_API_KEY' }, projectId: { env: 'NAVER_PROJECT_ID' } },
};

function parse(value: unknown) {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  const result = parseConfigText('sources.json', text, lookupTestProvider);
  return result.ok
    ? { ok: true as const, config: result.value }
    : { ok: false as const, message: describeConfigError(result.error) };
}

describe('headless config file', () => {
  it('reads sources and the environment variables that hold their secrets', () => {
    const result = parse({ sources: [naver] });
    expect(result.ok && result.config.sources).toEqual([
      { id: 'main', provider: 'naver-vpe', name: 'NAVER main', enabled: true, options: { device: 'PC' } },
    ]);
    expect(result.ok && result.config.env).toEqual({
      main: { apiKey: 'NAVER_API_KEY', projectId: 'NAVER_PROJECT_ID' },
    });
  });

  it.each([
    ['not JSON', '{"sources": [', 'sources.json: not valid JSON'],
    [
      'an unknown provider',
      { sources: [{ ...naver, provider: 'youtube' }] },
      'sources.json: field sources[0].provider — unknown provider "youtube"',
    ],
    [
      'a field of the wrong type',
      { sources: [{ ...naver, name: 42 }] },
      'sources.json: field sources[0].name — Invalid input: expected string',
    ],
    ['a misspelt key', { sources: [{ ...naver, secret: {} }] }, 'sources.json: field sources[0].secret — unknown key'],
    [
      'a bad base URL',
      { sources: [{ ...naver, baseUrl: 'ftp://x' }] },
      'sources.json: field sources[0].baseUrl — must be an http or https URL',
    ],
    [
      'a bad option',
      { sources: [{ ...naver, options: { device: 'TV' } }] },
      'sources.json: field sources[0].options.device',
    ],
    [
      'a missing secret binding',
      { sources: [{ ...naver, secrets: { apiKey: { env: 'K' } } }] },
      'field sources[0].secrets.projectId — NAVER VPE needs this secret',
    ],
    [
      'a secret that is not a variable name',
      { sources: [{ ...naver, secrets: { ...naver.secrets, apiKey: { env: 'my key' } } }] },
      'field sources[0].secrets.apiKey.env',
    ],
    [
      'a secret value written into the file',
      { sources: [{ ...naver, secrets: { ...naver.secrets, apiKey: 'abc123' } }] },
      'field sources[0].secrets.apiKey — Invalid input: expected object',
    ],
    [
      'a duplicate id',
      { sources: [naver, { ...naver, name: 'again' }] },
      'field sources[1].id — duplicate source id "main"',
    ],
    ['no sources', { sources: [] }, 'field sources — list at least one source'],
    [
      'a provider not in this build',
      { sources: [{ ...naver, provider: 'conviva' }] },
      'field sources[0].provider — conviva is not available in this build',
    ],
  ])('refuses %s, naming the file and the field', (_what, input, expected) => {
    const result = parse(input);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toContain(expected);
  });

  it('never echoes a secret value written into the file by mistake', () => {
    const result = parse({ sources: [{ ...naver, secrets: { ...naver.secrets, apiKey: 'abc123' } }] });
    expect(!result.ok && result.message).not.toContain('abc123');
  });
});
