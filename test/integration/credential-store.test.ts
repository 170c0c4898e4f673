import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CredentialStore } from '../../electron/core/secrets/credential-store.ts';
import { startPrivateSecretService } from '../support/secret-service.ts';

const store = new CredentialStore();
const credentials = { clientId: '0a1b2c3d-client-id-4e5f', clientSecret: 'super-secret-value-9f8e7d' };

afterEach(() => store.remove());

/** Reads the store from a fresh process: proof the keychain holds it, not this process's memory. */
async function readInChild(env: NodeJS.ProcessEnv = process.env) {
  return storeInChild([], env);
}

/** The store's `read`, `save` (keys as JSON) or `remove`, for a service, in a process of its own (test/fixtures/keychain). */
async function storeInChild(args: readonly string[], env: NodeJS.ProcessEnv) {
  const { stdout } = await promisify(execFile)(process.execPath, ['test/fixtures/keychain/use-store.ts', ...args], {
    env,
  });
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

describe('on a locked keychain', () => {
  // A keyring of its own: locking the one the other tests share would fail them.
  let keyring: Awaited<ReturnType<typeof startPrivateSecretService>>;
  /**
   * No display: the unlock prompt cannot show, as when the user dismisses it (and a
   * developer's own screen is never asked).
   */
  let env: NodeJS.ProcessEnv;
  const secretService = ['--session', '--print-reply', '--dest=org.freedesktop.secrets', '/org/freedesktop/secrets'];
  const dbusSend = async (...args: string[]) =>
    (await promisify(execFile)('dbus-send', [...secretService, ...args], { env })).stdout;

  beforeAll(async () => {
    keyring = await startPrivateSecretService();
    env = { ...process.env, ...keyring.env, DISPLAY: '', WAYLAND_DISPLAY: '' };
    expect(await storeInChild(['save', JSON.stringify(credentials)], env)).toEqual({ ok: true, value: null });
    expect(await storeInChild(['read'], env)).toEqual({ ok: true, value: credentials });
    // Locked as a session does when the screen locks or the keyring times out: Lock on the default collection.
    const collection = /object path "([^"]+)"/.exec(
      await dbusSend('org.freedesktop.Secret.Service.ReadAlias', 'string:default'),
    )?.[1];
    expect(collection).toMatch(/^\/org\/freedesktop\/secrets\/collection\//);
    await dbusSend('org.freedesktop.Secret.Service.Lock', `array:objpath:${collection}`);
  });
  afterAll(() => keyring.stop());

  it('says it is locked, not that no keys are kept, when reading, saving or removing them', async () => {
    for (const args of [['read'], ['save', JSON.stringify(credentials)], ['remove']]) {
      const answer = await storeInChild(args, env);
      expect(answer, args[0]).toMatchObject({ ok: false, code: 'KEYCHAIN_LOCKED' });
    }
  });

  it('keeps the keys behind the lock: removing was refused, and they are still there, locked', async () => {
    await storeInChild(['remove'], env);
    const found = await dbusSend(
      'org.freedesktop.Secret.Service.SearchItems',
      'dict:string:string:service,Balancete,account,pluggy-application',
    );
    // SearchItems answers the unlocked items, then the locked ones.
    expect(found).toMatch(/array \[\s*\]\s*array \[\s*object path/);
  });

  it('tells the settings screen the keychain is locked, and refuses the own application until unlocked', async () => {
    const dispatchInChild = async (channel: string, input?: unknown) => {
      const args = [
        'test/fixtures/keychain/dispatch.ts',
        channel,
        ...(input === undefined ? [] : [JSON.stringify(input)]),
      ];
      return JSON.parse((await promisify(execFile)(process.execPath, args, { env })).stdout) as unknown;
    };
    expect(await dispatchInChild('pluggy-account:get')).toEqual({
      ok: true,
      value: { mode: 'demo', configured: false, clientIdEnding: null, keychain: 'locked' },
    });
    expect(await dispatchInChild('pluggy-account:use', { mode: 'own' })).toMatchObject({
      ok: false,
      error: { code: 'KEYCHAIN_LOCKED' },
    });
    // Two processes that each load every handler: seconds on a busy machine.
  }, 60_000);

  it('reads as no keys where nothing of ours is kept, locked or not', async () => {
    expect(await storeInChild(['read', '', 'Balancete-never-saved'], env)).toEqual({ ok: true, value: null });
  });
});
