import { execFile } from 'node:child_process';

/**
 * Whether the keychain holds what the store asks for locked. keytar cannot say: on a
 * locked GNOME Keyring or KWallet, reading answers "nothing stored" once the unlock
 * prompt is dismissed (or cannot be shown), and removing answers "nothing removed".
 */
export interface KeychainLocks {
  /** An entry of the service and account is kept, locked. */
  entryLocked(service: string, account: string): Promise<boolean>;
  /** New entries go to a locked collection (the keychain's default). */
  defaultCollectionLocked(): Promise<boolean>;
}

/** Where no Secret Service stands between keytar and the keychain (macOS, Windows): keytar's own errors say it. */
const noKeychainLocks: KeychainLocks = {
  entryLocked: () => Promise.resolve(false),
  defaultCollectionLocked: () => Promise.resolve(false),
};

const secretService = { dest: 'org.freedesktop.secrets', path: '/org/freedesktop/secrets' };

/**
 * The Secret Service's own answer (freedesktop.org Secret Service API, on the session
 * bus), asked with dbus-send: it lists locked items apart from unlocked ones, and says
 * whether a collection is locked, without unlocking anything. Without dbus-send or an
 * answer, nothing is known to be locked: the store then says what keytar said.
 */
const secretServiceLocks: KeychainLocks = {
  async entryLocked(service, account) {
    // SearchItems answers two arrays of item paths: the unlocked, then the locked.
    const reply = await dbusSend(secretService.path, 'org.freedesktop.Secret.Service.SearchItems', [
      `dict:string:string:service,${service},account,${account}`,
    ]);
    const locked = /array \[[^\]]*\]\s*array \[([^\]]*)\]/.exec(reply ?? '')?.[1] ?? '';
    return locked.includes('object path');
  },
  async defaultCollectionLocked() {
    const alias = await dbusSend(secretService.path, 'org.freedesktop.Secret.Service.ReadAlias', ['string:default']);
    const collection = /object path "([^"]+)"/.exec(alias ?? '')?.[1];
    if (!collection || collection === '/') return false;
    const reply = await dbusSend(collection, 'org.freedesktop.DBus.Properties.Get', [
      'string:org.freedesktop.Secret.Collection',
      'string:Locked',
    ]);
    return /boolean true/.test(reply ?? '');
  },
};

/** The keychain's locks on this system. */
export function systemKeychainLocks(): KeychainLocks {
  return process.platform === 'linux' ? secretServiceLocks : noKeychainLocks;
}

/** A method call's printed reply, or null when it could not be made. */
function dbusSend(objectPath: string, method: string, args: readonly string[]): Promise<string | null> {
  return new Promise((resolve) => {
    execFile(
      'dbus-send',
      ['--session', '--print-reply', `--dest=${secretService.dest}`, objectPath, method, ...args],
      { timeout: 5000 },
      (error, stdout) => resolve(error ? null : stdout),
    );
  });
}
