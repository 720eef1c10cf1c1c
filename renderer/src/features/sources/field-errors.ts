/**
 * Which field an error from main is about. Main names it at the start
 * ("options.device: …") or, for argument errors, after "field"
 * ("Invalid argument for sources:save: field source.baseUrl — Invalid URL.").
 */
export function fieldOfError(message: string): { key: string; text: string } | null {
  const leading = /^((?:options|secrets)\.[A-Za-z0-9_]+)[^:]*:\s*(.+)$/s.exec(message);
  if (leading) return { key: leading[1]!, text: leading[2]! };
  const argument = /field ((?:source\.)?(?:options\.|secrets\.)?[A-Za-z0-9_]+)[^\s]*\s+—\s+(.+?)\.?$/s.exec(message);
  if (!argument) return null;
  const path = argument[1]!;
  const key = /^source\.(options\.\w+)$/.exec(path)?.[1] ?? path;
  const known = /^(source\.(name|id|baseUrl)|options\.\w+|secrets\.\w+)$/.test(key);
  return known ? { key, text: argument[2]! } : null;
}
