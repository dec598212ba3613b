// App settings (start at login, language, log level) in `<config dir>/settings.json`. The host applies side
// effects (the Electron login item) through onChange.
import { join } from 'node:path';
import { z } from 'zod';
import { settingsSchema, type Settings } from '../../shared/rpc.js';
import { VersionedJsonFile } from '../store/versioned-json-file.js';
import type { SettingsService } from './services.js';

export const SETTINGS_FILE = 'settings.json';
const documentSchema = z.object({ schemaVersion: z.literal(1), settings: settingsSchema });
type SettingsDocument = z.infer<typeof documentSchema>;

export class SettingsStore implements SettingsService {
  private readonly file: VersionedJsonFile<SettingsDocument>;
  private cached?: Settings;

  constructor(
    dir: string,
    private readonly onChange?: (next: Settings, previous: Settings) => void | Promise<void>,
  ) {
    this.file = new VersionedJsonFile<SettingsDocument>({
      path: join(dir, SETTINGS_FILE),
      schemaVersion: 1,
      schema: documentSchema,
      empty: () => ({ schemaVersion: 1, settings: settingsSchema.parse({}) }),
    });
  }

  async get(): Promise<Settings> {
    this.cached ??= (await this.file.read()).settings;
    return this.cached;
  }

  /** Last known settings without I/O (the language for rendering errors). */
  peek(): Settings | undefined {
    return this.cached;
  }

  async set(patch: Partial<Settings>): Promise<Settings> {
    let previous = settingsSchema.parse({});
    const doc = await this.file.update((d) => {
      previous = d.settings;
      return { ...d, settings: settingsSchema.parse({ ...d.settings, ...patch }) };
    });
    this.cached = doc.settings;
    await this.onChange?.(doc.settings, previous);
    return doc.settings;
  }
}
