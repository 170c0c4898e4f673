/**
 * The sandbox's connector catalogue: Pluggy's sandbox bank in its MFA variants and over Open
 * Finance, plus a handful of ordinary Brazilian banks, shaped like the spec's `Connector` so the app's connector picker,
 * credential form and MFA prompt see what Pluggy would send.
 *
 * Sandbox behaviour that Pluggy never serialises (how many MFA rounds a login takes) lives in
 * `mfaSteps`, apart from the connector objects, so a route can return a connector as-is.
 */

/** The spec's `CredentialSelectOption`. */
export interface CredentialSelectOption {
  value: string;
  label: string;
}

/** The spec's `ConnectorCredential`; `optional` is not in the schema but Pluggy sends it (see its Itaú example). */
export interface ConnectorCredential {
  name: string;
  label: string;
  type: 'text' | 'password' | 'number' | 'image' | 'select';
  assistiveText?: string;
  data?: string;
  placeholder?: string;
  validation?: string;
  validationMessage?: string;
  optional?: boolean;
  mfa?: boolean;
  options?: CredentialSelectOption[];
}

/** The spec's `ConnectorHealth`, without `details` (only sent with `healthDetails=true`). */
export interface ConnectorHealth {
  status: 'ONLINE' | 'OFFLINE' | 'UNSTABLE';
  stage: string | null;
}

/** The spec's `Connector.products` enum. */
export type ConnectorProduct =
  | 'ACCOUNTS'
  | 'CREDIT_CARDS'
  | 'TRANSACTIONS'
  | 'PAYMENT_DATA'
  | 'INVESTMENTS'
  | 'INVESTMENTS_TRANSACTIONS'
  | 'IDENTITY'
  | 'BROKERAGE_NOTE'
  | 'MOVE_SECURITY'
  | 'LOANS';

/** The `types` filter enum of `GET /connectors`. */
export type ConnectorType =
  'PERSONAL_BANK' | 'BUSINESS_BANK' | 'INVESTMENT' | 'INVOICE' | 'TELECOMMUNICATION' | 'OTHER';

/** The spec's `Connector`, plus `isSandbox`, which Pluggy sends although the schema omits it. */
export interface SandboxConnector {
  id: number;
  name: string;
  institutionUrl: string;
  imageUrl: string;
  primaryColor: string;
  type: ConnectorType;
  country: string;
  credentials: ConnectorCredential[];
  hasMFA: boolean;
  products: ConnectorProduct[];
  oauth: boolean;
  oauthUrl?: string;
  resetPasswordUrl?: string;
  health: ConnectorHealth;
  isOpenFinance: boolean;
  isSandbox: boolean;
  supportsPaymentInitiation: boolean;
  supportsScheduledPayments: boolean;
  supportsSmartTransfers: boolean;
  supportsBoletoManagement: boolean;
  supportsAutomaticPix: boolean;
  createdAt: string;
  updatedAt: string;
}

/** Asked through `item.parameter` after a successful login, once per MFA step. */
export const mfaParameter: ConnectorCredential = {
  name: 'token',
  label: 'Token',
  type: 'number',
  placeholder: '123456',
  assistiveText: 'Digite o código de 6 dígitos enviado pelo banco (no sandbox: 123456).',
  validation: '^\\d{6}$',
  validationMessage: 'O token deve ter 6 dígitos.',
  optional: false,
  mfa: true,
};

// Builders return fresh objects so no two connectors share (and could jointly mutate) a credential.
const cpf = (validation = '^\\d{11}$'): ConnectorCredential => ({
  name: 'cpf',
  label: 'CPF',
  type: 'number',
  placeholder: '000.000.000-00',
  validation,
  validationMessage: 'CPF deve ter 11 números.',
  optional: false,
});

const password = (label: string, validation: string, validationMessage: string): ConnectorCredential => ({
  name: 'password',
  label,
  type: 'password',
  validation,
  validationMessage,
  optional: false,
});

const agency = (): ConnectorCredential => ({
  name: 'agency',
  label: 'Agência',
  type: 'number',
  placeholder: '0000',
  validation: '^\\d{4}$',
  validationMessage: 'A agência deve ter 4 números, sem o dígito.',
  optional: false,
});

const account = (): ConnectorCredential => ({
  name: 'account',
  label: 'Conta',
  type: 'text',
  placeholder: '00000-0',
  validation: '^\\d{1,12}-?[\\dXx]$',
  validationMessage: 'Informe a conta com o dígito, por exemplo 12345-6.',
  optional: false,
});

const sandboxCredentials = (): ConnectorCredential[] => [
  {
    name: 'user',
    label: 'User',
    type: 'text',
    placeholder: 'user-ok',
    validation: '^user-.{2,50}$',
    validationMessage: "The user must start with 'user-' followed by 2 to 50 characters, e.g. user-ok.",
    optional: false,
  },
  {
    name: 'password',
    label: 'Password',
    type: 'password',
    placeholder: 'password-ok',
    validation: '^.{6,20}$',
    validationMessage: 'The password must have 6 to 20 characters, e.g. password-ok.',
    optional: false,
  },
];

const cdnIcon = (name: string) => `https://cdn.pluggy.ai/assets/connector-icons/${name}.svg`;

const online = (): ConnectorHealth => ({ status: 'ONLINE', stage: null });

/** Open Finance connectors pay and move money; screen-scraping ones only read. */
const noPayments = {
  supportsPaymentInitiation: false,
  supportsScheduledPayments: false,
  supportsSmartTransfers: false,
  supportsBoletoManagement: false,
  supportsAutomaticPix: false,
} as const;

const allPayments = {
  supportsPaymentInitiation: true,
  supportsScheduledPayments: true,
  supportsSmartTransfers: true,
  supportsBoletoManagement: true,
  supportsAutomaticPix: true,
} as const;

type MfaSteps = 0 | 1 | 2;

/** `hasMFA` is derived from the step count so the two can never disagree. */
interface Definition {
  mfaSteps: MfaSteps;
  connector: Omit<SandboxConnector, 'hasMFA'>;
}

const sandboxBank = (id: number, name: string, steps: MfaSteps): Definition => ({
  mfaSteps: steps,
  connector: {
    id,
    name,
    institutionUrl: 'https://pluggy.ai',
    imageUrl: cdnIcon('sandbox'),
    primaryColor: 'ef294b',
    type: 'PERSONAL_BANK',
    country: 'BR',
    credentials: sandboxCredentials(),
    products: ['ACCOUNTS', 'CREDIT_CARDS', 'TRANSACTIONS', 'INVESTMENTS', 'IDENTITY', 'LOANS'],
    oauth: false,
    health: online(),
    isOpenFinance: false,
    isSandbox: true,
    ...noPayments,
    createdAt: '2020-06-15T13:20:00.000Z',
    updatedAt: '2024-03-04T10:00:00.000Z',
  },
});

/**
 * The sandbox bank over Open Finance: the same logins as Pluggy Bank (where a real bank would
 * show its own authorization page, which the sandbox has none of), all products, and a
 * consent that ends (items.ts), so consent warnings and renewals can be seen and tested.
 */
const openFinanceSandboxBank = (id: number, name: string, type: ConnectorType): Definition => ({
  mfaSteps: 0,
  connector: {
    ...sandboxBank(id, name, 0).connector,
    type,
    products: ['ACCOUNTS', 'CREDIT_CARDS', 'TRANSACTIONS', 'PAYMENT_DATA', 'INVESTMENTS', 'IDENTITY', 'LOANS'],
    oauth: true,
    isOpenFinance: true,
    createdAt: '2023-09-01T18:00:00.000Z',
  },
});

const definitions: readonly Definition[] = [
  sandboxBank(0, 'Pluggy Bank', 0),
  sandboxBank(2, 'Pluggy Bank MFA', 1),
  sandboxBank(5, 'Pluggy Bank MFA 2-step', 2),
  openFinanceSandboxBank(10, 'Pluggy Bank Open Finance', 'PERSONAL_BANK'),
  openFinanceSandboxBank(11, 'Pluggy Bank Open Finance Empresas', 'BUSINESS_BANK'),
  {
    mfaSteps: 1,
    connector: {
      id: 212,
      name: 'Nubank',
      institutionUrl: 'https://nubank.com.br',
      imageUrl: cdnIcon('212'),
      primaryColor: '820ad1',
      type: 'PERSONAL_BANK',
      country: 'BR',
      credentials: [cpf(), password('Senha', '^.{6,30}$', 'A senha deve ter de 6 a 30 caracteres.')],
      products: ['ACCOUNTS', 'CREDIT_CARDS', 'TRANSACTIONS', 'INVESTMENTS', 'IDENTITY'],
      oauth: false,
      resetPasswordUrl: 'https://nubank.com.br/esqueci-minha-senha',
      health: online(),
      isOpenFinance: false,
      isSandbox: false,
      ...noPayments,
      createdAt: '2020-08-19T17:41:09.000Z',
      updatedAt: '2024-06-11T09:30:00.000Z',
    },
  },
  {
    // Mirrors the spec's own Connector example (Itaú over Open Finance: CPF only, then OAuth at the bank).
    mfaSteps: 0,
    connector: {
      id: 601,
      name: 'Itaú',
      institutionUrl: 'https://www.itau.com.br',
      imageUrl: cdnIcon('201'),
      primaryColor: 'ec7000',
      type: 'PERSONAL_BANK',
      country: 'BR',
      credentials: [cpf('^\\d{3}\\.?\\d{3}\\.?\\d{3}-?\\d{2}$')],
      products: ['ACCOUNTS', 'TRANSACTIONS', 'IDENTITY', 'CREDIT_CARDS', 'PAYMENT_DATA', 'LOANS', 'INVESTMENTS'],
      oauth: true,
      health: online(),
      isOpenFinance: true,
      isSandbox: false,
      ...allPayments,
      createdAt: '2023-09-01T18:05:09.145Z',
      updatedAt: '2024-07-16T15:34:08.028Z',
    },
  },
  {
    mfaSteps: 0,
    connector: {
      id: 211,
      name: 'Banco do Brasil',
      institutionUrl: 'https://www.bb.com.br',
      imageUrl: cdnIcon('211'),
      primaryColor: 'fcf800',
      type: 'PERSONAL_BANK',
      country: 'BR',
      credentials: [agency(), account(), password('Senha', '^\\d{8}$', 'A senha deve ter 8 números.')],
      products: ['ACCOUNTS', 'CREDIT_CARDS', 'TRANSACTIONS', 'INVESTMENTS', 'IDENTITY'],
      oauth: false,
      resetPasswordUrl: 'https://www.bb.com.br/site/atendimento/senhas',
      health: online(),
      isOpenFinance: false,
      isSandbox: false,
      ...noPayments,
      createdAt: '2020-07-02T14:12:45.000Z',
      updatedAt: '2024-05-20T11:05:00.000Z',
    },
  },
  {
    mfaSteps: 1,
    connector: {
      id: 203,
      name: 'Bradesco',
      institutionUrl: 'https://banco.bradesco',
      imageUrl: cdnIcon('203'),
      primaryColor: 'cc092f',
      type: 'PERSONAL_BANK',
      country: 'BR',
      credentials: [agency(), account(), password('Senha de 4 dígitos', '^\\d{4}$', 'A senha deve ter 4 números.')],
      products: ['ACCOUNTS', 'CREDIT_CARDS', 'TRANSACTIONS', 'INVESTMENTS', 'IDENTITY', 'LOANS'],
      oauth: false,
      health: online(),
      isOpenFinance: false,
      isSandbox: false,
      ...noPayments,
      createdAt: '2020-07-02T14:15:30.000Z',
      updatedAt: '2024-04-08T16:45:00.000Z',
    },
  },
  {
    // The one `select` credential, and the one unhealthy connector, so both UI paths get exercised.
    mfaSteps: 0,
    connector: {
      id: 208,
      name: 'Santander',
      institutionUrl: 'https://www.santander.com.br',
      imageUrl: cdnIcon('208'),
      primaryColor: 'ec0000',
      type: 'PERSONAL_BANK',
      country: 'BR',
      credentials: [
        cpf(),
        {
          name: 'holder',
          label: 'Titularidade',
          type: 'select',
          assistiveText: 'Em contas conjuntas, escolha qual titular está entrando.',
          optional: false,
          options: [
            { value: '1', label: 'Primeiro titular' },
            { value: '2', label: 'Segundo titular' },
          ],
        },
        password('Senha', '^\\d{8}$', 'A senha deve ter 8 números.'),
      ],
      products: ['ACCOUNTS', 'CREDIT_CARDS', 'TRANSACTIONS', 'IDENTITY'],
      oauth: false,
      health: { status: 'UNSTABLE', stage: null },
      isOpenFinance: false,
      isSandbox: false,
      ...noPayments,
      createdAt: '2020-07-02T14:20:10.000Z',
      updatedAt: '2024-07-01T08:00:00.000Z',
    },
  },
  {
    mfaSteps: 0,
    connector: {
      id: 619,
      name: 'Caixa Econômica Federal',
      institutionUrl: 'https://www.caixa.gov.br',
      imageUrl: cdnIcon('219'),
      primaryColor: '0070af',
      type: 'PERSONAL_BANK',
      country: 'BR',
      credentials: [cpf()],
      products: ['ACCOUNTS', 'CREDIT_CARDS', 'TRANSACTIONS', 'PAYMENT_DATA', 'IDENTITY', 'LOANS'],
      oauth: true,
      health: online(),
      isOpenFinance: true,
      isSandbox: false,
      ...allPayments,
      createdAt: '2023-09-01T18:07:41.000Z',
      updatedAt: '2024-06-25T13:10:00.000Z',
    },
  },
  {
    mfaSteps: 0,
    connector: {
      id: 215,
      name: 'Inter',
      institutionUrl: 'https://inter.co',
      imageUrl: cdnIcon('215'),
      primaryColor: 'ff7a00',
      type: 'PERSONAL_BANK',
      country: 'BR',
      credentials: [cpf(), password('Senha', '^.{6,20}$', 'A senha deve ter de 6 a 20 caracteres.')],
      products: ['ACCOUNTS', 'CREDIT_CARDS', 'TRANSACTIONS', 'INVESTMENTS', 'INVESTMENTS_TRANSACTIONS', 'IDENTITY'],
      oauth: false,
      health: online(),
      isOpenFinance: false,
      isSandbox: false,
      ...noPayments,
      createdAt: '2021-02-19T13:40:57.938Z',
      updatedAt: '2024-05-02T19:20:00.000Z',
    },
  },
];

export const connectors: readonly SandboxConnector[] = definitions.map(({ mfaSteps: steps, connector }) => ({
  ...connector,
  hasMFA: steps > 0,
}));

/** Connector id → how many MFA tokens a login asks for, one after the other. */
export const mfaSteps: ReadonlyMap<number, MfaSteps> = new Map(
  definitions.map(({ mfaSteps: steps, connector }) => [connector.id, steps]),
);

const byId: ReadonlyMap<number, SandboxConnector> = new Map(connectors.map((connector) => [connector.id, connector]));

export function connectorById(id: number): SandboxConnector | undefined {
  return byId.get(id);
}
