import { describe, expect, it } from 'vitest';
import type { SessionRow, Snapshot } from '@shared/model/state';
import { breakdownsBySource, sessionGroups, toBars } from '../../../renderer/src/features/breakdowns/breakdowns';
import { fakeSessionRows, fakeSource, random } from './fixtures/fake-snapshot';

const now = 1_760_000_000_000;
const MIN = 60_000;

function rows(specs: Array<Partial<SessionRow>>, sourceId = 'naver'): SessionRow[] {
  const base = fakeSessionRows(sourceId, 'naver-vpe', now, specs.length, random(7));
  return specs.map((spec, i) => ({ ...base[i]!, startedAt: now - MIN, country: null, attributes: {}, ...spec }));
}

function snapshot(sessions: SessionRow[], breakdowns: Snapshot['breakdowns'] = []): Snapshot {
  return {
    seq: 1,
    generatedAt: now,
    demo: false,
    offline: false,
    paused: false,
    historyProblem: null,
    sources: [fakeSource('naver', 'naver-vpe', 'NAVER main', now), fakeSource('conviva', 'conviva', 'Conviva', now)],
    series: [],
    sessions,
    breakdowns,
  };
}

describe('breakdowns', () => {
  it('counts sessions by device and OS, biggest first, with shares', () => {
    const groups = sessionGroups(
      rows([
        { device: 'Mobile', os: 'iOS' },
        { device: 'Mobile', os: 'Android' },
        { device: 'PC', os: 'Windows' },
        { device: 'Mobile', os: 'iOS' },
      ]),
    );
    const device = groups.find((g) => g.title === 'Device')!;
    expect(device.rows).toEqual([
      { value: 'Mobile', count: 3, share: 0.75 },
      { value: 'PC', count: 1, share: 0.25 },
    ]);
    expect(groups.find((g) => g.title === 'OS')!.rows[0]).toEqual({ value: 'iOS', count: 2, share: 0.5 });
  });

  it('shows country and CDN only where sessions carry them, and counts the silent ones apart', () => {
    const groups = sessionGroups(
      rows([
        { country: 'KR', attributes: { cdn: 'Akamai' } },
        { country: 'KR', attributes: { cdn: 'Fastly' } },
        { country: null, attributes: {} },
      ]),
    );
    const country = groups.find((g) => g.title === 'Country')!;
    expect(country.rows).toEqual([{ value: 'KR', count: 2, share: 1 }]);
    expect(country.unknown).toBe(1);
    expect(groups.find((g) => g.title === 'CDN')!.rows.map((r) => r.value)).toEqual(['Akamai', 'Fastly']);
    expect(sessionGroups(rows([{ country: null }])).some((g) => g.title === 'Country')).toBe(false);
  });

  it('counts values that differ only in spaces as one, and blank or non-text ones as unknown', () => {
    const groups = sessionGroups(
      rows([
        { device: 'PC', attributes: { cdn: ' Akamai' } },
        { device: 'PC ', attributes: { cdn: 'Akamai' } },
        { device: ' PC', attributes: { cdn: 7 } },
        { device: '   ', attributes: { cdn: '' } },
      ]),
    );
    const device = groups.find((g) => g.title === 'Device')!;
    expect(device.rows).toEqual([{ value: 'PC', count: 3, share: 1 }]);
    expect([device.total, device.unknown]).toEqual([4, 1]);
    const cdn = groups.find((g) => g.title === 'CDN')!;
    expect(cdn.rows).toEqual([{ value: 'Akamai', count: 2, share: 1 }]);
    expect([cdn.total, cdn.unknown]).toEqual([4, 2]);
  });

  it('folds a long tail into "other" so the list stays readable', () => {
    const counts = new Map(Array.from({ length: 12 }, (_, i) => [`os-${String(i).padStart(2, '0')}`, 12 - i] as const));
    const bars = toBars(counts, 8);
    expect(bars).toHaveLength(8);
    expect(bars[7]!.value).toBe('other (5)');
    expect(bars[7]!.count).toBe(5 + 4 + 3 + 2 + 1);
    expect(bars.reduce((sum, b) => sum + b.share, 0)).toBeCloseTo(1);
  });

  it('keeps sources apart, honours the time window, and shows a platform live breakdown in its own measure', () => {
    const sessions = [
      ...rows([{ device: 'PC' }, { device: 'PC', startedAt: now - 3 * 60 * MIN }]),
      ...rows([{ device: 'Roku' }], 'conviva'),
    ];
    const live = {
      sourceId: 'conviva',
      breakdown: {
        dimension: 'device',
        at: now - MIN,
        rows: [
          { value: 'Roku', count: 900 },
          { value: 'iPhone', count: 100 },
        ],
      },
    };
    const result = breakdownsBySource(snapshot(sessions, [live]), now - 60 * MIN);
    const naver = result.find((b) => b.source.id === 'naver')!;
    expect(naver.sessionCount).toBe(1);
    const conviva = result.find((b) => b.source.id === 'conviva')!;
    expect(conviva.groups[0]).toMatchObject({
      origin: 'platform',
      measure: 'concurrent plays',
      total: 1000,
      at: now - MIN,
    });
    expect(conviva.groups[0]!.rows[0]).toEqual({ value: 'Roku', count: 900, share: 0.9 });
    expect(conviva.groups[1]).toMatchObject({ origin: 'sessions', title: 'Device', total: 1 });
    expect(breakdownsBySource(snapshot(sessions), null).find((b) => b.source.id === 'naver')!.sessionCount).toBe(2);
  });
});
