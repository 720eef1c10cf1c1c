import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rotatingFileSink } from '../../../main/log/rotating-file';

const T0 = Date.parse('2026-03-01T08:00:00.000Z');

describe('rotating log file', () => {
  it('appends timestamped lines to streamwatch.log', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sw-log-'));
    const sink = rotatingFileSink({ dir, now: () => T0 });
    sink('info', '[app] started');
    sink('warn', '[updates] failed', new Error('offline'));
    const text = await readFile(join(dir, 'streamwatch.log'), 'utf8');
    expect(text.split('\n')[0]).toBe('2026-03-01T08:00:00.000Z info [app] started');
    expect(text).toContain('2026-03-01T08:00:00.000Z warn [updates] failed Error: offline');
  });

  it('rotates past the size limit and keeps only the newest files', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sw-log-'));
    const sink = rotatingFileSink({ dir, maxBytes: 200, keep: 2, now: () => T0 });
    for (let i = 0; i < 40; i++) sink('info', `line ${String(i).padStart(2, '0')} ${'x'.repeat(20)}`);
    expect((await readdir(dir)).sort()).toEqual(['streamwatch.1.log', 'streamwatch.2.log', 'streamwatch.log']);
    const current = await readFile(join(dir, 'streamwatch.log'), 'utf8');
    const previous = await readFile(join(dir, 'streamwatch.1.log'), 'utf8');
    expect(Buffer.byteLength(current)).toBeLessThanOrEqual(200);
    expect(current).toContain('line 39');
    // The newest rotated file holds the lines just before the current ones.
    const firstCurrent = Number(/line (\d+)/.exec(current)![1]);
    expect(previous).toContain(`line ${String(firstCurrent - 1).padStart(2, '0')}`);
    // A new sink on the same folder continues the file rather than starting over.
    rotatingFileSink({ dir, maxBytes: 200, keep: 2, now: () => T0 })('info', 'after restart');
    expect(await readFile(join(dir, 'streamwatch.log'), 'utf8')).toContain('line 39');
  });
});
