import type { SessionRow } from '@shared/model/state';
import { isoTime, toCsv } from '../../export/csv';

/**
 * The sessions in view (already filtered and sorted by the table) as CSV, in
 * the table's order. Durations stay in milliseconds and unknowns stay empty:
 * a spreadsheet should compute with the numbers, not parse "2.4 s" or "—".
 */
const HEADER = [
  'started',
  'ended',
  'source_id',
  'source',
  'session_id',
  'device',
  'os',
  'video_type',
  'country',
  'failed',
  'failures',
  'startup_ms',
  'rebuffering_ms',
  'playing_ms',
  'title',
  'viewer_id',
  'participants',
  'events',
];

export function sessionsCsv(rows: readonly SessionRow[], sourceName: (id: string) => string): string {
  return toCsv(
    HEADER,
    rows.map((row) => [
      isoTime(row.startedAt),
      isoTime(row.endedAt),
      row.sourceId,
      sourceName(row.sourceId),
      row.id,
      row.device,
      row.os,
      row.videoType,
      row.country,
      row.failed,
      row.failures.map((f) => f.label).join('; '),
      row.startupTimeMs,
      row.rebufferingMs,
      row.playingMs,
      row.title,
      row.viewerId,
      row.participants,
      row.eventCount,
    ]),
  );
}
