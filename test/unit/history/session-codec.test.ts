import { deflateRawSync, inflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventTypeSchema, SessionSchema, type Session } from '@shared/model/samples';
import { decodeSession, dictionaryOf, encodeSession } from '../../../main/history/session-codec';
import { sessionsFor } from '../../../bench/pages/held-sessions';

// -0 is left out: JSON has no negative zero, and no platform reports one.
const number = fc.oneof(
  fc.integer({ min: -1e6, max: 1e6 }),
  fc.maxSafeInteger(),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n)),
);
const time = fc.oneof(fc.integer({ min: 1.5e12, max: 2e12 }), number);
const text = fc.string({ maxLength: 12 });
const value = fc.oneof(text, number, fc.boolean(), fc.constant(null));
const record = fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), value, { maxKeys: 3 });

const event = fc.record({
  at: time,
  type: fc.constantFrom(...EventTypeSchema.options),
  rawType: fc.oneof(text, fc.constantFrom(...EventTypeSchema.options)),
  durationMs: fc.option(number),
  positionS: fc.option(number),
  fromS: fc.option(number),
  toS: fc.option(number),
  subject: fc.option(text),
  details: record,
});

const session: fc.Arbitrary<Session> = fc
  .record({
    sourceId: text,
    id: text,
    startedAt: fc.option(time),
    endedAt: fc.option(time),
    device: fc.option(text),
    os: fc.option(text),
    videoType: fc.option(text),
    failed: fc.option(fc.boolean()),
    failures: fc.array(fc.record({ kind: text, label: text }), { maxLength: 2 }),
    startupTimeMs: fc.option(number),
    rebufferingMs: fc.option(number),
    playingMs: fc.option(number),
    viewerId: fc.option(text),
    title: fc.option(text),
    country: fc.option(text),
    participants: fc.option(number),
    attributes: record,
    events: fc.option(fc.array(event, { maxLength: 8 })),
  })
  .filter((s) => s.startedAt !== null || s.endedAt !== null);

/** The row's time, as the store chooses it. */
const rowTime = (s: Session): number => s.startedAt ?? s.endedAt!;

describe('stored sessions', () => {
  it('read back exactly as written, whatever their fields, numbers and events', () => {
    fc.assert(
      fc.property(session, (s) => {
        const at = rowTime(s);
        expect(decodeSession(encodeSession(s, at), s.sourceId, s.id, at)).toEqual(SessionSchema.parse(s));
      }),
      { numRuns: 500 },
    );
  });

  it('take about half the bytes of the first format for each platform (a NAVER session with 60 events under 400 bytes)', () => {
    const average = (sessions: Session[]) =>
      sessions.reduce((sum, s) => sum + encodeSession(s, rowTime(s)).length, 0) / sessions.length;
    const naver = sessionsFor('naver-vpe', 'a', 100);
    expect(naver.every((s) => s.events?.length === 60)).toBe(true);
    expect(average(naver)).toBeLessThan(400);
    expect(average(sessionsFor('conviva', 'a', 100))).toBeLessThan(170);
    expect(average(sessionsFor('api-video', 'a', 100))).toBeLessThan(160);
    expect(average(sessionsFor('zoom-video-sdk', 'a', 100))).toBeLessThan(100);
  });

  it('still reads rows of the first format, which files written before hold', () => {
    // Format 1 as it was written: the session without source and id, deflated against dictionary 1.
    const s = sessionsFor('naver-vpe', 'a', 1)[0]!;
    const { sourceId: _s, id: _i, ...body } = s;
    const dictionary1 = firstDictionary();
    const stored = Buffer.concat([Buffer.of(1), deflateRawSync(JSON.stringify(body), { dictionary: dictionary1 })]);
    expect(decodeSession(stored, s.sourceId, s.id, 0)).toEqual(s);
  });

  it('still reads rows of the current format written with the 32 KiB window, as before the smaller one', () => {
    const dictionary = dictionaryOf(2)!;
    for (const s of [...sessionsFor('naver-vpe', 'a', 3), ...sessionsFor('conviva', 'a', 3)]) {
      const at = rowTime(s);
      const body = inflateRawSync(encodeSession(s, at).subarray(1), { dictionary });
      // The same body deflated with zlib's default window, as format-2 rows were written until now.
      const before = Buffer.concat([Buffer.of(2), deflateRawSync(body, { dictionary, level: 9 })]);
      expect(decodeSession(before, s.sourceId, s.id, at)).toEqual(s);
    }
  });

  it('skips a damaged row instead of failing the read', () => {
    const s = sessionsFor('naver-vpe', 'a', 1)[0]!;
    const stored = encodeSession(s, rowTime(s));
    expect(decodeSession(stored.subarray(0, stored.length - 20), s.sourceId, s.id, rowTime(s))).toBeNull();
    expect(decodeSession(Buffer.of(9, 1, 2, 3), s.sourceId, s.id, 0)).toBeNull();
    // Columns of different lengths: well-formed JSON, wrong shape.
    const broken = deflateRawSync(JSON.stringify({ ev: { at: [0, 1], type: ['play'] } }), {
      dictionary: Buffer.alloc(0),
    });
    expect(decodeSession(Buffer.concat([Buffer.of(2), broken]), 'a', 'b', 0)).toBeNull();
  });
});

/** Dictionary 1 is frozen; the test rebuilds it from its fixed text so a change to it is caught. */
function firstDictionary(): Buffer {
  return Buffer.from(
    [
      '{"sourceId":"","id":"","startedAt":17,"endedAt":17,"device":"PC","os":"Windows","videoType":"LIVE","failed":false,',
      '"failures":[{"kind":"","label":""}],"startupTimeMs":,"rebufferingMs":0,"playingMs":,"viewerId":"","title":"",',
      '"country":"KR","participants":,"attributes":{},"events":[{"at":17,"type":"ready","rawType":"player_start","durationMs":,',
      '"positionS":0,"fromS":,"toS":,"subject":"","details":{}},{"at":17,"type":"startup","rawType":"startup"},',
      '{"at":17,"type":"play","rawType":"play"},{"at":17,"type":"playing","rawType":"playing"},{"at":17,"type":"pause","rawType":"pause"},',
      '{"at":17,"type":"resume","rawType":"resume"},{"at":17,"type":"seek","rawType":"seek"},{"at":17,"type":"rebuffering","rawType":"buffering"},',
      '{"at":17,"type":"end","rawType":"end"},{"at":17,"type":"error","rawType":"error"},{"at":17,"type":"join","rawType":"join"},',
      '{"at":17,"type":"leave","rawType":"leave"},"Mobile","Android","iOS","Mac","Linux","Chrome","Safari","VOD","US","JP"',
    ].join(''),
  );
}
