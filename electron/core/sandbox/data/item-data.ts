import { categoryById } from '../taxonomy.ts';
import { type Freelancer, freelancerFor } from './freelancer.ts';
import { isoDate } from './iso-date.ts';
import { owner, type Party } from './parties.ts';
import { between, hash32, mix32, randomStream, uuidFrom } from './random.ts';
import { monthlySavingCents, monthOf, onDay, scheduledIn } from './schedule.ts';
import { type AccountKind, type Movement, movementFor } from './templates.ts';

const day = 24 * 3600 * 1000;
const historyMs = 365 * day;
/** The most everyday rows one update brings to an account. */
const maxRowsPerUpdate = 300;
/** Rows this recent when fetched are still pending at the bank. */
const pendingWindowMs = 3 * day;

/** A transaction as Pluggy's API returns it (`Transaction` in the spec). */
export interface PluggyTransaction {
  id: string;
  description: string;
  descriptionRaw: string;
  currencyCode: string;
  amount: number;
  amountInAccountCurrency?: number;
  date: string;
  type: 'DEBIT' | 'CREDIT';
  status: 'POSTED' | 'PENDING';
  category?: string;
  categoryId?: string;
  paymentData?: Record<string, unknown>;
  creditCardMetadata?: Record<string, unknown>;
  merchant?: Record<string, unknown>;
  accountId: string;
  createdAt: string;
  updatedAt: string;
}

export interface SandboxAccount {
  id: string;
  kind: AccountKind;
  type: 'BANK' | 'CREDIT';
  subtype: 'CHECKING_ACCOUNT' | 'SAVINGS_ACCOUNT' | 'CREDIT_CARD';
  name: string;
  marketingName: string;
  number: string;
  /** First 8 hex digits of every base row id of this account: how an id finds its account. */
  tag: string;
  /** Rows of history generated on demand, by index. */
  count: number;
  /** Seeds every row of this account, mixed with the row's index. */
  rowSeed: number;
}

export interface TransactionQuery {
  dateFrom?: number;
  dateTo?: number;
  createdAtFrom?: number;
}

/** One change to an item's data, in the order it happened. */
export type ItemDataEvent =
  | { kind: 'update'; updateNumber: number; at: number }
  | { kind: 'category'; id: string; categoryId: string; at: number }
  | { kind: 'close-account'; accountId: string };

/** What it takes to rebuild an item's data exactly: everything else follows from the seed. */
export interface ItemDataHistory {
  seed: number;
  transactionsPerItem: number;
  createdAt: number;
  events: ItemDataEvent[];
}

/** What one update did, by id: what webhooks would have told a client. */
export interface UpdateChanges {
  at: number;
  created: string[];
  updated: string[];
  removed: string[];
}

export interface UpdateCounts {
  created: number;
  updated: number;
  removed: number;
}

const accountShapes: readonly Omit<SandboxAccount, 'id' | 'tag' | 'count' | 'rowSeed'>[] = [
  {
    kind: 'checking',
    type: 'BANK',
    subtype: 'CHECKING_ACCOUNT',
    name: 'Conta Corrente',
    marketingName: 'Conta Corrente PF',
    number: '0001/12345-0',
  },
  {
    kind: 'savings',
    type: 'BANK',
    subtype: 'SAVINGS_ACCOUNT',
    name: 'Poupança',
    marketingName: 'Poupança Fácil',
    number: '0001/54321-9',
  },
  {
    kind: 'card',
    type: 'CREDIT',
    subtype: 'CREDIT_CARD',
    name: 'Mastercard Black',
    marketingName: 'Pluggy Black',
    number: '4242',
  },
];
/** How a item's rows split across its accounts. */
const shareOfRows: Record<AccountKind, number> = { checking: 0.55, savings: 0.05, card: 0.4 };

const money = (cents: number) => cents / 100;

/**
 * All of one item's data. History rows (everyday spending) are pure functions of (seed,
 * account, index), so even a million-row account costs no memory until a page of it is
 * asked for; what happens on a date each month (schedule.ts: fees, bills, subscriptions,
 * transfers between own accounts) and what later updates add, change or remove is kept
 * in small overlays.
 */
export class ItemData {
  readonly accounts: readonly SandboxAccount[];
  readonly itemId: string;
  readonly createdAt: number;
  private readonly seed: number;
  private readonly freelancer: Freelancer;
  private readonly historyStart: number;
  private readonly createdAtIso: string;
  private readonly added = new Map<string, PluggyTransaction[]>();
  private readonly addedById = new Map<string, PluggyTransaction>();
  private readonly patched = new Map<string, Partial<PluggyTransaction>>();
  private readonly removed = new Set<string>();
  private lastUpdateAt: number;
  private version = 0;
  private readonly transactionsPerItem: number;
  private readonly events: ItemDataEvent[] = [];
  /** Every update's changes, oldest first. */
  readonly updateLog: UpdateChanges[] = [];
  private totalsCache: { version: number; totals: Map<string, AccountTotals> } | null = null;
  /** Each account's balance before its first row, fixed when the item's totals are first counted. */
  private readonly openings = new Map<string, number>();

  constructor(options: { seed: number; itemId: string; createdAt: number; transactionsPerItem: number }) {
    this.seed = options.seed;
    this.freelancer = freelancerFor(options.seed, options.itemId);
    this.transactionsPerItem = options.transactionsPerItem;
    this.itemId = options.itemId;
    this.createdAt = options.createdAt;
    this.lastUpdateAt = options.createdAt;
    this.historyStart = options.createdAt - historyMs;
    this.createdAtIso = isoDate(options.createdAt);
    this.accounts = accountShapes.map((shape) => {
      const id = uuidFrom(this.seed, this.itemId, shape.kind);
      return {
        ...shape,
        id,
        tag: id.slice(0, 8),
        rowSeed: hash32(this.seed, id),
        count: Math.max(1, Math.round(options.transactionsPerItem * shareOfRows[shape.kind])),
      };
    });
    for (const account of this.accounts) this.added.set(account.id, []);
    this.schedule(this.historyStart, this.createdAt, this.createdAt);
  }

  private readonly closedAccounts = new Set<string>();

  account(id: string): SandboxAccount | undefined {
    return this.accounts.find((account) => account.id === id);
  }

  /** The accounts the bank still lists (a closed one stays readable by id). */
  listedAccounts(): SandboxAccount[] {
    return this.accounts.filter((account) => !this.closedAccounts.has(account.id));
  }

  /** The bank stops listing an account, as when the user closes it. */
  closeAccount(accountId: string): void {
    this.closedAccounts.add(accountId);
    this.events.push({ kind: 'close-account', accountId });
  }

  /** One row, as the bank shows it now, or undefined if it does not exist (or was removed). */
  transaction(id: string): PluggyTransaction | undefined {
    if (this.removed.has(id)) return undefined;
    const added = this.addedById.get(id);
    if (added) return added;
    const account = this.accounts.find((candidate) => id.startsWith(candidate.tag));
    const index = Number.parseInt(id.slice(-12), 16);
    if (!account || !Number.isSafeInteger(index) || index >= account.count) return undefined;
    const row = this.baseRow(account, index);
    return row.id === id ? this.withPatch(row) : undefined;
  }

  /**
   * A page of an account's rows in date order, after `cursor` (an opaque position), with
   * the position to continue from, or null at the end. A cursor stays valid across
   * updates: it names the last base row by index and the last added row by (time, id),
   * so rows an update slots in behind it are neither repeated nor skipped.
   */
  page(
    account: SandboxAccount,
    query: TransactionQuery,
    cursor: string | undefined,
    size: number,
  ): { results: PluggyTransaction[]; next: string | null } {
    const { added, baseStart, baseEnd } = this.scope(account, query);
    const position = decodeCursor(cursor);
    let base = position ? Math.max(position.base, baseStart) : baseStart;
    let last = position?.after;
    let extra = last ? added.findIndex((row) => compareAdded(row, last as AddedPosition) > 0) : 0;
    if (extra === -1) extra = added.length;
    const results: PluggyTransaction[] = [];
    // The next added row's time, parsed once rather than against every base row it waits behind.
    const timeOf = (row: PluggyTransaction | undefined) => (row ? Date.parse(row.date) : Number.POSITIVE_INFINITY);
    let addedTime = timeOf(added[extra]);
    while (results.length < size && (base < baseEnd || extra < added.length)) {
      const nextAdded = added[extra];
      const baseTime = base < baseEnd ? this.rowTime(account, base) : Number.POSITIVE_INFINITY;
      if (nextAdded && addedTime < baseTime) {
        results.push(nextAdded);
        last = positionOf(nextAdded);
        extra += 1;
        addedTime = timeOf(added[extra]);
      } else {
        const row = this.baseRow(account, base, baseTime);
        if (!this.removed.has(row.id)) results.push(this.withPatch(row));
        base += 1;
      }
    }
    const more = base < baseEnd || extra < added.length;
    return { results, next: more ? encodeCursor(base, last) : null };
  }

  /** How many rows a query matches (v1's page envelope), by arithmetic rather than by reading them. */
  count(account: SandboxAccount, query: TransactionQuery): number {
    const { added, baseStart, baseEnd } = this.scope(account, query);
    return baseEnd - baseStart - this.removedBaseRows(account, baseStart, baseEnd) + added.length;
  }

  /** The cursor of the `offset`-th row of a query (v1's numbered pages), found by bisection. */
  cursorAt(account: SandboxAccount, query: TransactionQuery, offset: number): string | undefined {
    if (offset <= 0) return undefined;
    const { added, baseStart, baseEnd } = this.scope(account, query);
    // Rows the merge emits before base row `index`: earlier base rows still there, and added rows dated before it.
    const before = (index: number) => {
      const time = index < baseEnd ? this.rowTime(account, index) : Number.POSITIVE_INFINITY;
      const addedBefore = added.filter((row) => Date.parse(row.date) < time);
      const visible = index - baseStart - this.removedBaseRows(account, baseStart, index) + addedBefore.length;
      return { visible, lastAdded: addedBefore.at(-1) };
    };
    let low = baseStart;
    let high = baseEnd;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (before(middle).visible <= offset) low = middle;
      else high = middle - 1;
    }
    const start = before(low);
    let cursor: string | null = encodeCursor(low, positionOf(start.lastAdded));
    // Between two base rows there are only a few added ones: step over what is left.
    if (offset > start.visible) cursor = this.page(account, query, cursor, offset - start.visible).next;
    // Past the end: a cursor after everything, whose page is empty.
    return cursor ?? encodeCursor(baseEnd, positionOf(added.at(-1)));
  }

  /** The base index range and the added rows (in order, not removed) a query covers. */
  private scope(account: SandboxAccount, query: TransactionQuery) {
    const added = (this.added.get(account.id) ?? []).filter(
      (row) => !this.removed.has(row.id) && this.matches(row, query),
    );
    const baseWanted = query.createdAtFrom === undefined || query.createdAtFrom <= this.createdAt;
    const baseEnd = query.dateTo === undefined ? account.count : this.firstIndexAtOrAfter(account, query.dateTo + 1);
    const baseStart = !baseWanted
      ? baseEnd
      : query.dateFrom === undefined
        ? 0
        : Math.min(baseEnd, this.firstIndexAtOrAfter(account, query.dateFrom));
    return { added, baseStart, baseEnd };
  }

  /**
   * How many everyday rows an update brings to an account: about as many as its history
   * holds for the time since the last update (so a demo kept for months spends at the
   * pace of its first year), at least one, so every update shows something, and at most
   * a few hundred, however large the item.
   */
  private everydayRowsSince(account: SandboxAccount, from: number, at: number, random: () => number): number {
    const expected = (account.count / historyMs) * Math.max(0, at - from);
    return Math.min(maxRowsPerUpdate, Math.max(1, Math.round(expected * (0.5 + random()))));
  }

  /** Removed base rows of an account with an index in [from, to). */
  private removedBaseRows(account: SandboxAccount, from: number, to: number): number {
    let removed = 0;
    for (const id of this.removed) {
      if (!id.startsWith(account.tag) || this.addedById.has(id)) continue;
      const index = Number.parseInt(id.slice(-12), 16);
      if (index >= from && index < to) removed += 1;
    }
    return removed;
  }

  /**
   * Pluggy's next update of this item, deterministic for (seed, item, update number):
   * new rows since the last update (the month's scheduled ones, everyday ones at the
   * history's pace, a few back-dated, all created now), pending rows
   * that post (one with a changed amount), and sometimes a pending row that disappears.
   */
  applyUpdate(updateNumber: number, at: number): UpdateCounts {
    const random = randomStream(hash32(this.seed, this.itemId, 'update', updateNumber));
    const changes: UpdateChanges = { at, created: [], updated: [], removed: [] };
    const from = this.lastUpdateAt;
    for (const account of this.accounts) {
      const pending = this.pendingRows(account);
      if (pending.length > 0 && random() < 0.4) {
        const dropped = pending.splice(between(0, pending.length - 1, random()), 1)[0];
        if (dropped) {
          this.removed.add(dropped.id);
          changes.removed.push(dropped.id);
        }
      }
      let changedAmount = false;
      let reissued = false;
      for (const row of pending) {
        if (Date.parse(row.date) > at - day) continue;
        if (!reissued && random() < 0.25) {
          // Some banks post a pending movement under a new id: the old row goes, a new one comes.
          reissued = true;
          const posted: PluggyTransaction = {
            ...row,
            id: uuidFrom(this.seed, this.itemId, row.id, 'posted'),
            status: 'POSTED',
            createdAt: isoDate(at),
            updatedAt: isoDate(at),
          };
          this.removed.add(row.id);
          changes.removed.push(row.id);
          this.insertAdded(account, posted);
          changes.created.push(posted.id);
          continue;
        }
        const patch: Partial<PluggyTransaction> = { status: 'POSTED', updatedAt: isoDate(at) };
        if (!changedAmount && account.kind !== 'savings') {
          // A tip added to a restaurant bill, an exchange rate settled: the posted amount differs.
          patch.amount = Math.round((row.amount * 1.1 + Number.EPSILON) * 100) / 100;
          changedAmount = true;
        }
        this.patch(row.id, patch);
        changes.updated.push(row.id);
      }
      const newRows = this.everydayRowsSince(account, from, at, random);
      for (let number = 0; number < newRows; number += 1) {
        const backDated = number === 0 && random() < 0.3;
        const time = backDated
          ? from - between(2, 10, random()) * day
          : from + Math.floor(random() * Math.max(1, at - from));
        const row = this.buildRow(
          account,
          uuidFrom(this.seed, this.itemId, account.id, 'update', updateNumber, number),
          time,
          random,
          at,
        );
        this.insertAdded(account, row);
        changes.created.push(row.id);
      }
    }
    this.lastUpdateAt = at;
    const before = new Set(this.addedById.keys());
    this.schedule(from, at, at);
    for (const id of this.addedById.keys()) if (!before.has(id)) changes.created.push(id);
    this.version += 1;
    this.events.push({ kind: 'update', updateNumber, at });
    this.updateLog.push(changes);
    return { created: changes.created.length, updated: changes.updated.length, removed: changes.removed.length };
  }

  history(): ItemDataHistory {
    return {
      seed: this.seed,
      transactionsPerItem: this.transactionsPerItem,
      createdAt: this.createdAt,
      events: [...this.events],
    };
  }

  /** Rebuilds an item's data from its history, replaying its changes in the order they happened. */
  static restore(itemId: string, history: ItemDataHistory): ItemData {
    const data = new ItemData({
      seed: history.seed,
      itemId,
      createdAt: history.createdAt,
      transactionsPerItem: history.transactionsPerItem,
    });
    // The openings as they were fixed at creation, before any of the changes below.
    if (history.events.length > 0) for (const account of data.accounts) data.totals(account);
    for (const event of history.events) {
      if (event.kind === 'update') data.applyUpdate(event.updateNumber, event.at);
      else if (event.kind === 'category') data.recategorize(event.id, event.categoryId, event.at);
      else data.closeAccount(event.accountId);
    }
    return data;
  }

  /** The user re-categorized a row through PATCH /transactions/{id}. */
  recategorize(id: string, categoryId: string, at: number): PluggyTransaction | undefined {
    const row = this.transaction(id);
    if (!row) return undefined;
    this.patch(id, { categoryId, category: categoryById(categoryId)?.description ?? '', updatedAt: isoDate(at) });
    // No new version: a category changes no balance or bill, so cached totals stay valid.
    this.events.push({ kind: 'category', id, categoryId, at });
    return this.transaction(id);
  }

  /** Balance (account currency, Pluggy's sign: a card's balance is what is owed) and bill cycles. */
  totals(account: SandboxAccount): AccountTotals {
    if (this.totalsCache?.version !== this.version) {
      this.totalsCache = { version: this.version, totals: new Map() };
    }
    let totals = this.totalsCache.totals.get(account.id);
    if (!totals) {
      totals = this.computeTotals(account);
      this.totalsCache.totals.set(account.id, totals);
    }
    return totals;
  }

  /** Card bills close on the 5th (São Paulo midnight) and are due on the 15th. */
  billCloseDates(): number[] {
    const dates: number[] = [];
    const now = new Date(this.lastUpdateAt);
    for (let monthsBack = 12; monthsBack >= 1; monthsBack -= 1) {
      const close = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsBack + 1, 5, 3);
      if (close <= this.lastUpdateAt && close > this.historyStart) dates.push(close);
    }
    return dates;
  }

  /**
   * One pass over an account's rows: its balance, and the balance at each bill close
   * (a card's bill is what is owed at its close: earlier debt, less payments, plus purchases).
   */
  private computeTotals(account: SandboxAccount): AccountTotals {
    const closes = this.billCloseDates();
    const closingBalances: number[] = [];
    let sum = 0;
    let lowest = 0;
    let cursor: string | undefined;
    do {
      const page = this.page(account, {}, cursor, 10_000);
      for (const row of page.results) {
        const time = Date.parse(row.date);
        while (closingBalances.length < closes.length && time > (closes[closingBalances.length] ?? 0)) {
          closingBalances.push(sum);
        }
        sum += Math.round((row.amountInAccountCurrency ?? row.amount) * 100);
        lowest = Math.min(lowest, sum);
      }
      cursor = page.next ?? undefined;
    } while (cursor);
    while (closingBalances.length < closes.length) closingBalances.push(sum);
    if (account.kind === 'card') return { balanceCents: sum, closingBalances, closes };
    // An opening balance that keeps the account in credit after every row, as a careful
    // freelancer's would be. Fixed at the first count (the item's creation): later rows move
    // the balance by exactly their amounts, so the balance ties out with a statement
    // reconciled before.
    let opening = this.openings.get(account.id);
    if (opening === undefined) {
      opening = -lowest + between(3000_00, 15000_00, hash32(this.seed, account.id, 'opening') / 2 ** 32);
      this.openings.set(account.id, opening);
    }
    return { balanceCents: opening + sum, closingBalances, closes };
  }

  /**
   * The month's dated movements (schedule.ts) and the movements between the user's own
   * accounts, in pairs that match to the cent: each month a transfer from checking to
   * savings on the 10th, and each card bill paid in full from checking on its due date.
   * Rows dated in (from, to], fetched at `fetchedAt`.
   */
  private schedule(from: number, to: number, fetchedAt: number): void {
    const checking = this.accounts.find((account) => account.kind === 'checking');
    const savings = this.accounts.find((account) => account.kind === 'savings');
    const card = this.accounts.find((account) => account.kind === 'card');
    if (!checking || !savings || !card) return;
    const accounts: Record<AccountKind, SandboxAccount> = { checking, savings, card };
    for (let month = monthOf(from); month <= monthOf(to); month += 1) {
      for (const { key, kind, time, movement } of scheduledIn(this.freelancer, month)) {
        if (time <= from || time > to) continue;
        const account = accounts[kind];
        const id = uuidFrom(this.seed, this.itemId, account.id, key);
        const row = this.rowFrom(account, id, time, movement, fetchedAt, hash32(id) % 900000);
        // PIX, TED, boletos and debits settle at once; only card charges wait to post.
        if (kind !== 'card') row.status = 'POSTED';
        this.insertAdded(account, row);
      }
      const time = onDay(month, 10, 12);
      const cents = monthlySavingCents(this.freelancer, month);
      if (time <= from || time > to || cents <= 0) continue;
      const key = new Date(time).toISOString().slice(0, 7);
      this.addPair(
        [checking, { description: 'TRANSF PARA POUPANCA', amountCents: -cents }],
        [savings, { description: 'TRANSF DA CONTA CORRENTE', amountCents: cents }],
        { time, key: `savings-${key}`, categoryId: '04000000', paymentMethod: 'TEV', fetchedAt },
      );
    }
    // What the card owes at each close builds on the one before; a payment added here
    // falls in the next cycle, so the next sum includes it: one pass over the card.
    const dueDelay = 10 * day;
    let owed = 0;
    let previous: number | undefined;
    for (const close of this.billCloseDates()) {
      if (close + dueDelay > to) break;
      owed += this.sumBetween(card, previous, close);
      previous = close;
      if (close + dueDelay <= from || owed <= 0) continue;
      this.addPair(
        [checking, { description: 'PAGAMENTO FATURA CARTAO', amountCents: -owed }],
        [card, { description: 'PAGAMENTO RECEBIDO', amountCents: -owed }],
        { time: close + dueDelay, key: `bill-${close}`, categoryId: '05100000', fetchedAt },
      );
    }
  }

  /** Sum (cents, account currency) of an account's rows dated after `after` and up to `upTo`. */
  private sumBetween(account: SandboxAccount, after: number | undefined, upTo: number): number {
    const query: TransactionQuery = { ...(after === undefined ? {} : { dateFrom: after + 1 }), dateTo: upTo };
    let sum = 0;
    let cursor: string | undefined;
    do {
      const page = this.page(account, query, cursor, 10_000);
      for (const row of page.results) sum += Math.round((row.amountInAccountCurrency ?? row.amount) * 100);
      cursor = page.next ?? undefined;
    } while (cursor);
    return sum;
  }

  private addPair(
    out: [SandboxAccount, { description: string; amountCents: number }],
    into: [SandboxAccount, { description: string; amountCents: number }],
    shared: { time: number; key: string; categoryId: string; paymentMethod?: 'TEV'; fetchedAt: number },
  ): void {
    for (const [account, side] of [out, into]) {
      const movement: Movement = {
        description: side.description,
        amountCents: side.amountCents,
        currencyCode: 'BRL',
        categoryId: shared.categoryId,
        ...(shared.paymentMethod ? { paymentMethod: shared.paymentMethod, payer: owner, receiver: owner } : {}),
      };
      const id = uuidFrom(this.seed, this.itemId, account.id, shared.key);
      const row = this.rowFrom(account, id, shared.time, movement, shared.fetchedAt, hash32(id) % 900000);
      row.status = 'POSTED'; // transfers between own accounts settle at once
      this.insertAdded(account, row);
    }
  }

  private pendingRows(account: SandboxAccount): PluggyTransaction[] {
    const rows: PluggyTransaction[] = [];
    for (
      let index = this.firstIndexAtOrAfter(account, this.createdAt - pendingWindowMs);
      index < account.count;
      index += 1
    ) {
      const row = this.withPatch(this.baseRow(account, index));
      if (row.status === 'PENDING' && !this.removed.has(row.id)) rows.push(row);
    }
    for (const row of this.added.get(account.id) ?? []) {
      if (row.status === 'PENDING' && !this.removed.has(row.id)) rows.push(row);
    }
    return rows;
  }

  private patch(id: string, patch: Partial<PluggyTransaction>): void {
    const added = this.addedById.get(id);
    if (added) {
      Object.assign(added, patch);
      return;
    }
    this.patched.set(id, { ...this.patched.get(id), ...patch });
  }

  private withPatch(row: PluggyTransaction): PluggyTransaction {
    const patch = this.patched.get(row.id);
    return patch ? { ...row, ...patch } : row;
  }

  private insertAdded(account: SandboxAccount, row: PluggyTransaction): void {
    const rows = this.added.get(account.id) ?? [];
    const position = { time: Date.parse(row.date), id: row.id };
    let at = rows.length;
    while (at > 0 && compareAdded(rows[at - 1] as PluggyTransaction, position) > 0) at -= 1;
    rows.splice(at, 0, row);
    this.added.set(account.id, rows);
    this.addedById.set(row.id, row);
  }

  private matches(row: PluggyTransaction, query: TransactionQuery): boolean {
    const time = Date.parse(row.date);
    if (query.dateFrom !== undefined && time < query.dateFrom) return false;
    if (query.dateTo !== undefined && time > query.dateTo) return false;
    return query.createdAtFrom === undefined || Date.parse(row.createdAt) >= query.createdAtFrom;
  }

  /** Row times grow with the index, each within its own slot of the year of history. */
  private rowTime(account: SandboxAccount, index: number): number {
    const slot = historyMs / account.count;
    const jitter = mix32(account.rowSeed ^ Math.imul(index, 0x9e3779b1)) / 2 ** 32;
    return Math.floor(this.historyStart + (index + jitter) * slot);
  }

  private firstIndexAtOrAfter(account: SandboxAccount, time: number): number {
    const slot = historyMs / account.count;
    let index = Math.min(account.count, Math.max(0, Math.floor((time - this.historyStart) / slot)));
    while (index > 0 && this.rowTime(account, index - 1) >= time) index -= 1;
    while (index < account.count && this.rowTime(account, index) < time) index += 1;
    return index;
  }

  private baseRow(account: SandboxAccount, index: number, time = this.rowTime(account, index)): PluggyTransaction {
    const rowSeed = mix32(account.rowSeed + Math.imul(index, 0x85ebca77));
    const random = randomStream(rowSeed);
    // UUID-shaped, with the account's tag in front and the row index in the last group,
    // so GET /transactions/{id} finds the row without any table.
    const middle = (rowSeed >>> 0).toString(16).padStart(8, '0');
    const id = `${account.tag}-${middle.slice(0, 4)}-4${middle.slice(4, 7)}-a${middle.slice(5, 8)}-${index.toString(16).padStart(12, '0')}`;
    const row = this.buildRow(account, id, time, random, this.createdAt);
    if (this.createdAt - Date.parse(row.date) < pendingWindowMs) row.status = 'PENDING';
    return row;
  }

  private buildRow(
    account: SandboxAccount,
    id: string,
    time: number,
    random: () => number,
    fetchedAt: number,
  ): PluggyTransaction {
    const movement = movementFor(account.kind, random);
    return this.rowFrom(account, id, time, movement, fetchedAt, between(0, 899999, random()));
  }

  private rowFrom(
    account: SandboxAccount,
    id: string,
    time: number,
    movement: Movement,
    fetchedAt: number,
    reference: number,
  ): PluggyTransaction {
    const category = categoryById(movement.categoryId);
    const fetched = fetchedAt === this.createdAt ? this.createdAtIso : isoDate(fetchedAt);
    const row: PluggyTransaction = {
      id,
      description: movement.description,
      descriptionRaw: `${movement.description} ${100000 + reference}`,
      currencyCode: movement.currencyCode,
      amount: money(movement.amountCents),
      date: isoDate(time),
      type: transactionType(account.kind, movement.amountCents),
      status: fetchedAt - time < pendingWindowMs ? 'PENDING' : 'POSTED',
      ...(category ? { category: category.description, categoryId: category.id } : {}),
      accountId: account.id,
      createdAt: fetched,
      updatedAt: fetched,
    };
    decorate(row, movement);
    return row;
  }
}

export interface AccountTotals {
  balanceCents: number;
  /** The bill close dates so far, and the balance at each: a card's bill totals. */
  closes: number[];
  closingBalances: number[];
}

function transactionType(kind: AccountKind, cents: number): 'DEBIT' | 'CREDIT' {
  // On a card, purchases (positive) are debits; on bank accounts money out (negative) is.
  if (kind === 'card') return cents > 0 ? 'DEBIT' : 'CREDIT';
  return cents < 0 ? 'DEBIT' : 'CREDIT';
}

function participant(party: Party): Record<string, unknown> {
  return { name: party.name, documentNumber: { type: party.document.type, value: party.document.value } };
}

function decorate(row: PluggyTransaction, movement: Movement): void {
  if (movement.amountInAccountCurrencyCents !== undefined) {
    row.amountInAccountCurrency = money(movement.amountInAccountCurrencyCents);
  }
  if (movement.paymentMethod || movement.payer || movement.receiver) {
    row.paymentData = {
      ...(movement.payer ? { payer: participant(movement.payer) } : {}),
      ...(movement.receiver ? { receiver: participant(movement.receiver) } : {}),
      ...(movement.paymentMethod ? { paymentMethod: movement.paymentMethod } : {}),
    };
  }
  if (movement.merchant) row.merchant = { ...movement.merchant };
  if (movement.installment) {
    row.creditCardMetadata = {
      installmentNumber: movement.installment.number,
      totalInstallments: movement.installment.total,
      totalAmount: money(movement.installment.totalAmountCents),
      purchaseDate: isoDate(movement.installment.purchasedAt),
    };
  }
}

interface AddedPosition {
  time: number;
  id: string;
}

function positionOf(row: PluggyTransaction | undefined): AddedPosition | undefined {
  return row ? { time: Date.parse(row.date), id: row.id } : undefined;
}

/** Added rows are ordered by date, then id. */
function compareAdded(row: PluggyTransaction, position: AddedPosition): number {
  const time = Date.parse(row.date);
  if (time !== position.time) return time - position.time;
  return row.id < position.id ? -1 : row.id > position.id ? 1 : 0;
}

function encodeCursor(base: number, after: AddedPosition | undefined): string {
  return Buffer.from(JSON.stringify(after ? [base, after.time, after.id] : [base])).toString('base64url');
}

function decodeCursor(cursor: string | undefined): { base: number; after?: AddedPosition } | null {
  if (cursor === undefined) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString());
  } catch {
    throw new RangeError('invalid cursor');
  }
  if (!Array.isArray(parsed) || !Number.isSafeInteger(parsed[0]) || (parsed[0] as number) < 0) {
    throw new RangeError('invalid cursor');
  }
  const [base, time, id] = parsed as [number, unknown, unknown];
  if (time === undefined) return { base };
  if (typeof time !== 'number' || typeof id !== 'string') throw new RangeError('invalid cursor');
  return { base, after: { time, id } };
}
