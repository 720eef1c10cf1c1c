/**
 * Structural equality for plain data (what providers return: objects,
 * arrays, strings, numbers, booleans, null). It lets the hub tell a real
 * change from a re-sent identical value without serialising anything.
 */
export function sameData(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameData(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  // Keys whose value is undefined count as absent, as they would in JSON.
  let rightCount = 0;
  for (const key of Object.keys(right)) if (right[key] !== undefined) rightCount += 1;
  let leftCount = 0;
  for (const key of keys) {
    if (left[key] === undefined) continue;
    leftCount += 1;
    if (!sameData(left[key], right[key])) return false;
  }
  return leftCount === rightCount;
}
