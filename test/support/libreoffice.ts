import { execFileSync } from 'node:child_process';

/**
 * LibreOffice headless, to open exported files as an accountant's spreadsheet would
 * (`.ci/run` installs libreoffice-calc-nogui). Undefined where it is missing: the tests
 * that need it skip with a printed reason.
 */
export const soffice = ['soffice', 'libreoffice'].find((command) => {
  try {
    execFileSync('which', [command], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
});
if (soffice === undefined) console.info('LibreOffice checks skipped: no soffice or libreoffice on this machine');

/** Converts `file` into `outdir` (`to`: LibreOffice's target, with filter options), reading it with `infilter` if given. */
export function convertWithLibreOffice(file: string, to: string, outdir: string, infilter?: string): void {
  if (soffice === undefined) throw new Error('no LibreOffice');
  execFileSync(
    soffice,
    ['--headless', ...(infilter ? [`--infilter=${infilter}`] : []), '--convert-to', to, '--outdir', outdir, file],
    { stdio: 'ignore', timeout: 120_000 },
  );
}
