import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { CredentialStore } from '../../electron/core/secrets/credential-store.ts';

const store = new CredentialStore();
const credentials = { clientId: '0a1b2c3d-client-id-4e5f', clientSecret: 'super-secret-value-9f8e7d' };

afterEach(() => store.remove());

/** Reads the store from a fresh process: proof the keychain holds it, not this process's memory. */
async function readInChild(env: NodeJS.ProcessEnv = process.env) {
  const { stdout } = await promisify(execFile)(process.execPath, ['test/fixtures/keychain/use-store.ts'], { env });
  return JSON.parse(stdout) as { ok: boolean; value?: unknown; code?: string; message?: string; details?: unknown };
}

function filesBelow(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesBelow(path) : [path];
  });
}

describe('credential store on a real Secret Service', () => {
  it('has nothing for a new user', async () => {
    expect(await store.read()).toBeNull();
  });

  it('saves, reads back (in another process too), replaces and removes the Pluggy keys', async () => {
    await store.save(credentials);
    expect(await store.read()).toEqual(credentials);
    expect(await readInChild()).toEqual({ ok: true, value: credentials });

    const replaced = { clientId: 'another-id-000000', clientSecret: 'another-secret-111111' };
    await store.save(replaced);
    expect(await store.read()).toEqual(replaced);

    await store.remove();
    expect(await store.read()).toBeNull();
    expect(await readInChild()).toEqual({ ok: true, value: null });
  });

  it('leaves no secret in plain text on disk (the keyring file is encrypted)', async () => {
    await store.save(credentials);
    const dataHome = process.env.XDG_DATA_HOME ?? '';
    expect(dataHome).toContain('balancete-keyring-');
    const files = filesBelow(dataHome);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(readFileSync(file).includes(credentials.clientSecret), file).toBe(false);
  });

  it('removing what is not there is fine', async () => {
    await store.remove();
    expect(await store.read()).toBeNull();
  });
});

describe('without a keychain', () => {
  it('says the keychain cannot be reached, and how to fix it, when no Secret Service answers', async () => {
    const answer = await readInChild({ ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus' });
    expect(answer).toMatchObject({ ok: false, code: 'KEYCHAIN_UNAVAILABLE', details: { reason: 'service' } });
    expect(answer.message).toMatch(/GNOME Keyring or KWallet/);
  });

  it('says so too when the keychain module itself is missing (keytar failed to build)', async () => {
    const withoutModule = new CredentialStore({
      loadKeytar: () => Promise.reject(new Error("Cannot find module 'keytar'")),
    });
    await expect(withoutModule.save(credentials)).rejects.toMatchObject({
      code: 'KEYCHAIN_UNAVAILABLE',
      details: { reason: 'module' },
    });
    await expect(withoutModule.read()).rejects.toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE' });
  });
});
