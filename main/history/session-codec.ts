import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { SessionSchema, type Session } from '@shared/model/samples';

/**
 * How a session is kept in the file: JSON without its empty fields (nulls,
 * empty lists and records, which the schema fills in again on reading),
 * deflated against a preset dictionary of the words every session repeats.
 * A NAVER session with 60 events is 9 KB of JSON and about 600 bytes stored;
 * a session without events 80–180 bytes. That is what fits 30 days at 1,500
 * sessions an hour in a few hundred megabytes.
 *
 * The first byte names the dictionary. Never change dictionary 1: rows
 * already written need it. A better one becomes 2, and both stay readable.
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
};
const CURRENT = 1;

function withoutEmpty(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutEmpty);
  if (value === null || typeof value !== 'object') return value;
  const kept: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (field === null) continue;
    if (Array.isArray(field) && field.length === 0 && key !== 'events') continue;
    if (typeof field === 'object' && !Array.isArray(field) && Object.keys(field).length === 0) continue;
    kept[key] = withoutEmpty(field);
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

/** Source and id are the row's own columns: the body leaves them out, and reading puts them back. */
export function encodeSession({ sourceId: _sourceId, id: _id, ...session }: Session): Buffer {
  const body = deflateRawSync(JSON.stringify(withoutEmpty(session)), { dictionary: DICTIONARIES[CURRENT] });
  return Buffer.concat([Buffer.of(CURRENT), body]);
}

/** A stored session, parsed again: the file is input like any other, and a damaged row is skipped. */
export function decodeSession(stored: Buffer, sourceId: string, id: string): Session | null {
  try {
    const dictionary = DICTIONARIES[stored[0]!];
    if (!dictionary) return null;
    const json = JSON.parse(inflateRawSync(stored.subarray(1), { dictionary }).toString('utf8')) as object;
    const parsed = SessionSchema.safeParse({ ...NULLS, ...json, sourceId, id });
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
