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
}

export const transactionWords: Record<Language, TransactionWords> = {
  'pt-BR': {
    header: [
      'Data',
      'Descrição',
      'Contraparte',
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
    ],
    posted: 'Efetivada',
    pending: 'Pendente',
    business: 'Empresa',
    personal: 'Pessoal',
    yes: 'Sim',
    no: 'Não',
  },
  en: {
    header: [
      'Date',
      'Description',
      'Counterparty',
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
    ],
    posted: 'Posted',
    pending: 'Pending',
    business: 'Business',
    personal: 'Personal',
    yes: 'Yes',
    no: 'No',
  },
};
