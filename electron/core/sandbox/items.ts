import { randomUUID } from 'node:crypto';
import type { SandboxClock } from './clock.ts';
import {
  type ConnectorCredential,
  connectorById,
  mfaParameter,
  mfaSteps,
  type SandboxConnector,
} from './connectors.ts';
import { ItemData, type ItemDataHistory } from './data/item-data.ts';
import { badRequest, notFound, PluggyError } from './errors.ts';

/** Where a documented sandbox username leads (pluggy-api.md); anything else is INVALID_CREDENTIALS. */
const outcomeByUser: Record<string, string> = {
  'user-ok': 'SUCCESS',
  'user-ok-account-error': 'PARTIAL_SUCCESS',
  'user-logged': 'ALREADY_LOGGED_IN',
  'user-locked': 'ACCOUNT_LOCKED',
  'user-error': 'UNEXPECTED_ERROR',
  'user-unavailable': 'SITE_NOT_AVAILABLE',
  'user-account-need-actions': 'ACCOUNT_NEEDS_ACTION',
  'user-connection-error': 'CONNECTION_ERROR',
  'user-account-credentials-reset': 'ACCOUNT_CREDENTIALS_RESET',
  'user-not-supported': 'USER_NOT_SUPPORTED',
  // Open Finance banks: a good login whose consent ends soon, to see the warning at once.
  'user-consent-ending': 'SUCCESS',
};

/** Login failures need new credentials (LOGIN_ERROR); the rest may pass on a retry (OUTDATED). */
const loginErrors = new Set([
  'INVALID_CREDENTIALS',
  'INVALID_CREDENTIALS_MFA',
  'ACCOUNT_CREDENTIALS_RESET',
  'ACCOUNT_LOCKED',
  'ACCOUNT_NEEDS_ACTION',
  'USER_NOT_SUPPORTED',
  'USER_AUTHORIZATION_NOT_GRANTED',
]);

const errorMessages: Record<string, string> = {
  INVALID_CREDENTIALS: 'Invalid credentials.',
  INVALID_CREDENTIALS_MFA: 'Invalid MFA token.',
  ACCOUNT_CREDENTIALS_RESET: 'The institution asks the user to reset their credentials.',
  ACCOUNT_LOCKED: 'The account is locked at the institution.',
  ACCOUNT_NEEDS_ACTION: 'The institution needs the user to take an action on its site.',
  USER_NOT_SUPPORTED: 'This kind of account is not supported.',
  ALREADY_LOGGED_IN: 'There is another session open at the institution.',
  SITE_NOT_AVAILABLE: 'The institution is not available right now.',
  CONNECTION_ERROR: 'Could not connect to the institution.',
  UNEXPECTED_ERROR: 'Unexpected error.',
  USER_INPUT_TIMEOUT: 'The MFA token was not provided in time.',
  USER_AUTHORIZATION_NOT_GRANTED: 'The consent given at the institution has expired: the user must consent again.',
};

/** The steps an update goes through before its outcome, one `stepMs` apart. */
const progressSteps = [
  'LOGIN_IN_PROGRESS',
  'ACCOUNTS_IN_PROGRESS',
  'TRANSACTIONS_IN_PROGRESS',
  'CREDITCARDS_IN_PROGRESS',
];
const mfaTimeoutMs = 5 * 60 * 1000;
const autoSyncIntervalMs = 24 * 3600 * 1000;
/** Pluggy's PATCH rules (spec, PATCH /items/{id} 400 examples). */
const maxConsecutiveLoginFailures = 2;
const loginFailureBackoffMs = 15 * 60 * 1000;
const maxConsecutiveErrors = 5;
/** How long an Open Finance consent lasts: 12 months, the longest Brazil's Open Finance grants. */
const consentMonths = 12;
/** The consent `user-consent-ending` gives: inside Balancete's 15-day warning from the start. */
const endingConsentMs = 10 * 24 * 3600 * 1000;

export interface ItemsOptions {
  clock: SandboxClock;
  seed: number;
  /** Time between execution steps: ~0 in tests, a few seconds in demo mode. */
  stepMs: number;
  transactionsPerItem: number;
  /** PATCH within this long of the last update answers 409 (0: no limit). */
  minUpdateIntervalMs: number;
  /** How long Open Finance consents given from now on last (default: 12 months). */
  consentDurationMs?: number;
}

/** An Open Finance consent (the spec's `Consent`): given at a login, it lets Pluggy read the bank until it ends. */
export interface SandboxConsent {
  id: string;
  createdAt: number;
  expiresAt: number;
}

interface Step {
  at: number;
  /** Runs with the step's own time, so the times it records do not depend on when it was looked at. */
  run: (at: number) => void;
}

export interface SandboxItem {
  id: string;
  connector: SandboxConnector;
  parameters: Record<string, string>;
  clientUserId?: string;
  webhookUrl?: string;
  products?: string[];
  status: string;
  executionStatus: string;
  error?: { code: string; message: string; providerMessage?: string };
  parameter?: ConnectorCredential & { expiresAt: string };
  createdAt: number;
  updatedAt: number;
  lastUpdatedAt?: number;
  consecutiveFailedLoginAttempts: number;
  /** Updates in a row that ended in an error other than a login failure. */
  consecutiveErrors: number;
  /** When the last update ended, however it ended. */
  lastExecutionEndedAt?: number;
  /** Updates that reached the data (the first one generates the history). */
  updates: number;
  mfaAnswered: number;
  partial: boolean;
  /** Open Finance only: every consent given, the current one last. */
  consents: SandboxConsent[];
  /** The update under way comes with the user's (new) consent: a login or a renewal, not a refresh. */
  consentPending: boolean;
  steps: Step[];
  data?: ItemData;
}

/** An item as saved between runs: no connector object, no scheduled steps, data as its history. */
export interface SavedItem
  extends
    Omit<SandboxItem, 'connector' | 'steps' | 'data' | 'consents' | 'consentPending'>,
    Partial<Pick<SandboxItem, 'consents' | 'consentPending'>> {
  connectorId: number;
  data?: ItemDataHistory;
}

/**
 * Items and their asynchronous lifecycle. Each update is a schedule of steps on the
 * sandbox clock; steps run when anything looks at the item after their time has come, so
 * moving the clock forward moves items forward, with no timers to leak.
 */
export class ItemStore {
  private readonly items = new Map<string, SandboxItem>();
  private readonly options: ItemsOptions;
  /** Grows with every change to any item, including steps that ran when an item was read. */
  revision = 0;

  constructor(options: ItemsOptions) {
    this.options = options;
  }

  create(
    connectorId: unknown,
    parameters: unknown,
    extra: Pick<SandboxItem, 'clientUserId' | 'webhookUrl' | 'products'>,
  ): SandboxItem {
    const connector = typeof connectorId === 'number' ? connectorById(connectorId) : undefined;
    if (!connector) throw new PluggyError(400, 'Connector not found', { codeDescription: 'CONNECTOR_NOT_FOUND' });
    const values = validateParameters(connector, parameters);
    const now = this.options.clock.now();
    const item: SandboxItem = {
      id: randomUUID(),
      connector,
      parameters: values,
      ...extra,
      status: 'UPDATING',
      executionStatus: 'CREATED',
      createdAt: now,
      updatedAt: now,
      consecutiveFailedLoginAttempts: 0,
      consecutiveErrors: 0,
      updates: 0,
      mfaAnswered: 0,
      partial: false,
      consents: [],
      consentPending: false,
      steps: [],
    };
    this.items.set(item.id, item);
    this.startUpdate(item, now, { consent: true });
    return item;
  }

  get(id: string): SandboxItem {
    const item = this.items.get(id);
    if (!item) throw notFound('Item', 'ITEM_NOT_FOUND');
    this.advance(item);
    return item;
  }

  all(): SandboxItem[] {
    return [...this.items.values()].map((item) => this.get(item.id));
  }

  /** PATCH /items/{id}: new parameters if given, and a new update. */
  update(
    id: string,
    parameters: unknown,
    extra: Pick<SandboxItem, 'clientUserId' | 'webhookUrl' | 'products'>,
  ): SandboxItem {
    const item = this.get(id);
    if (item.status === 'UPDATING' || item.status === 'WAITING_USER_INPUT') {
      throw new PluggyError(400, 'An update of this item is already in progress', {
        codeDescription: 'ITEM_ALREADY_UPDATING',
      });
    }
    const now = this.options.clock.now();
    const minimum = this.options.minUpdateIntervalMs;
    if (minimum > 0 && item.lastUpdatedAt !== undefined && now - item.lastUpdatedAt < minimum) {
      const hours = minimum / 3_600_000;
      const lastUpdatedAt = new Date(item.lastUpdatedAt).toISOString();
      throw new PluggyError(
        409,
        `Client updates on this item are allowed at most every ${hours} hours. Last update was at ${lastUpdatedAt}`,
        {
          codeDescription: 'CLIENT_IS_UPDATING_BEFORE_ALLOWED_FREQUENCY',
          data: { minUpdateFrequencyAllowedInHours: hours, lastUpdatedAt },
        },
      );
    }
    const newParameters = parameters !== undefined && parameters !== null;
    const endedAt = item.lastExecutionEndedAt ?? item.updatedAt;
    if (
      !newParameters &&
      item.consecutiveFailedLoginAttempts >= maxConsecutiveLoginFailures &&
      now < endedAt + loginFailureBackoffMs
    ) {
      const canRetryAfterDate = new Date(endedAt + loginFailureBackoffMs).toISOString();
      throw new PluggyError(
        400,
        `must wait at least 15 minutes after ${maxConsecutiveLoginFailures} consecutive login errors, last attempt was at ${new Date(endedAt).toISOString()} (can retry after: ${canRetryAfterDate})`,
        {
          codeDescription: 'TOO_MANY_CONSECUTIVE_LOGIN_FAILURES',
          data: {
            readableBackoffTime: '15 minutes',
            maxConsecutiveFailedLoginAttempts: maxConsecutiveLoginFailures,
            lastExecutionEndedAt: new Date(endedAt).toISOString(),
            canRetryAfterDate,
          },
        },
      );
    }
    if (item.consecutiveErrors > maxConsecutiveErrors) {
      throw new PluggyError(
        400,
        `There has been more than ${maxConsecutiveErrors} failing syncronizations, please contact support`,
        { codeDescription: 'TOO_MANY_CONSECUTIVE_ERRORS' },
      );
    }
    if (newParameters) {
      item.parameters = validateParameters(item.connector, parameters);
      item.consecutiveFailedLoginAttempts = 0;
    }
    Object.assign(item, extra); // itemExtras leaves out what the request did not say
    // New credentials are the user going through the login (and, over Open Finance, the
    // consent) again: the widget's update mode. A bare PATCH only refreshes.
    this.startUpdate(item, now, { consent: newParameters });
    return item;
  }

  /**
   * "Pluggy's automatic daily update", now: an update nobody asked for, without the
   * frequency rule. Items that need the user (LOGIN_ERROR, MFA) are left alone, as Pluggy does.
   */
  autoUpdate(id: string): SandboxItem {
    const item = this.get(id);
    if (autoUpdatable(item)) this.startUpdate(item, this.options.clock.now(), { consent: false });
    return item;
  }

  /** POST /items/{id}/mfa. */
  answerMfa(id: string, answer: unknown): SandboxItem {
    const item = this.get(id);
    const parameter = item.parameter;
    if (item.status !== 'WAITING_USER_INPUT' || !parameter) {
      throw badRequest('Item is not waiting for user input');
    }
    const value =
      typeof answer === 'object' && answer !== null ? (answer as Record<string, unknown>)[parameter.name] : undefined;
    if (typeof value !== 'string' && typeof value !== 'number') {
      throw badRequest(`Missing parameter ${parameter.name}`, { parameter: parameter.name });
    }
    const now = this.options.clock.now();
    delete item.parameter;
    item.status = 'UPDATING';
    this.touch(item, now);
    if (String(value) !== '123456') {
      // Pluggy accepts the answer, then the login with it fails.
      this.schedule(item, now + this.options.stepMs, (at) => {
        this.finish(item, 'INVALID_CREDENTIALS_MFA', at);
      });
      return item;
    }
    item.mfaAnswered += 1;
    this.continueAfterLogin(item, now);
    return item;
  }

  delete(id: string): void {
    this.get(id);
    this.items.delete(id);
    this.revision += 1;
  }

  /** Everything needed to bring the items back after a restart (demo mode keeps them in a file). */
  save(): SavedItem[] {
    return [...this.items.values()].map(({ connector, steps: _steps, data, ...rest }) => ({
      ...rest,
      connectorId: connector.id,
      ...(data ? { data: data.history() } : {}),
    }));
  }

  /** Brings saved items back; one that was mid-update starts that update again. */
  restore(saved: readonly SavedItem[]): void {
    for (const { connectorId, data, ...rest } of saved) {
      const connector = connectorById(connectorId);
      if (!connector) continue;
      const item: SandboxItem = {
        ...rest,
        // Saved before consents were kept: the consent a year from creation the sandbox showed then.
        consents: rest.consents ?? (connector.isOpenFinance ? [legacyConsent(rest.id, rest.createdAt)] : []),
        consentPending: rest.consentPending ?? false,
        connector,
        steps: [],
      };
      if (data) item.data = ItemData.restore(item.id, data);
      this.items.set(item.id, item);
      if (item.status === 'UPDATING') {
        this.startUpdate(item, this.options.clock.now(), { consent: item.consentPending });
      }
    }
  }

  /** The end of an Open Finance item's current consent, if it has one. */
  consentExpiresAt(item: SandboxItem): number | undefined {
    return item.consents.at(-1)?.expiresAt;
  }

  /** Sets how long consents given from now on last (tests: a short one), or back to 12 months. */
  setConsentDuration(milliseconds: number | undefined): void {
    this.options.consentDurationMs = milliseconds;
  }

  /**
   * Runs every step whose time has come, expires an unanswered MFA parameter, ends access
   * when an Open Finance consent runs out, and starts the daily automatic update once
   * `nextAutoSyncAt` has passed (repeatedly, if the clock jumped several days), each at its
   * own time, in order.
   */
  private advance(item: SandboxItem): void {
    const now = this.options.clock.now();
    for (;;) {
      for (let next = item.steps[0]; next && next.at <= now; next = item.steps[0]) {
        item.steps.shift();
        next.run(next.at);
      }
      if (item.parameter && Date.parse(item.parameter.expiresAt) <= now) {
        const expiredAt = Date.parse(item.parameter.expiresAt);
        delete item.parameter;
        this.finish(item, 'USER_INPUT_TIMEOUT', expiredAt);
      }
      const due = autoUpdatable(item) ? this.nextAutoSyncAt(item) : undefined;
      const lapse = autoUpdatable(item) ? this.consentExpiresAt(item) : undefined;
      if (lapse !== undefined && lapse <= now && (due === undefined || lapse <= due)) {
        // An update that was under way when it ran out ends first (the login had the consent).
        this.lapse(item, Math.max(lapse, item.updatedAt));
        continue;
      }
      if (due === undefined || due > now) return;
      this.startUpdate(item, due, { consent: false });
    }
  }

  /**
   * The consent ran out (Pluggy's spec names no error for it): the item needs the user to
   * consent again, as for the documented USER_AUTHORIZATION_NOT_GRANTED, a login error.
   * Not counted as a failed login: nobody tried one.
   */
  private lapse(item: SandboxItem, at: number): void {
    item.status = 'LOGIN_ERROR';
    item.executionStatus = 'USER_AUTHORIZATION_NOT_GRANTED';
    item.error = {
      code: 'USER_AUTHORIZATION_NOT_GRANTED',
      message: errorMessages.USER_AUTHORIZATION_NOT_GRANTED ?? '',
    };
    item.lastExecutionEndedAt = at;
    this.touch(item, at);
  }

  private startUpdate(item: SandboxItem, start: number, { consent }: { consent: boolean }): void {
    const step = this.options.stepMs;
    item.status = 'UPDATING';
    item.executionStatus = 'CREATED';
    delete item.error;
    item.mfaAnswered = 0;
    item.consentPending = consent && item.connector.isOpenFinance;
    item.steps = [];
    this.touch(item, start);
    this.schedule(item, start + step, (at) => {
      item.executionStatus = 'LOGIN_IN_PROGRESS';
      this.touch(item, at);
    });
    this.schedule(item, start + 2 * step, (at) => {
      const user = item.parameters.user ?? '';
      const outcome = outcomeByUser[user] ?? (item.connector.isSandbox ? 'INVALID_CREDENTIALS' : 'SUCCESS');
      const passwordOk = !item.connector.isSandbox || item.parameters.password === 'password-ok';
      const consentEnd = this.consentExpiresAt(item);
      item.partial = outcome === 'PARTIAL_SUCCESS';
      if (!passwordOk) this.finish(item, 'INVALID_CREDENTIALS', at);
      else if (!item.consentPending && consentEnd !== undefined && consentEnd <= at) {
        // A refresh after the consent ended: the bank answers nothing until the user consents again.
        this.finish(item, 'USER_AUTHORIZATION_NOT_GRANTED', at);
      } else if (outcome === 'SUCCESS' || outcome === 'PARTIAL_SUCCESS') this.continueAfterLogin(item, at);
      else this.finish(item, outcome, at);
    });
  }

  /** After a good login (at `now`): ask for the next MFA answer, or fetch the products and finish. */
  private continueAfterLogin(item: SandboxItem, now: number): void {
    const needed = mfaSteps.get(item.connector.id) ?? 0;
    if (item.mfaAnswered < needed) {
      item.status = 'WAITING_USER_INPUT';
      item.executionStatus = 'WAITING_USER_INPUT';
      item.parameter = {
        ...mfaParameter,
        ...(item.mfaAnswered > 0
          ? { label: 'Second token', assistiveText: 'Type the second 6-digit code (sandbox: 123456)' }
          : {}),
        expiresAt: new Date(now + mfaTimeoutMs).toISOString(),
      };
      this.touch(item, now);
      return;
    }
    const step = this.options.stepMs;
    progressSteps.slice(1).forEach((executionStatus, index) => {
      this.schedule(item, now + (index + 1) * step, (at) => {
        item.executionStatus = executionStatus;
        this.touch(item, at);
      });
    });
    this.schedule(item, now + progressSteps.length * step, (at) => {
      this.finish(item, item.partial ? 'PARTIAL_SUCCESS' : 'SUCCESS', at);
    });
  }

  private finish(item: SandboxItem, outcome: string, now: number): void {
    item.steps = [];
    item.executionStatus = outcome;
    item.lastExecutionEndedAt = now;
    if (outcome === 'SUCCESS' || outcome === 'PARTIAL_SUCCESS') {
      item.status = 'UPDATED';
      delete item.error;
      item.consecutiveFailedLoginAttempts = 0;
      item.consecutiveErrors = 0;
      if (item.consentPending) this.giveConsent(item, now);
      if (!item.data) {
        item.data = new ItemData({
          seed: this.options.seed,
          itemId: item.id,
          createdAt: now,
          transactionsPerItem: this.options.transactionsPerItem,
        });
      } else {
        item.data.applyUpdate(item.updates, now);
      }
      // Pluggy has balances and bills ready once an item is UPDATED: work them out now (one
      // pass over the rows), not on the first GET /accounts that follows.
      for (const account of item.data.listedAccounts()) item.data.totals(account);
      item.updates += 1;
      item.lastUpdatedAt = now;
    } else {
      item.status = loginErrors.has(outcome) ? 'LOGIN_ERROR' : 'OUTDATED';
      item.error = { code: outcome, message: errorMessages[outcome] ?? 'Error.' };
      if (outcome === 'ACCOUNT_NEEDS_ACTION') {
        item.error.providerMessage = 'Acesse o app do banco e aceite os novos termos de uso.';
      }
      if (item.status === 'LOGIN_ERROR') item.consecutiveFailedLoginAttempts += 1;
      else item.consecutiveErrors += 1;
    }
    this.touch(item, now);
  }

  /** The user consented (a first login, or a renewal): a new consent from `at`, the old one replaced. */
  private giveConsent(item: SandboxItem, at: number): void {
    const override = item.parameters.user === 'user-consent-ending' ? endingConsentMs : this.options.consentDurationMs;
    item.consents.push({
      id: randomUUID(),
      createdAt: at,
      expiresAt: override === undefined ? addMonths(at, consentMonths) : at + override,
    });
    item.consentPending = false;
  }

  private schedule(item: SandboxItem, at: number, run: (at: number) => void): void {
    item.steps.push({ at, run });
    item.steps.sort((a, b) => a.at - b.at);
  }

  private touch(item: SandboxItem, at: number): void {
    item.updatedAt = at;
    this.revision += 1;
  }

  nextAutoSyncAt(item: SandboxItem): number | undefined {
    return item.lastUpdatedAt === undefined ? undefined : item.lastUpdatedAt + autoSyncIntervalMs;
  }
}

/** `months` calendar months after an instant (UTC), as a consent's "12 months" counts them. */
function addMonths(at: number, months: number): number {
  const date = new Date(at);
  date.setUTCMonth(date.getUTCMonth() + months);
  return date.getTime();
}

/** The consent state files from before consents were kept implied: a year from the item's creation. */
function legacyConsent(itemId: string, createdAt: number): SandboxConsent {
  return { id: `${itemId.slice(0, 24)}c0n5en700001`, createdAt, expiresAt: createdAt + 365 * 24 * 3600 * 1000 };
}

/** Whether Pluggy would update an item on its own: not while one runs, nor when the user must act. */
function autoUpdatable(item: SandboxItem): boolean {
  return item.status === 'UPDATED' || item.status === 'OUTDATED';
}

/** Checks item parameters against the connector's credential definitions, as Pluggy does. */
export function validateParameters(connector: SandboxConnector, parameters: unknown): Record<string, string> {
  const given = typeof parameters === 'object' && parameters !== null ? (parameters as Record<string, unknown>) : {};
  const errors: { code: string; message: string; parameter: string }[] = [];
  const values: Record<string, string> = {};
  for (const credential of connector.credentials) {
    const raw = given[credential.name];
    const value = typeof raw === 'string' || typeof raw === 'number' ? String(raw) : undefined;
    if (value === undefined || value === '') {
      if (!credential.optional)
        errors.push({ code: '001', message: `${credential.label} is required`, parameter: credential.name });
      continue;
    }
    if (credential.validation && !new RegExp(credential.validation).test(value)) {
      errors.push({
        code: '002',
        message: credential.validationMessage ?? `${credential.label} is invalid`,
        parameter: credential.name,
      });
      continue;
    }
    values[credential.name] = value;
  }
  if (errors.length > 0) {
    throw new ItemParameterError(errors);
  }
  return values;
}

/** 400 with the per-parameter errors (`ItemCreationErrorResponse`). */
export class ItemParameterError extends PluggyError {
  readonly errors: { code: string; message: string; parameter: string }[];

  constructor(errors: { code: string; message: string; parameter: string }[]) {
    super(400, 'There were errors validating the parameters', { codeDescription: 'INVALID_PARAMETERS' });
    this.errors = errors;
  }

  override body(): Record<string, unknown> {
    return { ...super.body(), errors: this.errors };
  }
}
