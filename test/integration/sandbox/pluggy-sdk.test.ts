import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestSandbox, type SandboxClient } from '../../support/sandbox.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

let client: SandboxClient;
let temp: ReturnType<typeof makeTempDir>;

beforeAll(async () => {
  client = await startTestSandbox();
  temp = makeTempDir();
});
afterAll(async () => {
  await client.stop();
  temp.remove();
});

it("Pluggy's official Node SDK works against the sandbox unchanged", async () => {
  const caPath = join(temp.path, 'sandbox-ca.pem');
  writeFileSync(caPath, client.sandbox.ca);
  // A child process, since Node reads NODE_EXTRA_CA_CERTS only at start-up; run
  // asynchronously, or this process (which serves the sandbox) could not answer it.
  const run = await promisify(execFile)(process.execPath, ['test/fixtures/sdk/drive-sandbox.ts'], {
    encoding: 'utf8',
    timeout: 60_000,
    env: {
      ...process.env,
      PLUGGY_API_URL: client.sandbox.url,
      NODE_EXTRA_CA_CERTS: caPath,
      SANDBOX_CLIENT_ID: client.sandbox.credentials.clientId,
      SANDBOX_CLIENT_SECRET: client.sandbox.credentials.clientSecret,
    },
  });
  // (A non-zero exit rejects above. The SDK logs each failed request on stderr itself.)
  const report = JSON.parse(run.stdout) as Record<string, unknown>;
  expect(report).toMatchObject({
    sandboxConnectors: 5, // Pluggy Bank, its two MFA variants, and over Open Finance (personal, business)
    itemStatus: 'UPDATED/SUCCESS',
    accountTypes: ['CHECKING_ACCOUNT', 'CREDIT_CARD', 'SAVINGS_ACCOUNT'],
    firstPageHasNext: true,
    transactionDatesAreDates: true,
    recategorized: ['05070000', '05070000'],
    mfa: ['WAITING_USER_INPUT', 'token', 'UPDATED/SUCCESS'],
    webhooks: [1, 'https://example.com/pluggy-2', 0],
    identityName: 'John Doe',
  });
  expect(report.transactionCount).toBeGreaterThan(500);
  expect(report.categoryCount).toBeGreaterThan(100);
  expect(report.bills).toBeGreaterThanOrEqual(11);
  const errors = report.errors as Record<string, string>;
  expect(errors.missingItem).toMatch(/404/);
  expect(errors.badSecret).toMatch(/401/);
});
