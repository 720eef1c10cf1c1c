/**
 * How the simulator shapes a successful answer, so the provider can be held to
 * what the spec allows and not only to what the normal simulator happens to send:
 *
 * - "normal": the simulator's full bodies.
 * - "spec-example": the values the spec itself uses as examples: a fractional
 *   ccv (346.5), timeseries dates in the example's hour form
 *   ("2024-05-29T07+00:00:00:00"), and device/OS fields that say "unknown".
 * - "minimal": only what the spec requires; every optional field left out,
 *   nullable ones null.
 * - "one-bad-item": the second item of every list is malformed (no readable
 *   date, no id, no type), the rest as normal.
 */
export type BodyStyle = 'normal' | 'spec-example' | 'minimal' | 'one-bad-item';
export const BODY_STYLES: readonly BodyStyle[] = ['normal', 'spec-example', 'minimal', 'one-bad-item'];

type Json = Record<string, unknown>;
type Item = Json;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The spec's hour form: date, two-digit hour, then an offset followed by zeros. */
function exampleHourForm(iso: string): string {
  return `${iso.slice(0, 13)}+00:00:00:00`;
}

function pick(item: Item, keys: readonly string[]): Item {
  return Object.fromEntries(keys.filter((key) => key in item).map((key) => [key, item[key]]));
}

/** What each list keeps in "minimal" mode, and how its second item is broken in "one-bad-item". */
interface ListRule {
  readonly minimal: (item: Item) => Item;
  readonly example: (item: Item) => Item;
  readonly broken: (item: Item) => Item;
}

const RULES: ReadonlyArray<readonly [RegExp, ListRule]> = [
  [
    /^\/data\/timeseries\//,
    {
      // Nothing is required of a point; a point without a value still carries its date.
      minimal: (item) => pick(item, ['emittedAt']),
      example: (item) => ({ ...item, emittedAt: exampleHourForm(String(item.emittedAt)) }),
      broken: (item) => ({ ...item, emittedAt: 'not a date' }),
    },
  ],
  [
    /^\/live-streams$/,
    {
      minimal: (item) => ({ ...pick(item, ['liveStreamId']), restreams: [] }),
      example: (item) => item,
      broken: (item) => ({ name: item.name }),
    },
  ],
  [
    /^\/analytics\/(live-streams|videos)\//,
    {
      minimal: (item) => ({ session: pick(isObject(item.session) ? item.session : {}, ['sessionId']) }),
      example: (item) => ({
        ...item,
        device: { type: 'desktop', vendor: 'unknown', model: 'unknown' },
        os: { name: 'unknown', shortname: 'unknown', version: 'unknown' },
      }),
      broken: (item) => ({ ...item, session: { loadedAt: 'yesterday' } }),
    },
  ],
  [
    /^\/analytics\/sessions\/[^/]+\/events$/,
    {
      minimal: (item) => pick(item, ['type', 'emittedAt']),
      example: (item) => item,
      broken: (item) => pick(item, ['emittedAt', 'at']),
    },
  ],
];

function reshapeList(path: string, style: BodyStyle, data: unknown[]): unknown[] {
  const rule = RULES.find(([pattern]) => pattern.test(path))?.[1];
  if (!rule) return data;
  return data.map((value, index) => {
    if (!isObject(value)) return value;
    if (style === 'minimal') return rule.minimal(value);
    if (style === 'spec-example') return rule.example(value);
    return index === 1 ? rule.broken(value) : value;
  });
}

/** Reshapes the body of a 200 answer to `path` for the chosen style. */
export function reshapeBody(style: BodyStyle, path: string, body: unknown): unknown {
  if (style === 'normal' || !isObject(body)) return body;
  if (path === '/data/metrics/ccv/live') {
    if (style === 'minimal') return { ...body, data: null };
    if (style === 'spec-example') return { ...body, data: Number(body.data) + 0.5 };
    return body;
  }
  if (!Array.isArray(body.data)) return body;
  const reshaped: Json = { ...body, data: reshapeList(path, style, body.data) };
  // Pagination is optional in every list answer.
  if (style === 'minimal') delete reshaped.pagination;
  return reshaped;
}

/** The token answer: "minimal" leaves out every field but the access token (the spec requires none). */
export function reshapeToken(style: BodyStyle, body: unknown): unknown {
  if (style !== 'minimal' || !isObject(body)) return body;
  return pick(body, ['access_token']);
}
