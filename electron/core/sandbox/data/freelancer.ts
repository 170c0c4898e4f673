import { companyClients, healthPlans, type Party, personClients } from './parties.ts';
import { between, hash32, pickOne, randomStream } from './random.ts';

/**
 * Who an item's freelancer is, fixed by (seed, item): their clients and what each pays,
 * their home's costs and their subscriptions. schedule.ts turns it into each month's
 * dated movements; nothing here depends on the month.
 */
export interface Client {
  party: Party;
  method: 'PIX' | 'TED';
  /** The day of the month its payments come in. */
  day: number;
  /** Pays in the months whose number less `phase` is a multiple of `every` (1: every month, a retainer). */
  every: number;
  phase: number;
  /** One payment: a retainer's, or what a project's payments vary around. */
  feeCents: number;
  /** A project's payments vary by up to a quarter either way; a retainer's fee is fixed. */
  varies: boolean;
  /** In a slow month it pays nothing, and pays that month's fee the month after. */
  holdsInSlowMonths: boolean;
}

export interface Subscription {
  description: string;
  categoryId: string;
  currency: 'USD' | 'BRL';
  /** In its currency; a metered bill (cloud hosting) comes to between a fifth of this and this. */
  cents: number;
  metered?: boolean;
  day: number;
}

export interface Freelancer {
  /** Seeds what varies from month to month: bills, project fees, purchases. */
  key: number;
  clients: readonly Client[];
  /**
   * Calendar months (0 is January) when work stalls: the holidays or Carnival, and one
   * mid-year. Any 11 months in a row hold at least one of them, so every year of
   * history has a month at a loss.
   */
  slowMonths: readonly number[];
  rentCents: number;
  condominiumCents: number;
  healthPlan: (typeof healthPlans)[number];
  healthPlanCents: number;
  accountantCents: number;
  pipedGas: boolean;
  subscriptions: readonly Subscription[];
}

const software: readonly Omit<Subscription, 'day'>[] = [
  // The tool the freelancer works with every day: always there, so every card has a dollar charge.
  { description: 'GITHUB.COM', categoryId: '09000000', currency: 'USD', cents: 10_00 },
  { description: 'OPENAI *CHATGPT SUBSCR', categoryId: '09000000', currency: 'USD', cents: 20_00 },
  { description: 'FIGMA MONTHLY', categoryId: '09000000', currency: 'USD', cents: 15_00 },
  { description: 'AWS EMEA', categoryId: '09000000', currency: 'USD', cents: 30_00, metered: true },
  { description: 'NETFLIX.COM', categoryId: '09020000', currency: 'BRL', cents: 44_90 },
  { description: 'SPOTIFY', categoryId: '09030000', currency: 'BRL', cents: 21_90 },
  { description: 'SMART FIT', categoryId: '07030001', currency: 'BRL', cents: 139_90 },
];

/**
 * The item's freelancer. Fees are sized from a yearly income of R$ 190–250 thousand: two
 * company retainers bring three quarters of it (the main one holds its fee in slow
 * months, the other always pays), enough to cover an ordinary month's spending, and 2
 * to 6 project clients the rest: 1 to 3 private people, paying less and less often than
 * the companies. 4 to 8 clients in all.
 */
export function freelancerFor(seed: number, itemId: string): Freelancer {
  const key = hash32(seed, itemId, 'freelancer');
  const random = randomStream(key);
  const pick = (min: number, max: number) => between(min, max, random());
  const monthlyIncome = (pick(190, 250) * 1000_00) / 12;
  const companies = shuffled(companyClients, random);
  const people = shuffled(personClients, random);
  const projectCount = pick(2, 6);
  const privateCount = pick(1, Math.min(3, projectCount - 1));

  const clients: Client[] = [];
  const retainer = (party: Party, share: number, holdsInSlowMonths: boolean) =>
    clients.push({
      party,
      method: random() < 0.5 ? 'TED' : 'PIX',
      day: pick(5, 10),
      every: 1,
      phase: 0,
      feeCents: roundTo(monthlyIncome * share * (0.9 + 0.2 * random()), 100_00),
      varies: false,
      holdsInSlowMonths,
    });
  // Projects pay on staggered months, as clients seldom all pay at once.
  const stagger = pick(0, 11);
  const project = (party: Party, every: number, feeCents: number, method: 'PIX' | 'TED') =>
    clients.push({
      party,
      method,
      day: pick(3, 25),
      every,
      phase: (stagger + clients.length) % every,
      feeCents,
      varies: true,
      holdsInSlowMonths: true,
    });

  retainer(at(companies, 0), 0.45, true);
  retainer(at(companies, 1), 0.3, false);
  for (let index = 0; index < privateCount; index += 1) {
    project(at(people, index), pick(3, 4), pick(18, 52) * 50_00, 'PIX');
  }
  const privateYearly = clients.slice(2).reduce((sum, client) => sum + (client.feeCents * 12) / client.every, 0);
  const companyProjects = projectCount - privateCount;
  const companyYearly = (monthlyIncome * 12 * 0.25 - privateYearly) / companyProjects;
  for (let index = 0; index < companyProjects; index += 1) {
    const every = pick(1, 3);
    const method = random() < 0.5 ? 'TED' : 'PIX';
    project(at(companies, 2 + index), every, roundTo((companyYearly * every) / 12, 100_00), method);
  }

  const subscriptions = software
    .filter((_, index) => index === 0 || random() < 0.6)
    .map((each) => ({ ...each, day: pick(1, 28) }));
  return {
    key,
    clients,
    slowMonths: [pick(0, 1), pick(5, 8)],
    rentCents: pick(46, 66) * 50_00,
    condominiumCents: pick(400_00, 750_00),
    healthPlan: pickOne(healthPlans, random()),
    healthPlanCents: pick(520_00, 890_00),
    accountantCents: pick(18, 32) * 10_00,
    pipedGas: random() < 0.7,
    subscriptions,
  };
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index -= 1) {
    const other = between(0, index, random());
    [copy[index], copy[other]] = [copy[other] as T, copy[index] as T];
  }
  return copy;
}

const roundTo = (cents: number, step: number) => Math.max(step, Math.round(cents / step) * step);

function at<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new RangeError(`no item ${index} of ${items.length}`);
  return item;
}
