import { execFileSync } from 'node:child_process';

/**
 * LibreOffice headless, to open exported files as an accountant's spreadsheet would. A
 * required test tool, like Chromium: `.ci/run` installs libreoffice-calc-nogui, and the
 * README lists it.
 */
const soffice = ['soffice', 'libreoffice'].find((command) => {
  try {
    execFileSync('which', [command], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
});

/** Converts `file` into `outdir` (`to`: LibreOffice's target, with filter options), reading it with `infilter` if given. */
export function convertWithLibreOffice(file: string, to: string, outdir: string, infilter?: string): void {
  if (soffice === undefined) {
    throw new Error('LibreOffice is not installed: apt-get install libreoffice-calc-nogui (see the README)');
  }
  execFileSync(
    soffice,
    ['--headless', ...(infilter ? [`--infilter=${infilter}`] : []), '--convert-to', to, '--outdir', outdir, file],
    { stdio: 'ignore', timeout: 120_000 },
  );
}
