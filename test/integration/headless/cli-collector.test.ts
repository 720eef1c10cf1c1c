import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { WS_PATH } from '@shared/ipc/ws-protocol';
import { ROOT, runCli } from './run-cli';

/** The team-collector commands as a user runs them: tokens on disk, and the refusals that keep a collector closed. */
describe('headless tokens', () => {
  it('add prints the token alone, once; the file keeps only its hash, mode 0600; list and revoke by name', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sw-tokens-'));
    const added = await runCli(['tokens', 'add', '--name', 'ana', '--role', 'viewer', '--user-data', dir]);
    expect(added.code).toBe(0);
    const token = added.stdout.trim();
    expect(added.stdout).toBe(`${token}\n`);
    expect(token).toMatch(/^sw_[A-Za-z0-9_-]{43}$/);

    const file = join(dir, 'tokens.json');
    const text = await readFile(file, 'utf8');
    expect(text).not.toContain(token);
    expect(text).toContain(createHash('sha256').update(token).digest('hex'));
    expect((await stat(file)).mode & 0o777).toBe(0o600);

    expect((await runCli(['tokens', 'add', '--name', 'ana', '--role', 'admin', '--user-data', dir])).stderr).toContain(
      'already a token named "ana"',
    );
    const listed = await runCli(['tokens', 'list', '--user-data', dir]);
    expect(listed.stdout).toMatch(/^ana\tviewer\t\d{4}-/);
    expect(listed.stdout).not.toContain(token);

    expect((await runCli(['tokens', 'revoke', 'ana', '--user-data', dir])).code).toBe(0);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ version: 1, tokens: [] });
    const again = await runCli(['tokens', 'revoke', 'ana', '--user-data', dir]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('There is no token named "ana".');
  });

  it('refuses a role it does not know', async () => {
    const run = await runCli(['tokens', 'add', '--name', 'x', '--role', 'owner']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('--role viewer or --role admin');
  });
});

describe('headless --serve --listen refusals', () => {
  it('refuses plain HTTP on a non-loopback address, with a sentence', async () => {
    const run = await runCli(['--demo', '--serve', '0', '--listen', '0.0.0.0']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Refusing to serve on 0.0.0.0 over plain HTTP');
    expect(run.stderr).toContain('--insecure-http');
  });

  it('refuses to start on the network without any token', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sw-notokens-'));
    const run = await runCli(['--demo', '--serve', '0', '--listen', '0.0.0.0', '--insecure-http', '--user-data', dir]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('needs tokens');
    expect(run.stderr).toContain('tokens add');
  });
});

describe('headless --config with a {"file"} secret', () => {
  it('refuses to start when the secret file is readable by others, naming the file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sw-filesecret-'));
    const secret = join(dir, 'naver-key');
    await writeFile(secret, 'do-not-print-me');
    await chmod(secret, 0o644);
    const config = join(dir, 'sources.json');
    const source = {
      id: 'main',
      provider: 'naver-vpe',
      name: 'NAVER main',
      options: { device: 'PC' },
      secrets: { apiKey: { file: secret }, projectId: { env: 'NAVER_PROJECT_ID' } },
    };
    await writeFile(config, JSON.stringify({ sources: [source] }));
    const run = await runCli(['--config', config, '--once']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`The secret file ${secret} is open to group or others (mode 644)`);
    expect(run.stderr + run.stdout).not.toContain('do-not-print-me');
  });
});

describe('headless --collector', () => {
  it('refuses a token file that others may read, naming it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sw-tokenfile-'));
    const file = join(dir, 'desk.token');
    await writeFile(file, 'sw_secret-token-value');
    await chmod(file, 0o640);
    const run = await runCli(['--collector', 'http://127.0.0.1:9', '--token-file', file, '--serve', '0']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`The token file ${file} is open to group or others (mode 640)`);
    expect(run.stderr).not.toContain('sw_secret-token-value');
  });
});

const built = existsSync(join(ROOT, 'out/renderer/index.html'));
describe.skipIf(!built)('headless --serve --listen 0.0.0.0 --insecure-http', () => {
  it('warns on start, asks the WebSocket for a token, and answers a viewer', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sw-listen-'));
    const token = (
      await runCli(['tokens', 'add', '--name', 'wall', '--role', 'viewer', '--user-data', dir])
    ).stdout.trim();
    const tsx = resolve(ROOT, 'node_modules/.bin/tsx');
    const args = ['main/headless/cli.ts', '--demo', '--serve', '0', '--listen', '0.0.0.0', '--insecure-http'];
    const child = spawn(tsx, [...args, '--user-data', dir], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let log = '';
    const port = await new Promise<number>((done, fail) => {
      child.stderr.on('data', (chunk: Buffer) => {
        log += chunk.toString();
        const match = /serving the dashboard at http:\/\/127\.0\.0\.1:(\d+)\//.exec(log);
        if (match) done(Number(match[1]));
      });
      child.once('exit', (code) => fail(new Error(`exited ${code}: ${log}`)));
    });
    try {
      expect(log).toContain('WARNING: serving plain HTTP on 0.0.0.0 (--insecure-http)');
      const origin = `http://127.0.0.1:${port}`;
      const open = (first?: string) =>
        new Promise<{ code: number; messages: string[] }>((done) => {
          const ws = new WebSocket(`ws://127.0.0.1:${port}${WS_PATH}`, { origin });
          const messages: string[] = [];
          ws.on('open', () => {
            if (first) ws.send(first);
            ws.send(JSON.stringify({ type: 'request', id: 1, channel: 'app:info', args: {} }));
          });
          ws.on('message', (data) => {
            messages.push(data.toString());
            if (messages.some((m) => m.includes('"response"'))) ws.close();
          });
          ws.on('close', (code) => done({ code, messages }));
        });
      const refused = await open();
      expect(refused.code).toBe(4401);
      expect(refused.messages).toEqual([]);
      const viewer = await open(JSON.stringify({ type: 'auth', token }));
      expect(viewer.messages[0]).toBe(JSON.stringify({ type: 'auth', role: 'viewer' }));
      expect(viewer.messages.some((m) => m.includes('"shell":"headless"'))).toBe(true);
      expect(log).not.toContain(token);
    } finally {
      child.kill('SIGTERM');
      await new Promise((done) => child.once('exit', done));
    }
  });
});
