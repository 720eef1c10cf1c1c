import { describe, expect, it } from 'vitest';
import { exportSourcesJson, parseSourcesJson } from '../../../main/core/sources-exchange';
import type { SourceConfig } from '@shared/model/source';

const naver: SourceConfig = {
  id: 'naver-main',
  provider: 'naver-vpe',
  name: 'NAVER main',
  enabled: true,
  options: { device: 'PC,Mobile' },
};

describe('the shareable source list', () => {
  it('round-trips the configuration, and carries no field a secret could hide in', () => {
    const json = exportSourcesJson([naver]);
    expect(JSON.parse(json)).toEqual({ streamwatch: 'sources', version: 1, sources: [naver] });
    expect(parseSourcesJson(json)).toEqual({ ok: true, value: [naver] });
  });

  it('refuses a file that is not JSON, in a sentence that says what to choose', () => {
    const result = parseSourcesJson('{"streamwatch": ');
    expect(result).toEqual({
      ok: false,
      error: { code: 'bad-file', message: 'The file is not JSON; choose a source list exported by Streamwatch.' },
    });
  });

  it('names the first bad field of a list that is JSON but not a source list', () => {
    const result = parseSourcesJson(
      JSON.stringify({ streamwatch: 'sources', version: 1, sources: [{ ...naver, id: '' }] }),
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.message).toMatch(/^The source list is not valid: field sources\[0\]\.id — /);
  });
});
