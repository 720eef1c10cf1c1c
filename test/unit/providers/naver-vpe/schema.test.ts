import { describe, expect, it } from 'vitest';
import { SessionItemRawSchema } from '../../../../main/providers/naver-vpe/schema';

const entry = { logDate: '2025-10-10 09:54:38', videoTime: '00:00:05', actionType: 'playing', actionDuration: '60000' };
const item = (sessionLog: unknown) => ({ uuid: 'u-1', sessionLog });

/** Each issue as "path: sentence", the way a skipped item is described in a source's notes. */
function issues(sessionLog: unknown): string[] {
  const parsed = SessionItemRawSchema.safeParse(item(sessionLog));
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('NAVER session log', () => {
  it('reads loose values as the field schemas do: numbers as text, absent and null kept apart', () => {
    const parsed = SessionItemRawSchema.parse(item([entry, { ...entry, actionType: 7, actionDuration: null }]));
    expect(parsed.sessionLog).toEqual([
      { ...entry, actionDuration: 60000, uuid: undefined },
      { ...entry, actionType: '7', actionDuration: null, uuid: undefined },
    ]);
    // A single entry sent as an object, and a missing log, read as lists.
    expect(SessionItemRawSchema.parse(item(entry)).sessionLog).toHaveLength(1);
    expect(SessionItemRawSchema.parse(item(null)).sessionLog).toEqual([]);
  });

  it('names every bad field at its path, with a sentence', () => {
    expect(
      issues([
        entry,
        { ...entry, logDate: '10/10/2025', actionDuration: 'soon' },
        { ...entry, logDate: 5, actionType: undefined, videoTime: true, uuid: {} },
        'text',
      ]),
    ).toEqual([
      'sessionLog.1.logDate: expected a date like "2025-10-10 09:54:38"',
      'sessionLog.1.actionDuration: expected a number, received string',
      'sessionLog.2.logDate: Invalid input: expected string, received number',
      'sessionLog.2.videoTime: Invalid input: expected string or number, received boolean',
      'sessionLog.2.actionType: Invalid input: expected string, received undefined',
      'sessionLog.2.uuid: Invalid input: expected string, received object',
      'sessionLog.3: Invalid input: expected object, received string',
    ]);
  });
});
