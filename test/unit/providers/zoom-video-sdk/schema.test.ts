import { describe, expect, it } from 'vitest';
import { RawSessionSchema, SessionListSchema } from '../../../../main/providers/zoom-video-sdk/schema';

describe('Zoom listed session', () => {
  it('keeps what has the right type, makes a wrong type null and leaves absent fields absent', () => {
    const parsed = RawSessionSchema.parse({
      id: 'abc==',
      session_name: 42,
      start_time: '2026-12-05T10:00:00Z',
      duration: 95,
      user_count: '7',
      has_voip: 'yes',
      has_video: true,
      extra: 'dropped',
    });
    expect(parsed).toEqual({
      id: 'abc==',
      session_name: null,
      start_time: '2026-12-05T10:00:00Z',
      end_time: undefined,
      duration: 95,
      user_count: 7,
      has_voip: null,
      has_video: true,
      has_screen_share: undefined,
      has_recording: undefined,
      has_pstn: undefined,
      session_key: undefined,
    });
    expect(RawSessionSchema.parse({ id: 'x', user_count: -1, duration: {} })).toMatchObject({
      user_count: null,
      duration: null,
    });
  });

  it('needs an id, or a name or key with a start time; an empty id is none', () => {
    expect(RawSessionSchema.parse({ id: '', session_key: 'room', start_time: 't' }).id).toBeNull();
    const missing = RawSessionSchema.safeParse({ id: '', session_name: 'talk' });
    expect(missing.success).toBe(false);
    expect(missing.error?.issues[0]).toMatchObject({
      path: ['id'],
      message: 'no id, and no name or key with a start time to tell it apart',
    });
  });

  it('skips an item that is not an object, naming it, and keeps the rest of the page', () => {
    const page = SessionListSchema.parse({ sessions: [{ id: 'a' }, 'b', null] });
    expect(page.sessions.items.map((s) => s.id)).toEqual(['a']);
    expect(page.sessions.skips).toEqual({
      count: 2,
      first: 'sessions[1]: Invalid input: expected object, received string',
    });
  });
});
