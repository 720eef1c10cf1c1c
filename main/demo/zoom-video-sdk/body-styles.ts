/**
 * How the simulator shapes a successful listing, so the provider is held to
 * the Video SDK reference, where every field of a session or user is optional:
 *
 * - "normal": the simulator's full bodies.
 * - "spec-example": the reference's example conventions pushed to their edges:
 *   a base64 id with "/" and "=", `duration` as text, counts as numbers, and a
 *   session listed with no id that its name, key and start still tell apart.
 * - "minimal": every field the provider can do without left out: a session or
 *   user keeps only its id; page_size and next_page_token are dropped at the end.
 * - "one-bad-item": the second item of every list is malformed (a session with
 *   nothing to tell it apart, a user that is not an object), the rest as normal.
 */
export type ZoomBodyStyle = 'normal' | 'spec-example' | 'minimal' | 'one-bad-item';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function reshapeItems(style: ZoomBodyStyle, kind: 'sessions' | 'users', items: unknown[]): unknown[] {
  return items.map((item, index) => {
    if (!isObject(item)) return item;
    if (style === 'minimal') return { id: item.id };
    if (style === 'one-bad-item' && index === 1) {
      return kind === 'sessions' ? { user_count: item.user_count, has_video: item.has_video } : 'not a user';
    }
    if (style === 'spec-example' && kind === 'sessions' && index === 0) {
      // Listed without its id, as the reference allows; its name, key and start still tell it apart.
      const { id: _id, ...rest } = item;
      return rest;
    }
    return item;
  });
}

/** Reshapes the body of a 200 listing for the chosen style. */
export function reshapeZoomBody(style: ZoomBodyStyle, kind: 'sessions' | 'users', body: unknown): unknown {
  if (style === 'normal' || !isObject(body) || !Array.isArray(body[kind])) return body;
  const reshaped: Json = { ...body, [kind]: reshapeItems(style, kind, body[kind] as unknown[]) };
  if (style === 'minimal') {
    delete reshaped.page_size;
    delete reshaped.from;
    delete reshaped.to;
    if (!reshaped.next_page_token) delete reshaped.next_page_token;
  }
  return reshaped;
}
