import { z } from 'zod';
import { TaxId } from './tax-id.ts';

/** Languages the UI ships in; pt-BR is the default for a new install. */
export const languages = ['pt-BR', 'en'] as const;
export const Language = z.enum(languages);
export type Language = z.infer<typeof Language>;

/** Where Balancete gets bank data: the embedded sandbox (demo) or the user's own Pluggy application. */
export const pluggyModes = ['demo', 'own'] as const;
export const PluggyMode = z.enum(pluggyModes);
export type PluggyMode = z.infer<typeof PluggyMode>;

export const Settings = z.object({
  language: Language,
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
  /** Demo data (the embedded sandbox's) or the user's own Pluggy application's. */
  mode: PluggyMode,
});
export type AccountSummary = z.infer<typeof AccountSummary>;

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
  keychain: z.enum(['available', 'unavailable']),
});
export type PluggyAccountStatus = z.infer<typeof PluggyAccountStatus>;

export const PluggyModeInput = z.object({ mode: PluggyMode }).strict();

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
});
export type ConnectionSummary = z.infer<typeof ConnectionSummary>;

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
