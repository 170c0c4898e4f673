import { z } from 'zod';

/** Languages the UI ships in; pt-BR is the default for a new install. */
export const languages = ['pt-BR', 'en'] as const;
export const Language = z.enum(languages);
export type Language = z.infer<typeof Language>;

/** Where Balancete gets bank data: the embedded sandbox (demo) or the user's own Pluggy application. */
export const PluggyMode = z.enum(['demo', 'own']);
export type PluggyMode = z.infer<typeof PluggyMode>;

export const Settings = z.object({
  language: Language,
  pluggyMode: PluggyMode,
});
export type Settings = z.infer<typeof Settings>;

/** What settings:update may change. The Pluggy mode changes only through the Pluggy-account channels, which check the keys. */
export const SettingsPatch = Settings.omit({ pluggyMode: true }).partial().strict();
export type SettingsPatch = z.infer<typeof SettingsPatch>;

export const AccountType = z.enum(['BANK', 'CREDIT']);

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
