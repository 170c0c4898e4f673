import { randomBytes } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import type { SandboxClock } from './clock.ts';
import { invalidToken, PluggyError } from './errors.ts';

export const apiKeyLifetimeMs = 2 * 60 * 60 * 1000;
export const connectTokenLifetimeMs = 30 * 60 * 1000;

export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
}

/** Who is calling: the app's backend with an API key, or the Connect widget with a connect token. */
export type Caller =
  | { kind: 'api-key'; clientId: string }
  | { kind: 'connect-token'; clientId: string; itemId?: string; options: Record<string, unknown> };

/**
 * Pluggy's two kinds of credentials, as JWTs with an `exp` claim: API keys (2 h) for the
 * backend and connect tokens (30 min) for the widget. Signed with a key that lives only as
 * long as this server; every check reads the sandbox clock, so expiry can be tested.
 */
export class SandboxAuth {
  private readonly key = randomBytes(32);
  private readonly credentials: ClientCredentials;
  private readonly clock: SandboxClock;

  constructor(credentials: ClientCredentials, clock: SandboxClock) {
    this.credentials = credentials;
    this.clock = clock;
  }

  async issueApiKey(clientId: unknown, clientSecret: unknown): Promise<string> {
    if (clientId !== this.credentials.clientId || clientSecret !== this.credentials.clientSecret) {
      throw new PluggyError(401, 'Invalid client credentials', { codeDescription: 'CLIENT_KEYS_UNAUTHORIZED' });
    }
    return this.sign({ typ: 'api_key' }, this.credentials.clientId, apiKeyLifetimeMs);
  }

  issueConnectToken(clientId: string, itemId: string | undefined, options: Record<string, unknown>): Promise<string> {
    return this.sign(
      { typ: 'connect_token', ...(itemId ? { itemId } : {}), options },
      clientId,
      connectTokenLifetimeMs,
    );
  }

  /** The caller behind an X-API-KEY header, or Pluggy's 403 when it is missing, bad or expired. */
  async verify(token: string | undefined): Promise<Caller> {
    if (!token) throw invalidToken();
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: ['HS256'],
        currentDate: new Date(this.clock.now()),
      });
      const clientId = String(payload.sub);
      if (payload.typ === 'api_key') return { kind: 'api-key', clientId };
      if (payload.typ === 'connect_token') {
        return {
          kind: 'connect-token',
          clientId,
          ...(typeof payload.itemId === 'string' ? { itemId: payload.itemId } : {}),
          options: (payload.options ?? {}) as Record<string, unknown>,
        };
      }
    } catch {
      // Expired, tampered with, or not ours: Pluggy does not say which.
    }
    throw invalidToken();
  }

  private sign(claims: Record<string, unknown>, subject: string, lifetimeMs: number): Promise<string> {
    const issuedAt = Math.floor(this.clock.now() / 1000);
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(subject)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + Math.floor(lifetimeMs / 1000))
      .setJti(randomBytes(8).toString('hex'))
      .sign(this.key);
  }
}
