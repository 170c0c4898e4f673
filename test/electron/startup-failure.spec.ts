import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { seedBooksFromANewerBalancete } from '../support/migrations.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { electronBinary, electronSkipReason, launchBalancete } from './support/electron-app.ts';

// Runs wherever an Electron binary exists; global set-up prints why when it does not.
test.skip(!electronBinary, electronSkipReason);

let temp: ReturnType<typeof makeTempDir>;
test.beforeEach(() => {
  temp = makeTempDir('balancete-electron-');
});
test.afterEach(() => temp.remove());

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

test('books from a newer Balancete: the failure is told in the language the user chose, no window opens, the file is untouched', async () => {
  const file = join(temp.path, 'balancete.sqlite');
  seedBooksFromANewerBalancete(file);
  const before = sha256(file);

  const app = await launchBalancete(temp.path);
  const child = app.process();
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  try {
    const failure = () =>
      stderr
        .split('\n')
        .filter((line) => line.includes('"app.start-failed"'))
        .map((line) => JSON.parse(line) as { reason: string; shown: string });
    await expect
      .poll(failure)
      .toEqual([
        expect.objectContaining({ reason: 'DATABASE_TOO_NEW', shown: 'Your books were made by a newer Balancete.' }),
      ]);
    expect(app.windows()).toEqual([]);
  } finally {
    // The dialog waits for an answer that no one here gives.
    child.kill();
  }
  await new Promise((exited) => (child.exitCode === null ? child.once('exit', exited) : exited(undefined)));
  expect(sha256(file)).toBe(before);
  expect(readdirSync(temp.path).filter((name) => name.startsWith('balancete.sqlite'))).toEqual(['balancete.sqlite']);
});
