import { describe, expect, it } from 'vitest';
import type { Session } from '@shared/model/samples';
import { formatDuration, formatStarted } from '../../../renderer/src/components/format';
import { deviceKind, deviceKinds } from '../../../renderer/src/features/sessions/device-kind';
import { NO_FILTERS, matches } from '../../../renderer/src/features/sessions/table-model';
import {
  distinctPeople,
  layoutTimeline,
  legendEntries,
} from '../../../renderer/src/features/session-timeline/timeline-layout';
import { fakeSessionRows, random } from './fixtures/fake-snapshot';

// A fixed local noon, so no assertion depends on when the test runs.
const noon = new Date(2026, 11, 5, 12, 0, 0).getTime();

describe('sessions table words', () => {
  it('writes a duration one way whichever side of a unit it rounds to', () => {
    expect(formatDuration(59_600)).toBe('1 min 00 s');
    expect(formatDuration(60_000)).toBe('1 min 00 s');
    expect(formatDuration(9_960)).toBe('10 s');
    expect(formatDuration(999.6)).toBe('1.0 s');
    expect(formatDuration(45_200)).toBe('45 s');
    expect(formatDuration(3_599_700)).toBe('1 h 00 min');
  });

  it('shows the day for sessions that started on another day', () => {
    const today = formatStarted(noon - 3_600_000, noon);
    expect(today).toMatch(/^11:00:00$/);
    const yesterday = formatStarted(noon - 24 * 3_600_000, noon);
    expect(yesterday).not.toBe(formatStarted(noon, noon));
    expect(yesterday).toMatch(/Dec/);
    expect(yesterday).toMatch(/\b4\b/);
  });

  it('groups every platform word for a device by its kind', () => {
    expect(deviceKind('Mobile')).toBe('Phone');
    expect(deviceKind('iPhone')).toBe('Phone');
    expect(deviceKind('phone (Apple iPhone)')).toBe('Phone');
    expect(deviceKind('Galaxy S23')).toBe('Phone');
    expect(deviceKind('Tablet')).toBe('Tablet');
    expect(deviceKind('iPad')).toBe('Tablet');
    expect(deviceKind('PC')).toBe('Computer');
    expect(deviceKind('desktop (Apple Mac)')).toBe('Computer');
    expect(deviceKind('Roku Ultra')).toBe('TV or set-top box');
    expect(deviceKind('Smart TV')).toBe('TV or set-top box');
    expect(deviceKind('Walkman')).toBe('Other');
    expect(deviceKind(null)).toBeNull();
    expect(deviceKinds(['iPhone', 'Mobile', 'PC', 'phone (Apple iPhone)'])).toEqual(['Phone', 'Computer']);
  });

  it('filters by device kind and searches titles', () => {
    const [row] = fakeSessionRows('conviva', 'conviva', noon, 1, random(3));
    const titled = { ...row!, title: 'The Long Road S2E4', device: 'phone (Apple iPhone)' };
    expect(matches(titled, { ...NO_FILTERS, search: 'long road' })).toBe(true);
    expect(matches(titled, { ...NO_FILTERS, search: 'evening news' })).toBe(false);
    expect(matches(titled, { ...NO_FILTERS, device: 'Phone' })).toBe(true);
    expect(matches({ ...titled, device: 'Mobile' }, { ...NO_FILTERS, device: 'Phone' })).toBe(true);
    expect(matches({ ...titled, device: 'PC' }, { ...NO_FILTERS, device: 'Phone' })).toBe(false);
  });
});

describe('session time line', () => {
  const event = (at: number, type: string, subject: string | null = null) => ({
    at,
    type,
    rawType: type,
    durationMs: null,
    positionS: null,
    fromS: type === 'seek' ? 10 : null,
    toS: type === 'seek' ? 40 : null,
    subject,
    details: {},
  });
  const session = (events: ReturnType<typeof event>[]) =>
    ({
      sourceId: 's',
      id: 'x',
      startedAt: noon,
      endedAt: noon + 600_000,
      participants: 3,
      events,
    }) as unknown as Session;

  it('counts the distinct people on the time line', () => {
    const zoom = session([
      event(noon, 'join', 'Ana'),
      event(noon + 1, 'join', 'Bo'),
      event(noon + 2, 'leave', 'Ana'),
      event(noon + 3, 'join', 'Ana'),
      event(noon + 4, 'join', 'Cy'),
      event(noon + 5, 'join', 'Di'),
      event(noon + 6, 'join', 'Ed'),
    ]);
    expect(distinctPeople(zoom)).toBe(5);
    expect(distinctPeople(session([event(noon, 'play')]))).toBeNull();
  });

  it('has a legend entry for each colour drawn, once', () => {
    const layout = layoutTimeline(
      session([
        event(noon, 'startup'),
        event(noon + 1000, 'play'),
        event(noon + 2000, 'seek'),
        event(noon + 3000, 'playing'),
      ]),
      'api-video',
    )!;
    expect(legendEntries(layout).map((e) => e.text)).toEqual(['startup', 'playing', 'seek (arrow: forward or back)']);
  });
});
