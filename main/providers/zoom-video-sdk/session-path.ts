/**
 * Zoom session ids are base64 and may contain "/" and "=". Zoom's gateway
 * decodes a path once and then collapses "//" and a leading "/", so an id that
 * begins with "/" or contains "//" must be encoded twice to survive; every other
 * id is encoded once (`sfk/aOF…==` → `sfk%2FaOF…%3D%3D`).
 */
export function needsDoubleEncoding(sessionId: string): boolean {
  return sessionId.startsWith('/') || sessionId.includes('//');
}

export function encodeSessionId(sessionId: string): string {
  const once = encodeURIComponent(sessionId);
  return needsDoubleEncoding(sessionId) ? encodeURIComponent(once) : once;
}

/** `/videosdk/sessions/{id}/users` and `…/users/qos`, with the id encoded as Zoom requires. */
export function sessionUsersPath(sessionId: string, qos = false): string {
  return `/videosdk/sessions/${encodeSessionId(sessionId)}/users${qos ? '/qos' : ''}`;
}
