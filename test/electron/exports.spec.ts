import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { electronBinary, electronSkipReason, launchBalancete, seededDataFolder } from './support/electron-app.ts';

// Runs wherever an Electron binary exists; global set-up prints why when it does not.
test.skip(!electronBinary, electronSkipReason);

const temp = seededDataFolder();

test("the shell's exports: the save dialog's path, the bundled worker's CSV, and the hidden window's A4 PDF", async () => {
  const app = await launchBalancete(temp.path);
  try {
    const page = await app.firstWindow();
    await expect(page.getByRole('navigation')).toBeVisible();
    // The native save dialog answers with a path in the test's folder (nobody is there to click).
    await app.evaluate(({ dialog }, folder) => {
      dialog.showSaveDialog = (...args: unknown[]) => {
        const options = args.at(-1) as { defaultPath: string };
        const name = options.defaultPath.split(/[\\/]/).at(-1) ?? 'export';
        return Promise.resolve({ canceled: false, filePath: `${folder}/${name}` });
      };
    }, temp.path);
    const invoke = (channel: string, input: unknown) =>
      page.evaluate(([name, value]) => window.balancete?.invoke(name as never, value as never), [channel, input]);

    const csv = (await invoke('exports:csv', { dialect: 'pt-BR' })) as { ok: boolean; value: { path: string } };
    expect(csv.ok).toBe(true);
    expect(existsSync(csv.value.path)).toBe(true);

    const pdf = (await invoke('exports:pdf', { query: { from: '2026-01-01', to: '2026-12-31' } })) as {
      ok: boolean;
      value: { path: string };
    };
    expect(pdf.ok).toBe(true);
    expect(pdf.value.path).toBe(join(temp.path, 'balancete-relatorio-2026-01-01-a-2026-12-31.pdf'));
    expect(execFileSync('pdfinfo', [pdf.value.path], { encoding: 'utf8' })).toMatch(/Page size:.+\(A4\)/);
    const text = execFileSync('pdftotext', ['-layout', pdf.value.path, '-'], { encoding: 'utf8' });
    expect(text).toContain('Relatório contábil');
    expect(text).toContain('01/01/2026 a 31/12/2026');
    expect(text).toMatch(/Página 1 de \d+/);
    // The hidden window went with the print: only the main window is left.
    expect(app.windows()).toHaveLength(1);
  } finally {
    await app.close();
  }
});
