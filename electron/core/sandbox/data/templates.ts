import { company, type Merchant, merchant, owner, type Party } from './parties.ts';
import { between, weightedPicker } from './random.ts';

/**
 * The everyday movements of a freelancer living in São Paulo, one of which each history row
 * draws at random (schedule.ts makes what happens on a date: fees, bills, subscriptions):
 * bakery, groceries, pharmacy and lunch paid by debit card or PIX from checking; rides,
 * delivery, restaurants, fuel and shopping on the credit card, with now and then a refund;
 * interest on the savings. Per-row amounts are sized for the default density (about 55
 * checking and 40 card rows a month) to add up to a plausible month's spending.
 *
 * Amounts are cents in Pluggy's sign convention for the account: bank outflows negative;
 * on a credit card, purchases positive and refunds negative.
 */
export type AccountKind = 'checking' | 'savings' | 'card';

export interface Movement {
  description: string;
  amountCents: number;
  currencyCode: string;
  /** For a foreign-currency purchase: the amount in the account's currency (BRL). */
  amountInAccountCurrencyCents?: number;
  categoryId: string;
  paymentMethod?: 'PIX' | 'TED' | 'DOC' | 'TEV' | 'BOLETO';
  payer?: Party;
  receiver?: Party;
  merchant?: Merchant;
  installment?: { number: number; total: number; totalAmountCents: number; purchasedAt: number };
}

interface Template {
  /** How often it happens, relative to the account's other templates. */
  weight: number;
  description: string;
  categoryId: string;
  /** Amount range in reais' cents, as spent (the account's sign is applied after). */
  min: number;
  max: number;
  /** Money back (a card refund): the opposite sign to the account's usual movement. */
  refund?: boolean;
  /** Paid by PIX to this business. */
  pixTo?: Party;
  merchant?: Merchant;
}

// Debit purchases and bank payments as most banks list them: a description, no merchant data.
const checking: readonly Template[] = [
  { weight: 12, description: 'COMPRA DEBITO PADARIA SAO JOSE', categoryId: '11010000', min: 6_00, max: 32_00 },
  { weight: 5, description: 'COMPRA DEBITO LANCHONETE BOM SABOR', categoryId: '11010000', min: 18_00, max: 45_00 },
  { weight: 4, description: 'COMPRA DEBITO PAO DE ACUCAR', categoryId: '10000000', min: 25_00, max: 220_00 },
  {
    weight: 4,
    description: 'PIX ENVIADO HORTIFRUTI BOA SAFRA',
    categoryId: '10000000',
    min: 12_00,
    max: 65_00,
    pixTo: company('HORTIFRUTI BOA SAFRA LTDA', '19283746000188'),
  },
  { weight: 3, description: 'COMPRA DEBITO DROGASIL', categoryId: '18020000', min: 12_00, max: 110_00 },
  { weight: 3, description: 'RECARGA BILHETE UNICO', categoryId: '19020000', min: 20_00, max: 60_00 },
  {
    weight: 2,
    description: 'PIX ENVIADO ESTACIONAMENTO PAULISTA',
    categoryId: '19050002',
    min: 10_00,
    max: 35_00,
    pixTo: company('ESTACIONAMENTO PAULISTA LTDA', '47362819000162'),
  },
  {
    weight: 1,
    description: 'PIX ENVIADO BARBEARIA DO ZE',
    categoryId: '07030003',
    min: 45_00,
    max: 70_00,
    pixTo: company('BARBEARIA DO ZE LTDA', '52637481000144'),
  },
  { weight: 1, description: 'COMPRA DEBITO COBASI', categoryId: '08030000', min: 40_00, max: 180_00 },
];

const savings: readonly Template[] = [
  // A poupança pays interest on each deposit's monthly anniversary: several small credits a month.
  { weight: 1, description: 'RENDIMENTO POUPANCA', categoryId: '03060000', min: 5_00, max: 60_00 },
];

const ifood = merchant('IFOOD', 'IFOOD.COM AGENCIA DE RESTAURANTES ONLINE S.A.', '14380200000121');
const drogasil = merchant('DROGASIL', 'RAIA DROGASIL S.A.', '61585865000151');

const card: readonly Template[] = [
  {
    weight: 7,
    description: 'UBER',
    categoryId: '19010000',
    min: 11_00,
    max: 58_00,
    merchant: merchant('UBER', 'UBER DO BRASIL TECNOLOGIA LTDA', '17895646000187'),
  },
  {
    weight: 3,
    description: '99 POP',
    categoryId: '19010000',
    min: 10_00,
    max: 45_00,
    merchant: merchant('99', '99 TECNOLOGIA LTDA', '18033552000161'),
  },
  { weight: 6, description: 'IFOOD', categoryId: '11020000', min: 32_00, max: 115_00, merchant: ifood },
  {
    weight: 4,
    description: 'RESTAURANTE CAFÉ & CIA',
    categoryId: '11010000',
    min: 35_00,
    max: 160_00,
    merchant: merchant('RESTAURANTE CAFÉ & CIA', 'CAFE E CIA ALIMENTOS LTDA', '08765432000103'),
  },
  {
    weight: 1.5,
    description: 'BOTECO DA VILA',
    categoryId: '11010000',
    min: 40_00,
    max: 160_00,
    merchant: merchant('BOTECO DA VILA', 'BOTECO DA VILA BAR E RESTAURANTE LTDA', '38472615000193'),
  },
  {
    weight: 2,
    description: 'STARBUCKS',
    categoryId: '11010000',
    min: 12_00,
    max: 38_00,
    merchant: merchant('STARBUCKS', 'SRC COMERCIO DE ALIMENTOS LTDA', '07984267000100'),
  },
  {
    weight: 2.5,
    description: 'CARREFOUR',
    categoryId: '10000000',
    min: 60_00,
    max: 320_00,
    merchant: merchant('CARREFOUR', 'CARREFOUR COMERCIO E INDUSTRIA LTDA', '45543915000181'),
  },
  {
    weight: 2,
    description: 'POSTO SHELL',
    categoryId: '19050001',
    min: 90_00,
    max: 250_00,
    merchant: merchant('POSTO SHELL', 'RAIZEN S.A.', '33453598000123'),
  },
  {
    weight: 1.5,
    description: 'MERCADOLIVRE',
    categoryId: '08010000',
    min: 35_00,
    max: 280_00,
    merchant: merchant('MERCADOLIVRE', 'EBAZAR.COM.BR LTDA', '03007331000141'),
  },
  {
    weight: 1.5,
    description: 'AMAZON BR',
    categoryId: '08010000',
    min: 35_00,
    max: 250_00,
    merchant: merchant('AMAZON', 'AMAZON SERVICOS DE VAREJO DO BRASIL LTDA', '15436940000103'),
  },
  {
    weight: 1,
    description: 'LOJAS RENNER',
    categoryId: '08040000',
    min: 70_00,
    max: 320_00,
    merchant: merchant('RENNER', 'LOJAS RENNER S.A.', '92754738000162'),
  },
  {
    weight: 1,
    description: 'KALUNGA',
    categoryId: '08080000',
    min: 15_00,
    max: 140_00,
    merchant: merchant('KALUNGA', 'KALUNGA COMERCIO E INDUSTRIA GRAFICA LTDA', '43283811000150'),
  },
  { weight: 1.5, description: 'DROGASIL', categoryId: '18020000', min: 15_00, max: 120_00, merchant: drogasil },
  {
    weight: 0.7,
    description: 'ESTORNO IFOOD',
    categoryId: '11020000',
    min: 20_00,
    max: 90_00,
    refund: true,
    merchant: ifood,
  },
];

/** The sign of an account's usual movement: money out of checking, a purchase on the card, interest in. */
const usualSign: Record<AccountKind, 1 | -1> = { checking: -1, savings: 1, card: 1 };

const pickers: Record<AccountKind, (random: number) => Template> = {
  checking: weightedPicker(checking),
  savings: weightedPicker(savings),
  card: weightedPicker(card),
};

/** A movement for an account, drawn from a random stream seeded for that row. */
export function movementFor(kind: AccountKind, random: () => number): Movement {
  const template = pickers[kind](random());
  const sign = template.refund ? -usualSign[kind] : usualSign[kind];
  const movement: Movement = {
    description: template.description,
    amountCents: sign * between(template.min, template.max, random()),
    currencyCode: 'BRL',
    categoryId: template.categoryId,
  };
  if (template.merchant) movement.merchant = template.merchant;
  if (template.pixTo) {
    movement.paymentMethod = 'PIX';
    movement.payer = owner;
    movement.receiver = template.pixTo;
  }
  return movement;
}
