import type { Language } from '../../shared/models.ts';

/** What a transactions file spells out, in its language: the CSV and the workbook's sheet alike. */
export interface TransactionWords {
  header: readonly string[];
  posted: string;
  pending: string;
  business: string;
  personal: string;
  yes: string;
  no: string;
  /** A split's line: "1 de 3". Words, not "1/3", which a spreadsheet would read as a date. */
  part: (number: number, of: number) => string;
}

export const transactionWords: Record<Language, TransactionWords> = {
  'pt-BR': {
    header: [
      'Data',
      'Descrição',
      'Contraparte',
      'Banco',
      'Conta',
      'Categoria',
      'Valor',
      'Moeda',
      'Situação',
      'Uso',
      'Dedutível',
      'Etiquetas',
      'Observações',
      'ID Pluggy',
      'Parte',
    ],
    posted: 'Efetivada',
    pending: 'Pendente',
    business: 'Empresa',
    personal: 'Pessoal',
    yes: 'Sim',
    no: 'Não',
    part: (number, of) => `${number} de ${of}`,
  },
  en: {
    header: [
      'Date',
      'Description',
      'Counterparty',
      'Bank',
      'Account',
      'Category',
      'Amount',
      'Currency',
      'Status',
      'Usage',
      'Deductible',
      'Tags',
      'Notes',
      'Pluggy ID',
      'Part',
    ],
    posted: 'Posted',
    pending: 'Pending',
    business: 'Business',
    personal: 'Personal',
    yes: 'Yes',
    no: 'No',
    part: (number, of) => `${number} of ${of}`,
  },
};
