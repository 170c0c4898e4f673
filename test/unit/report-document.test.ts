/**
 * The PDF report's small parts (issue 8): CPF/CNPJ checked and written as people write
 * them, the holder taken from Pluggy's identity, the report page's address, and the file
 * name offered for the report.
 */
import { describe, expect, it } from 'vitest';
import { suggestedFileName } from '../../electron/core/exports/file-names.ts';
import type { Identity } from '../../electron/core/pluggy/models.ts';
import { toHolder } from '../../electron/core/sync/account-holders.ts';
import { reportPagePath, reportPageQuery } from '../../electron/shared/report-page.ts';
import { formatTaxId, taxIdKind } from '../../electron/shared/tax-id.ts';

describe('CPF and CNPJ', () => {
  it('are told apart by their check digits, punctuation or not', () => {
    expect(taxIdKind('761.092.776-73')).toBe('CPF');
    expect(taxIdKind('76109277673')).toBe('CPF');
    expect(taxIdKind('11.222.333/0001-81')).toBe('CNPJ');
    expect(taxIdKind('761.092.776-74')).toBeNull();
    expect(taxIdKind('11222333000182')).toBeNull();
    expect(taxIdKind('111.111.111-11')).toBeNull();
    expect(taxIdKind('')).toBeNull();
  });

  it('are written with their usual punctuation; anything else as given', () => {
    expect(formatTaxId('76109277673')).toBe('761.092.776-73');
    expect(formatTaxId('11222333000181')).toBe('11.222.333/0001-81');
    expect(formatTaxId('123')).toBe('123');
  });
});

describe("the holder from Pluggy's identity", () => {
  const identity = (fields: Partial<Identity>): Identity => ({ id: 'identity-1', ...fields });

  it('is the person, by their social name when they have one', () => {
    expect(toHolder(identity({ fullName: 'John Doe', document: '761.092.776-73', documentType: 'CPF' }))).toEqual({
      name: 'John Doe',
      document: '76109277673',
      documentType: 'CPF',
    });
    expect(toHolder(identity({ fullName: 'Maria Silva', socialName: 'Mariana Silva' })).name).toBe('Mariana Silva');
  });

  it('is the company on a business connection (companyName and its CNPJ in taxNumber)', () => {
    expect(
      toHolder(
        identity({
          fullName: 'João Pedro da Silva',
          document: '39053344705',
          taxNumber: '45997418000153',
          companyName: 'Estúdio Mosaico Design Ltda',
        }),
      ),
    ).toEqual({ name: 'Estúdio Mosaico Design Ltda', document: '45997418000153', documentType: 'CNPJ' });
  });

  it('keeps no number that is not a valid CPF or CNPJ', () => {
    expect(toHolder(identity({ fullName: 'John Doe', document: 'RG 12.345.678-9' }))).toEqual({
      name: 'John Doe',
      document: null,
      documentType: null,
    });
  });
});

describe("the report page's address", () => {
  it('carries the whole query there and back', () => {
    const query = { from: '2026-01-01', to: '2026-12-31', businessOnly: true, accountIds: ['a 1', 'b&2'] };
    const path = reportPagePath(query);
    expect(path.startsWith('/report.html?')).toBe(true);
    expect(reportPageQuery(new URL(path, 'app://balancete').searchParams)).toEqual(query);
    expect(reportPageQuery(new URLSearchParams('from=2026-01-01&to=2026-03-31'))).toEqual({
      from: '2026-01-01',
      to: '2026-03-31',
    });
  });

  it('names no query when the period is missing or backwards', () => {
    expect(reportPageQuery(new URLSearchParams('from=2026-01-01'))).toBeNull();
    expect(reportPageQuery(new URLSearchParams('from=2026-02-01&to=2026-01-01'))).toBeNull();
    // Days that do not exist, and years no books hold (a typo for 2026 would mean centuries of months).
    expect(reportPageQuery(new URLSearchParams('from=2026-02-01&to=2026-02-31'))).toBeNull();
    expect(reportPageQuery(new URLSearchParams('from=0202-01-01&to=2026-01-31'))).toBeNull();
    expect(reportPageQuery(new URLSearchParams('from=2024-02-29&to=2024-02-29'))).not.toBeNull();
  });
});

it('offers the report under a name that says what and when, in the user’s language', () => {
  const period = { from: '2026-01-01', to: '2026-12-31' };
  expect(suggestedFileName('pdf', period, 'pt-BR')).toEqual({
    name: 'balancete-relatorio-2026-01-01-a-2026-12-31.pdf',
    extension: 'pdf',
  });
  expect(suggestedFileName('pdf', period, 'en').name).toBe('balancete-report-2026-01-01-to-2026-12-31.pdf');
});
