import { describe, expect, it } from 'vitest';
import {
  EventsPageSchema,
  RawEventSchema,
  PlayerSessionsPageSchema,
  LiveStreamsPageSchema,
  TimeseriesPageSchema,
} from '../../../../main/providers/api-video/schema';
import {
  describeAccount,
  toSession,
  toSessionEvent,
  toSessionWithEvents,
  toViewerPoints,
} from '../../../../main/providers/api-video/to-model';
import page1 from '../../../fixtures/api-video/session-events-page-1.json';
import page2 from '../../../fixtures/api-video/session-events-page-2.json';

const events = [...EventsPageSchema.parse(page1).data, ...EventsPageSchema.parse(page2).data];

describe('api.video mapping of the legacy analytics shapes', () => {
  it('reads all 30 events of the example across its two pages', () => {
    expect(EventsPageSchema.parse(page1).pagination).toMatchObject({ currentPage: 1, pagesTotal: 2, itemsTotal: 30 });
    expect(events).toHaveLength(30);
    const session = toSessionWithEvents('av', 'ps5ltuhfsTOeh6bP03Tq5OWc', events, null);
    expect(session.events).toHaveLength(30);
    expect(session.startedAt).toBe(Date.parse('2020-09-15T09:47:42.000Z'));
    expect(session.endedAt).toBe(Date.parse('2020-09-17T09:41:47.000Z'));
    expect(session.failed).toBeNull();
  });

  it('starts a session at its earliest event and ends it at its latest end, in whatever order they come', () => {
    const at = (iso: string) => Date.parse(iso);
    const unordered = [
      { type: 'play', emittedAt: at('2020-09-15T10:00:00Z') },
      { type: 'end', emittedAt: at('2020-09-15T10:30:00Z') },
      { type: 'ready', emittedAt: at('2020-09-15T09:59:00Z') },
      { type: 'end', emittedAt: at('2020-09-15T10:20:00Z') },
    ];
    expect(toSessionWithEvents('av', 's', unordered, null)).toMatchObject({
      startedAt: at('2020-09-15T09:59:00Z'),
      endedAt: at('2020-09-15T10:30:00Z'),
    });
    expect(toSessionWithEvents('av', 's', unordered.slice(0, 1), null)).toMatchObject({
      startedAt: at('2020-09-15T10:00:00Z'),
      endedAt: null,
    });
    expect(toSessionWithEvents('av', 's', [], null)).toMatchObject({ startedAt: null, endedAt: null });
  });

  it('normalizes the seed types and keeps the raw ones', () => {
    const mapped = events.map(toSessionEvent);
    expect(mapped.slice(0, 6).map((e) => [e.type, e.rawType])).toEqual([
      ['ready', 'ready'],
      ['play', 'play'],
      ['pause', 'pause'],
      ['resume', 'resume'],
      ['seek', 'seek.forward'],
      ['end', 'end'],
    ]);
    expect(mapped.filter((e) => e.type === 'unknown')).toEqual([]);
    expect(mapped[2]).toMatchObject({
      at: Date.parse('2020-09-15T21:36:05.000Z'),
      positionS: 7,
      fromS: null,
      toS: null,
    });
  });

  it('keeps where each seek went from and to', () => {
    const seeks = events.map(toSessionEvent).filter((e) => e.type === 'seek');
    expect(seeks.map((e) => [e.rawType, e.fromS, e.toS])).toEqual([
      ['seek.forward', 7, 21],
      ['seek.backward', 30, 0],
      ['seek.forward', 0, 21],
      ['seek.backward', 24, 20],
      ['seek.forward', 17, 17],
      ['seek.forward', 3, 12],
    ]);
    expect(seeks.every((e) => e.positionS === null)).toBe(true);
  });

  it('keeps an event of an unknown type with its raw type', () => {
    const raw = EventsPageSchema.parse({
      data: [{ type: 'quality.change', emittedAt: '2024-01-01T00:00:00Z', at: '12' }],
    });
    expect(toSessionEvent(raw.data[0]!)).toMatchObject({ type: 'unknown', rawType: 'quality.change', positionS: 12 });
  });
});

describe('api.video raw schemas', () => {
  it('accepts type drift and ignores unknown fields', () => {
    const page = LiveStreamsPageSchema.parse({
      data: [{ liveStreamId: 'li1', name: 'A', broadcasting: 'false', streamKey: 'secret', extra: { x: 1 } }],
      pagination: { currentPage: '1', pagesTotal: '1' },
    });
    expect(page.data[0]).toEqual({ liveStreamId: 'li1', name: 'A', broadcasting: false });
    expect(page.pagination).toMatchObject({ currentPage: 1, pagesTotal: 1 });
  });

  it('skips an item it cannot read, counts it and names its path; the others are kept', () => {
    const page = EventsPageSchema.parse({
      data: [
        { type: 'play', emittedAt: 'yesterday' },
        { type: 'play', emittedAt: '2024-05-29T07:00:00+00:00' },
        { emittedAt: '2024-05-29T07:00:01+00:00' },
      ],
    });
    expect(page.data).toHaveLength(1);
    expect(page.skipped).toEqual({ count: 2, first: 'data[0].emittedAt: not a date: "yesterday"' });
  });

  it('reads loose event fields and names each bad one at its path', () => {
    const page = EventsPageSchema.parse({
      data: [
        { type: 'seek.forward', emittedAt: 1_700_000_000_000, from: '12', to: 30, extra: true },
        { type: 'pause', emittedAt: '2024-05-29T07:00:00Z', at: 'soon' },
        { type: ['x'], emittedAt: null },
      ],
    });
    expect(page.data).toEqual([{ type: 'seek.forward', emittedAt: 1_700_000_000_000, from: 12, to: 30 }]);
    expect(page.skipped).toEqual({ count: 2, first: 'data[1].at: expected a number, received string' });
    const third = RawEventSchema.safeParse({ type: ['x'], emittedAt: null });
    expect(third.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      'type: expected text, received array',
      'emittedAt: not a date: null',
    ]);
  });

  it('keeps the envelope strict: no list where one must be is a schema error', () => {
    expect(EventsPageSchema.safeParse({ data: { type: 'play' } }).success).toBe(false);
    expect(EventsPageSchema.safeParse({}).success).toBe(false);
  });

  it("reads the spec's own hour form of emittedAt", () => {
    const page = TimeseriesPageSchema.parse({ data: [{ emittedAt: '2024-05-29T07+00:00:00:00', metricValue: 2 }] });
    expect(page.data[0]!.emittedAt).toBe(Date.parse('2024-05-29T07:00:00Z'));
  });
});

describe('api.video player sessions', () => {
  it('keeps a session without an id by its medium and load time; skips one with neither', () => {
    const page = PlayerSessionsPageSchema.parse({
      data: [
        { session: { loadedAt: '2026-03-10T19:00:00+00:00' } },
        { session: {} },
        { session: { sessionId: 'ps1' } },
      ],
    });
    const media = { id: 'li1', type: 'live-stream', name: null } as const;
    expect(page.data.map((raw) => toSession('av', raw, media).id)).toEqual(['li1@2026-03-10T19:00:00.000Z', 'ps1']);
    expect(page.skipped).toEqual({
      count: 1,
      first: 'data[1].session.sessionId: no id, and no load time to tell it apart',
    });
  });

  it('says "unknown" once for a device and OS the platform does not know', () => {
    const page = PlayerSessionsPageSchema.parse({
      data: [
        {
          session: { sessionId: 'psU' },
          device: { type: 'desktop', vendor: 'unknown', model: 'unknown' },
          os: { name: 'unknown', version: 'unknown' },
        },
      ],
    });
    const session = toSession('av', page.data[0]!, { id: 'li1', type: 'live-stream', name: null });
    expect(session.device).toBe('desktop');
    expect(session.os).toBe('unknown');
  });

  it('maps a legacy player session, with its "+00" dates', () => {
    const page = PlayerSessionsPageSchema.parse({
      data: [
        {
          session: { sessionId: 'psX', loadedAt: '2019-06-24T11:45:01.109+00', endedAt: '2019-06-24T11:49:19.243+00' },
          location: { country: 'France', city: 'Paris' },
          referrer: { url: 'https://example.com', medium: 'organic' },
          device: { type: 'phone', vendor: 'Apple', model: 'iPhone' },
          os: { name: 'iOS', shortname: 'IOS', version: '17.4' },
          client: { type: 'browser', name: 'Safari', version: '17.4' },
        },
      ],
    });
    const session = toSession('av', page.data[0]!, { id: 'li1', type: 'live-stream', name: 'Main' });
    expect(session).toMatchObject({
      id: 'psX',
      startedAt: Date.parse('2019-06-24T11:45:01.109Z'),
      endedAt: Date.parse('2019-06-24T11:49:19.243Z'),
      device: 'phone (Apple iPhone)',
      os: 'iOS 17.4',
      country: 'France',
      failed: null,
      title: 'Main',
      videoType: 'live',
      events: null,
    });
  });
});

describe('api.video viewers', () => {
  it('puts the live value at the current minute, after the per-minute peaks', () => {
    const now = Date.parse('2024-05-01T10:30:40Z');
    const series = [
      { emittedAt: Date.parse('2024-05-01T10:28:00Z'), metricValue: 10 },
      { emittedAt: Date.parse('2024-05-01T10:29:00Z'), metricValue: null },
      { emittedAt: Date.parse('2024-05-01T10:30:00Z'), metricValue: 12 },
    ];
    expect(toViewerPoints(series, 41, now)).toEqual([
      { at: Date.parse('2024-05-01T10:28:00Z'), viewers: 10 },
      { at: Date.parse('2024-05-01T10:30:00Z'), viewers: 41 },
    ]);
  });

  it('says what it found in one sentence', () => {
    const streams = [
      { liveStreamId: 'a', broadcasting: true },
      { liveStreamId: 'b', broadcasting: false },
      { liveStreamId: 'c' },
    ];
    expect(describeAccount(streams, 41)).toBe('3 live streams (1 broadcasting), 41 viewers now');
    // ccv may be fractional (the spec's example is 346.5): the sentence says it whole.
    expect(describeAccount(null, 346.5)).toBe('347 viewers now');
  });
});
