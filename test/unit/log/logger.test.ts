import { describe, expect, it } from 'vitest';
import { describe as describeDetail, log, setLogSink, type LogLevel } from '../../../main/log/logger';

describe('the logger', () => {
  it('sends each line to the sink that is set, and restore puts the previous one back', () => {
    const seen: [LogLevel, string][] = [];
    const restore = setLogSink((level, message) => seen.push([level, message]));
    log.info('a');
    log.warn('b');
    log.error('c');
    restore();
    expect(seen).toEqual([
      ['info', 'a'],
      ['warn', 'b'],
      ['error', 'c'],
    ]);
  });

  it('writes an error with its stack, and other details on one line', () => {
    expect(describeDetail(new Error('boom'))).toMatch(/^Error: boom\n\s+at /);
    expect(describeDetail({ status: 500, nested: { a: [1, 2] } })).toBe('{ status: 500, nested: { a: [ 1, 2 ] } }');
  });
});
