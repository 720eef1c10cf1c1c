import { describe, expect, it } from 'vitest';
import { chartCsv } from '../../../renderer/src/charts/chart-csv';
import type { ChartSeries } from '../../../renderer/src/charts/chart-series';
import { sessionsCsv } from '../../../renderer/src/features/sessions/sessions-csv';
import { fakeSessionRows, fakeSource, random } from './fixtures/fake-snapshot';

const now = Date.UTC(2025, 9, 9, 12, 0, 0);
const MIN = 60_000;

function lines(csv: string): string[] {
  return csv.trimEnd().split('\r\n');
}

describe('sessions CSV', () => {
  it('has one row per session in the order given, numbers raw and unknowns empty', () => {
    const rows = fakeSessionRows('conviva-prod', 'conviva', now, 3, random(5));
    rows[1] = {
      ...rows[1]!,
      startupTimeMs: null,
      title: '=HYPERLINK("x")',
      failed: true,
      failures: [{ kind: 'start', label: 'Video start failure' }],
    };
    const csv = lines(sessionsCsv(rows, () => 'Conviva, production'));
    expect(csv).toHaveLength(4);
    expect(csv[0]).toBe(
      'started,ended,source_id,source,session_id,device,os,video_type,country,failed,failures,startup_ms,rebuffering_ms,playing_ms,title,viewer_id,participants,events',
    );
    rows.forEach((row, i) => expect(csv[i + 1]).toContain(`,${row.id},`));
    expect(csv[2]).toContain('"Conviva, production"');
    expect(csv[2]).toContain(',true,Video start failure,,');
    expect(csv[2]).toContain(`,"'=HYPERLINK(""x"")",`);
    expect(csv[1]).toContain(new Date(rows[0]!.startedAt!).toISOString());
  });
});

describe('chart CSV', () => {
  const naver = fakeSource('naver', 'naver-vpe', 'NAVER main', now);
  const zoom = fakeSource('zoom', 'zoom-video-sdk', 'Zoom classes', now);
  const points = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ at: now - (n - 1 - i) * MIN, viewers: 100 + i }));
  const series = (hidden: boolean): ChartSeries[] => [
    { source: naver, color: '#000', points: points(120), hidden: false, stale: false },
    { source: zoom, color: '#111', points: points(5), hidden, stale: false },
  ];

  it('holds the points of the lines shown, over the range shown, each with its own measure', () => {
    const csv = lines(chartCsv(series(false), now - 15 * MIN, now));
    expect(csv[0]).toBe('time,source_id,source,platform,measure,unit,value');
    expect(csv.filter((l) => l.includes(',naver,'))).toHaveLength(16);
    expect(csv.filter((l) => l.includes(',zoom,'))).toHaveLength(5);
    expect(csv.find((l) => l.includes(',zoom,'))).toContain(',participants,');
    expect(csv[1]!.startsWith(new Date(now - 15 * MIN).toISOString())).toBe(true);
  });

  it('leaves out a line the user hid', () => {
    expect(chartCsv(series(true), now - 15 * MIN, now)).not.toContain('Zoom classes');
  });
});
