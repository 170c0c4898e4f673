import type { Db } from '../../db/open.ts';
import type { EventName, EventPayload } from '../shared/contract.ts';
import { AppError } from '../shared/errors.ts';
import type { AppInfo } from '../shared/models.ts';
import { listAccounts } from './books/accounts.ts';
import { updateAccount } from './books/account-user-fields.ts';
import { accountDeletion, forgetAccount } from './books/removed-connections.ts';
import { createManualAccount, editManualAccount } from './books/manual-accounts.ts';
import {
  createManualTransaction,
  createTransfer,
  deleteOwnTransactions,
  editManualTransaction,
} from './books/manual-transactions.ts';
import { accountLabelsById } from './books/account-labels.ts';
import { TransactionQueries } from './books/transaction-query.ts';
import {
  archiveCategory,
  createCategory,
  ensureDefaultClassification,
  ensurePresetCategories,
  listCategories,
  mergeCategories,
  renameCategory,
} from './books/categories.ts';
import { categoryGroupEffect, setCategoryGroup } from './books/category-groups.ts';
import { classificationReview } from './books/classification-review.ts';
import { bulkCategorize, splitTransaction, updateTransaction } from './books/categorizing.ts';
import { readTransactionDetails } from './books/transaction-details.ts';
import { StatementImports } from './imports/file-import.ts';
import { applyUndo } from './books/undo.ts';
import { openConflicts, resolveConflict } from './books/reconciliation/conflicts.ts';
import {
  discardDraft,
  reconciliationDraft,
  reconciliationSetup,
  startReconciliation,
  tickLines,
  updateStatement,
} from './books/reconciliation/drafts.ts';
import {
  adjustmentDescription,
  finishReconciliation,
  undoLastReconciliation,
} from './books/reconciliation/finishing.ts';
import { reconciliationHelp } from './books/reconciliation/help.ts';
import { reconciliationHistory } from './books/reconciliation/history.ts';
import type { HandlerMap } from './ipc/handler-map.ts';
import { deleteRule, listRules, missingRuleIds, reorderRules, saveRule } from './rules/store.ts';
import { acceptSuggestion, dismissSuggestion, prefillFromTransaction, ruleSuggestions } from './rules/suggestions.ts';
import { applyRulesInWorker, previewRuleInWorker } from './rules/worker-client.ts';
import type { Logger, SecretRegistry } from './log.ts';
import type { PluggyKeys } from './secrets/credential-store.ts';
import type { BankConnections } from './sync/bank-connections.ts';
import { PluggyAccount, type PluggyApiTarget } from './settings/pluggy-account.ts';
import { readSettings, updateSettings } from './settings/settings-store.ts';
import { cashFlow } from './reports/cash-flow.ts';
import { dashboard } from './reports/dashboard.ts';
import { reportOwner } from './reports/report-owner.ts';
import { livroCaixa } from './reports/livro-caixa.ts';
import { profitAndLoss } from './reports/profit-and-loss.ts';
import { type ExportOpening, Exporter } from './exports/exporter.ts';
import { type SaveSuggestion, suggestedFileName } from './exports/file-names.ts';
import type { ReportPrinter } from './exports/report-printer.ts';

export interface HandlerDeps {
  db: Db;
  appInfo: AppInfo;
  /** Pushes an event to every window (main) or to the page (E2E bridge). */
  emit: <E extends EventName>(event: E, payload: EventPayload<E>) => void;
  credentials: PluggyKeys;
  /** Where the user's own Pluggy application is checked: Pluggy's API (a sandbox in tests). */
  pluggyApi: PluggyApiTarget;
  logger: Logger;
  secrets: SecretRegistry;
  /** The bank connections and their syncing, for the current Pluggy mode. */
  connections: BankConnections;
  /** Opens the Connect window (to reconnect one item, if given): a shell job, or a new page in the E2E bridge. */
  openConnectWindow: (options: { reconnect?: string }) => void | Promise<void>;
  /** Who is using the app (the operating system's user name), recorded on finished reconciliations. */
  userName: string;
  /**
   * Where to write an export: the shell's native save dialog (null when the user closes it),
   * or a test's folder. Windows never name paths themselves.
   */
  chooseExportPath: (suggestion: SaveSuggestion) => Promise<string | null>;
  /** Prints the report page to PDF: a hidden window in the shell, Chromium through Playwright in the E2E bridge. */
  printReport: ReportPrinter;
  /** Opens a finished export's file, or shows it in its folder: the OS's job (the shell's), recorded by the tests' bridge. */
  openExport: (opening: ExportOpening) => Promise<void>;
}

/** Every IPC channel's implementation. Main and the E2E bridge both serve exactly this map. */
export function createHandlers(deps: HandlerDeps): HandlerMap {
  const { db, appInfo, emit } = deps;
  const pluggyAccount = new PluggyAccount({
    db,
    credentials: deps.credentials,
    api: deps.pluggyApi,
    logger: deps.logger,
    secrets: deps.secrets,
  });
  const { connections } = deps;
  const transactionQueries = new TransactionQueries(db.$client);
  const statementImports = new StatementImports(db);
  const exporter = new Exporter(db.$client, (progress) => emit('exports:progress', progress));
  // The freelancer's starting categories, on first run (a no-op afterwards), and Pluggy's
  // categories' default groups as this version's table has them.
  ensurePresetCategories(db);
  ensureDefaultClassification(db);
  const settingsChanged = () => emit('settings:changed', readSettings(db));
  /** A new Pluggy mode means another client and another sync engine. */
  const pluggyModeChanged = async () => {
    settingsChanged();
    await connections.modeChanged();
    await connections.start().catch((error: unknown) => deps.logger.warn('connections.start-failed', { error }));
  };
  return {
    'app:info': () => appInfo,
    'settings:get': () => readSettings(db),
    'settings:update': async (patch) => {
      const next = updateSettings(db, patch);
      if (patch.syncIntervalMinutes !== undefined) await connections.syncIntervalChanged();
      emit('settings:changed', next);
      return next;
    },
    'accounts:list': () => listAccounts(db),
    'accounts:update': (input) => updateAccount(db, input, new Date()),
    'accounts:deletion': ({ id }) => accountDeletion(db, id),
    'accounts:delete': ({ id, confirmReconciled }) => {
      forgetAccount(db, id, { confirmReconciled });
      return null;
    },
    'accounts:create-manual': (input) => createManualAccount(db, input),
    'accounts:edit-manual': (input) => editManualAccount(db, input),
    'transactions:list': (input) => transactionQueries.list(input, readSettings(db).language),
    'transactions:totals': (filters) => transactionQueries.totals(filters),
    'pluggy-account:get': () => pluggyAccount.status(),
    'pluggy-account:save': async (input) => {
      const status = await pluggyAccount.save(input);
      await pluggyModeChanged();
      return status;
    },
    'pluggy-account:use': async ({ mode }) => {
      const status = await pluggyAccount.use(mode);
      await pluggyModeChanged();
      return status;
    },
    'pluggy-account:remove': async () => {
      const status = await pluggyAccount.remove();
      await pluggyModeChanged();
      return status;
    },
    'demo-data:get': () => connections.demoData(),
    'demo-data:remove': async ({ confirmReconciled }) => {
      await connections.removeDemoData({ confirmReconciled });
      return connections.demoData();
    },
    'connectors:list': (input) => connections.connectors(input?.search),
    'connections:list': () => connections.list(),
    'connections:create': ({ connectorId, parameters }) => connections.connect(connectorId, parameters),
    'connections:mfa': ({ itemId, answer }) => connections.answerMfa(itemId, answer),
    'connections:refresh': ({ itemId }) => connections.refresh(itemId),
    'connect-window:open': async (input) => {
      await deps.openConnectWindow(input ?? {});
      return null;
    },
    'connections:reconnect': ({ itemId, parameters }) => connections.reconnect(itemId, parameters),
    'connections:remove': async ({ itemId, keepData, confirmReconciled }) => {
      await connections.remove(itemId, { keepData, confirmReconciled });
      return null;
    },
    'connections:history': ({ itemId }) => connections.history(itemId),
    'connections:attempt': ({ itemId }) => connections.attempt(itemId),
    'connections:resolve-duplicate': ({ itemId, keep, parameters }) =>
      connections.resolveDuplicate(itemId, keep, parameters),
    'connect-token:create': ({ itemId }) => connections.connectToken(itemId),
    'connections:adopt': ({ itemId }) => connections.adopt(itemId),
    'rules:list': () => listRules(db),
    'rules:save': (draft) => saveRule(db, draft),
    'rules:delete': ({ id }) => {
      deleteRule(db, id);
      return null;
    },
    'rules:reorder': ({ ids }) => reorderRules(db, ids),
    'rules:preview': (draft) => previewRuleInWorker(db.$client.name, draft),
    'rules:apply': (input) => {
      const missing = input?.ruleIds ? missingRuleIds(db, input.ruleIds) : [];
      if (missing.length > 0) throw new AppError('NOT_FOUND', `No rule ${missing.join(', ')}`);
      return applyRulesInWorker(db.$client.name, {
        ...(input?.ruleIds ? { ruleIds: input.ruleIds } : {}),
        onProgress: (progress) => emit('rules:progress', progress),
      });
    },
    'rules:from-transaction': ({ id }) => prefillFromTransaction(db, id),
    'rules:suggestions': () => ruleSuggestions(db),
    'rules:suggestion-accept': ({ key }) => acceptSuggestion(db, key),
    'rules:suggestion-dismiss': ({ key }) => {
      dismissSuggestion(db, key);
      return null;
    },
    'categories:list': () => listCategories(db),
    'categories:create': (input) => createCategory(db, input),
    'categories:rename': (input) => renameCategory(db, input),
    'categories:merge': (input) => mergeCategories(db, input, new Date()),
    'categories:archive': ({ id, archived }) => archiveCategory(db, id, archived, new Date()),
    'categories:group-effect': (change) => categoryGroupEffect(db, change),
    'categories:set-group': (change) => setCategoryGroup(db, change, new Date()),
    'classification:review': () => classificationReview(db, transactionQueries),
    'transactions:update': ({ id, patch, confirmReconciled }) =>
      updateTransaction(db, id, patch, new Date(), { confirmReconciled }),
    'transactions:bulk-categorize': ({ ids, categoryId, confirmReconciled }) =>
      bulkCategorize(db, ids, categoryId, new Date(), { confirmReconciled }),
    'transactions:split': (input) => splitTransaction(db, input, new Date()),
    'transactions:get': ({ id }) => readTransactionDetails(db, id),
    'transactions:create': (input) => createManualTransaction(db, input, new Date()),
    'transactions:edit': (input) => editManualTransaction(db, input, new Date()),
    'transactions:transfer': (input) => createTransfer(db, input, new Date()),
    'transactions:delete': (input) => deleteOwnTransactions(db, input, `Delete ${input.ids.length} transaction(s)`),
    'imports:preview': (input) => statementImports.preview(input),
    'imports:apply': (input) => statementImports.apply(input, new Date()),
    'imports:undo': ({ id }) => statementImports.undo(id, new Date()),
    'imports:list': (input) => statementImports.list(input?.accountId),
    'undo:apply': ({ id, confirmReconciled }) => ({ restored: applyUndo(db, id, new Date(), { confirmReconciled }) }),
    'reconciliation:setup': ({ accountId }) => reconciliationSetup(db, accountId),
    'reconciliation:start': (input) => startReconciliation(db, input, new Date()),
    'reconciliation:get': ({ id }) => reconciliationDraft(db, id),
    'reconciliation:update': ({ id, ...change }) => updateStatement(db, id, change, new Date()),
    'reconciliation:tick': ({ id, transactionIds, cleared }) => tickLines(db, id, transactionIds, cleared, new Date()),
    'reconciliation:help': ({ id }) => reconciliationHelp(db, id),
    'reconciliation:finish': ({ id, adjustmentCents }) =>
      finishReconciliation(db, id, {
        adjustmentCents: adjustmentCents ?? null,
        adjustmentDescription: adjustmentDescription(readSettings(db).language),
        finishedBy: deps.userName,
        now: new Date(),
      }),
    'reconciliation:discard': ({ id }) => {
      discardDraft(db, id);
      return null;
    },
    'reconciliation:history': ({ accountId }) => reconciliationHistory(db, accountId),
    'reconciliation:undo': ({ accountId }) => undoLastReconciliation(db, accountId, new Date()),
    'reconciliation:conflicts': (input) => openConflicts(db, input.accountId),
    'reconciliation:resolve': (review) => {
      resolveConflict(db, review, new Date());
      return null;
    },
    'reports:profit-and-loss': (query) => profitAndLoss(db.$client, query),
    'reports:livro-caixa': (query) => livroCaixa(db.$client, query),
    'reports:cash-flow': (query) => cashFlow(db.$client, query),
    'reports:dashboard': (query) => dashboard(db.$client, query),
    'reports:owner': () => reportOwner(db),
    'exports:csv': async (input) => {
      // The export's worker gets ready while the save dialog is open.
      const language = input.dialect === 'en' ? 'en' : 'pt-BR';
      return exporter.csv(input, deps.chooseExportPath(suggestedFileName('csv', input.filters ?? {}, language)));
    },
    'exports:ofx': async (input) => {
      exporter.requireAccount(input.accountId);
      const account = accountLabelsById(db.$client).get(input.accountId);
      const language = readSettings(db).language;
      return exporter.ofx(
        input,
        deps.chooseExportPath(suggestedFileName('ofx', input.filters ?? {}, language, account)),
      );
    },
    'exports:xlsx': async (input) => {
      const language = readSettings(db).language;
      return exporter.xlsx(
        input,
        deps.chooseExportPath(suggestedFileName('xlsx', input.filters ?? {}, language)),
        language,
      );
    },
    'exports:pdf': async (input) => {
      const language = readSettings(db).language;
      const path = await deps.chooseExportPath(suggestedFileName('pdf', input.query, language));
      return path === null ? null : exporter.pdf(input, path, language, deps.printReport);
    },
    'exports:cancel': () => exporter.cancel(),
    'exports:open-file': async ({ path }) => {
      await deps.openExport({ path: exporter.exported(path), action: 'open' });
      return null;
    },
    'exports:show-in-folder': async ({ path }) => {
      await deps.openExport({ path: exporter.exported(path), action: 'reveal' });
      return null;
    },
  };
}
