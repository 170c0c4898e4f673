import { execFileSync } from 'node:child_process';

/**
 * Debian's Python 3, for the independent readers apt installs beside it: python3-ofxparse
 * (OFX statements) and python3-openpyxl (XLSX workbooks). Required test tools, like
 * LibreOffice: `.ci/run` installs them, and the README lists them. The system interpreter
 * rather than `python3` on PATH, which may be another one without them (pyenv's);
 * BALANCETE_PYTHON points at another where needed.
 */
const python = process.env.BALANCETE_PYTHON ?? '/usr/bin/python3';

/** Runs `script` with `args` (sys.argv[1:]) and parses what it prints as JSON (the caller knows its shape). */
export function runPython(script: string, ...args: string[]): unknown {
  let output: string;
  try {
    output = execFileSync(python, ['-c', script, ...args], { encoding: 'utf8', timeout: 60_000, stdio: 'pipe' });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    const hint = stderr.includes('ModuleNotFoundError')
      ? ' (apt-get install python3-ofxparse python3-openpyxl: see the README)'
      : '';
    throw new Error(`${python} failed${hint}: ${stderr}`, { cause: error });
  }
  return JSON.parse(output);
}
