import { describe, expect, it } from 'vitest';
import { labelsThatFit, layoutTimeline } from '../../../renderer/src/features/session-timeline/timeline-layout';
import { fakeSessionRows, random } from './fixtures/fake-snapshot';
import { fakeSessionDetail } from './fixtures/fake-session-detail';

const now = 1_760_000_000_000;

describe('session timeline layout', () => {
  it('draws NAVER actions as bars that end when NAVER logged them', () => {
    const row = fakeSessionRows('n', 'naver-vpe', now, 1, random(2))[0]!;
    const session = fakeSessionDetail(row, 'naver-vpe');
    const layout = layoutTimeline(session, 'naver-vpe')!;
    const startupLane = layout.lanes.find((l) => l.id === 'startup')!;
    const startup = startupLane.marks.find((m) => m.kind === 'bar' && m.type === 'startup')!;
    expect(startup).toMatchObject({ kind: 'bar', from: row.startedAt, to: row.startedAt! + row.startupTimeMs! });
    expect(layout.lanes.map((l) => l.id)).toEqual([
      'startup',
      'playback',
      'buffering',
      'seeks',
      ...(row.failed ? ['errors'] : []),
    ]);
    expect(layout.start).toBeLessThanOrEqual(row.startedAt!);
  });

  it('keeps api.video seeks with where they went from and to', () => {
    const row = fakeSessionRows('a', 'api-video', now, 1, random(2))[0]!;
    const seeks = layoutTimeline(fakeSessionDetail(row, 'api-video'), 'api-video')!.lanes.find(
      (l) => l.id === 'seeks',
    )!;
    expect(seeks.marks.map((m) => (m.kind === 'seek' ? [m.fromS, m.toS] : null))).toEqual([
      [38, 212],
      [300, 120],
    ]);
  });

  it('gives each Zoom participant a lane from join to leave, open stays to the end', () => {
    const row = fakeSessionRows('z', 'zoom-video-sdk', now, 1, random(2))[0]!;
    const layout = layoutTimeline(fakeSessionDetail(row, 'zoom-video-sdk'), 'zoom-video-sdk')!;
    expect(layout.lanes.map((l) => l.label)).toEqual(['Choi', 'Host (Kim)', 'Lee', 'Park']);
    const park = layout.lanes.find((l) => l.label === 'Park')!.marks[0]!;
    expect(park.kind).toBe('bar');
    if (park.kind === 'bar') expect(park.to).toBe(layout.end);
  });

  it('has no timeline for Conviva, whose per-session events are not public', () => {
    const row = fakeSessionRows('c', 'conviva', now, 1, random(2))[0]!;
    expect(layoutTimeline(fakeSessionDetail(row, 'conviva'), 'conviva')).toBeNull();
  });
});

describe('labelsThatFit', () => {
  it('draws labels left to right, skipping one that would touch the last drawn or leave the lane', () => {
    const spans = [
      { left: 300, right: 360 }, // clears the first one drawn
      { left: 100, right: 160 },
      { left: 150, right: 210 }, // overlaps the one at 100
      { left: 364, right: 420 }, // 4 px after 360: too close
      { left: 430, right: 520 }, // past the lane's end
      { left: 20, right: 60 }, // before the lane's start
    ];
    expect(labelsThatFit(spans, 50, 500)).toEqual([true, true, false, false, false, false]);
  });

  it("skips a label that would cross another seek's dot or arrow", () => {
    const labels = [
      { left: 126, right: 210 }, // the next seek's arrow starts at 180: crossed
      { left: 226, right: 310 },
    ];
    const marks = [
      { left: 96, right: 122 },
      { left: 176, right: 202 },
    ];
    expect(labelsThatFit(labels, 0, 500)).toEqual([true, true]);
    expect(labelsThatFit(labels, 0, 500, 6, marks)).toEqual([false, true]);
  });

  it('never draws a label for a mark that has none', () => {
    expect(labelsThatFit([{ left: -Infinity, right: -Infinity }], 0, 500)).toEqual([false]);
  });
});
