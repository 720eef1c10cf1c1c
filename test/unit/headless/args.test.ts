import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../../main/headless/args';

const NOW = Date.parse('2026-12-05T00:00:00Z');

describe('headless arguments', () => {
  it.each([
    [['--demo', '--once'], { kind: 'run', input: { kind: 'demo', userData: null }, action: { kind: 'once' } }],
    [
      ['--config', 'a.json', '--serve', '8080'],
      { kind: 'run', input: { kind: 'config', file: 'a.json', userData: null }, action: { kind: 'serve', port: 8080 } },
    ],
    [
      ['--config=a.json', '--session', 'main:abc:def'],
      {
        kind: 'run',
        input: { kind: 'config', file: 'a.json', userData: null },
        action: { kind: 'session', sourceId: 'main', sessionId: 'abc:def' },
      },
    ],
    [['--help'], { kind: 'help' }],
    [
      ['--once', '--demo', '--user-data', '/tmp/x'],
      { kind: 'run', input: { kind: 'demo', userData: '/tmp/x' }, action: { kind: 'once' } },
    ],
    [
      ['--config', 'a.json', '--user-data', '/tmp/x', '--history', 'main', '--range', '24h'],
      {
        kind: 'run',
        input: { kind: 'config', file: 'a.json', userData: '/tmp/x' },
        action: { kind: 'history', sourceId: 'main', from: NOW - 86_400_000, to: NOW },
      },
    ],
    [
      ['--history', 'main', '--from', '2026-11-30T23:00:00Z', '--to', '2026-12-01T01:00:00+01:00', '--user-data', '/d'],
      {
        kind: 'run',
        input: { kind: 'settings', userData: '/d' },
        action: {
          kind: 'history',
          sourceId: 'main',
          from: Date.parse('2026-11-30T23:00:00Z'),
          to: Date.parse('2026-12-01T00:00:00Z'),
        },
      },
    ],
    [
      ['--user-data', '/tmp/sw', '--serve', '0'],
      { kind: 'run', input: { kind: 'settings', userData: '/tmp/sw' }, action: { kind: 'serve', port: 0 } },
    ],
    [
      ['tokens', 'add', '--name', 'ana', '--role', 'admin', '--user-data', '/tmp/sw'],
      { kind: 'tokens', command: { kind: 'add', dataDir: '/tmp/sw', name: 'ana', role: 'admin' } },
    ],
    [
      ['tokens', 'revoke', 'ana', '--user-data', '/d'],
      { kind: 'tokens', command: { kind: 'revoke', dataDir: '/d', name: 'ana' } },
    ],
    [
      [
        '--demo',
        '--serve',
        '443',
        '--listen',
        '0.0.0.0',
        '--tls-cert',
        'c.pem',
        '--tls-key',
        'k.pem',
        '--user-data',
        '/d',
      ],
      {
        kind: 'run',
        // The folder of the tokens keeps the collector's history too.
        input: { kind: 'demo', userData: '/d' },
        action: {
          kind: 'serve',
          port: 443,
          network: {
            listen: '0.0.0.0',
            dataDir: '/d',
            insecureHttp: false,
            tls: { certFile: 'c.pem', keyFile: 'k.pem' },
          },
        },
      },
    ],
    [
      ['--collector', 'https://sw.example.com', '--token-file', 't', '--serve', '0'],
      {
        kind: 'run',
        input: { kind: 'collector', url: new URL('https://sw.example.com'), tokenFile: 't' },
        action: { kind: 'serve', port: 0 },
      },
    ],
  ])('accepts %j', (argv, expected) => {
    expect(parseCommand(argv, NOW)).toEqual({ ok: true, value: expected });
  });

  it.each([
    [['--demo', '--history', 'a'], '--history needs --range <r>, or both --from and --to'],
    [['--demo', '--history', 'a', '--range', '2d'], '--range wants one of 15m, 1h, 6h, 24h, 7d, 30d, 90d, got "2d"'],
    [['--demo', '--history', 'a', '--range', '1h', '--from', '2026-01-01'], 'either --range or --from/--to'],
    [['--demo', '--history', 'a', '--from', 'yesterday', '--to', '2026-01-01'], '--from wants an ISO time'],
    [['--demo', '--history', 'a', '--from', '2026-01-02', '--to', '2026-01-01'], '--to must be after --from'],
    [['--demo', '--history', 'a', '--from', '2026-01-01', '--to', '2026-06-01'], 'at most 90 days'],
    [['--demo', '--once', '--range', '1h'], '--range, --from and --to go with --history'],
    [['--demo'], 'Give exactly one of --once'],
    [['--demo', '--once', '--serve', '1'], 'Give exactly one of --once'],
    [['--demo', '--config', 'x', '--once'], 'not both'],
    [['--demo', '--serve', '70000'], '--serve wants a port number from 0 to 65535'],
    [['--demo', '--serve', 'http'], '--serve wants a port number'],
    [['--demo', '--session', 'abc'], '--session wants <sourceId>:<sessionId>'],
    [['--demo', '--serve', '1', '--host', '0.0.0.0'], '--host is not offered'],
    [['--demo', '--once', '--verbose'], "Unknown option '--verbose'"],
    [['--demo', '--once', 'extra'], 'Unexpected argument "extra"'],
    [['--demo', '--serve', '1', '--listen', '10.0.0.2'], 'Refusing to serve on 10.0.0.2 over plain HTTP'],
    [['--demo', '--serve', '1', '--listen', 'example.com'], '--listen wants an IP address'],
    [['--demo', '--serve', '1', '--listen', '0.0.0.0', '--tls-cert', 'c'], 'Give --tls-cert and --tls-key together'],
    [['--demo', '--once', '--listen', '0.0.0.0', '--insecure-http'], 'go with --serve'],
    [['--demo', '--serve', '1', '--public-url', 'https://x.example/path'], '--public-url wants only a scheme'],
    [['tokens', 'add', '--role', 'viewer'], 'tokens add needs --name'],
    [['tokens', 'revoke'], 'tokens revoke wants one token name'],
    [['--collector', 'https://x.example', '--serve', '0'], 'Give --collector <url> and --token-file <file> together'],
    [['--collector', 'https://x.example', '--token-file', 't', '--once'], '--collector goes with --serve'],
    [['--collector', 'https://x.example', '--token-file', 't', '--demo', '--serve', '0'], 'cannot be combined'],
    [['--collector', 'ftp://x.example', '--token-file', 't', '--serve', '0'], 'http or https address'],
  ])('refuses %j with a sentence', (argv, expected) => {
    const result = parseCommand(argv);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toContain(expected);
  });
});
