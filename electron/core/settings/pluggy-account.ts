import type { Db } from '../../../db/open.ts';
import { AppError } from '../../shared/errors.ts';
import type { PluggyAccountStatus, PluggyCredentialsInput, PluggyMode } from '../../shared/models.ts';
import type { Logger, SecretRegistry } from '../log.ts';
import { PluggyClient } from '../pluggy/client.ts';
import type { PluggyKeys, PluggyCredentials } from '../secrets/credential-store.ts';
import { readSettings, updateSettings } from './settings-store.ts';

/** Where "your own Pluggy application" lives: Pluggy's API, or a stand-in in tests. */
export interface PluggyApiTarget {
  baseUrl: string;
  /** Only for a sandbox standing in for Pluggy in tests. */
  sandboxCa?: string;
}

export const pluggyApi: PluggyApiTarget = { baseUrl: 'https://api.pluggy.ai' };

export interface PluggyAccountDeps {
  db: Db;
  credentials: PluggyKeys;
  api: PluggyApiTarget;
  logger: Logger;
  secrets: SecretRegistry;
}

/**
 * The Settings → Pluggy account screen's logic. Keys are checked with Pluggy before they
 * are kept, kept only in the OS keychain, and never sent back: the screen learns only
 * whether they are set and how the client id ends.
 */
export class PluggyAccount {
  private readonly deps: PluggyAccountDeps;

  constructor(deps: PluggyAccountDeps) {
    this.deps = deps;
  }

  async status(): Promise<PluggyAccountStatus> {
    const { pluggyMode } = readSettings(this.deps.db);
    let stored: PluggyCredentials | null;
    try {
      stored = await this.deps.credentials.read();
    } catch (error) {
      if (error instanceof AppError && error.code === 'KEYCHAIN_UNAVAILABLE') {
        this.deps.logger.warn('keychain.unavailable', { error });
        return { mode: pluggyMode, configured: false, clientIdEnding: null, keychain: 'unavailable' };
      }
      if (error instanceof AppError && error.code === 'KEYCHAIN_LOCKED') {
        this.deps.logger.warn('keychain.locked');
        return { mode: pluggyMode, configured: false, clientIdEnding: null, keychain: 'locked' };
      }
      throw error;
    }
    if (stored) this.deps.secrets.add(stored.clientSecret);
    return {
      mode: pluggyMode,
      configured: stored !== null,
      clientIdEnding: stored ? stored.clientId.slice(-4) : null,
      keychain: 'available',
    };
  }

  /** Checks the keys with POST /auth, keeps them in the keychain, and switches to them. */
  async save(input: PluggyCredentialsInput): Promise<PluggyAccountStatus> {
    this.deps.secrets.add(input.clientSecret);
    const client = new PluggyClient({
      ...this.deps.api,
      clientId: input.clientId,
      clientSecret: input.clientSecret,
      logger: this.deps.logger,
      secrets: this.deps.secrets,
      retry: { attempts: 2 },
      timeoutMs: 15_000,
    });
    try {
      await client.authenticate();
    } finally {
      await client.close();
    }
    await this.deps.credentials.save({ clientId: input.clientId, clientSecret: input.clientSecret });
    updateSettings(this.deps.db, { pluggyMode: 'own' });
    this.deps.logger.info('pluggy-account.saved', { clientIdEnding: input.clientId.slice(-4) });
    return this.status();
  }

  /** Switches between demo and the kept keys; the own application needs keys first. */
  async use(mode: PluggyMode): Promise<PluggyAccountStatus> {
    if (mode === 'own') {
      // Keys behind a locked keychain are not missing: asking for them again would be wrong.
      const { configured, keychain } = await this.status();
      if (keychain === 'locked') throw new AppError('KEYCHAIN_LOCKED', 'The OS keychain is locked: unlock it first');
      if (!configured) throw new AppError('PLUGGY_KEYS_MISSING', 'No Pluggy keys are kept: save them first');
    }
    updateSettings(this.deps.db, { pluggyMode: mode });
    return this.status();
  }

  /** Forgets the keys and goes back to demo mode. */
  async remove(): Promise<PluggyAccountStatus> {
    await this.deps.credentials.remove();
    updateSettings(this.deps.db, { pluggyMode: 'demo' });
    this.deps.logger.info('pluggy-account.removed');
    return this.status();
  }
}
