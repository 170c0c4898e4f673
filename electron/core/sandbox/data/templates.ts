import { between, weightedPicker } from './random.ts';

/**
 * The kinds of movement a Brazilian freelancer's accounts show (besides the paired
 * transfers between own accounts, which item-data.ts schedules), with realistic
 * descriptions, amounts, counterparties and Pluggy category ids. Amounts are cents in
 * Pluggy's sign convention for the account: bank outflows negative; on a credit card,
 * purchases positive and payments negative.
 */
export type AccountKind = 'checking' | 'savings' | 'card';

export interface Party {
  name: string;
  document: { type: 'CPF' | 'CNPJ'; value: string };
}

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
  merchant?: { name: string; businessName: string; cnpj: string; cnae?: string };
  installment?: { number: number; total: number; totalAmountCents: number };
  operationType?: string;
}

export const owner: Party = { name: 'John Doe', document: { type: 'CPF', value: '76109277673' } };

const clients: readonly Party[] = [
  { name: 'ACME TECNOLOGIA LTDA', document: { type: 'CNPJ', value: '11222333000181' } },
  { name: 'ESTUDIO MOSAICO DESIGN LTDA', document: { type: 'CNPJ', value: '45997418000153' } },
  { name: 'JOAO PEDRO DA SILVA', document: { type: 'CPF', value: '39053344705' } },
  { name: 'CONSTRUTORA HORIZONTE S.A.', document: { type: 'CNPJ', value: '60701190000104' } },
  { name: 'MARIA FERNANDA SOUZA', document: { type: 'CPF', value: '52998224725' } },
];

const landlord: Party = { name: 'IMOBILIARIA CENTRO LTDA', document: { type: 'CNPJ', value: '27865757000102' } };
const receita: Party = { name: 'RECEITA FEDERAL', document: { type: 'CNPJ', value: '00394460005887' } };

interface Template {
  /** How often it happens, relative to the account's other templates (an account gets ~55 rows a month). */
  weight: number;
  make(random: () => number): Movement;
}

const brl = (cents: number): Omit<Movement, 'description' | 'categoryId'> => ({
  amountCents: cents,
  currencyCode: 'BRL',
});

const monthly = 0.65;

const checking: readonly Template[] = [
  {
    weight: 1.5,
    make: (r) => {
      const client = clients[between(0, clients.length - 1, r())] ?? clients[0];
      const pix = r() < 0.75;
      return {
        description: pix ? `PIX RECEBIDO ${client?.name ?? ''}` : `TED RECEBIDA ${client?.name ?? ''}`,
        ...brl(between(1500_00, 6000_00, r())),
        categoryId: '01030000',
        paymentMethod: pix ? 'PIX' : 'TED',
        ...(client ? { payer: client } : {}),
        receiver: owner,
      };
    },
  },
  {
    weight: monthly,
    make: () => ({
      description: 'PIX ENVIADO IMOBILIARIA CENTRO ALUGUEL',
      ...brl(-2450_00),
      categoryId: '17010000',
      paymentMethod: 'PIX',
      payer: owner,
      receiver: landlord,
    }),
  },
  {
    weight: monthly,
    make: (r) => ({
      description: 'ENEL DISTRIBUICAO SP',
      ...brl(-between(140_00, 380_00, r())),
      categoryId: '17020002',
      paymentMethod: 'BOLETO',
    }),
  },
  {
    weight: monthly,
    make: (r) => ({
      description: 'SABESP CONTA AGUA',
      ...brl(-between(60_00, 140_00, r())),
      categoryId: '17020001',
      paymentMethod: 'BOLETO',
    }),
  },
  {
    weight: monthly,
    make: () => ({
      description: 'VIVO FIBRA INTERNET',
      ...brl(-129_90),
      categoryId: '07010001',
      paymentMethod: 'BOLETO',
    }),
  },
  {
    weight: monthly,
    make: () => ({
      description: 'DAS SIMPLES NACIONAL MEI',
      ...brl(-75_90),
      categoryId: '15000000',
      paymentMethod: 'BOLETO',
      receiver: receita,
    }),
  },
  {
    weight: monthly,
    make: () => ({
      description: 'GPS INSS CONTRIBUINTE INDIVIDUAL',
      ...brl(-303_60),
      categoryId: '15000000',
      paymentMethod: 'BOLETO',
      receiver: receita,
    }),
  },
  {
    weight: monthly,
    make: () => ({ description: 'TARIFA PACOTE DE SERVICOS', ...brl(-39_90), categoryId: '16010000' }),
  },
  {
    weight: 6,
    make: (r) => ({
      description: 'COMPRA DEBITO PAO DE ACUCAR',
      ...brl(-between(35_00, 420_00, r())),
      categoryId: '10000000',
    }),
  },
  {
    weight: 3,
    make: (r) => ({
      description: 'COMPRA DEBITO DROGASIL',
      ...brl(-between(18_00, 160_00, r())),
      categoryId: '18020000',
    }),
  },
  {
    weight: 3,
    make: (r) => ({
      description: 'PIX ENVIADO PADARIA SAO JOSE',
      ...brl(-between(8_00, 45_00, r())),
      categoryId: '11010000',
      paymentMethod: 'PIX',
      payer: owner,
      receiver: { name: 'PADARIA SAO JOSE LTDA', document: { type: 'CNPJ', value: '19131243000197' } },
    }),
  },
];

const savings: readonly Template[] = [
  {
    weight: 4,
    make: (r) => ({ description: 'RENDIMENTO POUPANCA', ...brl(between(5_00, 90_00, r())), categoryId: '03060000' }),
  },
];

const merchants = [
  {
    name: 'UBER',
    businessName: 'UBER DO BRASIL TECNOLOGIA LTDA',
    cnpj: '17895646000187',
    category: '19010000',
    min: 12_00,
    max: 68_00,
  },
  {
    name: 'IFOOD',
    businessName: 'IFOOD.COM AGENCIA DE RESTAURANTES ONLINE S.A.',
    cnpj: '14380200000121',
    category: '11020000',
    min: 28_00,
    max: 140_00,
  },
  {
    name: 'POSTO SHELL',
    businessName: 'RAIZEN S.A.',
    cnpj: '33453598000123',
    category: '19050001',
    min: 80_00,
    max: 320_00,
  },
  {
    name: 'KALUNGA',
    businessName: 'KALUNGA COMERCIO E INDUSTRIA GRAFICA LTDA',
    cnpj: '43283811000150',
    category: '08080000',
    min: 15_00,
    max: 240_00,
  },
  {
    name: 'RESTAURANTE CAFÉ & CIA',
    businessName: 'CAFE E CIA ALIMENTOS LTDA',
    cnpj: '08765432000110',
    category: '11010000',
    min: 25_00,
    max: 180_00,
  },
] as const;

const subscriptions = [
  { description: 'GITHUB.COM', usdCents: 4_00, category: '08010000' },
  { description: 'NETFLIX.COM', usdCents: 15_49, category: '09020000' },
  { description: 'SPOTIFY', usdCents: 11_99, category: '09030000' },
  { description: 'AWS EMEA', usdCents: 23_17, category: '07010001' },
] as const;

const card: readonly Template[] = [
  {
    weight: 10,
    make: (r) => {
      const merchant = merchants[between(0, merchants.length - 1, r())] ?? merchants[0];
      return {
        description: merchant.name,
        ...brl(between(merchant.min, merchant.max, r())),
        categoryId: merchant.category,
        merchant: { name: merchant.name, businessName: merchant.businessName, cnpj: merchant.cnpj },
      };
    },
  },
  {
    weight: 3,
    make: (r) => {
      const subscription = subscriptions[between(0, subscriptions.length - 1, r())] ?? subscriptions[0];
      // Dollar rate between R$ 4,90 and R$ 5,90, plus 4.38% IOF, as a Brazilian card bills it.
      const rate = 4.9 + r();
      return {
        description: subscription.description,
        amountCents: subscription.usdCents,
        currencyCode: 'USD',
        amountInAccountCurrencyCents: Math.round(subscription.usdCents * rate * 1.0438),
        categoryId: subscription.category,
      };
    },
  },
  {
    weight: 3,
    make: (r) => {
      const total = between(3, 12, r());
      const totalAmountCents = between(600_00, 6000_00, r());
      const number = between(1, total, r());
      const item = r() < 0.5 ? 'MAGAZINE LUIZA NOTEBOOK' : 'FAST SHOP MONITOR';
      return {
        description: `${item} PARC ${String(number).padStart(2, '0')}/${String(total).padStart(2, '0')}`,
        ...brl(Math.round(totalAmountCents / total)),
        categoryId: '08020000',
        installment: { number, total, totalAmountCents },
      };
    },
  },
  { weight: 1, make: () => ({ description: 'ANUIDADE CARTAO', ...brl(35_00), categoryId: '16030000' }) },
  {
    weight: 1,
    make: (r) => ({ description: 'ESTORNO IFOOD', ...brl(-between(20_00, 90_00, r())), categoryId: '11020000' }),
  },
];

const pickers: Record<AccountKind, (random: number) => Template> = {
  checking: weightedPicker(checking),
  savings: weightedPicker(savings),
  card: weightedPicker(card),
};

/** A movement for an account, drawn from a random stream seeded for that row. */
export function movementFor(kind: AccountKind, random: () => number): Movement {
  return pickers[kind](random()).make(random);
}
