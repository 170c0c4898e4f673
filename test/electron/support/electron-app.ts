import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { _electron, type ElectronApplication, test } from '@playwright/test';
import { openDatabase } from '../../../db/open.ts';
import { installedElectronBinary } from '../../../electron/launcher/electron-binary.ts';
import { seedTwoAccounts } from '../../fixtures/seed.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

export const electronBinary = installedElectronBinary();
/** The suite never downloads Electron itself: that is `npm start`'s job, on a machine online. */
export const electronSkipReason =
  'Electron shell suite skipped: no Electron binary in node_modules/electron/dist ' +
  '(`npm start` downloads it on a machine with internet access; or set ELECTRON_OVERRIDE_DIST_PATH).';

/** Launches the built app (`npm run build` first) with its data in `dataDirectory`, and any further arguments (a deep link). */
export async function launchBalancete(
  dataDirectory: string,
  extraArgs: readonly string[] = [],
): Promise<ElectronApplication> {
  if (!electronBinary) throw new Error(electronSkipReason);
  if (!existsSync(join('out', 'main', 'index.js'))) throw new Error('out/main is missing: run `npm run build` first');
  // Without ELECTRON_RENDERER_URL main serves the built pages, as in production.
  const { ELECTRON_RENDERER_URL: _devServer, ...env } = process.env;
  return _electron.launch({
    executablePath: electronBinary,
    args: [resolve('.'), ...extraArgs],
    env: { ...env, BALANCETE_DATA_DIR: dataDirectory },
  });
}

/**
 * A data folder of each test's own, its books holding two accounts (seedTwoAccounts):
 * made before each test of the file, removed after. Read `path` inside a test.
 */
export function seededDataFolder(prefix = 'balancete-electron-'): { readonly path: string } {
  let temp: ReturnType<typeof makeTempDir> | undefined;
  test.beforeEach(() => {
    temp = makeTempDir(prefix);
    const database = openDatabase(join(temp.path, 'balancete.sqlite'));
    seedTwoAccounts(database.db);
    database.close();
  });
  test.afterEach(() => temp?.remove());
  return {
    get path() {
      if (!temp) throw new Error('the data folder exists only while a test runs');
      return temp.path;
    },
  };
}
