import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/open.ts';
import { settings } from '../../../db/schema.ts';
import { Settings, type SettingsPatch } from '../../shared/models.ts';

export const defaultSettings: Settings = {
  language: 'pt-BR',
  theme: 'system',
  pluggyMode: 'demo',
  closeToTray: true,
  syncIntervalMinutes: 15,
  reportOwnerName: null,
  reportOwnerDocument: null,
};

const settingKeys = Object.keys(Settings.shape) as (keyof Settings)[];

/**
 * Reads the preferences, falling back to the default for any key that is missing or no
 * longer valid (say, a language a newer version wrote), so a bad row never breaks start-up.
 */
export function readSettings(db: Db): Settings {
  const stored = new Map(
    db
      .select()
      .from(settings)
      .all()
      .map((row) => [row.key, row.value]),
  );
  const result: Record<string, unknown> = { ...defaultSettings };
  for (const key of settingKeys) {
    const parsed = Settings.shape[key].safeParse(stored.get(key));
    if (parsed.success) result[key] = parsed.data;
  }
  return Settings.parse(result);
}

/** Writes preferences; `pluggyMode` only through PluggyAccount, which checks the keys first. */
export function updateSettings(
  db: Db,
  patch: SettingsPatch & Partial<Pick<Settings, 'pluggyMode'>>,
  now: () => Date = () => new Date(),
): Settings {
  const updatedAt = now().toISOString();
  db.transaction((tx) => {
    for (const key of settingKeys) {
      const value = patch[key];
      if (value === undefined) continue;
      // A preference cleared goes back to its default, which for the nullable ones is null.
      if (value === null) {
        tx.delete(settings).where(eq(settings.key, key)).run();
        continue;
      }
      tx.insert(settings)
        .values({ key, value, updatedAt })
        .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt } })
        .run();
    }
  });
  return readSettings(db);
}

export function deleteSetting(db: Db, key: keyof Settings): void {
  db.delete(settings).where(eq(settings.key, key)).run();
}
