import { z } from 'zod';

/**
 * What the app reads from Pluggy, validated where it is used and lenient elsewhere:
 * unknown fields are dropped (Pluggy adds fields without notice; a transaction's are kept,
 * for its stored copy), enums are open strings (Pluggy adds values too), and optional
 * fields accept both null and absence (Pluggy's API sends null where its spec says a
 * field may be left out).
 */
const text = z.string();
const optionalText = z.string().nullish();
const optionalNumber = z.number().nullish();

export const PageEnvelope = <T extends z.ZodType>(item: T) =>
  z.object({
    page: z.number().int().min(0),
    total: z.number().int().min(0),
    totalPages: z.number().int().min(0),
    results: z.array(item),
  });

export const Connector = z.object({
  id: z.number().int(),
  name: text,
  imageUrl: optionalText,
  primaryColor: optionalText,
  type: optionalText,
  country: optionalText,
  institutionUrl: optionalText,
  credentials: z
    .array(
      z.object({
        name: text,
        label: text,
        type: text,
        validation: optionalText,
        validationMessage: optionalText,
        placeholder: optionalText,
        assistiveText: optionalText,
        optional: z.boolean().nullish(),
        mfa: z.boolean().nullish(),
        options: z.array(z.object({ value: text, label: text })).nullish(),
      }),
    )
    .nullish(),
  hasMFA: z.boolean().nullish(),
  oauth: z.boolean().nullish(),
  isOpenFinance: z.boolean().nullish(),
  isSandbox: z.boolean().nullish(),
  health: z.object({ status: optionalText }).nullish(),
});
export type Connector = z.infer<typeof Connector>;

export const ItemParameter = z.object({
  name: text,
  label: text,
  type: text,
  assistiveText: optionalText,
  placeholder: optionalText,
  validation: optionalText,
  validationMessage: optionalText,
  expiresAt: optionalText,
  options: z.array(z.object({ value: text, label: text })).nullish(),
  /** A QR code's image, or for an Open Finance login the address of the bank's OAuth page. */
  data: optionalText,
});

export const Item = z.object({
  id: text,
  connector: Connector,
  status: text,
  executionStatus: text,
  error: z.object({ code: text, message: text, providerMessage: optionalText }).nullish(),
  parameter: ItemParameter.nullish(),
  createdAt: optionalText,
  updatedAt: optionalText,
  lastUpdatedAt: optionalText,
  nextAutoSyncAt: optionalText,
  consentExpiresAt: optionalText,
  consecutiveFailedLoginAttempts: optionalNumber,
  statusDetail: z.record(z.string(), z.unknown()).nullish(),
});
export type Item = z.infer<typeof Item>;

export const Account = z.object({
  id: text,
  itemId: text,
  type: text,
  subtype: optionalText,
  name: text,
  marketingName: optionalText,
  number: optionalText,
  balance: z.number(),
  currencyCode: text,
  owner: optionalText,
  taxNumber: optionalText,
  bankData: z.object({ transferNumber: optionalText, closingBalance: optionalNumber }).nullish(),
  creditData: z
    .object({
      level: optionalText,
      brand: optionalText,
      balanceCloseDate: optionalText,
      balanceDueDate: optionalText,
      availableCreditLimit: optionalNumber,
      creditLimit: optionalNumber,
      minimumPayment: optionalNumber,
    })
    .nullish(),
  updatedAt: optionalText,
});
export type Account = z.infer<typeof Account>;

const Participant = z.object({
  name: optionalText,
  documentNumber: z.object({ type: optionalText, value: optionalText }).nullish(),
});

/** Kept whole, fields we do not model included: the app stores each row as Pluggy sent it (`raw`). */
export const Transaction = z.looseObject({
  id: text,
  accountId: text,
  description: text,
  descriptionRaw: optionalText,
  amount: z.number(),
  amountInAccountCurrency: optionalNumber,
  currencyCode: text,
  date: text,
  type: optionalText,
  status: optionalText,
  category: optionalText,
  categoryId: optionalText,
  operationType: optionalText,
  paymentData: z
    .object({ payer: Participant.nullish(), receiver: Participant.nullish(), paymentMethod: optionalText })
    .nullish(),
  creditCardMetadata: z
    .object({
      installmentNumber: optionalNumber,
      totalInstallments: optionalNumber,
      totalAmount: optionalNumber,
      purchaseDate: optionalText,
      billId: optionalText,
    })
    .nullish(),
  merchant: z.object({ name: optionalText, businessName: optionalText, cnpj: optionalText }).nullish(),
  createdAt: optionalText,
  updatedAt: optionalText,
});
export type Transaction = z.infer<typeof Transaction>;

/** A v2 page: its rows are checked one by one afterwards (see PluggyClient.transactionsPage). */
export const TransactionCursorPage = z.object({ results: z.array(z.unknown()), next: z.string().nullable() });

export const Category = z.object({
  id: text,
  description: text,
  descriptionTranslated: optionalText,
  parentId: optionalText,
  parentDescription: optionalText,
});
export type Category = z.infer<typeof Category>;

export const Bill = z.object({
  id: text,
  dueDate: text,
  billClosingDate: optionalText,
  totalAmount: z.number(),
  totalAmountCurrencyCode: optionalText,
  minimumPaymentAmount: optionalNumber,
});
export type Bill = z.infer<typeof Bill>;

export const Identity = z.object({
  id: text,
  itemId: optionalText,
  fullName: optionalText,
  socialName: optionalText,
  document: optionalText,
  documentType: optionalText,
  taxNumber: optionalText,
  companyName: optionalText,
  emails: z.array(z.object({ value: optionalText })).nullish(),
});
export type Identity = z.infer<typeof Identity>;

export const Investment = z.object({
  id: text,
  itemId: optionalText,
  name: text,
  type: text,
  subtype: optionalText,
  balance: z.number(),
  currencyCode: text,
  date: optionalText,
  status: optionalText,
});
export type Investment = z.infer<typeof Investment>;

export const ApiKeyAnswer = z.object({ apiKey: text });
export const ConnectTokenAnswer = z.object({ accessToken: text });
export const CountAnswer = z.object({ count: z.number() }).or(z.undefined());

/** Pluggy's error body (`GlobalErrorResponse`), read as leniently as the rest. */
export const ErrorBody = z.object({
  code: z.number().nullish(),
  message: optionalText,
  codeDescription: optionalText,
  data: z.unknown().optional(),
});
