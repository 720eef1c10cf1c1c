import { promises as fs } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** The file operations an atomic write needs; injected so tests can "crash" between steps. */
export interface FileOps {
  writeFile(path: string, data: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
}

export const nodeFileOps: FileOps = {
  async writeFile(path, data) {
    const handle = await fs.open(path, 'w', 0o600);
    try {
      await handle.writeFile(data, 'utf8');
      // Flush to disk before the rename: otherwise a power cut can leave a renamed but empty file.
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
  rename: (from, to) => fs.rename(from, to),
};

/**
 * Writes through a temp file in the same folder and renames it over the
 * target, so a reader sees the old file or the new one, never half of one.
 */
export async function writeAtomically(path: string, data: string, ops: FileOps = nodeFileOps): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  await ops.writeFile(temp, data);
  try {
    await ops.rename(temp, path);
  } catch (cause) {
    await fs.rm(temp, { force: true });
    throw cause;
  }
}

/** Temp files left by a write that crashed before its rename. */
export async function removeStaleTemps(path: string): Promise<void> {
  const folder = dirname(path);
  const prefix = `.${basename(path)}.`;
  const names = await fs.readdir(folder).catch(() => [] as string[]);
  await Promise.all(
    names.filter((n) => n.startsWith(prefix) && n.endsWith('.tmp')).map((n) => fs.rm(join(folder, n), { force: true })),
  );
}
