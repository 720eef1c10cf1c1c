import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { SessionSchema, type Session } from '@shared/model/samples';
import { fromColumns, step, toColumns, unstep, type EventColumns, type Step } from './event-columns';

/**
 * How a session is kept in the file: JSON without its empty fields (nulls,
 * empty lists and records, which the schema fills in again on reading),
 * deflated against a preset dictionary of the words sessions repeat.
 *
 * The first byte names the format. Never change one once released: rows
 * already written need it. A better one gets the next number, and all stay
 * readable.
 * - 1: the session as it is.
 * - 2: times as steps from the row's own time, events as columns
 *   (event-columns.ts). A NAVER session with 60 events is 9 KB of JSON,
 *   about 670 bytes in format 1 and about 340 in format 2.
 */
const DICTIONARIES: Readonly<Record<number, Buffer>> = {
  1: Buffer.from(
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
  ),
  // Words the four platforms' sessions repeat: field names, event types, attribute names, common values.
  2: Buffer.from(
    [
      '"Mobile","Desktop","Tablet","Android","iOS","Windows","macOS","Linux","Chrome","Safari","Firefox","Edge",',
      '"live","vod","LIVE","VOD","KR","US","JP","Korea","Japan","United States","true,false,null,',
      '"attributes":{"mediaType":"video","mediaId":"vi","city":"","client":"","referrer":"https://',
      '"osVersion":"","hardwareType":"","browser":"","cdn":"","clientId":"","averageBitrateKbps":,"rebufferingRatioPercent":,',
      '"isp":"","screen":"","language":"ko","page":"https://","playerStartMs":,"videoStartMs":,"origin":"https://","no":"',
      '"has_voip":true,"has_video":true,"has_screen_share":false,"has_recording":false,"has_pstn":false,"session_key":"","duration":"',
      '"failures":[{"kind":"","label":""}],"failed":true,"failed":false,"videoType":"","viewerId":"","title":"","country":"',
      '"participants":,"startupTimeMs":,"rebufferingMs":,"playingMs":,"device":"","os":"","startedAt":0,"endedAt":',
      '"ev":{"at":[0,"type":["ready","startup","play","pause","resume","seek","rebuffering","end","error","join","leave",',
      '"raw":[0,0,0,"player_start","seeking","paused","ended","buffering","subject":[null,null,"details":[0,0,0,',
      '"durationMs":[null,null,"positionS":[0,0,60,60,60,"fromS":[null,"toS":[null,',
      '"playing","playing","playing","playing","playing","playing",60000,60000,60000,60000,60000,60000,',
    ].join(''),
  ),
};
const CURRENT = 2;

/**
 * Each session is deflated on its own, and a zlib state sized for the default
 * 32 KiB window costs more to set up than a session takes to compress. A
 * session body is a few hundred bytes to a few KB, so a 4 KiB window and a
 * smaller hash table find nearly the same matches: on 2,000 bench sessions,
 * 47 µs instead of 70 µs each for 0.1 % more bytes. Reading needs no change
 * (raw inflate reads any window up to its own), and rows written with the
 * 32 KiB window before stay readable.
 */
const DEFLATE = { level: 9, windowBits: 12, memLevel: 5 } as const;

interface StoredV2 extends Record<string, unknown> {
  readonly startedAt?: Step;
  readonly endedAt?: Step;
  readonly ev?: EventColumns;
}

/** The session's top-level fields without the empty ones (nulls, empty lists and records), which reading fills in again. */
function withoutEmpty(fields: Record<string, unknown>): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(fields)) {
    if (field === null) continue;
    if (Array.isArray(field) && field.length === 0) continue;
    if (typeof field === 'object' && !Array.isArray(field) && Object.keys(field).length === 0) continue;
    kept[key] = field;
  }
  return kept;
}

/** Nullable fields without a default in the schema: absent in the file means null. */
const NULLS = {
  startedAt: null,
  endedAt: null,
  device: null,
  os: null,
  failed: null,
  startupTimeMs: null,
  rebufferingMs: null,
  playingMs: null,
  events: null,
};

/**
 * Source, id and the row's time are the row's own columns: the body leaves
 * the first two out, keeps times as steps from the third, and reading puts
 * them back. `at` is the session's start, or its end when it has no start.
 */
export function encodeSession({ sourceId: _sourceId, id: _id, ...session }: Session, at: number): Buffer {
  const { startedAt, endedAt, events, ...rest } = session;
  const body = withoutEmpty(rest);
  if (startedAt !== null) body.startedAt = step(startedAt, at);
  if (endedAt !== null) body.endedAt = step(endedAt, at);
  if (events !== null) body.ev = toColumns(events, at);
  const packed = deflateRawSync(JSON.stringify(body), { dictionary: DICTIONARIES[CURRENT], ...DEFLATE });
  return Buffer.concat([Buffer.of(CURRENT), packed]);
}

/** The preset dictionary of a stored format (for tests that write rows as an older release did). */
export function dictionaryOf(format: number): Buffer | undefined {
  return DICTIONARIES[format];
}

/** A stored session, parsed again: the file is input like any other, and a damaged row is skipped. */
export function decodeSession(stored: Buffer, sourceId: string, id: string, at: number): Session | null {
  try {
    const format = stored[0]!;
    const dictionary = DICTIONARIES[format];
    if (!dictionary) return null;
    const json = JSON.parse(inflateRawSync(stored.subarray(1), { dictionary }).toString('utf8')) as StoredV2;
    const fields = format === 1 ? json : fromV2(json, at);
    const parsed = SessionSchema.safeParse({ ...NULLS, ...fields, sourceId, id });
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function fromV2({ startedAt, endedAt, ev, ...rest }: StoredV2, at: number): Record<string, unknown> {
  const time = (stored: Step | undefined): number | null => (stored === undefined ? null : unstep(stored, at));
  return {
    ...rest,
    startedAt: time(startedAt),
    endedAt: time(endedAt),
    events: ev === undefined ? null : fromColumns(ev, at),
  };
}
