/**
 * Balancete's SQLite schema (drizzle). Conventions:
 * - money is integer cents, signed from the user's point of view (negative = money out);
 * - instants are ISO-8601 UTC text, calendar dates `YYYY-MM-DD` (bookkeeping date in
 *   America/Sao_Paulo), so both sort correctly as text;
 * - what Pluggy sends (provider fields) and what the user decides (user fields) live in
 *   separate tables, so sync can never overwrite a user's work;
 * - nothing the bank drops is deleted: rows get `removedAt` / `closedAt` instead.
 * Change this file, then `npm run db:generate` to add a numbered migration.
 */
import { sql } from 'drizzle-orm';
import {
  type AnySQLiteColumn,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';
import { classificationReviews, reportGroups } from '../electron/shared/categories.ts';
import { connectionModes } from '../electron/shared/models.ts';
import { transactionOrigins } from '../electron/shared/transactions.ts';

/** An instant column that SQLite fills with the time of the insert. */
const insertedAt = (name: string) =>
  text(name)
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`);
const createdAt = () => insertedAt('created_at');

/**
 * A Pluggy item: the user's link to one institution. Or, with mode 'manual', the holder of
 * one account the user keeps by hand (its institution as the user typed it): never synced,
 * never listed among the connections.
 */
export const connections = sqliteTable('connections', {
  id: text('id').primaryKey(),
  connectorId: integer('connector_id').notNull(),
  connectorName: text('connector_name').notNull(),
  connectorImageUrl: text('connector_image_url'),
  connectorPrimaryColor: text('connector_primary_color'),
  status: text('status').notNull(),
  executionStatus: text('execution_status'),
  errorCode: text('error_code'),
  errorMessage: text('error_message'),
  /** The last item JSON read from Pluggy; polling compares against it. */
  snapshot: text('snapshot', { mode: 'json' }),
  /** The item's `lastUpdatedAt` as last seen, and the one our data is synced up to. */
  lastUpdatedAt: text('last_updated_at'),
  syncedLastUpdatedAt: text('synced_last_updated_at'),
  consentExpiresAt: text('consent_expires_at'),
  nextAutoSyncAt: text('next_auto_sync_at'),
  /**
   * Which Pluggy it lives at: the embedded sandbox of demo mode, or the user's own
   * application. Only the current mode's connections are followed; demo data can be
   * told apart and removed.
   */
  mode: text('mode', { enum: connectionModes }).notNull().default('own'),
  /**
   * What the user was last told of the Open Finance consent (sync/consent.ts: the state and
   * the end it was about), so each warning is notified once, across restarts.
   */
  consentNotice: text('consent_notice'),
  createdAt: createdAt(),
  removedAt: text('removed_at'),
});

/**
 * Each institution's logo, fetched once from the connector's `imageUrl` and kept as a
 * data: URI, so the screens show it offline and the windows never load images from the web.
 */
export const institutionLogos = sqliteTable('institution_logos', {
  connectorId: integer('connector_id').primaryKey(),
  imageUrl: text('image_url').notNull(),
  dataUri: text('data_uri').notNull(),
  fetchedAt: text('fetched_at').notNull(),
});

export const accounts = sqliteTable(
  'accounts',
  {
    id: text('id').primaryKey(),
    connectionId: text('connection_id')
      .notNull()
      .references(() => connections.id),
    type: text('type').notNull(),
    subtype: text('subtype'),
    name: text('name').notNull(),
    marketingName: text('marketing_name'),
    /** Masked account or card number as the bank shows it. */
    number: text('number'),
    currencyCode: text('currency_code').notNull().default('BRL'),
    balanceCents: integer('balance_cents').notNull().default(0),
    balanceDate: text('balance_date'),
    creditLimitCents: integer('credit_limit_cents'),
    availableCreditLimitCents: integer('available_credit_limit_cents'),
    balanceCloseDate: text('balance_close_date'),
    balanceDueDate: text('balance_due_date'),
    /** Watermark for incremental sync (`createdAtFrom`); committed with the data it covers. */
    transactionsSyncedThrough: text('transactions_synced_through'),
    /** User fields (sync never writes them): the name the user gave the account, and when they hid it. */
    nickname: text('nickname'),
    hiddenAt: text('hidden_at'),
    closedAt: text('closed_at'),
    /**
     * A manual account's balance at the start of its opening date (null for the bank's):
     * its balance is this plus every live transaction from that date on.
     */
    openingBalanceCents: integer('opening_balance_cents'),
    openingBalanceDate: text('opening_balance_date'),
    createdAt: createdAt(),
    updatedAt: text('updated_at'),
  },
  (t) => [index('accounts_connection_idx').on(t.connectionId)],
);

/** Who a movement is for, in a freelancer's books. */
export const usages = ['business', 'personal'] as const;

/** Provider fields, written by sync, never by the user (but for the copies of two user fields at the end). */
export const transactions = sqliteTable(
  'transactions',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id')
      .notNull()
      .references(() => accounts.id),
    description: text('description').notNull(),
    descriptionRaw: text('description_raw'),
    amountCents: integer('amount_cents').notNull(),
    currencyCode: text('currency_code').notNull(),
    /** Amount in the account's currency when the transaction's differs (e.g. USD on a BRL card). */
    amountInAccountCurrencyCents: integer('amount_in_account_currency_cents'),
    /** Bookkeeping date: the transaction's date in America/Sao_Paulo. */
    date: text('date').notNull(),
    occurredAt: text('occurred_at').notNull(),
    status: text('status').notNull(),
    type: text('type'),
    pluggyCategoryId: text('pluggy_category_id'),
    paymentMethod: text('payment_method'),
    counterpartyName: text('counterparty_name'),
    counterpartyDocument: text('counterparty_document'),
    counterpartyDocumentType: text('counterparty_document_type'),
    merchantName: text('merchant_name'),
    merchantCnpj: text('merchant_cnpj'),
    installmentNumber: integer('installment_number'),
    totalInstallments: integer('total_installments'),
    providerCreatedAt: text('provider_created_at'),
    providerUpdatedAt: text('provider_updated_at'),
    /** The transaction as Pluggy sent it, for fields we do not model yet. */
    raw: text('raw', { mode: 'json' }),
    firstSeenAt: insertedAt('first_seen_at'),
    /** When sync last changed a provider field; null while the row is as first seen. */
    updatedAt: text('updated_at'),
    removedAt: text('removed_at'),
    /**
     * Copies of the user's (or a rule's) category and usage from transaction_user_data, kept
     * by its triggers (migration 0005) so that the listing index below holds them. Sync never
     * writes them; nothing else should either.
     */
    userCategoryId: text('user_category_id'),
    userUsage: text('user_usage', { enum: usages }),
    /**
     * 'bank' for what Pluggy sent; 'adjustment' for the balancing entry a reconciliation
     * recorded at the user's request, which sync neither writes nor finds missing.
     */
    origin: text('origin', { enum: transactionOrigins }).notNull().default('bank'),
    /** The statement import that brought it (origin 'import'), so an import is undone as a whole. */
    importId: text('import_id'),
    /** The statement's own id for the row (an OFX FITID): seen once per account. */
    externalId: text('external_id'),
    /** The two sides of a transfer between the user's accounts, entered once, share it. */
    transferId: text('transfer_id'),
  },
  (t) => [
    /**
     * The transactions page's index (migration 0005): by account and date, with every column
     * its filters, count, totals and sorts read, so a period is answered without visiting
     * the rows (wide with Pluggy's raw JSON) or the user's fields. Sync writes an account's
     * rows in date order, so its entries land together and cost sync next to nothing (led
     * by the date, the same index cost sync ~20%).
     */
    index('transactions_listing_idx').on(
      t.accountId,
      t.date,
      t.removedAt,
      t.status,
      t.amountCents,
      t.amountInAccountCurrencyCents,
      t.pluggyCategoryId,
      t.userCategoryId,
      t.userUsage,
      t.description,
    ),
    /**
     * The live transactions by date (migrations 0012, 0014), with every column the
     * transactions page's filters, count, totals and sorts read after the date: a page in
     * date order walks it and stops after the page, and a period with no account named is
     * counted, totalled and sorted from the entries between two dates, without visiting a
     * row (removed ones are not in it).
     */
    index('transactions_date_idx')
      .on(
        t.date,
        t.accountId,
        t.status,
        t.amountCents,
        t.amountInAccountCurrencyCents,
        t.pluggyCategoryId,
        t.userCategoryId,
        t.userUsage,
        t.description,
      )
      .where(sql`removed_at IS NULL`),
    /**
     * A transfer's two sides (migration 0015): partial, so the bank's rows, where it is null,
     * cost sync nothing. Imports find their rows by account instead (an import's undo is
     * rare; an index on the import or the statement id would cost every imported row a
     * B-tree write).
     */
    index('transactions_transfer_idx')
      .on(t.transferId)
      .where(sql`transfer_id IS NOT NULL`),
  ],
);

/** User fields, one row per transaction the user (or a rule) has touched. Sync never writes here. */
export const transactionUserData = sqliteTable(
  'transaction_user_data',
  {
    transactionId: text('transaction_id')
      .primaryKey()
      .references(() => transactions.id),
    categoryId: text('category_id').references(() => categories.id),
    /** 'manual' beats 'rule', which beats Pluggy's suggestion. */
    categorySource: text('category_source', { enum: ['manual', 'rule'] }),
    /**
     * The other user fields the user set by hand (e.g. ['usage', 'notes']): rules never
     * overwrite these, as `categorySource = 'manual'` protects the category.
     */
    manualFields: text('manual_fields', { mode: 'json' }).$type<string[]>(),
    /** The rule that last set a field here, to explain it and to undo a re-apply. */
    ruleId: integer('rule_id').references((): AnySQLiteColumn => rules.id, { onDelete: 'set null' }),
    counterpartyDisplayName: text('counterparty_display_name'),
    notes: text('notes'),
    tags: text('tags', { mode: 'json' }).$type<string[]>(),
    usage: text('usage', { enum: usages }),
    deductible: integer('deductible', { mode: 'boolean' }),
    clearedAt: text('cleared_at'),
    reconciledAt: text('reconciled_at'),
    updatedAt: text('updated_at'),
  },
  (t) => [index('transaction_user_data_category_idx').on(t.categoryId)],
);

/** A transaction divided across categories; parts sum to the transaction's amount. */
export const transactionSplits = sqliteTable(
  'transaction_splits',
  {
    transactionId: text('transaction_id')
      .notNull()
      .references(() => transactions.id),
    position: integer('position').notNull(),
    categoryId: text('category_id').references(() => categories.id),
    amountCents: integer('amount_cents').notNull(),
    note: text('note'),
  },
  (t) => [primaryKey({ columns: [t.transactionId, t.position] })],
);

/** Pluggy's taxonomy (ids are its 8-digit strings) plus the user's own categories. */
export const categories = sqliteTable(
  'categories',
  {
    id: text('id').primaryKey(),
    parentId: text('parent_id').references((): AnySQLiteColumn => categories.id),
    source: text('source', { enum: ['pluggy', 'user'] }).notNull(),
    nameEn: text('name_en').notNull(),
    namePt: text('name_pt').notNull(),
    /** Where its money counts in the reports; read at query time by every report. */
    reportGroup: text('report_group', { enum: reportGroups }),
    /**
     * When the user chose (or confirmed) the group; null while it is Balancete's default,
     * which for Pluggy's categories follows Balancete's table (books/pluggy-classification.ts).
     */
    reportGroupSetAt: text('report_group_set_at'),
    /** Why the default group asks for the user's word (see ClassificationReview); null when it is sure. */
    reportGroupReview: text('report_group_review', { enum: classificationReviews }),
    archivedAt: text('archived_at'),
    createdAt: createdAt(),
  },
  (t) => [index('categories_parent_idx').on(t.parentId)],
);

/** A statement file imported into an account; undone as a whole (its rows carry its id). */
export const statementImports = sqliteTable(
  'statement_imports',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id')
      .notNull()
      .references(() => accounts.id),
    fileName: text('file_name').notNull(),
    format: text('format', { enum: ['ofx', 'csv'] }).notNull(),
    addedCount: integer('added_count').notNull(),
    skippedCount: integer('skipped_count').notNull(),
    /** A manual account's opening balance before the import set it from the file's closing balance, for undo. */
    replacedOpening: text('replaced_opening', { mode: 'json' }).$type<{ cents: number | null; date: string | null }>(),
    createdAt: createdAt(),
    undoneAt: text('undone_at'),
  },
  (t) => [index('statement_imports_account_idx').on(t.accountId)],
);

/** How the user last mapped a CSV statement's columns for an account, offered again next time. */
export const csvMappings = sqliteTable('csv_mappings', {
  accountId: text('account_id')
    .primaryKey()
    .references(() => accounts.id),
  options: text('options', { mode: 'json' }).notNull(),
  updatedAt: text('updated_at').notNull(),
});

/** Non-secret preferences as JSON values. Secrets live in the OS keychain only. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull(),
  updatedAt: text('updated_at').notNull(),
});

export const syncTriggers = ['poll', 'manual', 'connect'] as const;

export const syncRuns = sqliteTable(
  'sync_runs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    connectionId: text('connection_id')
      .notNull()
      .references(() => connections.id),
    trigger: text('trigger', { enum: syncTriggers }).notNull(),
    status: text('status', { enum: ['running', 'succeeded', 'failed'] }).notNull(),
    startedAt: text('started_at').notNull(),
    finishedAt: text('finished_at'),
    created: integer('created').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    removed: integer('removed').notNull().default(0),
    errorCode: text('error_code'),
    errorMessage: text('error_message'),
  },
  (t) => [index('sync_runs_connection_idx').on(t.connectionId, t.startedAt)],
);

/**
 * Categorization rules (design.md §8), applied in `position` order on ingest and on
 * demand. Conditions and actions are JSON validated by the rules engine's schemas.
 */
export const rules = sqliteTable(
  'rules',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
    /** Whether every condition must hold, or any one. */
    match: text('match', { enum: ['all', 'any'] })
      .notNull()
      .default('all'),
    conditions: text('conditions', { mode: 'json' }).notNull(),
    actions: text('actions', { mode: 'json' }).notNull(),
    /** Written by the user, or accepted from a learned suggestion. */
    source: text('source', { enum: ['user', 'learned'] })
      .notNull()
      .default('user'),
    createdAt: createdAt(),
    updatedAt: text('updated_at'),
  },
  (t) => [index('rules_position_idx').on(t.position)],
);

/**
 * Bulk changes the user can undo (bulk categorize, apply rules, merge categories): what
 * each touched row looked like before, as JSON, so undo restores it exactly.
 */
export const undoActions = sqliteTable('undo_actions', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  kind: text('kind').notNull(),
  /** A short description for the UI ("Categorizar 12 transações"). */
  label: text('label').notNull(),
  before: text('before', { mode: 'json' }).notNull(),
  createdAt: createdAt(),
  undoneAt: text('undone_at'),
});

/**
 * A card's bills as Pluggy last listed them (closing date and total, in the user's sign:
 * negative = owed), so a reconciliation can start from one offline.
 */
export const creditCardBills = sqliteTable(
  'credit_card_bills',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id')
      .notNull()
      .references(() => accounts.id),
    /** Bookkeeping date the bill closed; purchases of that day go to the next one. */
    closingDate: text('closing_date'),
    dueDate: text('due_date').notNull(),
    totalCents: integer('total_cents').notNull(),
    currencyCode: text('currency_code'),
  },
  (t) => [index('credit_card_bills_account_idx').on(t.accountId, t.dueDate)],
);

/**
 * Who holds a connection's accounts, as the bank reports it (Pluggy identity): the
 * default name and CPF/CNPJ on the accountant's PDF report, unless the user set their own
 * in Preferences. Kept while the connection is; refreshed now and then by sync.
 */
export const accountHolders = sqliteTable('account_holders', {
  connectionId: text('connection_id')
    .primaryKey()
    .references(() => connections.id, { onDelete: 'cascade' }),
  name: text('name'),
  /** Digits only: 11 for a CPF, 14 for a CNPJ. */
  document: text('document'),
  documentType: text('document_type'),
  fetchedAt: text('fetched_at').notNull(),
});

export const reconciliationStatuses = ['draft', 'finished'] as const;

/**
 * An account checked against a statement (design.md §8). A draft holds the user's work in
 * progress (one per account); finishing locks its cleared transactions. The opening
 * balance is the previous reconciliation's statement balance, or where the first one began.
 */
export const reconciliations = sqliteTable(
  'reconciliations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    accountId: text('account_id')
      .notNull()
      .references(() => accounts.id),
    status: text('status', { enum: reconciliationStatuses }).notNull(),
    statementDate: text('statement_date').notNull(),
    statementBalanceCents: integer('statement_balance_cents').notNull(),
    openingBalanceCents: integer('opening_balance_cents').notNull(),
    /** Recorded on finishing, from the transactions' amounts then. */
    clearedTotalCents: integer('cleared_total_cents'),
    differenceCents: integer('difference_cents'),
    /** The balancing transaction the user confirmed, if any (origin 'adjustment'). */
    adjustmentTransactionId: text('adjustment_transaction_id').references(() => transactions.id),
    createdAt: createdAt(),
    updatedAt: text('updated_at').notNull(),
    finishedAt: text('finished_at'),
    /** Who finished it: the operating system's user name. */
    finishedBy: text('finished_by'),
  },
  (t) => [
    index('reconciliations_account_idx').on(t.accountId, t.status, t.statementDate),
    uniqueIndex('reconciliations_one_draft_idx')
      .on(t.accountId)
      .where(sql`status = 'draft'`),
  ],
);

/**
 * The transactions of a reconciliation: ticked as cleared in a draft, reconciled once it
 * is finished, with their amount (account currency) as it was then.
 */
export const reconciliationItems = sqliteTable(
  'reconciliation_items',
  {
    reconciliationId: integer('reconciliation_id')
      .notNull()
      .references(() => reconciliations.id, { onDelete: 'cascade' }),
    transactionId: text('transaction_id')
      .notNull()
      .references(() => transactions.id),
    amountCents: integer('amount_cents'),
    /** Finishing created the transaction's user-data row: undo removes it again. */
    createdUserData: integer('created_user_data', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.reconciliationId, t.transactionId] }),
    index('reconciliation_items_transaction_idx').on(t.transactionId),
  ],
);

export const conflictKinds = ['changed', 'removed', 'restored'] as const;

/**
 * A bank change to a reconciled transaction that sync held back (migration 0006's
 * triggers): the new statement fields, its removal, or its return after a removal the
 * user accepted, until the user keeps the books' version or accepts the bank's. At most
 * one open per transaction.
 */
export const reconciliationConflicts = sqliteTable(
  'reconciliation_conflicts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    transactionId: text('transaction_id')
      .notNull()
      .references(() => transactions.id),
    reconciliationId: integer('reconciliation_id')
      .notNull()
      .references(() => reconciliations.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: conflictKinds }).notNull(),
    /** The bank's statement fields (date, description, amounts, currency, status); null for a removal. */
    incoming: text('incoming'),
    detectedAt: text('detected_at').notNull(),
    resolvedAt: text('resolved_at'),
    resolution: text('resolution', { enum: ['keep', 'accept'] }),
  },
  (t) => [
    uniqueIndex('reconciliation_conflicts_open_idx')
      .on(t.transactionId)
      .where(sql`resolved_at IS NULL`),
    index('reconciliation_conflicts_reconciliation_idx').on(t.reconciliationId),
    /** The triggers' "was this bank version kept already?" lookup, on every held-back change. */
    index('reconciliation_conflicts_kept_idx').on(t.transactionId, t.resolution, t.kind),
  ],
);

/** What happened to a finished reconciliation's transactions: confirmed edits, resolved conflicts. */
export const reconciliationEvents = sqliteTable(
  'reconciliation_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reconciliationId: integer('reconciliation_id')
      .notNull()
      .references(() => reconciliations.id, { onDelete: 'cascade' }),
    transactionId: text('transaction_id').notNull(),
    kind: text('kind', { enum: ['edited', 'split', 'categorized', 'conflict-kept', 'conflict-accepted'] }).notNull(),
    /** The change as JSON (the patch sent, or the bank's fields accepted). */
    detail: text('detail', { mode: 'json' }),
    at: text('at').notNull(),
  },
  (t) => [index('reconciliation_events_reconciliation_idx').on(t.reconciliationId)],
);

/**
 * The books' running totals by month (issue 18, migration 0011): every counted movement
 * (reports/report-rows.ts: not removed, in the account's currency, a split as its parts)
 * summed by account, month of its bookkeeping date (`YYYY-MM`), effective category (the
 * user's or a rule's, else Pluggy's; a part's own), sign (`incoming`: 1 for money in or
 * zero), the transaction's usage and deductible flag as stored (the category's group is
 * read when a report runs, so a group change moves no total). Kept by triggers in the same
 * transaction as every write; reports read whole months from here and only the rows of a
 * period's partial first and last months. Keys are never null, so that an upsert finds
 * its row: '' stands for no category or no usage, -1 for no deductible flag.
 */
export const monthlyTotals = sqliteTable(
  'monthly_totals',
  {
    accountId: text('account_id').notNull(),
    month: text('month').notNull(),
    categoryId: text('category_id').notNull(),
    incoming: integer('incoming').notNull(),
    usage: text('usage').notNull(),
    deductible: integer('deductible').notNull(),
    cents: integer('cents').notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.month, t.categoryId, t.incoming, t.usage, t.deductible] })],
);

/**
 * The same movements by counterparty (the user's name for it, else the bank's counterparty
 * or merchant), for the dashboard's top payers and payees; movements without one are not
 * kept. No deductible flag: no counterparty figure reads it.
 */
export const monthlyCounterpartyTotals = sqliteTable(
  'monthly_counterparty_totals',
  {
    accountId: text('account_id').notNull(),
    month: text('month').notNull(),
    counterparty: text('counterparty').notNull(),
    categoryId: text('category_id').notNull(),
    incoming: integer('incoming').notNull(),
    usage: text('usage').notNull(),
    cents: integer('cents').notNull(),
    count: integer('count').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.month, t.counterparty, t.categoryId, t.incoming, t.usage] }),
    // A category's movements, for moving them when its side changes (migration 0013).
    index('monthly_counterparty_totals_category_idx').on(t.categoryId),
  ],
);

/**
 * The same movements again, over every account and by the side of the books they fall on
 * (migration 0013), for a year's top payers and payees to read a few thousand sums, not
 * one per account, category and sign: 'income', 'expense' or 'none' (transfers and
 * investments) as the category's group says (money without a category by its sign), or ''
 * with the category for one without a group, whose side a report takes from its net over
 * the period. Kept from monthly_counterparty_totals by triggers: as it is folded, and when
 * a category's group moves it to another side.
 */
export const monthlyCounterpartySides = sqliteTable(
  'monthly_counterparty_sides',
  {
    month: text('month').notNull(),
    counterparty: text('counterparty').notNull(),
    side: text('side').notNull(),
    /** The category for side '', else ''. */
    categoryId: text('category_id').notNull(),
    usage: text('usage').notNull(),
    cents: integer('cents').notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.month, t.counterparty, t.side, t.categoryId, t.usage] })],
);

/**
 * Movements counted or taken away since the totals were last folded (migration 0011): the
 * triggers on changes append here, cheaper than updating a sum in place, and fold what is
 * here into the two tables above every 4,096 entries, in the same transaction.
 */
export const monthlyTotalsPending = sqliteTable('monthly_totals_pending', {
  accountId: text('account_id').notNull(),
  month: text('month').notNull(),
  categoryId: text('category_id').notNull(),
  incoming: integer('incoming').notNull(),
  usage: text('usage').notNull(),
  deductible: integer('deductible').notNull(),
  /** Null for a movement without a counterparty, which only monthly_totals keeps. */
  counterparty: text('counterparty'),
  cents: integer('cents').notNull(),
  count: integer('count').notNull(),
});
