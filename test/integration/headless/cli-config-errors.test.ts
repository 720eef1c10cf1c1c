import { describe, expect, it } from 'vitest';
import { runCli, writeTempFile } from './run-cli';

/** Bad input never reaches the engine: exit 1, the file and the field on stderr, nothing on stdout. */
describe('headless: usage and config errors', () => {
  const naver = {
    id: 'main',
    provider: 'naver-vpe',
    name: 'NAVER main',
    secrets: { apiKey: { env: 'A' }, projectId: { env: 'B' } },
  };

  it.each([
    ['not JSON', '{"sources": [ oops', /bad\.json: not valid JSON/],
    [
      'an unknown provider',
      JSON.stringify({ sources: [{ ...naver, provider: 'youtube' }] }),
      /bad\.json: field sources\[0\]\.provider — unknown provider "youtube"/,
    ],
    [
      'a field of the wrong type',
      JSON.stringify({ sources: [{ ...naver, name: 7 }] }),
      /bad\.json: field sources\[0\]\.name — Invalid input: expected string, received number/,
    ],
  ])('exits 1 for %s, naming the file and the field', async (_what, text, expected) => {
    const file = await writeTempFile('bad.json', text);
    const run = await runCli(['--config', file, '--once']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(expected);
    expect(run.stdout).toBe('');
  });

  it('exits 1 for a missing config file', async () => {
    const run = await runCli(['--config', '/nonexistent/sources.json', '--once']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('/nonexistent/sources.json: file not found');
  });

  it('exits 1 with the usage for bad flags, and refuses --host', async () => {
    const run = await runCli(['--demo', '--serve', '0', '--host', '0.0.0.0']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('--host is not offered: use --listen <address>');
    expect(run.stderr).toContain('Usage: npm run headless');
  });

  it('prints the usage on stdout for --help and exits 0', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('--serve <port>');
  });
});
