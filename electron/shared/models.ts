import { z } from 'zod';
import { TaxId } from './tax-id.ts';

/** Languages the UI ships in; pt-BR is the default for a new install. */
export const languages = ['pt-BR', 'en'] as const;
export const Language = z.enum(languages);
export type Language = z.infer<typeof Language>;

/** How the screens look: the system's light or dark appearance, followed live, or one of them always. */
export const themes = ['system', 'light', 'dark'] as const;
export const Theme = z.enum(themes);
export type Theme = z.infer<typeof Theme>;

/** Where Balancete gets bank data: the embedded sandbox (demo) or the user's own Pluggy application. */
export const pluggyModes = ['demo', 'own'] as const;
export const PluggyMode = z.enum(pluggyModes);
export type PluggyMode = z.infer<typeof PluggyMode>;

/**
 * Where an account's rows come from: a Pluggy mode's connection, or 'manual' for the
 * accounts the user keeps by hand (cash, an institution Pluggy does not reach), each
 * under a connection of its own that is never synced nor listed among the connections.
 */
export const connectionModes = [...pluggyModes, 'manual'] as const;
export const ConnectionMode = z.enum(connectionModes);
export type ConnectionMode = z.infer<typeof ConnectionMode>;

export const Settings = z.object({
  language: Language,
  theme: Theme,
  pluggyMode: PluggyMode,
  /** Closing the window keeps Balancete syncing in the tray (else it quits). */
  closeToTray: z.boolean(),
  /** Minutes between automatic looks at each connection (design.md §5: 15 by default). */
  syncIntervalMinutes: z
    .number()
    .int()
    .min(5)
    .max(24 * 60),
  /** The name on the accountant's PDF report; null: the bank's account holder. */
  reportOwnerName: z.string().trim().min(1).max(120).nullable(),
  /** The CPF or CNPJ on the PDF report, digits only; null: the bank's account holder's. */
  reportOwnerDocument: TaxId.nullable(),
});
export type Settings = z.infer<typeof Settings>;

/** What settings:update may change. The Pluggy mode changes only through the Pluggy-account channels, which check the keys. */
export const SettingsPatch = Settings.omit({ pluggyMode: true }).partial().strict();
export type SettingsPatch = z.infer<typeof SettingsPatch>;

export const AccountType = z.enum(['BANK', 'CREDIT']);
export type AccountType = z.infer<typeof AccountType>;

/** One account as the overview shows it. Money is integer cents in the user's sign convention. */
export const AccountSummary = z.object({
  id: z.string(),
  connectionId: z.string(),
  institution: z.string(),
  institutionColor: z.string().nullable(),
  type: AccountType.or(z.string()),
  subtype: z.string().nullable(),
  name: z.string(),
  number: z.string().nullable(),
  currencyCode: z.string(),
  balanceCents: z.number().int(),
  balanceDate: z.string().nullable(),
  creditLimitCents: z.number().int().nullable(),
  closed: z.boolean(),
  /** The connection was removed but the user kept its data: no more updates. */
  disconnected: z.boolean(),
  /** How every screen and file names it (account-names.ts), unique among the accounts. */
  displayName: z.string(),
  /** The same, short, for tight spaces (the full one on hover). */
  shortName: z.string(),
  /** The name the user gave it, if any (it then is the display name). */
  nickname: z.string().nullable(),
  /** Hidden by the user: left out of totals, charts and reports unless hidden ones are shown. */
  hidden: z.boolean(),
  /** Demo data (the embedded sandbox's), the user's own Pluggy application's, or kept by hand ('manual'). */
  mode: ConnectionMode,
  /** A manual account's opening balance and its date (null for the bank's accounts). */
  openingBalanceCents: z.number().int().nullable(),
  openingBalanceDate: z.string().nullable(),
});
export type AccountSummary = z.infer<typeof AccountSummary>;

const AccountId = z.string().min(1).max(100);

/**
 * The user's own fields of an account (never written by a sync): a nickname (trimmed, 1–60
 * characters; null gives the bank's name back) and whether it is hidden (left out of
 * totals, charts, reports and the "all accounts" lists).
 */
export const AccountUpdate = z
  .object({
    id: AccountId,
    nickname: z.string().trim().min(1).max(60).nullable().optional(),
    hidden: z.boolean().optional(),
  })
  .strict();
export type AccountUpdate = z.infer<typeof AccountUpdate>;

export const AccountInput = z.object({ id: AccountId }).strict();

/**
 * Deletes a disconnected account (its connection removed, its data kept) with its
 * transactions and everything on them. Reconciled transactions among them are refused as
 * TRANSACTION_RECONCILED until the user confirmed (`confirmReconciled`).
 */
export const AccountDeleteInput = z.object({ id: AccountId, confirmReconciled: z.boolean().optional() }).strict();

/** A reconciled transaction deleting an account would take with it, as the question names it. */
export const ReconciledTransaction = z.object({
  id: z.string(),
  date: z.string(),
  description: z.string(),
  /** In the account's currency. */
  amountCents: z.number().int(),
});
export type ReconciledTransaction = z.infer<typeof ReconciledTransaction>;

/** What deleting an account would take with it, said before the user confirms. */
export const AccountDeletion = z.object({
  id: z.string(),
  /** Only a disconnected account may be deleted (ACCOUNT_CONNECTED otherwise). */
  deletable: z.boolean(),
  /** Its transactions as the screens count them (those the bank dropped go too, unmentioned). */
  transactionCount: z.number().int(),
  reconciledCount: z.number().int(),
  /** The reconciled ones, newest first (the first 50). */
  reconciled: z.array(ReconciledTransaction),
  /** Its connection goes too: this is the last of its accounts. */
  lastOfConnection: z.boolean(),
});
export type AccountDeletion = z.infer<typeof AccountDeletion>;

export const AppInfo = z.object({
  version: z.string(),
  dataDirectory: z.string(),
});
export type AppInfo = z.infer<typeof AppInfo>;

/** What the settings screen may know of the Pluggy keys: never the secret, only the id's last characters. */
export const PluggyAccountStatus = z.object({
  mode: PluggyMode,
  configured: z.boolean(),
  clientIdEnding: z.string().nullable(),
  /** Locked: the keychain is there, but what it keeps cannot be read until the user unlocks it. */
  keychain: z.enum(['available', 'unavailable', 'locked']),
});
export type PluggyAccountStatus = z.infer<typeof PluggyAccountStatus>;

export const PluggyModeInput = z.object({ mode: PluggyMode }).strict();

/**
 * What demo mode left in the books (connections to the embedded sandbox, kept ones of
 * removed connections included), for the quiet "demo data" marker and for the offer to
 * remove it all when switching to the user's own Pluggy application.
 */
export const DemoData = z.object({
  /** Anything of demo mode is in the books. */
  present: z.boolean(),
  /** The demo connections still linked, by institution. */
  connections: z.array(z.string()),
  /** Demo accounts, of removed connections too, and their transactions as the screens count them. */
  accounts: z.number().int(),
  transactions: z.number().int(),
  reconciledCount: z.number().int(),
  /** The reconciled ones, newest first (the first 50), each with its account's display name. */
  reconciled: z.array(ReconciledTransaction.extend({ account: z.string(), currencyCode: z.string() })),
});
export type DemoData = z.infer<typeof DemoData>;

/** Deletes every demo connection and all it brought; reconciled rows only once confirmed (TRANSACTION_RECONCILED). */
export const DemoDataRemoveInput = z.object({ confirmReconciled: z.boolean().optional() }).strict();

export const PluggyCredentialsInput = z
  .object({
    clientId: z.string().trim().min(1).max(200),
    clientSecret: z.string().trim().min(1).max(500),
  })
  .strict();
export type PluggyCredentialsInput = z.infer<typeof PluggyCredentialsInput>;

/** A bank the Connect window offers, with the form its login needs. */
export const ConnectorSummary = z.object({
  id: z.number().int(),
  name: z.string(),
  imageUrl: z.string().nullable(),
  primaryColor: z.string().nullable(),
  /** An Open Finance bank: the user consents to share the data, for a limited time. */
  openFinance: z.boolean(),
  credentials: z.array(
    z.object({
      name: z.string(),
      label: z.string(),
      type: z.string(),
      validation: z.string().nullable(),
      validationMessage: z.string().nullable(),
      placeholder: z.string().nullable(),
      optional: z.boolean(),
      options: z.array(z.object({ value: z.string(), label: z.string() })),
    }),
  ),
});
export type ConnectorSummary = z.infer<typeof ConnectorSummary>;

/**
 * What a connection's last update could not bring (Pluggy's PARTIAL_SUCCESS, from its
 * `statusDetail`): each product not updated or warned about (Pluggy's names: accounts,
 * creditCards, transactions, investments, identity…), with the bank's words on it.
 */
export const PartialUpdate = z.object({
  products: z.array(z.object({ product: z.string(), warnings: z.array(z.string()) })),
});
export type PartialUpdate = z.infer<typeof PartialUpdate>;

/**
 * A new link whose accounts are already in the books through another connection (same
 * institution, same account numbers): nothing of it is kept until the user answers.
 */
export const DuplicateOf = z.object({
  connectionId: z.string(),
  institution: z.string(),
  /** The other connection's accounts the new link would bring again, by their display names. */
  accounts: z.array(z.string()),
});
export type DuplicateOf = z.infer<typeof DuplicateOf>;

/**
 * An Open Finance consent (Pluggy's `consentExpiresAt`): `expiring` from 15 days before
 * its end (`daysLeft` São Paulo calendar days to go, 0 on the last day), then `expired`:
 * the bank shares nothing more until the user renews it.
 */
export const ConnectionConsent = z.object({
  expiresAt: z.string(),
  state: z.enum(['valid', 'expiring', 'expired']),
  daysLeft: z.number().int().min(0),
});
export type ConnectionConsent = z.infer<typeof ConnectionConsent>;

/** One bank connection (a Pluggy item) as the screens show it. */
export const ConnectionSummary = z.object({
  id: z.string(),
  connectorId: z.number().int(),
  institution: z.string(),
  institutionColor: z.string().nullable(),
  /** The institution's logo as a data: URI, once fetched (the windows load no image from the web). */
  institutionLogo: z.string().startsWith('data:image/').nullable(),
  status: z.string(),
  executionStatus: z.string().nullable(),
  errorCode: z.string().nullable(),
  errorMessage: z.string().nullable(),
  /** The MFA question the bank is waiting on, if any. */
  waitingFor: z
    .object({ name: z.string(), label: z.string(), type: z.string(), expiresAt: z.string().nullable() })
    .nullable(),
  lastSyncedAt: z.string().nullable(),
  /** When Pluggy next updates the item by itself (its daily update), if it says. */
  nextAutoSyncAt: z.string().nullable(),
  syncing: z.boolean(),
  /** The last update brought only part of the data: what is missing. Null when all came (or it is not UPDATED). */
  partial: PartialUpdate.nullable(),
  /** The latest sync here failed (the books are as of `lastSyncedAt`): why, and when. Null once one succeeds. */
  syncFailure: z.object({ errorCode: z.string(), at: z.string() }).nullable(),
  /** A new link that looks like this other connection: the user is asked before any of its data is kept. */
  duplicateOf: DuplicateOf.nullable(),
  /** Accounts of this connection kept in the books (0: nothing of it is on this computer yet). */
  accountCount: z.number().int(),
  /** Demo data (the embedded sandbox's) or the user's own Pluggy application's. */
  mode: PluggyMode,
  /** Followed in the current mode; the other mode's connections are never polled nor updated. */
  followed: z.boolean(),
  /** Linked through Open Finance: the bank's consent to share the data has an end (`consent`). */
  openFinance: z.boolean(),
  /** The Open Finance consent's end and where it stands; null when it has none. */
  consent: ConnectionConsent.nullable(),
});
export type ConnectionSummary = z.infer<typeof ConnectionSummary>;

/** Why a new link failed. Its item was deleted at Pluggy and nothing of it kept. */
export const LinkFailure = z.object({
  institution: z.string(),
  errorCode: z.string(),
  errorMessage: z.string().nullable(),
  /** Who can fix it (app: new credentials; bank; wait; none), as for a connection's errors. */
  fixableBy: z.string().nullable(),
});
export type LinkFailure = z.infer<typeof LinkFailure>;

/**
 * How a link the Connect window follows is going: the connection while it is kept; once a
 * failed new link was cleared away, why it failed; once the user chose to reconnect the
 * connection it duplicated, which one that is.
 */
export const LinkAttempt = z.object({
  itemId: z.string(),
  connection: ConnectionSummary.nullable(),
  failed: LinkFailure.nullable(),
  replacedBy: z.string().nullable(),
});
export type LinkAttempt = z.infer<typeof LinkAttempt>;

const ParameterValues = z.record(z.string().min(1).max(100), z.string().max(500));

export const ConnectInput = z.object({ connectorId: z.number().int().min(0), parameters: ParameterValues }).strict();
export const MfaInput = z.object({ itemId: z.string().min(1).max(100), answer: ParameterValues }).strict();
export const ItemInput = z.object({ itemId: z.string().min(1).max(100) }).strict();
/**
 * Removes a connection at Pluggy; its accounts and transactions stay in the books unless
 * `keepData` is false. Deleting reconciled transactions is refused as TRANSACTION_RECONCILED
 * unless the user confirmed it (`confirmReconciled`).
 */
export const RemoveConnectionInput = z
  .object({ itemId: z.string().min(1).max(100), keepData: z.boolean(), confirmReconciled: z.boolean().optional() })
  .strict();

/** One sync of a connection, for its history. */
export const SyncRunSummary = z.object({
  id: z.number().int(),
  trigger: z.string(),
  status: z.enum(['running', 'succeeded', 'failed']),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  created: z.number().int(),
  updated: z.number().int(),
  removed: z.number().int(),
  errorCode: z.string().nullable(),
});
export type SyncRunSummary = z.infer<typeof SyncRunSummary>;

export const ReconnectInput = z.object({ itemId: z.string().min(1).max(100), parameters: ParameterValues }).strict();
/**
 * The answer to "this bank is already connected": `existing` deletes the new link at
 * Pluggy and updates the existing connection (logging in with `parameters`, when the
 * Connect window has the ones just typed); `both` keeps the new one too, its money
 * counted twice.
 */
export const DuplicateAnswer = z
  .object({
    itemId: z.string().min(1).max(100),
    keep: z.enum(['existing', 'both']),
    parameters: ParameterValues.optional(),
  })
  .strict();
export type DuplicateAnswer = z.infer<typeof DuplicateAnswer>;
/** Opens the Connect window, to link a new bank or to log in again to an existing connection. */
export const ConnectWindowInput = z
  .object({ reconnect: z.string().min(1).max(100).optional() })
  .strict()
  .optional();

/** A connect token for Pluggy's widget: to link a new bank, or (with `itemId`) to log in again to that connection. */
export const ConnectTokenInput = z.object({ itemId: z.string().min(1).max(100).optional() }).strict();
/** What the widget is opened with. Only the connect token (30 minutes, widget-only) crosses to a window, never the API key. */
export const ConnectToken = z.object({
  connectToken: z.string(),
  /** The connection the token is bound to, for the widget's update mode; null to link a new bank. */
  updateItem: z.string().nullable(),
});
export type ConnectToken = z.infer<typeof ConnectToken>;

/** What main tells the windows as syncing goes on (the events Pluggy's webhooks would carry). */
export const SyncNotice = z.object({
  kind: z.enum([
    'item-updated',
    'item-error',
    'waiting-user-input',
    'login-succeeded',
    'sync-started',
    'sync-progress',
    /** A new link failed and was cleared away (errorCode, fixableBy as for item-error). */
    'link-failed',
    /** A new link looks like another connection: the user is asked before its data is kept. */
    'duplicate-found',
    /** An Open Finance consent ends within 15 days, or has ended (said once for each). */
    'consent-expiring',
    'consent-expired',
  ]),
  itemId: z.string(),
  created: z.number().int().optional(),
  updated: z.number().int().optional(),
  removed: z.number().int().optional(),
  /** sync-progress: transactions read so far in this sync. */
  rowsRead: z.number().int().optional(),
  errorCode: z.string().optional(),
  fixableBy: z.string().optional(),
});
export type SyncNotice = z.infer<typeof SyncNotice>;
