import type { Client, Freelancer } from './freelancer.ts';
import {
  accountant,
  condominium,
  landlord,
  type Merchant,
  merchant,
  owner,
  type Party,
  receita,
  utilities,
} from './parties.ts';
import { between, hash32, pickOne } from './random.ts';
import type { AccountKind, Movement } from './templates.ts';

/**
 * What happens to the freelancer on a date each month, as real life has it: client
 * payments, rent and the other bills from checking, INSS, subscriptions and purchases in
 * installments on the card. A month's movements are a pure function of the freelancer and
 * the month, and a few dozen at most whatever the item's size, so item-data.ts lays them
 * over the history rows of any item, and over each update's new days.
 *
 * Months are numbered from year 0 (year × 12 + month), so they add and subtract across years.
 */
export interface ScheduledMovement {
  /** Unique within the item and stable: the row's id is made from it. */
  key: string;
  kind: AccountKind;
  time: number;
  movement: Movement;
}

/** The month of a time, as a month number. */
export function monthOf(time: number): number {
  const date = new Date(time);
  return date.getUTCFullYear() * 12 + date.getUTCMonth();
}

/** A day and hour of a month, São Paulo time (UTC−3). */
export function onDay(month: number, day: number, hour: number): number {
  return Date.UTC(Math.floor(month / 12), month % 12, day, hour + 3);
}

/** Every movement of a month, bar the ones between the freelancer's own accounts (item-data.ts pairs those). */
export function scheduledIn(freelancer: Freelancer, month: number): ScheduledMovement[] {
  return [...clientPayments(freelancer, month), ...bills(freelancer, month), ...cardCharges(freelancer, month)];
}

/** The share of each month's fees put aside: moved to savings on the 10th of the next month. */
const savedShare = 0.3;

/** What moves from checking to savings on the 10th: 30 % of last month's fees, in R$ 50 notes. */
export function monthlySavingCents(freelancer: Freelancer, month: number): number {
  const fees = clientPayments(freelancer, month - 1).reduce((sum, each) => sum + each.movement.amountCents, 0);
  return Math.floor((fees * savedShare) / 50_00) * 50_00;
}

const isSlow = (freelancer: Freelancer, month: number) => freelancer.slowMonths.includes(month % 12);
const isDue = (client: Client, month: number) =>
  (((month - client.phase) % client.every) + client.every) % client.every === 0;

/** A number in [0, 1) for one thing in one month of this freelancer's life. */
const chance = (freelancer: Freelancer, ...parts: (string | number)[]) => hash32(freelancer.key, ...parts) / 2 ** 32;

/**
 * Client fees into checking by PIX or TED. A client that holds its payment in a slow month
 * pays it some days late in the month after, so the year's total stays and the months swing.
 */
function clientPayments(freelancer: Freelancer, month: number): ScheduledMovement[] {
  const payments: ScheduledMovement[] = [];
  freelancer.clients.forEach((client, index) => {
    const pay = (dueMonth: number, day: number) => {
      const fee = client.varies
        ? Math.round((client.feeCents * (0.75 + 0.5 * chance(freelancer, 'fee', index, dueMonth))) / 50_00) * 50_00
        : client.feeCents;
      const pix = client.method === 'PIX';
      payments.push({
        key: `fee-${index}-${dueMonth}`,
        kind: 'checking',
        time: onDay(month, day, 9 + (index % 8)),
        movement: {
          description: `${pix ? 'PIX RECEBIDO' : 'TED RECEBIDA'} ${client.party.name}`,
          amountCents: fee,
          currencyCode: 'BRL',
          categoryId: '01030000',
          paymentMethod: client.method,
          payer: client.party,
          receiver: owner,
        },
      });
    };
    const holding = client.holdsInSlowMonths;
    if (isDue(client, month) && !(holding && isSlow(freelancer, month))) pay(month, client.day);
    if (holding && isSlow(freelancer, month - 1) && isDue(client, month - 1))
      pay(month - 1, Math.min(28, client.day + 6));
  });
  return payments;
}

/** INSS as a contribuinte individual: 20 % of the minimum wage (R$ 1.518,00 in 2025), by GPS on the 15th. */
const inssCents = 303_60;

/** The month's bills from checking: bank fee, rent, accountant, condominium, health plan, utilities, INSS. */
function bills(freelancer: Freelancer, month: number): ScheduledMovement[] {
  const varying = (name: string, min: number, max: number) => between(min, max, chance(freelancer, name, month));
  // Air conditioning and showers run hotter from December to March.
  const summer = [11, 0, 1, 2].includes(month % 12) ? 1.3 : 1;
  const bill = (
    name: string,
    day: number,
    cents: number,
    movement: Omit<Movement, 'amountCents' | 'currencyCode'>,
  ): ScheduledMovement => ({
    key: `${name}-${month}`,
    kind: 'checking',
    time: onDay(month, day, 8),
    movement: { ...movement, amountCents: -cents, currencyCode: 'BRL' },
  });
  const { electricity, water, gas, internet, mobile } = utilities;
  return [
    bill('bank-fee', 1, 39_90, { description: 'TARIFA PACOTE DE SERVICOS', categoryId: '16010000' }),
    bill('rent', 5, freelancer.rentCents, {
      description: 'PIX ENVIADO IMOBILIARIA CENTRO ALUGUEL',
      categoryId: '17010000',
      ...pixTo(landlord),
    }),
    bill('accountant', 8, freelancer.accountantCents, {
      description: 'PIX ENVIADO CONTABILIDADE AGIL',
      categoryId: '07000000',
      ...pixTo(accountant),
    }),
    bill('condominium', 10, freelancer.condominiumCents, {
      description: 'PAGTO BOLETO CONDOMINIO ED JACARANDA',
      categoryId: '17000000',
      ...boletoTo(condominium),
    }),
    bill('health', 10, freelancer.healthPlanCents, {
      description: `PAGTO BOLETO ${freelancer.healthPlan.label}`,
      categoryId: '200300000',
      ...boletoTo(freelancer.healthPlan.party),
    }),
    bill('electricity', 12, Math.round(varying('electricity', 130_00, 230_00) * summer), {
      description: 'ENEL DISTRIBUICAO SP',
      categoryId: '17020002',
      ...boletoTo(electricity),
    }),
    bill('water', 14, varying('water', 65_00, 130_00), {
      description: 'SABESP CONTA AGUA',
      categoryId: '17020001',
      ...boletoTo(water),
    }),
    bill('inss', 15, inssCents, {
      description: 'GPS INSS CONTRIBUINTE INDIVIDUAL',
      categoryId: '15000000',
      ...boletoTo(receita),
    }),
    ...(freelancer.pipedGas
      ? [
          bill('gas', 16, varying('gas', 35_00, 80_00), {
            description: 'COMGAS CONTA GAS',
            categoryId: '17020003',
            ...boletoTo(gas),
          }),
        ]
      : []),
    bill('internet', 20, 129_90, { description: 'VIVO FIBRA INTERNET', categoryId: '07010001', ...boletoTo(internet) }),
    bill('mobile', 22, 64_99, { description: 'CLARO CELULAR', categoryId: '07010002', ...boletoTo(mobile) }),
  ];
}

const pixTo = (receiver: Party) => ({ paymentMethod: 'PIX' as const, payer: owner, receiver });
const boletoTo = (receiver: Party) => ({ paymentMethod: 'BOLETO' as const, receiver });

/** What a Brazilian card adds to a purchase abroad: IOF at 3.5 %. */
const iof = 1.035;

interface Purchase {
  description: string;
  categoryId: string;
  min: number;
  max: number;
  merchant: Merchant;
}

/** Things bought in installments now and then: one month in eight or so starts a purchase. */
const purchases: readonly Purchase[] = [
  {
    description: 'MAGAZINE LUIZA NOTEBOOK',
    categoryId: '08020000',
    min: 2800_00,
    max: 5500_00,
    merchant: merchant('MAGAZINE LUIZA', 'MAGAZINE LUIZA S.A.', '47960950000121'),
  },
  {
    description: 'FAST SHOP MONITOR',
    categoryId: '08020000',
    min: 900_00,
    max: 2200_00,
    merchant: merchant('FAST SHOP', 'FAST SHOP S.A.', '43708379000100'),
  },
  {
    description: 'LATAM AIRLINES',
    categoryId: '12010000',
    min: 1200_00,
    max: 3500_00,
    merchant: merchant('LATAM', 'TAM LINHAS AEREAS S.A.', '02012862000160'),
  },
  {
    description: 'LEROY MERLIN',
    categoryId: '17030000',
    min: 600_00,
    max: 2500_00,
    merchant: merchant('LEROY MERLIN', 'LEROY MERLIN CIA BRASILEIRA DE BRICOLAGEM', '01438784000105'),
  },
];
const purchaseChance = 0.12;
const longestInstallments = 10;
/** At the latest every this many months a purchase starts, so every card shows installments running. */
const monthsBetweenPurchases = 8;

/**
 * Whether a purchase in installments starts in the month: by chance, or on the freelancer's
 * own month of every eight (by chance alone, a year and a half in sixteen had none at all).
 */
function startsPurchase(freelancer: Freelancer, month: number): boolean {
  const own = Math.floor(chance(freelancer, 'purchase-month', 0) * monthsBetweenPurchases);
  const inCycle = ((month % monthsBetweenPurchases) + monthsBetweenPurchases) % monthsBetweenPurchases;
  return inCycle === own || chance(freelancer, 'purchase', month) < purchaseChance;
}

/** The month's card charges: subscriptions (some in dollars), the annual fee's monthly share, installments. */
function cardCharges(freelancer: Freelancer, month: number): ScheduledMovement[] {
  const charges: ScheduledMovement[] = freelancer.subscriptions.map((subscription) => {
    const key = `${subscription.description}-${month}`;
    const cents = subscription.metered
      ? between(Math.round(subscription.cents / 5), subscription.cents, chance(freelancer, key))
      : subscription.cents;
    // The month's dollar, between R$ 5,00 and R$ 5,80.
    const rate = 5 + 0.8 * chance(freelancer, 'dollar', month);
    return {
      key,
      kind: 'card',
      time: onDay(month, subscription.day, 4),
      movement: {
        description: subscription.description,
        amountCents: cents,
        currencyCode: subscription.currency,
        ...(subscription.currency === 'USD' ? { amountInAccountCurrencyCents: Math.round(cents * rate * iof) } : {}),
        categoryId: subscription.categoryId,
      },
    };
  });
  charges.push({
    key: `annual-fee-${month}`,
    kind: 'card',
    time: onDay(month, 6, 4),
    movement: { description: 'ANUIDADE CARTAO', amountCents: 35_00, currencyCode: 'BRL', categoryId: '16030000' },
  });
  // Purchases of the last months whose installments still run: the first carries the rounding.
  for (let back = 0; back < longestInstallments; back += 1) {
    const bought = month - back;
    if (!startsPurchase(freelancer, bought)) continue;
    const total = between(3, longestInstallments, chance(freelancer, 'installments', bought));
    if (back >= total) continue;
    const purchase = pickOne(purchases, chance(freelancer, 'what', bought));
    const totalCents = between(purchase.min, purchase.max, chance(freelancer, 'price', bought));
    const share = Math.floor(totalCents / total);
    const day = between(1, 28, chance(freelancer, 'day', bought));
    const number = back + 1;
    charges.push({
      key: `installment-${bought}-${number}`,
      kind: 'card',
      time: onDay(month, day, 14),
      movement: {
        description: `${purchase.description} PARC ${String(number).padStart(2, '0')}/${String(total).padStart(2, '0')}`,
        amountCents: number === 1 ? totalCents - share * (total - 1) : share,
        currencyCode: 'BRL',
        categoryId: purchase.categoryId,
        merchant: purchase.merchant,
        installment: { number, total, totalAmountCents: totalCents, purchasedAt: onDay(bought, day, 14) },
      },
    });
  }
  return charges;
}
