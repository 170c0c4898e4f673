import { formatCnpj, formatCpf, isValidCnpj, isValidCpf } from '@brazilian-utils/brazilian-utils';
import { z } from 'zod';

/** A Brazilian tax id: a person's CPF (11 digits) or a company's CNPJ (14). */
export type TaxIdKind = 'CPF' | 'CNPJ';

/** Which kind a number is, by its check digits (any punctuation ignored); null when it is neither. */
export function taxIdKind(value: string): TaxIdKind | null {
  const digits = value.replace(/\D/g, '');
  if (digits.length === 11 && isValidCpf(digits)) return 'CPF';
  if (digits.length === 14 && isValidCnpj(digits)) return 'CNPJ';
  return null;
}

/** "761.092.776-73", "11.222.333/0001-81": how people write them; anything else as given. */
export function formatTaxId(value: string): string {
  const kind = taxIdKind(value);
  const digits = value.replace(/\D/g, '');
  return kind === 'CPF' ? formatCpf(digits) : kind === 'CNPJ' ? formatCnpj(digits) : value;
}

/**
 * A CPF or CNPJ as it is typed, punctuated as it grows: up to 11 digits as a CPF
 * ("123.456.789-01"), past that as a CNPJ ("11.222.333/0001-81"). Text with anything
 * but digits and the marks is left as typed, to be refused as it is.
 */
export function maskTaxIdTyping(text: string): string {
  const digits = text.replace(/[.\-/\s]/g, '');
  if (!/^\d*$/.test(digits) || digits.length > 14) return text;
  return digits.length <= 11 ? formatCpf(digits) : formatCnpj(digits);
}

/** A CPF or CNPJ with valid check digits, kept as digits only. */
export const TaxId = z
  .string()
  .transform((value) => value.replace(/\D/g, ''))
  .refine((digits) => taxIdKind(digits) !== null, { message: 'not a valid CPF or CNPJ' });
