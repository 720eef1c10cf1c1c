import { appendFileSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { IncidentSchema, type Incident } from '@shared/model/alerts';
import type { AlertHistory } from './alert-engine';

/**
 * Incident history as JSON lines, one line per change of an incident:
 * append-only so a crash loses at most the line being written, and a
 * truncated last line is skipped on load. Compacted (latest state of the
 * newest `limit` incidents) when the file grows past twice that.
 */
export interface HistoryFile extends AlertHistory {
  /** Newest first. */
  list(): readonly Incident[];
  /** Incidents that were firing when the app stopped. */
  stillFiring(): readonly Incident[];
}

export function openHistoryFile(path: string, limit = 2000): HistoryFile {
  const byId = new Map<string, Incident>();
  let lines = 0;
  if (existsSync(path)) {
    const text = readFileSync(path, 'utf8');
    // A crash mid-line leaves no newline: end that line so the next record starts clean.
    if (text !== '' && !text.endsWith('\n')) appendFileSync(path, '\n');
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      lines++;
      try {
        const parsed = IncidentSchema.safeParse(JSON.parse(line));
        if (parsed.success) {
          byId.delete(parsed.data.id); // re-insert so Map order follows the latest change
          byId.set(parsed.data.id, parsed.data);
        }
      } catch {
        // a line cut short by a crash: skip it, keep the rest
      }
    }
  }

  function compact(): void {
    const kept = [...byId.values()].sort((a, b) => a.startedAt - b.startedAt).slice(-limit);
    byId.clear();
    for (const incident of kept) byId.set(incident.id, incident);
    // Synchronous temp-and-rename, so no append can land between the write and the rename.
    const temp = `${path}.compact.tmp`;
    writeFileSync(temp, kept.map((i) => JSON.stringify(i)).join('\n') + '\n');
    renameSync(temp, path);
    lines = kept.length;
  }

  if (lines > 2 * limit) compact();

  return {
    record(incident) {
      byId.delete(incident.id);
      byId.set(incident.id, incident);
      // Synchronous on purpose: a short line, and it must be on disk before a crash can take it.
      appendFileSync(path, `${JSON.stringify(incident)}\n`);
      if (++lines > 2 * limit) compact();
    },
    list: () => [...byId.values()].sort((a, b) => b.startedAt - a.startedAt),
    stillFiring: () => [...byId.values()].filter((i) => i.state === 'firing'),
  };
}

/**
 * Incident history held in memory: the history store's (read at start from
 * `stored`, newest first, and written through `write`), or nothing at all for
 * a run that keeps no history.
 */
export function memoryHistory(
  limit = 2000,
  stored: readonly Incident[] = [],
  write: (incident: Incident) => void = () => {},
): HistoryFile {
  const byId = new Map<string, Incident>();
  const keep = (incident: Incident): void => {
    byId.delete(incident.id);
    byId.set(incident.id, incident);
    if (byId.size > limit) byId.delete(byId.keys().next().value!);
  };
  for (const incident of [...stored].sort((a, b) => a.startedAt - b.startedAt)) keep(incident);
  return {
    record(incident) {
      keep(incident);
      write(incident);
    },
    list: () => [...byId.values()].sort((a, b) => b.startedAt - a.startedAt),
    stillFiring: () => [...byId.values()].filter((i) => i.state === 'firing'),
  };
}
