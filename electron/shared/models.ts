import { z } from 'zod';

/** Languages the UI ships in; pt-BR is the default for a new install. */
export const languages = ['pt-BR', 'en'] as const;
export const Language = z.enum(languages);
export type Language = z.infer<typeof Language>;

export const Settings = z.object({
  language: Language,
});
export type Settings = z.infer<typeof Settings>;

export const SettingsPatch = Settings.partial().strict();
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
