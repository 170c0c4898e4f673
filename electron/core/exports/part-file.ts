import { randomUUID } from 'node:crypto';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Where an export is written before it is finished: a hidden file in the same folder as
 * its destination, so that renaming it into place is atomic and a failed or cancelled
 * export never leaves a half-written file under the user's name.
 */
export function partFileBeside(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomUUID()}.part`);
}

/** Writes `bytes` to `path` all at once or not at all (see partFileBeside). */
export function writeFileWhole(path: string, bytes: Uint8Array): void {
  const part = partFileBeside(path);
  try {
    writeFileSync(part, bytes, { flag: 'wx' });
    renameSync(part, path);
  } catch (error) {
    rmSync(part, { force: true });
    throw error;
  }
}
