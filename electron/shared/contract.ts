import { z } from 'zod';
import { type Channel, channelNames, type EventName, eventNameList } from './channels.ts';
import {
  AccountDeleteInput,
  AccountDeletion,
  AccountInput,
  AccountSummary,
  AccountUpdate,
  AppInfo,
  DemoData,
  DemoDataRemoveInput,
  PluggyAccountStatus,
  PluggyCredentialsInput,
  PluggyModeInput,
  Settings,
  SettingsPatch,
  ConnectInput,
  ConnectWindowInput,
  DuplicateAnswer,
  LinkAttempt,
  ConnectToken,
  ConnectTokenInput,
  ReconnectInput,
  RemoveConnectionInput,
  SyncRunSummary,
  ConnectionSummary,
  ConnectorSummary,
  ItemInput,
  MfaInput,
  SyncNotice,
} from './models.ts';
import {
  BulkCategorize,
  BulkCategorizeResult,
  CategoryArchive,
  CategoryCreate,
  CategoryMerge,
  CategoryRename,
  CategorySummary,
  TransactionSplit,
  TransactionUpdate,
  TransactionUserFields,
  UndoApply,
} from './categories.ts';
import {
  CategoryGroupChange,
  CategoryGroupEffect,
  CategoryGroupResult,
  ClassificationReviewList,
} from './classification.ts';
import { TransactionFilters, TransactionPage, TransactionQuery, TransactionTotals } from './transactions.ts';
import { TransactionDetails, TransactionDetailsInput } from './transaction-details.ts';
import {
  ImportApply,
  ImportFile,
  ImportInput,
  ImportPreview,
  ImportResult,
  ImportsQuery,
  ImportSummary,
} from './imports.ts';
import {
  CreatedTransaction,
  ManualAccountCreate,
  ManualAccountEdit,
  ManualTransactionCreate,
  ManualTransactionEdit,
  TransactionsDelete,
  TransactionsDeleted,
  TransferCreate,
  TransferResult,
} from './own-entries.ts';
import {
  Rule,
  RuleApplyInput,
  RuleApplyProgress,
  RuleApplyResult,
  RuleConditions,
  RuleDraft,
  RulePrefill,
  RulePreview,
  RuleSuggestion,
  RuleSuggestionInput,
} from './rules.ts';
import {
  ConflictResolution,
  ReconciliationAccountInput,
  ReconciliationConflict,
  ReconciliationDraft,
  ReconciliationFinish,
  ReconciliationHelp,
  ReconciliationInput,
  ReconciliationSetup,
  ReconciliationStanding,
  ReconciliationStart,
  ReconciliationStatementUpdate,
  ReconciliationSummary,
  ReconciliationTick,
} from './reconciliation.ts';
import { CashFlow, Dashboard, LivroCaixa, ProfitAndLoss, ReportOwner, ReportQuery } from './reports.ts';
import {
  CsvExportInput,
  ExportCancelResult,
  ExportedFile,
  ExportProgress,
  ExportResult,
  OfxExportInput,
  PdfExportInput,
  XlsxExportInput,
} from './exports.ts';

export { type Channel, type EventName, isChannel, isEventName } from './channels.ts';

/**
 * The IPC contract, declared once. Main registers a handler per channel (validating input
 * with these schemas), the preload exposes exactly these channels, and the renderer's
 * client is typed from them. Adding a channel here (and its name in channels.ts) is the
 * only way to add one.
 */
export const contract = {
  'app:info': { input: z.void(), output: AppInfo },
  'settings:get': { input: z.void(), output: Settings },
  'settings:update': { input: SettingsPatch, output: Settings },
  'accounts:list': { input: z.void(), output: z.array(AccountSummary) },
  /** Sets or clears an account's nickname, hides or shows it; sync never writes either. */
  'accounts:update': { input: AccountUpdate, output: AccountSummary },
  /** What deleting an account would take with it (its transactions, the reconciled ones named), before asking. */
  'accounts:deletion': { input: AccountInput, output: AccountDeletion },
  /** Deletes a disconnected account and its transactions (ACCOUNT_CONNECTED if still connected; TRANSACTION_RECONCILED until confirmed). */
  'accounts:delete': { input: AccountDeleteInput, output: z.null() },
  /** A new account kept by hand (cash, a bank Pluggy does not reach), with its opening balance. */
  'accounts:create-manual': { input: ManualAccountCreate, output: AccountSummary },
  /** Changes a manual account's institution, name, kind, number or opening balance (ACCOUNT_NOT_MANUAL for the bank's). */
  'accounts:edit-manual': { input: ManualAccountEdit, output: AccountSummary },
  'pluggy-account:get': { input: z.void(), output: PluggyAccountStatus },
  /** Checks the keys with Pluggy (POST /auth) before keeping them in the OS keychain. */
  'pluggy-account:save': { input: PluggyCredentialsInput, output: PluggyAccountStatus },
  'pluggy-account:remove': { input: z.void(), output: PluggyAccountStatus },
  /** Demo, or the keys already kept (PLUGGY_KEYS_MISSING without them, KEYCHAIN_LOCKED behind a locked keychain). */
  'pluggy-account:use': { input: PluggyModeInput, output: PluggyAccountStatus },
  /** What demo mode left in the books (the "demo data" marker, the offer to remove it), reconciled rows named. */
  'demo-data:get': { input: z.void(), output: DemoData },
  /** Deletes every demo connection and all it brought (TRANSACTION_RECONCILED until confirmed); real data untouched. */
  'demo-data:remove': { input: DemoDataRemoveInput, output: DemoData },
  'connectors:list': {
    input: z
      .object({ search: z.string().max(100).optional() })
      .strict()
      .optional(),
    output: z.array(ConnectorSummary),
  },
  'connections:list': { input: z.void(), output: z.array(ConnectionSummary) },
  /** Links a bank: creates the connection and follows it (progress arrives as sync:notice events). */
  'connections:create': { input: ConnectInput, output: ConnectionSummary },
  'connections:mfa': { input: MfaInput, output: ConnectionSummary },
  /** The user asks for fresh data now: resolves once Pluggy's update and the sync are done. */
  'connections:refresh': { input: ItemInput, output: ConnectionSummary },
  /** Opens (or brings forward) the Connect window, where banks are linked. */
  'connect-window:open': { input: ConnectWindowInput, output: z.null() },
  /** Logs in again to a connection the bank refused, with new credentials; progress as for create. */
  'connections:reconnect': { input: ReconnectInput, output: ConnectionSummary },
  /** Deletes the connection at Pluggy; keeps its accounts and transactions in the books, or deletes them too (one with no data leaves nothing). */
  'connections:remove': { input: RemoveConnectionInput, output: z.null() },
  /** The connection's latest syncs, newest first. */
  'connections:history': { input: ItemInput, output: z.array(SyncRunSummary) },
  /** How a link the Connect window started is going, also once a failed one was cleared away (NOT_FOUND for an id never seen). */
  'connections:attempt': { input: ItemInput, output: LinkAttempt },
  /** The answer to "this bank is already connected"; returns the connection to follow now (the existing one, or the new). */
  'connections:resolve-duplicate': { input: DuplicateAnswer, output: ConnectionSummary },
  /** A connect token for Pluggy's widget (own application only), made by main with its API key. */
  'connect-token:create': { input: ConnectTokenInput, output: ConnectToken },
  /** An item the widget says it connected: main reads it back with its own key before keeping and following it. */
  'connections:adopt': { input: ItemInput, output: ConnectionSummary },
  /** A page of transactions, filtered and sorted, with the filtered set's count. */
  'transactions:list': { input: TransactionQuery, output: TransactionPage },
  /** Money in, out and net of the filtered set. */
  'transactions:totals': { input: TransactionFilters, output: TransactionTotals },
  /** Every category (archived ones too, flagged), Pluggy's and the user's, for pickers and filters. */
  'categories:list': { input: z.void(), output: z.array(CategorySummary) },
  /** A category of the user's, top-level or under a top-level one. */
  'categories:create': { input: CategoryCreate, output: CategorySummary },
  /** Renames one of the user's categories (Pluggy's keep their names). */
  'categories:rename': { input: CategoryRename, output: CategorySummary },
  /** Moves every transaction, split and rule from one user category to another, then archives it; returns `into`. */
  'categories:merge': { input: CategoryMerge, output: CategorySummary },
  /** Hides a category from pickers, or shows it again; rows using it keep it. */
  'categories:archive': { input: CategoryArchive, output: CategorySummary },
  /** What giving a category (and maybe its subcategories) a report group would move, said before it is saved. */
  'categories:group-effect': { input: CategoryGroupChange, output: CategoryGroupEffect },
  /** Sets (or confirms) a category's report group; every report follows at once; undoable with 'undo:apply'. */
  'categories:set-group': { input: CategoryGroupChange, output: CategoryGroupResult },
  /** The categories holding the most money whose group waits for the user's word, with examples. */
  'classification:review': { input: z.void(), output: ClassificationReviewList },
  /** The user's own category, notes, tags, usage, deductibility or counterparty name for one transaction. */
  'transactions:update': { input: TransactionUpdate, output: TransactionUserFields },
  /** One category for many transactions at once, undoable with the returned id. */
  'transactions:bulk-categorize': { input: BulkCategorize, output: BulkCategorizeResult },
  /** Divides a transaction across categories (parts sum to its amount); no parts removes the split. */
  'transactions:split': { input: TransactionSplit, output: TransactionUserFields },
  /** One transaction's user fields, split and the bank's own details, for its detail panel. */
  'transactions:get': { input: TransactionDetailsInput, output: TransactionDetails },
  /** A transaction entered by hand, in any account; sync never touches it. Rules run on it unless a category is given. */
  'transactions:create': { input: ManualTransactionCreate, output: CreatedTransaction },
  /** Changes the date, description, amount, counterparty or pending mark of an entered or imported transaction. */
  'transactions:edit': { input: ManualTransactionEdit, output: CreatedTransaction },
  /** Money between two of the user's accounts, entered once: both sides, linked. */
  'transactions:transfer': { input: TransferCreate, output: TransferResult },
  /** Deletes entered or imported transactions (a transfer's two sides together), undoable with 'undo:apply'. */
  'transactions:delete': { input: TransactionsDelete, output: TransactionsDeleted },
  /** Reads a statement file (OFX or CSV) for an account: how it is read, what is new, held already, or to review. Writes nothing. */
  'imports:preview': { input: ImportFile, output: ImportPreview },
  /** Adds the file's new rows (and the reviewed ones kept) in one transaction; STATEMENT_INVALID with the line for a bad file. */
  'imports:apply': { input: ImportApply, output: ImportResult },
  /** Takes an import's rows away as a whole. */
  'imports:undo': { input: ImportInput, output: ImportSummary },
  /** The imports made, newest first (of one account, or all). */
  'imports:list': { input: ImportsQuery, output: z.array(ImportSummary) },
  /** Puts back what a bulk change (bulk categorize, applying rules, a category's group) changed, exactly. */
  'undo:apply': { input: UndoApply, output: z.object({ restored: z.number().int() }) },
  /** Every rule, in the order they apply. */
  'rules:list': { input: z.void(), output: z.array(Rule) },
  /** Creates (last in order) or updates a rule; a pattern that cannot run is refused as RULE_INVALID with details.issues. */
  'rules:save': { input: RuleDraft, output: Rule },
  'rules:delete': { input: z.object({ id: z.number().int().positive() }).strict(), output: z.null() },
  /** The new order: every rule's id once. */
  'rules:reorder': {
    input: z.object({ ids: z.array(z.number().int().positive()).max(10_000) }).strict(),
    output: z.array(Rule),
  },
  /** How many live transactions a rule being edited matches, and the newest 50, before saving. */
  'rules:preview': { input: RuleConditions, output: RulePreview },
  /** Applies the enabled rules (or those listed) to existing transactions in a worker; progress as rules:progress events. */
  'rules:apply': { input: RuleApplyInput, output: RuleApplyResult },
  /** A rule prefilled from a transaction (its merchant, counterparty or description, and its category), unsaved. */
  'rules:from-transaction': { input: z.object({ id: z.string().min(1).max(100) }).strict(), output: RulePrefill },
  /** Rules learned from repeated manual choices ("always put UBER under Transport?"). */
  'rules:suggestions': { input: z.void(), output: z.array(RuleSuggestion) },
  'rules:suggestion-accept': { input: RuleSuggestionInput, output: Rule },
  'rules:suggestion-dismiss': { input: RuleSuggestionInput, output: z.null() },
  /** The figures a new reconciliation of the account starts from, and its draft if one is in progress. */
  'reconciliation:setup': { input: ReconciliationAccountInput, output: ReconciliationSetup },
  /** Opens a draft for a statement (RECONCILIATION_IN_PROGRESS if the account has one). */
  'reconciliation:start': { input: ReconciliationStart, output: ReconciliationDraft },
  'reconciliation:get': { input: ReconciliationInput, output: ReconciliationDraft },
  /** Corrects the draft's statement date or balances; ticks dated after a new date are dropped. */
  'reconciliation:update': { input: ReconciliationStatementUpdate, output: ReconciliationDraft },
  /**
   * Ticks or unticks lines as cleared; saved at once, so closing the window loses nothing.
   * Returns the new totals only: the screen flips the lines it sent.
   */
  'reconciliation:tick': { input: ReconciliationTick, output: ReconciliationStanding },
  /** Pending lines, likely duplicates, lines just after the statement and sets adding up to the difference. */
  'reconciliation:help': { input: ReconciliationInput, output: ReconciliationHelp },
  /** Locks the cleared lines as reconciled (RECONCILIATION_UNBALANCED unless the difference is 0 or an adjustment is confirmed). */
  'reconciliation:finish': { input: ReconciliationFinish, output: ReconciliationSummary },
  /** Throws the draft away (its ticks too); nothing was locked yet. */
  'reconciliation:discard': { input: ReconciliationInput, output: z.null() },
  /** The account's finished reconciliations, newest first. */
  'reconciliation:history': { input: ReconciliationAccountInput, output: z.array(ReconciliationSummary) },
  /** Unlocks the account's latest reconciliation and reopens it as the draft it was (its adjustment deleted). */
  'reconciliation:undo': { input: ReconciliationAccountInput, output: ReconciliationDraft },
  /** Bank changes to reconciled transactions held back for review (of one account, or all). */
  'reconciliation:conflicts': {
    input: z.object({ accountId: z.string().min(1).max(100).optional() }).strict(),
    output: z.array(ReconciliationConflict),
  },
  'reconciliation:resolve': { input: ConflictResolution, output: z.null() },
  /** Profit and loss by report group and category for a period (transfers and investments apart). */
  'reports:profit-and-loss': { input: ReportQuery, output: ProfitAndLoss },
  /** Month by month income and deductible expenses, with the year's carry-forward of deductions. */
  'reports:livro-caixa': { input: ReportQuery, output: LivroCaixa },
  /** Each account's money in and out, transfers included, from opening to closing balance. */
  'reports:cash-flow': { input: ReportQuery, output: CashFlow },
  /** The dashboard's charts: income vs expenses by month, spending, balances, top counterparties. */
  'reports:dashboard': { input: ReportQuery, output: Dashboard },
  /** Whose books the reports are: the PDF report's header, and what Settings offers. */
  'reports:owner': { input: z.void(), output: ReportOwner },
  /** The filters' transactions as CSV, to a file chosen in main's save dialog (null if none was), in a worker; progress as exports:progress events. */
  'exports:csv': { input: CsvExportInput, output: ExportResult.nullable() },
  /** One account's statement (the filters' period) as OFX, to a file chosen in the save dialog (null if none was), in a worker. */
  'exports:ofx': { input: OfxExportInput, output: ExportResult.nullable() },
  /** The workbook (transactions, P&L, livro-caixa) to a file chosen in the save dialog; null if none was. */
  'exports:xlsx': { input: XlsxExportInput, output: ExportResult.nullable() },
  /** The period's PDF report, printed from the report page (report.html) on A4, to a file chosen in the save dialog. */
  'exports:pdf': { input: PdfExportInput, output: ExportResult.nullable() },
  /** Stops the running exports: each rejects with EXPORT_CANCELLED and leaves no file. */
  'exports:cancel': { input: z.void(), output: ExportCancelResult },
  /** Opens a file an export of this session wrote, in the system's app for it (EXPORT_UNKNOWN for any other path). */
  'exports:open-file': { input: ExportedFile, output: z.null() },
  /** Shows a file an export of this session wrote, selected in the system's file manager (EXPORT_UNKNOWN for any other path). */
  'exports:show-in-folder': { input: ExportedFile, output: z.null() },
} as const satisfies Record<Channel, { input: z.ZodType; output: z.ZodType }>;

export type Contract = typeof contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;

/** Events main pushes to renderers, each with its payload schema. */
export const events = {
  'settings:changed': Settings,
  'sync:notice': SyncNotice,
  /** Rows done out of all while rules are applied to existing transactions. */
  'rules:progress': RuleApplyProgress,
  /** Rows written out of all while an export runs. */
  'exports:progress': ExportProgress,
} as const satisfies Record<EventName, z.ZodType>;

export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

export const channels: readonly Channel[] = channelNames;
export const eventNames: readonly EventName[] = eventNameList;
