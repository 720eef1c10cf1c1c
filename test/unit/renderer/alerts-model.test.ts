import { describe, expect, it } from 'vitest';
import type { Incident } from '@shared/model/alerts';
import {
  historyCsv,
  historyRows,
  historySources,
  incidentDuration,
  NO_HISTORY_FILTERS,
  valuesText,
} from '../../../renderer/src/features/alerts/history-model';
import { fromDisplay, toDisplay, toggleSource } from '../../../renderer/src/features/alerts/rule-meta';

const now = 1_760_000_000_000;
const MIN = 60_000;

function incident(id: string, extra: Partial<Incident> = {}): Incident {
  return {
    id,
    key: `k-${id}`,
    ruleId: 'session-failure-rate',
    sourceId: 'naver',
    sourceName: 'NAVER main',
    severity: 'critical',
    state: 'resolved',
    startedAt: now - 30 * MIN,
    endedAt: now - 20 * MIN,
    values: { failed: 17, total: 50, share: 0.34 },
    message: '34% of sessions failed in the last 5 min (17 of 50); threshold 10%',
    acknowledged: false,
    snoozedUntil: null,
    ...extra,
  };
}

describe('alert history', () => {
  const list = [
    incident('a'),
    incident('b', {
      ruleId: 'source-failing',
      severity: 'warning',
      sourceId: 'zoom',
      sourceName: 'Zoom',
      startedAt: now - 5 * MIN,
      state: 'firing',
      endedAt: null,
    }),
    incident('c', { startedAt: now - 60 * MIN }),
  ];

  it('lists newest first and filters by source, rule, severity and state', () => {
    expect(historyRows(list, NO_HISTORY_FILTERS).map((i) => i.id)).toEqual(['b', 'a', 'c']);
    expect(historyRows(list, { ...NO_HISTORY_FILTERS, sourceId: 'naver' }).map((i) => i.id)).toEqual(['a', 'c']);
    expect(historyRows(list, { ...NO_HISTORY_FILTERS, ruleId: 'source-failing' }).map((i) => i.id)).toEqual(['b']);
    expect(historyRows(list, { ...NO_HISTORY_FILTERS, severity: 'critical', state: 'resolved' })).toHaveLength(2);
    expect(historyRows(list, { ...NO_HISTORY_FILTERS, state: 'firing', sourceId: 'naver' })).toEqual([]);
  });

  it('keeps the latest record of an incident that appears twice', () => {
    const opened = incident('x', { state: 'firing', endedAt: null });
    const closed = incident('x');
    expect(historyRows([opened, closed], NO_HISTORY_FILTERS)).toEqual([closed]);
  });

  it('offers the sources named in the history, removed ones included', () => {
    expect(historySources(list)).toEqual([
      ['naver', 'NAVER main'],
      ['zoom', 'Zoom'],
    ]);
  });

  it('measures a firing incident to now', () => {
    expect(incidentDuration(list[1]!, now)).toBe(5 * MIN);
    expect(incidentDuration(list[0]!, now)).toBe(10 * MIN);
  });

  it('exports the rows with their sentence and values, formulas defused', () => {
    const csv = historyCsv([incident('a', { message: '=cmd|calc' })], now);
    const [header, row] = csv.trim().split('\r\n');
    expect(header).toBe('started,ended,duration_s,source_id,source,rule,severity,state,acknowledged,message,values');
    expect(row).toContain(",'=cmd|calc,");
    expect(row).toContain('failed=17; total=50; share=0.34');
    expect(row).toContain('Session failures');
  });

  it('writes the values a person reads', () => {
    expect(valuesText({ failed: 17, total: 50, share: 0.34 })).toBe('failed 17 · total 50 · share 34 %');
    expect(valuesText({ ageMs: 185_000, intervals: 3.0833 })).toBe('age 185 s · intervals 3.08');
  });
});

describe('rule editor units', () => {
  it('shows shares as percentages and reads them back', () => {
    expect(toDisplay('share', 0.1)).toBe('10');
    expect(toDisplay('share', 0.055)).toBe('5.5');
    expect(fromDisplay('share', '10')).toBe(0.1);
    expect(fromDisplay('share', '150')).toBeNull();
    expect(fromDisplay('seconds', '4,5')).toBe(4.5);
    expect(fromDisplay('intervals', '')).toBeNull();
    expect(fromDisplay('intervals', '-1')).toBeNull();
  });

  it('switches a rule off and on for one source', () => {
    expect(toggleSource({ disabledSources: [] }, 'naver', false)).toEqual(['naver']);
    expect(toggleSource({ disabledSources: ['naver', 'zoom'] }, 'naver', true)).toEqual(['zoom']);
  });
});
