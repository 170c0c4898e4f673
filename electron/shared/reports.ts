import { z } from 'zod';
import { CalendarDay } from './calendar-day.ts';
import { ReportGroup } from './categories.ts';

/**
 * The reports' IPC shapes (issue 8): what the report screens, the dashboard and every
 * export ask for and get. Money is integer cents in the user's sign (negative = money out),
 * in each account's currency; dates are bookkeeping dates `YYYY-MM-DD`, months `YYYY-MM`.
 * Every list of lines comes with its total, and the total is the sum of its lines.
 */

const month = z.string().regex(/^\d{4}-\d{2}$/);
const cents = z.number().int();

export const ReportQuery = z
  .object({
    /** Inclusive bookkeeping dates. */
    from: CalendarDay,
    to: CalendarDay,
    /** Only these accounts (hidden ones too); all of them when left out, bar hidden ones. */
    accountIds: z.array(z.string().min(1).max(100)).min(1).max(200).optional(),
    /** Without `accountIds`, hidden accounts count too (a file of the transactions list showing them). */
    includeHidden: z.boolean().optional(),
    /** Only movements the user marked as business (those without a usage are left out). */
    businessOnly: z.boolean().optional(),
  })
  .strict()
  .refine((query) => query.from <= query.to, { message: 'from must not be after to', path: ['to'] });
export type ReportQuery = z.infer<typeof ReportQuery>;

/**
 * Where a movement lands in the P&L: its category's report group, or, for money without
 * a group (no category at all, or a category without one), the side its sign puts it on.
 * 'transfer' and 'investment' are shown apart and never count as income or expense.
 */
export const reportSections = [
  'income',
  'unclassified_income',
  'deductible_expense',
  'nondeductible_expense',
  'tax',
  'unclassified_expense',
  'transfer',
  'investment',
] as const;
export const ReportSection = z.enum(reportSections);
export type ReportSection = z.infer<typeof ReportSection>;

/** One category's net movement; `categoryId` null is money without a category ("Sem categoria"). */
export const ReportCategoryLine = z.object({
  categoryId: z.string().nullable(),
  parentId: z.string().nullable(),
  namePt: z.string(),
  nameEn: z.string(),
  /** The category's own report group (null without one). */
  reportGroup: ReportGroup.nullable(),
  cents,
  /** Movements behind the line (a split transaction's parts count one each). */
  count: z.number().int(),
});
export type ReportCategoryLine = z.infer<typeof ReportCategoryLine>;

export const ProfitAndLossSection = z.object({
  section: ReportSection,
  /** Income or expense; null for transfers and investments, which the totals leave out. */
  side: z.enum(['income', 'expense']).nullable(),
  lines: z.array(ReportCategoryLine),
  totalCents: cents,
});
export type ProfitAndLossSection = z.infer<typeof ProfitAndLossSection>;

export const ProfitAndLoss = z.object({
  query: ReportQuery,
  /** In `reportSections` order, only those with lines. */
  sections: z.array(ProfitAndLossSection),
  /** The income sections' totals; the expense sections' (negative); and their sum. */
  incomeCents: cents,
  expenseCents: cents,
  netCents: cents,
  /** Transfers and investments: moved, not earned or spent. Net + this = every counted movement. */
  notCountedCents: cents,
});
export type ProfitAndLoss = z.infer<typeof ProfitAndLoss>;

/** A month of the livro-caixa; amounts paid are positive. */
export const LivroCaixaMonth = z.object({
  month,
  incomeCents: cents,
  deductibleCents: cents,
  /** Deductions left from earlier months of the same year. */
  carriedInCents: cents,
  deductionUsedCents: cents,
  /** What is left for the next month (none out of December: the year's rule). */
  carriedOutCents: cents,
  /** What was left at the end of December and is lost. */
  lapsedCents: cents,
  /** Income less the deduction used, never negative. */
  taxableBaseCents: cents,
});
export type LivroCaixaMonth = z.infer<typeof LivroCaixaMonth>;

export const LivroCaixa = z.object({
  query: ReportQuery,
  months: z.array(LivroCaixaMonth),
  totals: z.object({
    incomeCents: cents,
    deductibleCents: cents,
    deductionUsedCents: cents,
    lapsedCents: cents,
    taxableBaseCents: cents,
  }),
});
export type LivroCaixa = z.infer<typeof LivroCaixa>;

const cashFlowFigures = {
  /** Null when the report is business only: an account's balance is not a business figure. */
  openingBalanceCents: cents.nullable(),
  inCents: cents,
  outCents: cents,
  /** Of which between the user's own accounts (report group 'transfer'). */
  transferInCents: cents,
  transferOutCents: cents,
  netCents: cents,
  closingBalanceCents: cents.nullable(),
};

/**
 * An account as a report names it: as every screen and file does (account-names.ts), its
 * display name unique among the accounts, a short one for tight spaces, its bank, and
 * whether its connection was removed with its data kept (marked wherever it shows).
 */
export const ReportAccount = z.object({
  accountId: z.string(),
  displayName: z.string(),
  shortName: z.string(),
  institution: z.string(),
  disconnected: z.boolean(),
});
export type ReportAccount = z.infer<typeof ReportAccount>;

export const CashFlowAccount = ReportAccount.extend({
  type: z.string(),
  currencyCode: z.string(),
  ...cashFlowFigures,
});
export type CashFlowAccount = z.infer<typeof CashFlowAccount>;

export const CashFlow = z.object({
  query: ReportQuery,
  accounts: z.array(CashFlowAccount),
  totals: z.object(cashFlowFigures),
});
export type CashFlow = z.infer<typeof CashFlow>;

export const DashboardMonth = z.object({ month, incomeCents: cents, expenseCents: cents, netCents: cents });
export type DashboardMonth = z.infer<typeof DashboardMonth>;

export const BalanceMonth = z.object({
  month,
  /** End of the month's balance (or at `to`, for its last month), per account in `accounts` order. */
  balances: z.array(z.object({ accountId: z.string(), cents })),
  totalCents: cents,
});

export const TopCounterparty = z.object({ name: z.string(), cents, count: z.number().int() });
export type TopCounterparty = z.infer<typeof TopCounterparty>;

export const Dashboard = z.object({
  query: ReportQuery,
  /** Every month of the period, with the P&L's income and expenses (a month without movement is zeros). */
  months: z.array(DashboardMonth),
  /** Net spending per expense-side category, most spent first; its total is the P&L's expenses. */
  spending: z.array(ReportCategoryLine),
  balances: z.object({
    /** In the order every screen lists accounts (by institution, then name). */
    accounts: z.array(ReportAccount),
    months: z.array(BalanceMonth),
  }),
  /** Who paid the user most (income side) and whom the user paid most (expense side), ten each. */
  topPayers: z.array(TopCounterparty),
  topPayees: z.array(TopCounterparty),
});
export type Dashboard = z.infer<typeof Dashboard>;

/** A name and CPF/CNPJ (digits only), as a report's header carries them. */
export const ReportHolder = z.object({
  name: z.string().nullable(),
  document: z.string().nullable(),
  documentType: z.enum(['CPF', 'CNPJ']).nullable(),
});
export type ReportHolder = z.infer<typeof ReportHolder>;

/**
 * Whose books the PDF report is: the name and CPF/CNPJ set in Settings when the user
 * set either, else the account holder a bank reported (Pluggy identity), else nobody yet.
 * `bankHolders` lists what each connection's bank reported, for Settings to offer.
 */
export const ReportOwner = ReportHolder.extend({
  source: z.enum(['settings', 'bank', 'none']),
  bankHolders: z.array(ReportHolder.extend({ connectionName: z.string() })),
});
export type ReportOwner = z.infer<typeof ReportOwner>;
