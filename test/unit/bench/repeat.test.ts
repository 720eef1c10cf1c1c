import { describe, expect, it } from 'vitest';
import { mergeRepetitions } from '../../../bench/support/repeat';
import type { Row } from '../../../bench/support/result';

const row = (id: string, value: number, limit = 8): Row => ({
  id,
  figure: 3,
  title: 't',
  unit: 'ms',
  value: null,
  baseline: null,
  budget: `≤ ${limit}`,
  compared: { label: 'p95, ms', value, limit },
  status: value <= limit ? 'pass' : 'fail',
  notes: [],
});

describe('bench repetitions', () => {
  it('judge a figure by its worst repetition and show every one', () => {
    const [merged] = mergeRepetitions([[row('3a', 6.1)], [row('3a', 8.4)], [row('3a', 7.0)]]);
    expect(merged!.status).toBe('fail');
    expect(merged!.compared).toEqual({ label: 'p95, ms, worst of 3', value: 8.4, limit: 8 });
    expect(merged!.notes[0]).toBe('3 repetitions, compared value of each: 6.1 / 8.4 / 7');
  });

  it('pass only when every repetition passes, and keep an error an error', () => {
    expect(mergeRepetitions([[row('1', 1)], [row('1', 2)]])[0]!.status).toBe('pass');
    const broken: Row = { ...row('1', 0), status: 'error', compared: null };
    expect(mergeRepetitions([[row('1', 1)], [broken]])[0]!.status).toBe('error');
  });
});
