import { chmod, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { ok } from '@shared/result';
import { parseConfigText, secretFilesOf } from '../../../main/headless/config';
import { checkSecretFiles, readSecretFile, withFileSecrets } from '../../../main/headless/secret-files';
import { lookupTestProvider } from './test-provider';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sw-secret-'));
});

async function secretFile(name: string, text: string, mode: number): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, text);
  await chmod(path, mode);
  return path;
}

describe('secrets in files', () => {
  it('reads a 0600 file, dropping one trailing newline', async () => {
    expect(readSecretFile(await secretFile('key', 's3cret\n', 0o600))).toEqual(ok('s3cret'));
  });

  it.each([0o640, 0o604, 0o644, 0o660])('refuses mode %o, naming the file and the fix', async (mode) => {
    const path = await secretFile('key', 's3cret', mode);
    const read = readSecretFile(path);
    expect(read.ok).toBe(false);
    expect(!read.ok && read.error).toContain(`The secret file ${path} is open to group or others`);
    expect(!read.ok && read.error).toContain(`chmod 600 ${path}`);
    expect(!read.ok && read.error).not.toContain('s3cret');
    expect(checkSecretFiles([path]).ok).toBe(false);
  });

  it('says so for a missing or empty file', async () => {
    expect(readSecretFile(join(dir, 'nope'))).toEqual({
      ok: false,
      error: `The secret file ${join(dir, 'nope')} does not exist.`,
    });
    const empty = await secretFile('empty', '\n', 0o600);
    expect(readSecretFile(empty)).toEqual({ ok: false, error: `The secret file ${empty} is empty.` });
  });

  it('resolves file fields from files and the rest from the environment resolver', async () => {
    const path = await secretFile('key', 'from-file', 0o600);
    const resolve = withFileSecrets({ main: { apiKey: path } }, async (_source, fields) =>
      ok(Object.fromEntries(fields.map((f) => [f, `env:${f}`]))),
    );
    const source = { id: 'main', provider: 'naver-vpe', name: 'NAVER', enabled: true, options: {} };
    expect(await resolve(source, ['apiKey', 'projectId'])).toEqual(
      ok({ apiKey: 'from-file', projectId: 'env:projectId' }),
    );
    await chmod(path, 0o644);
    const refused = await resolve(source, ['apiKey']);
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error.message).toContain(`NAVER: The secret file ${path} is open to group or others`);
  });

  it('the config file accepts {"file"} next to {"env"}, and exactly one of them', () => {
    const source = (apiKey: unknown) => ({
      sources: [
        {
          id: 'main',
          provider: 'naver-vpe',
          name: 'NAVER',
          options: { device: 'PC' },
          secrets: { apiKey, projectId: { env: 'P' } },
        },
      ],
    });
    const parsed = parseConfigText('c.json', JSON.stringify(source({ file: '/etc/sw/key' })), lookupTestProvider);
    expect(parsed.ok && parsed.value.files).toEqual({ main: { apiKey: '/etc/sw/key' } });
    expect(parsed.ok && parsed.value.env).toEqual({ main: { projectId: 'P' } });
    expect(parsed.ok && secretFilesOf(parsed.value)).toEqual(['/etc/sw/key']);
    const both = parseConfigText('c.json', JSON.stringify(source({ file: '/k', env: 'K' })), lookupTestProvider);
    expect(!both.ok && both.error.message).toContain('exactly one of');
  });
});
