import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CurrentViewersResponseSchema,
  SessionDetailResponseSchema,
  SessionRecentResponseSchema,
} from '../../../../main/providers/naver-vpe/schema';
import {
  toSession,
  toSessionDetail,
  toViewerPoints,
  type MapContext,
} from '../../../../main/providers/naver-vpe/to-model';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../../fixtures/naver-vpe/${name}`, import.meta.url), 'utf8'));

const utc: MapContext = { sourceId: 'naver-1', timeZone: 'UTC', videoType: null };
const at = (text: string) => Date.parse(`${text.replace(' ', 'T')}Z`);

describe('NAVER sessionRecent → Session (the documented example)', () => {
  const body = SessionRecentResponseSchema.parse(fixture('session-recent.seed.json'));
  const session = toSession(body.result[0]!, utc);

  it('keeps the uuid as id and spans the session from its first to its last log entry', () => {
    expect(session.id).toBe('ad5aea06-fb78-41c7-b2ad-716b685e32db');
    expect(session.sourceId).toBe('naver-1');
    expect(session.startedAt).toBe(at('2025-10-10 09:49:46'));
    expect(session.endedAt).toBe(at('2025-10-10 09:54:38'));
    expect(session.device).toBe('PC');
    expect(session.os).toBe('Mac OS / 10.15.7 ↑');
  });

  it('turns the fractional seconds of the summary into milliseconds', () => {
    expect(session.startupTimeMs).toBe(2400);
    expect(session.rebufferingMs).toBe(195);
    expect(session.playingMs).toBe(244_624);
  });

  it('is not failed, and carries origin and no as attributes', () => {
    expect(session.failed).toBe(false);
    expect(session.failures).toEqual([]);
    expect(session.attributes).toEqual({ origin: 'https://mediaplus-demo.web.app', no: '14611077' });
  });

  it('maps the session log to events in order, reading actionDuration as milliseconds', () => {
    const events = session.events!;
    expect(events.map((event) => event.type)).toEqual(['ready', 'startup', 'playing', 'startup', 'playing', 'end']);
    expect(events.map((event) => event.rawType)).toEqual([
      'player_start',
      'startup',
      'playing',
      'startup',
      'playing',
      'ended',
    ]);
    // 30 s of video (00:00:00 → 00:00:30) reported as 30057: milliseconds, whatever the table says.
    expect(events[2]).toMatchObject({ at: at('2025-10-10 09:50:16'), durationMs: 30_057, positionS: 30 });
    expect(events[1]).toMatchObject({ durationMs: 352, positionS: 0 });
    expect(events[4]).toMatchObject({ durationMs: 14_978, positionS: 15 });
    const times = events.map((event) => event.at);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('reads the same log in Asia/Seoul nine hours earlier', () => {
    const seoul = toSession(body.result[0]!, { ...utc, timeZone: 'Asia/Seoul' });
    expect(seoul.startedAt).toBe(at('2025-10-10 00:49:46'));
    expect(seoul.events![5]!.at).toBe(at('2025-10-10 00:54:38'));
  });

  it('maps an entry already in the documented types field by field: an unknown field never reaches an event', () => {
    const entry = {
      logDate: '2025-10-10 09:50:00',
      videoTime: '00:00:01',
      actionType: 'paused',
      actionDuration: 5,
      ip: '10.0.0.1',
    };
    const parsed = SessionRecentResponseSchema.parse({ code: 200, result: [{ uuid: 'u-2', sessionLog: [entry] }] });
    const [event] = toSession(parsed.result[0]!, utc).events!;
    expect(event).toEqual({
      at: at('2025-10-10 09:50:00'),
      type: 'pause',
      rawType: 'paused',
      durationMs: 5,
      positionS: 1,
      fromS: null,
      toS: null,
      subject: null,
      details: {},
    });
    // The events of a page share one empty details record: it must not be writable.
    expect(Object.isFrozen(event!.details)).toBe(true);
  });

  it('knows the video type only when the source asks for one type', () => {
    expect(session.videoType).toBeNull();
    expect(toSession(body.result[0]!, { ...utc, videoType: 'LIVE' }).videoType).toBe('LIVE');
  });
});

describe('NAVER sessionRecent with documented type drift', () => {
  const body = SessionRecentResponseSchema.parse(fixture('session-recent.drift.json'));
  const [first, second] = body.result.map((item) => toSession(item, utc));

  it('accepts code "200", no as a number, numbers as strings and isError "false"', () => {
    expect(body.code).toBe('200');
    expect(first!.attributes.no).toBe('14611080');
    expect(first!.startupTimeMs).toBe(1250);
    expect(first!.rebufferingMs).toBe(0);
    expect(first!.events![0]!.durationMs).toBe(12);
  });

  it('maps prev_tarck (sic) and next_track to track changes and keeps unknown actions', () => {
    const events = first!.events!;
    expect(events[3]).toMatchObject({ type: 'track-change', rawType: 'prev_tarck', positionS: 79 });
    expect(events[4]).toMatchObject({ type: 'unknown', rawType: 'quality_change' });
    expect(events[5]).toMatchObject({ type: 'track-change', rawType: 'next_track' });
  });

  it('calls a session failed when an error action is logged even if isError says "false"', () => {
    expect(first!.failed).toBe(true);
    expect(first!.failures).toHaveLength(1);
  });

  it('falls back to the item logDate when there is no log, and keeps nulls as null', () => {
    expect(second!.startedAt).toBe(at('2025-10-10 10:02:00'));
    expect(second!.endedAt).toBe(at('2025-10-10 10:02:00'));
    expect(second!.events).toEqual([]);
    expect(second!.failed).toBe(true);
    expect(second!.startupTimeMs).toBeNull();
    expect(second!.os).toBeNull();
    expect(second!.attributes).toEqual({ no: '14611079' });
  });
});

describe('NAVER currentViewers → viewer points (the documented example)', () => {
  it('sorts the newest-first minutes into an ascending series', () => {
    const body = CurrentViewersResponseSchema.parse(fixture('current-viewers.seed.json'));
    const points = toViewerPoints(body.result, 'UTC');
    expect(points).toHaveLength(6);
    expect(points[0]).toEqual({ at: at('2025-10-09 15:23:00'), viewers: 0 });
    expect(points.at(-1)).toEqual({ at: at('2025-10-09 16:23:00'), viewers: 0 });
    expect(points.map((point) => point.at)).toEqual([...points.map((point) => point.at)].sort((a, b) => a - b));
  });

  it('accepts a single object as result (the table says Object) and null as no points', () => {
    const single = CurrentViewersResponseSchema.parse(fixture('current-viewers.object-result.json'));
    expect(toViewerPoints(single.result, 'UTC')).toEqual([{ at: at('2025-10-09 16:23:00'), viewers: 17 }]);
    const empty = CurrentViewersResponseSchema.parse(fixture('current-viewers.empty.json'));
    expect(toViewerPoints(empty.result, 'UTC')).toEqual([]);
  });
});

describe('NAVER sessionRecent/{uuid} → Session with detail', () => {
  it('maps user, media, error codes and the log', () => {
    const body = SessionDetailResponseSchema.parse(fixture('session-detail.json'));
    const session = toSessionDetail('ad5aea06-fb78-41c7-b2ad-716b685e32db', body.result, utc);
    expect(session.id).toBe('ad5aea06-fb78-41c7-b2ad-716b685e32db');
    expect(session.failed).toBe(true);
    expect(session.failures).toEqual([{ kind: 'E0003', label: 'E0003 network error' }]);
    expect(session.country).toBe('KR');
    expect(session.title).toBe('Evening news');
    expect(session.videoType).toBe('LIVE');
    expect(session.device).toBe('PC');
    expect(session.startupTimeMs).toBe(357);
    expect(session.rebufferingMs).toBe(3950);
    expect(session.playingMs).toBe(30_057);
    expect(session.events!.map((event) => event.type)).toEqual(['ready', 'startup', 'playing', 'rebuffering', 'error']);
    expect(session.attributes).toMatchObject({
      isp: 'KT',
      browser: 'Chrome / 141.0',
      'player.playerName': 'VPE player',
      'media.title': 'Evening news',
      playerStartMs: 5,
    });
    // A viewer's IP and address are documented but never kept.
    expect(JSON.stringify(session)).not.toContain('203.0.113.7');
    expect(JSON.stringify(session)).not.toContain('Seoul');
  });

  it('accepts the sections as arrays, as the other version of the document has them', () => {
    const body = SessionDetailResponseSchema.parse(fixture('session-detail.array-sections.json'));
    const session = toSessionDetail('x', body.result, utc);
    expect(session).toMatchObject({
      country: 'JP',
      device: 'Mobile',
      title: 'Episode 3',
      startupTimeMs: 3000,
      failed: null,
      events: [],
    });
  });
});
