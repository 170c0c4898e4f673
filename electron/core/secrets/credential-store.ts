import { AppError } from '../../shared/errors.ts';
import { type KeychainLocks, systemKeychainLocks } from './keychain-locks.ts';

/** The service name Balancete's entries carry in the OS keychain. */
export const keychainService = 'Balancete';
/** One entry holds both halves, so they are saved and removed together. */
const pluggyAccount = 'pluggy-application';

export interface PluggyCredentials {
  clientId: string;
  clientSecret: string;
}

/**
 * Where the keys are kept, as the books see it: the keychain itself in main, or main's
 * keychain reached from the books worker (core/books-host).
 */
export interface PluggyKeys {
  read(): Promise<PluggyCredentials | null>;
  save(credentials: PluggyCredentials): Promise<void>;
  remove(): Promise<void>;
}

/** The part of keytar the store uses. */
export interface Keytar {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

const howToFix =
  'On Linux, Balancete needs a Secret Service (GNOME Keyring or KWallet) running and unlocked, and the libsecret library installed.';

const lockedKeychain = () =>
  new AppError(
    'KEYCHAIN_LOCKED',
    'The OS keychain is locked (or its unlock prompt was dismissed): unlock it and try again',
  );

/**
 * The Pluggy client id and secret, in the OS keychain (keytar). There is no fallback:
 * when no keychain can be reached, every call fails with KEYCHAIN_UNAVAILABLE and says
 * how to fix it, rather than keeping a secret in a file or the database. A keychain that
 * is there but locked fails with KEYCHAIN_LOCKED, never passing for one without keys.
 */
export class CredentialStore implements PluggyKeys {
  private readonly loadKeytar: () => Promise<Keytar>;
  private readonly service: string;
  private readonly locks: KeychainLocks;

  constructor(options: { loadKeytar?: () => Promise<Keytar>; service?: string; locks?: KeychainLocks } = {}) {
    this.loadKeytar = options.loadKeytar ?? loadKeytarModule;
    this.service = options.service ?? keychainService;
    this.locks = options.locks ?? systemKeychainLocks();
  }

  async read(): Promise<PluggyCredentials | null> {
    const stored = await this.use((keytar) => keytar.getPassword(this.service, pluggyAccount));
    if (stored === null) {
      if (await this.locks.entryLocked(this.service, pluggyAccount)) throw lockedKeychain();
      return null;
    }
    try {
      const parsed = JSON.parse(stored) as Partial<PluggyCredentials>;
      if (typeof parsed.clientId === 'string' && typeof parsed.clientSecret === 'string') {
        return { clientId: parsed.clientId, clientSecret: parsed.clientSecret };
      }
    } catch {
      // An entry of ours that is not ours any more: treat it as absent, to be replaced.
    }
    return null;
  }

  async save(credentials: PluggyCredentials): Promise<void> {
    const value = JSON.stringify({ clientId: credentials.clientId, clientSecret: credentials.clientSecret });
    await this.use((keytar) => keytar.setPassword(this.service, pluggyAccount, value));
  }

  async remove(): Promise<void> {
    const removed = await this.use((keytar) => keytar.deletePassword(this.service, pluggyAccount));
    // Nothing removed may be keys kept behind the lock: they are still there.
    if (!removed && (await this.locks.entryLocked(this.service, pluggyAccount))) throw lockedKeychain();
  }

  private async use<T>(action: (keytar: Keytar) => Promise<T>): Promise<T> {
    let keytar: Keytar;
    try {
      keytar = await this.loadKeytar();
    } catch (error) {
      throw new AppError(
        'KEYCHAIN_UNAVAILABLE',
        `The OS keychain module could not be loaded (${describe(error)}). ${howToFix}`,
        { reason: 'module' },
      );
    }
    try {
      return await action(keytar);
    } catch (error) {
      if (await this.locks.defaultCollectionLocked()) throw lockedKeychain();
      throw new AppError(
        'KEYCHAIN_UNAVAILABLE',
        `The OS keychain cannot be reached (${describe(error)}). ${howToFix}`,
        {
          reason: 'service',
        },
      );
    }
  }
}

async function loadKeytarModule(): Promise<Keytar> {
  const module = (await import('keytar')) as Keytar & { default?: Keytar };
  return module.default ?? module;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
