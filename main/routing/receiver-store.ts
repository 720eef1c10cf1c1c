import { readFileSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { ReceiverConfigSchema, type ReceiverConfig } from './receiver-config';
import { log } from '../log/logger';

/** The team's receivers (no secrets: those are in the credential store). */
export interface ReceiverStore {
  list(): readonly ReceiverConfig[];
  save(receivers: readonly ReceiverConfig[]): Promise<void>;
}

export function memoryReceivers(initial: readonly ReceiverConfig[] = []): ReceiverStore {
  let receivers = [...initial];
  return {
    list: () => receivers,
    save: async (next) => void (receivers = [...next]),
  };
}

/** A JSON file beside the settings; one that does not parse is ignored (and said so) rather than fatal. */
export function fileReceivers(path: string, warn: (line: string) => void = (line) => log.warn(line)): ReceiverStore {
  let receivers: ReceiverConfig[] = [];
  try {
    const parsed = z.array(ReceiverConfigSchema).safeParse(JSON.parse(readFileSync(path, 'utf8')));
    if (parsed.success) receivers = parsed.data;
    else warn(`[routing] ${path} does not hold a valid receiver list; no alerts are routed until it is saved again.`);
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code !== 'ENOENT')
      warn(`[routing] could not read ${path}; no alerts are routed.`);
  }
  return {
    list: () => receivers,
    async save(next) {
      receivers = [...next];
      await mkdir(dirname(path), { recursive: true });
      // Write then rename, so a crash never leaves half a file.
      await writeFile(`${path}.tmp`, `${JSON.stringify(receivers, null, 2)}\n`);
      await rename(`${path}.tmp`, path);
    },
  };
}
