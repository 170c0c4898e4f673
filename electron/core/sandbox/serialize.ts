import type { SandboxAccount } from './data/item-data.ts';
import { owner } from './data/parties.ts';
import type { ItemStore, SandboxItem } from './items.ts';

const iso = (ms: number) => new Date(ms).toISOString();
const money = (cents: number) => cents / 100;
const day = 24 * 3600 * 1000;

/** A page envelope as Pluggy sends it: `page` from 1, `totalPages` 0 when empty. */
export function pageOf<T>(all: readonly T[], page = 1, pageSize = 500) {
  const totalPages = Math.ceil(all.length / pageSize);
  return { page, total: all.length, totalPages, results: all.slice((page - 1) * pageSize, page * pageSize) };
}

/** The spec's `Item`. Fields with no value are left out rather than null (the spec does not allow null there). */
export function itemJson(item: SandboxItem, store: ItemStore): Record<string, unknown> {
  const { connector } = item;
  const nextAutoSync = store.nextAutoSyncAt(item);
  const consentExpiresAt = store.consentExpiresAt(item);
  const lastUpdated = item.lastUpdatedAt === undefined ? undefined : iso(item.lastUpdatedAt);
  const productDetail = (warnings: unknown[] = []) => ({ lastUpdatedAt: lastUpdated, isUpdated: true, warnings });
  return {
    id: item.id,
    connector,
    status: item.status,
    executionStatus: item.executionStatus,
    ...(item.error ? { error: item.error } : {}),
    ...(item.parameter ? { parameter: item.parameter } : {}),
    ...(item.webhookUrl ? { webhookUrl: item.webhookUrl } : {}),
    ...(item.clientUserId ? { clientUserId: item.clientUserId } : {}),
    createdAt: iso(item.createdAt),
    updatedAt: iso(item.updatedAt),
    ...(lastUpdated ? { lastUpdatedAt: lastUpdated } : {}),
    ...(lastUpdated
      ? {
          statusDetail: {
            accounts: productDetail(),
            creditCards: productDetail(),
            transactions: item.partial
              ? {
                  lastUpdatedAt: lastUpdated,
                  isUpdated: false,
                  warnings: [
                    {
                      code: '001',
                      message: 'Could not read the transactions of savings account 0001/54321-9',
                      providerMessage: 'Poupança 0001/54321-9 indisponível no momento',
                    },
                  ],
                }
              : productDetail(),
            investments: productDetail(),
            identity: productDetail(),
          },
        }
      : {}),
    ...(nextAutoSync === undefined ? {} : { nextAutoSyncAt: iso(nextAutoSync) }),
    consecutiveFailedLoginAttempts: item.consecutiveFailedLoginAttempts,
    ...(consentExpiresAt === undefined ? {} : { consentExpiresAt: iso(consentExpiresAt) }),
    products: item.products ?? connector.products,
  };
}

/** The spec's `Account`, balance in Pluggy's sign (a card's balance is what is owed). */
export function accountJson(item: SandboxItem, account: SandboxAccount): Record<string, unknown> {
  const data = item.data;
  if (!data) throw new Error('item has no data yet');
  const totals = data.totals(account);
  const created = iso(data.createdAt);
  const updated = iso(item.lastUpdatedAt ?? data.createdAt);
  const base = {
    id: account.id,
    type: account.type,
    subtype: account.subtype,
    number: account.number,
    name: account.name,
    marketingName: account.marketingName,
    balance: money(totals.balanceCents),
    itemId: item.id,
    taxNumber: owner.document.value,
    owner: owner.name,
    currencyCode: 'BRL',
    createdAt: created,
    updatedAt: updated,
  };
  if (account.type === 'BANK') {
    return { ...base, bankData: { transferNumber: account.number, closingBalance: money(totals.balanceCents) } };
  }
  const closes = totals.closes;
  const lastClose = closes.at(-1) ?? data.createdAt;
  const nextClose = Date.UTC(new Date(lastClose).getUTCFullYear(), new Date(lastClose).getUTCMonth() + 1, 5, 3);
  const limit = 20_000_00;
  return {
    ...base,
    creditData: {
      level: 'BLACK',
      brand: 'MASTERCARD',
      balanceCloseDate: iso(nextClose),
      balanceDueDate: iso(nextClose + 10 * day),
      availableCreditLimit: money(limit - totals.balanceCents),
      creditLimit: money(limit),
      minimumPayment: money(Math.round(totals.balanceCents * 0.15)),
      isLimitFlexible: false,
      status: 'ACTIVE',
      holderType: 'MAIN',
    },
  };
}

/** The spec's `Bill`s for a card: one per closed cycle, totals from the card's rows. */
export function billsJson(item: SandboxItem, account: SandboxAccount): Record<string, unknown>[] {
  const data = item.data;
  if (!data || account.type !== 'CREDIT') return [];
  const totals = data.totals(account);
  return totals.closes.map((close, index) => {
    const total = totals.closingBalances[index] ?? 0;
    return {
      id: `${account.id.slice(0, 24)}${close.toString(16).slice(-12).padStart(12, '0')}`,
      accountId: account.id,
      dueDate: iso(close + 10 * day),
      billClosingDate: iso(close),
      totalAmount: money(total),
      totalAmountCurrencyCode: 'BRL',
      minimumPaymentAmount: money(Math.round(total * 0.15)),
      allowsInstallments: true,
      financeCharges: [],
      payments: [],
    };
  });
}

export function identityJson(item: SandboxItem): Record<string, unknown> {
  return {
    id: `${item.id.slice(0, 24)}1d3n717y0000`,
    itemId: item.id,
    fullName: owner.name,
    document: owner.document.value,
    documentType: 'CPF',
    taxNumber: owner.document.value,
    birthDate: '1990-04-12T00:00:00.000Z',
    jobTitle: 'Designer autônomo',
    emails: [{ value: 'john.doe@example.com', type: 'Personal' }],
    phoneNumbers: [{ value: '+55 11 91234-5678', type: 'Personal' }],
    addresses: [
      {
        fullAddress: 'Rua Augusta, 1500, apto 42, Consolação, São Paulo - SP, 01304-001',
        primaryAddress: 'Rua Augusta, 1500',
        city: 'São Paulo',
        postalCode: '01304-001',
        state: 'SP',
        country: 'Brasil',
        type: 'Personal',
      },
    ],
    createdAt: iso(item.createdAt),
    updatedAt: iso(item.updatedAt),
  };
}

export function investmentsJson(item: SandboxItem): Record<string, unknown>[] {
  const created = item.data?.createdAt ?? item.createdAt;
  return [
    { suffix: '0001', name: 'CDB Banco Pluggy 110% CDI', type: 'FIXED_INCOME', subtype: 'CDB', balance: 12_480_55 },
    { suffix: '0002', name: 'Tesouro Selic 2029', type: 'FIXED_INCOME', subtype: 'TREASURY', balance: 8_320_10 },
    {
      suffix: '0003',
      name: 'Pluggy Multimercado FIC FIM',
      type: 'MUTUAL_FUND',
      subtype: 'MULTIMARKET_FUND',
      balance: 5_104_87,
    },
  ].map((investment) => ({
    id: `${item.id.slice(0, 24)}1nv35700${investment.suffix}`,
    itemId: item.id,
    type: investment.type,
    subtype: investment.subtype,
    name: investment.name,
    balance: money(investment.balance),
    amount: money(investment.balance),
    currencyCode: 'BRL',
    date: iso(created),
    status: 'ACTIVE',
  }));
}

export function investmentTransactionsJson(investmentId: string, created: number): Record<string, unknown>[] {
  return [0, 1, 2].map((index) => ({
    id: `${investmentId.slice(0, 28)}${String(index).padStart(8, '0')}`,
    type: 'BUY',
    movementType: 'DEBIT',
    amount: 1000 + index * 500,
    value: 1000 + index * 500,
    quantity: 1,
    date: iso(created - (index + 1) * 30 * day),
    tradeDate: iso(created - (index + 1) * 30 * day),
  }));
}

export function loansJson(item: SandboxItem): Record<string, unknown>[] {
  return [
    {
      id: `${item.id.slice(0, 24)}10a000000001`,
      itemId: item.id,
      contractNumber: '00012345678',
      productName: 'Crédito Pessoal Pluggy',
      type: 'CREDITO_PESSOAL_SEM_CONSIGNACAO',
      kind: 'LOAN',
      date: iso(item.createdAt),
      contractDate: iso(item.createdAt - 200 * day),
      contractAmount: 10000,
      currencyCode: 'BRL',
    },
  ];
}
