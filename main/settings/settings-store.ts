import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { formatPath } from '../providers/http';
import { migrate } from './migrations';
import { SETTINGS_VERSION, SettingsSchema, defaultSettings, type Settings } from './settings-schema';
import { nodeFileOps, removeStaleTemps, writeAtomically, type FileOps } from './atomic-file';

export interface LoadOutcome {
  readonly settings: Settings;
  /** Set when the file could not be used: what happened and where the old file now is. */
  readonly notice: string | null;
}

export interface SettingsStore {
  readonly path: string;
  load(): Promise<LoadOutcome>;
  current(): Settings;
  /** Applies a change and writes it; saves run one after another, never interleaved. */
  update(change: (settings: Settings) => Settings): Promise<Settings>;
}

export function createSettingsStore(options: { dir: string; ops?: FileOps; now?: () => number }): SettingsStore {
  const path = join(options.dir, 'settings.json');
  const ops = options.ops ?? nodeFileOps;
  const now = options.now ?? Date.now;
  let settings = defaultSettings();
  // The single writer: every save waits for the one before it.
  let queue: Promise<unknown> = Promise.resolve();

  async function moveAside(reason: string): Promise<string> {
    const stamp = new Date(now()).toISOString().replace(/[:.]/g, '-');
    const aside = `${path}.corrupt-${stamp}`;
    await fs.rename(path, aside);
    return `The settings file could not be read (${reason}). It was moved to ${aside} and Streamwatch started with default settings.`;
  }

  return {
    path,
    async load() {
      await fs.mkdir(options.dir, { recursive: true });
      await removeStaleTemps(path);
      let text: string;
      try {
        text = await fs.readFile(path, 'utf8');
      } catch (cause) {
        if ((cause as NodeJS.ErrnoException).code === 'ENOENT')
          return { settings: (settings = defaultSettings()), notice: null };
        throw cause;
      }
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        settings = defaultSettings();
        return { settings, notice: await moveAside('it is not valid JSON') };
      }
      const parsed = SettingsSchema.safeParse(migrate(json, SETTINGS_VERSION));
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        settings = defaultSettings();
        return {
          settings,
          notice: await moveAside(`field ${issue ? formatPath(issue.path) : '(file)'}: ${issue?.message ?? 'invalid'}`),
        };
      }
      settings = parsed.data;
      return { settings, notice: null };
    },
    current: () => settings,
    update(change) {
      const next = queue.then(async () => {
        const updated = SettingsSchema.parse(change(settings));
        await writeAtomically(path, `${JSON.stringify(updated, null, 2)}\n`, ops);
        settings = updated;
        return updated;
      });
      queue = next.catch(() => undefined);
      return next;
    },
  };
}
