import type { Session } from './samples';

/**
 * What is known of a session after a new answer about it: the new answer wins
 * field by field, except that an unknown value (null, an empty list) never erases
 * a known one. A list poll and a detail fetch often know different things (the list
 * the device and the title, the detail the events), and neither may wipe the other.
 */
export function mergeSession(known: Session | undefined, incoming: Session): Session {
  if (known === undefined || known === incoming) return incoming;
  // Most answers repeat a held session with nothing unknown in them: copy only when something must be kept.
  let merged: Record<string, unknown> | null = null;
  for (const key of Object.keys(known) as (keyof Session)[]) {
    if (known[key] !== null && incoming[key] === null) (merged ??= { ...incoming })[key] = known[key];
  }
  const attributes = mergeAttributes(known.attributes, incoming.attributes);
  if (attributes !== incoming.attributes) (merged ??= { ...incoming }).attributes = attributes;
  if (incoming.failures.length === 0 && known.failures.length > 0)
    (merged ??= { ...incoming }).failures = known.failures;
  return (merged as Session | null) ?? incoming;
}

/** The incoming attributes, or a copy that keeps the known values the incoming ones leave out or null. */
function mergeAttributes(known: Session['attributes'], incoming: Session['attributes']): Session['attributes'] {
  let merged: Record<string, string | number | boolean | null> | null = null;
  for (const [key, value] of Object.entries(known)) {
    if (value !== null && (incoming[key] ?? null) === null) (merged ??= { ...incoming })[key] = value;
  }
  return merged ?? incoming;
}
