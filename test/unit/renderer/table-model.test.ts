import { describe, expect, it } from 'vitest';
import type { SessionRow } from '@shared/model/state';
import { facets, NEWEST_FIRST, NO_FILTERS, nextSort } from '../../../renderer/src/features/sessions/table-model';
import { sortedView, updateView, viewRows } from '../../../renderer/src/features/sessions/sorted-view';
import { fakeSessionRows, random } from './fixtures/fake-snapshot';

const now = 1_760_000_000_000;
const rows = [
  ...fakeSessionRows('naver', 'naver-vpe', now, 300, random(11)),
  ...fakeSessionRows('zoom', 'zoom-video-sdk', now, 50, random(12)),
];
const names = (id: string) => ({ naver: 'Main channel', zoom: 'Live classes' })[id] ?? id;

describe('sessions table model', () => {
  it('shows the newest first by default', () => {
    const view = viewRows(rows, NO_FILTERS, NEWEST_FIRST, names);
    expect(view).toHaveLength(350);
    for (let i = 1; i < view.length; i++) expect(view[i - 1]!.startedAt!).toBeGreaterThanOrEqual(view[i]!.startedAt!);
  });

  it('puts unknown values last in both directions', () => {
    for (const direction of ['asc', 'desc'] as const) {
      const view = viewRows(rows, NO_FILTERS, { column: 'startup', direction }, names);
      const firstNull = view.findIndex((r) => r.startupTimeMs === null);
      expect(firstNull).toBe(300);
      expect(view.slice(firstNull).every((r) => r.startupTimeMs === null)).toBe(true);
    }
  });

  it('sorts failed sessions first when sorting by status descending', () => {
    const view = viewRows(rows, NO_FILTERS, { column: 'status', direction: 'desc' }, names);
    const failed = rows.filter((r) => r.failed === true).length;
    expect(failed).toBeGreaterThan(0);
    expect(view.slice(0, failed).every((r) => r.failed === true)).toBe(true);
    expect(view.at(-1)!.failed).toBeNull();
  });

  it('filters by source, device, video type and failed only, and searches session and viewer ids', () => {
    const some = rows.find((r) => r.viewerId)!;
    expect(viewRows(rows, { ...NO_FILTERS, sourceId: 'zoom' }, NEWEST_FIRST, names)).toHaveLength(50);
    const tvs = viewRows(rows, { ...NO_FILTERS, device: 'TV or set-top box' }, NEWEST_FIRST, names);
    expect(tvs.length).toBeGreaterThan(0);
    expect(tvs.every((r) => /tv/i.test(r.device ?? ''))).toBe(true);
    expect(
      viewRows(rows, { ...NO_FILTERS, videoType: 'VOD' }, NEWEST_FIRST, names).every((r) => r.videoType === 'VOD'),
    ).toBe(true);
    expect(
      viewRows(rows, { ...NO_FILTERS, failedOnly: true }, NEWEST_FIRST, names).every((r) => r.failed === true),
    ).toBe(true);
    const byViewer = viewRows(rows, { ...NO_FILTERS, search: some.viewerId!.toUpperCase() }, NEWEST_FIRST, names);
    expect(byViewer.every((r) => r.viewerId === some.viewerId || r.id.includes(some.viewerId!))).toBe(true);
    expect(viewRows(rows, { ...NO_FILTERS, search: some.id.slice(4) }, NEWEST_FIRST, names).map((r) => r.id)).toContain(
      some.id,
    );
  });

  it('keeps equal rows in a stable order between updates', () => {
    const same = rows.map((r): SessionRow => ({ ...r, device: 'PC' }));
    const a = viewRows(same, NO_FILTERS, { column: 'device', direction: 'asc' }, names).map((r) => r.id);
    const b = viewRows([...same].reverse(), NO_FILTERS, { column: 'device', direction: 'asc' }, names).map((r) => r.id);
    expect(a).toEqual(b);
  });

  it('sorts 10,000 rows quickly enough to redo on every update', () => {
    const many = fakeSessionRows('naver', 'naver-vpe', now, 10_000, random(5));
    const started = performance.now();
    viewRows(many, NO_FILTERS, NEWEST_FIRST, names);
    expect(performance.now() - started).toBeLessThan(250);
  });

  it('lists facet values and toggles sort direction', () => {
    expect(facets(rows).videoTypes).toEqual(['LIVE', 'VOD']);
    expect(nextSort(NEWEST_FIRST, 'time')).toEqual({ column: 'time', direction: 'asc' });
    expect(nextSort(NEWEST_FIRST, 'device')).toEqual({ column: 'device', direction: 'asc' });
  });

  it('after an update, shows the same rows in the same order as sorting everything again', () => {
    const arrived = fakeSessionRows('naver', 'naver-vpe', now + 60_000, 40, random(13)).map((r) => ({
      ...r,
      id: `new-${r.id}`,
    }));
    const next = [...rows.slice(30), ...arrived];
    for (const sort of [NEWEST_FIRST, { column: 'startup', direction: 'asc' } as const]) {
      const filters = { ...NO_FILTERS, sourceId: 'naver' };
      const previous = { sessions: rows, ...sortedView(rows, filters, sort, names) };
      expect(updateView(previous, next, filters, sort, names).rows).toEqual(viewRows(next, filters, sort, names));
    }
  });
});
