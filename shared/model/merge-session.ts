import type { Session } from './samples';

/**
 * What is known of a session after a new answer about it: the new answer wins
 * field by field, except that an unknown value (null, an empty list) never erases
 * a known one. A list poll and a detail fetch often know different things (the list
 * the device and the title, the detail the events), and neither may wipe the other.
 */
export function mergeSession(known: Session | undefined, incoming: Session): Session {
  if (known === undefined) return incoming;
  const merged: Record<string, unknown> = { ...incoming };
  for (const [key, value] of Object.entries(known)) {
    if (value !== null && merged[key] === null) merged[key] = value;
  }
  const attributes: Record<string, string | number | boolean | null> = { ...known.attributes };
  for (const [key, value] of Object.entries(incoming.attributes)) {
    if (value !== null || !(key in attributes)) attributes[key] = value;
  }
  merged.attributes = attributes;
  if (incoming.failures.length === 0 && known.failures.length > 0) merged.failures = known.failures;
  return merged as Session;
}
