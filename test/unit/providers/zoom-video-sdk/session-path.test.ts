import { describe, expect, it } from 'vitest';
import { encodeSessionId, sessionUsersPath } from '../../../../main/providers/zoom-video-sdk/session-path';

describe('Zoom session ids in paths', () => {
  it('encodes ordinary ids once', () => {
    expect(encodeSessionId('sfk/aOFJSJSYhGwk1hnxgw==')).toBe('sfk%2FaOFJSJSYhGwk1hnxgw%3D%3D');
    expect(encodeSessionId('abc+def')).toBe('abc%2Bdef');
  });

  it('encodes ids beginning with "/" or containing "//" twice', () => {
    expect(encodeSessionId('/abc==')).toBe('%252Fabc%253D%253D');
    expect(encodeSessionId('ab//cd==')).toBe('ab%252F%252Fcd%253D%253D');
  });

  it('builds the users and QoS paths', () => {
    expect(sessionUsersPath('sfk/aOF==')).toBe('/videosdk/sessions/sfk%2FaOF%3D%3D/users');
    expect(sessionUsersPath('/x', true)).toBe('/videosdk/sessions/%252Fx/users/qos');
  });
});
