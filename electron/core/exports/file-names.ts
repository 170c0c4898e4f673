import type { ExportFormat } from '../../shared/exports.ts';
import type { Language } from '../../shared/models.ts';
import type { TransactionFilters } from '../../shared/transactions.ts';

/** What the save dialog offers: a file name, and the one extension the format writes. */
export interface SaveSuggestion {
  name: string;
  extension: ExportFormat;
}

const kinds: Record<ExportFormat, 'transactions' | 'books' | 'statement' | 'report'> = {
  csv: 'transactions',
  xlsx: 'books',
  ofx: 'statement',
  pdf: 'report',
};

const words: Record<Language, Record<(typeof kinds)[ExportFormat], string>> = {
  'pt-BR': { transactions: 'transacoes', books: 'livros', statement: 'extrato', report: 'relatorio' },
  en: { transactions: 'transactions', books: 'books', statement: 'statement', report: 'report' },
};

/**
 * A file name that says what the file holds and for when, in the user's language, safe on
 * every file system: "balancete-transacoes-2026-01-01-a-2026-12-31.csv".
 */
export function suggestedFileName(
  format: ExportFormat,
  filters: TransactionFilters,
  language: Language,
  accountName?: string,
): SaveSuggestion {
  const kind = kinds[format];
  const period =
    filters.from || filters.to ? [filters.from ?? '', filters.to ?? ''].join(language === 'en' ? '-to-' : '-a-') : '';
  const account = accountName
    ?.normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  const parts = ['balancete', words[language][kind], account, period].filter(Boolean);
  return { name: `${parts.join('-')}.${format}`, extension: format };
}
