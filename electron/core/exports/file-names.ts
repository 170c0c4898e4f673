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

/** Text as a file name's part: no accents, lower case, words joined by hyphens. */
function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** A nickname can be long: a file name keeps its first words. */
const accountPartSize = 80;

/**
 * A file name that says what the file holds and for when, in the user's language, safe on
 * every file system: "balancete-transacoes-2026-01-01-a-2026-12-31.csv". One account's
 * file (OFX) names it as the screens do, with its bank first even when the user's
 * nickname leaves it out: "balancete-extrato-itau-conta-corrente-2345-0-….ofx".
 */
export function suggestedFileName(
  format: ExportFormat,
  filters: TransactionFilters,
  language: Language,
  account?: { institution: string; displayName: string },
): SaveSuggestion {
  const kind = kinds[format];
  const period =
    filters.from || filters.to ? [filters.from ?? '', filters.to ?? ''].join(language === 'en' ? '-to-' : '-a-') : '';
  const bank = account && slug(account.institution);
  const named = account && slug(account.displayName);
  const accountPart =
    bank !== undefined && named !== undefined
      ? (named === bank || named.startsWith(`${bank}-`) ? named : `${bank}-${named}`)
          .slice(0, accountPartSize)
          .replace(/-$/, '')
      : '';
  const parts = ['balancete', words[language][kind], accountPart, period].filter(Boolean);
  return { name: `${parts.join('-')}.${format}`, extension: format };
}
