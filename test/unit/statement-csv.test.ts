import { describe, expect, it } from 'vitest';
import { type CsvOptions, parseCsv, sampleCsv, sniffCsv } from '../../electron/core/imports/statement-csv.ts';
import { decodeStatement } from '../../electron/core/imports/statement-text.ts';
import { statementFailure as failure, statementFixture, sumOf as sum } from '../support/statements.ts';

const text = (name: string) => decodeStatement(statementFixture(name)).text;

/** What the user gets by accepting the proposal as it is. */
const sniffAndParse = (csv: string) => parseCsv(csv, sniffCsv(csv));

const ptBr: CsvOptions = {
  separator: ';',
  hasHeader: true,
  dateFormat: 'dd/mm/yyyy',
  decimalMark: ',',
  mapping: { date: 0, description: 1, amount: 2 },
};

describe('Brazilian banks\u2019 CSV exports', () => {
  it('Santander: preamble, debit and credit columns, balance column and lines left out', () => {
    const csv = text('santander-extrato.csv');
    const sniff = sniffCsv(csv);
    expect(sniff).toMatchObject({
      separator: ';',
      hasHeader: true,
      firstLine: 5,
      dateFormat: 'dd/mm/yyyy',
      decimalMark: ',',
      mapping: { date: 0, description: 1, credit: 4, debit: 5 },
      header: ['Data', 'Descrição', 'Docto', 'Situação', 'Crédito (R$)', 'Débito (R$)', 'Saldo (R$)'],
      columnCount: 7,
      defaulted: [],
      invertAmounts: false,
    });
    expect(sniff.mapping.amount).toBeUndefined();
    expect(sniff.preview[0]).toEqual(['01/11/2026', 'SALDO ANTERIOR', '', '', '', '', '1.000,00']);
    expect(sniff.previewLines.slice(0, 2)).toEqual([6, 7]);
    const rows = parseCsv(csv, sniff);
    expect(rows).toEqual([
      { line: 7, date: '2026-11-03', amountCents: 123456, description: 'PIX RECEBIDO MARIA DA CONCEIÇÃO' },
      { line: 8, date: '2026-11-04', amountCents: -35000, description: 'PAGAMENTO DE TÍTULO' },
      { line: 9, date: '2026-11-10', amountCents: -1, description: 'TARIFA MENSALIDADE PACOTE SERVIÇOS' },
    ]);
    // Opening balance plus the rows is the closing balance the file states.
    expect(100000 + sum(rows)).toBe(188455);
  });

  it('Bradesco: unsigned debits, detail lines below a transaction, totals and footer left out', () => {
    const csv = text('bradesco-extrato.csv');
    const sniff = sniffCsv(csv);
    expect(sniff).toMatchObject({
      separator: ';',
      firstLine: 3,
      mapping: { date: 0, description: 1, credit: 3, debit: 4 },
    });
    expect(parseCsv(csv, sniff)).toEqual([
      {
        line: 5,
        date: '2026-11-03',
        amountCents: 250000,
        description: 'TRANSFERENCIA PIX - REM: JOSÉ DA SILVA 03/11',
        memo: 'REM: JOSÉ DA SILVA 03/11',
      },
      {
        line: 7,
        date: '2026-11-05',
        amountCents: -120000,
        description: 'PAGTO ELETRON COBRANCA - TÍTULO ENERGIA ELÉTRICA',
        memo: 'TÍTULO ENERGIA ELÉTRICA',
      },
      {
        line: 9,
        date: '2026-11-12',
        amountCents: -4590,
        description: 'TARIFA BANCARIA - CESTA FÁCIL ECONÔMICA',
        memo: 'CESTA FÁCIL ECONÔMICA',
      },
    ]);
  });

  it('Itaú: no header; the amount is the first money column; SALDO lines left out', () => {
    const csv = text('itau-extrato.csv');
    const sniff = sniffCsv(csv);
    expect(sniff).toMatchObject({
      separator: ';',
      hasHeader: false,
      header: null,
      firstLine: 1,
      mapping: { date: 0, description: 1, amount: 2 },
      decimalMark: ',',
    });
    const rows = parseCsv(csv, sniff);
    expect(rows.map((row) => [row.line, row.date, row.amountCents, row.description])).toEqual([
      [2, '2026-11-03', 450000, 'PIX TRANSF ACME LTDA03/11'],
      [4, '2026-11-05', -123456, 'PAGAMENTO DE TÍTULO'],
      [5, '2026-11-05', -1000, 'SISPAG FORNECEDORES'],
      [6, '2026-11-10', -8990, 'TAR PACOTE SERVIÇOS'],
      [7, '2026-11-30', -1, 'IOF'],
    ]);
    // SALDO ANTERIOR + rows = the "S A L D O" line.
    expect(150000 + sum(rows)).toBe(466553);
  });

  it('Banco do Brasil: comma-separated, quoted, the details column as memo, "Saldo Anterior" and "S A L D O" left out', () => {
    const csv = text('bb-extrato.csv');
    const sniff = sniffCsv(csv);
    expect(sniff).toMatchObject({
      separator: ',',
      hasHeader: true,
      decimalMark: ',',
      mapping: { date: 0, description: 1, memo: 2, amount: 4 },
    });
    const rows = parseCsv(csv, sniff);
    expect(rows).toEqual([
      {
        line: 3,
        date: '2026-11-03',
        amountCents: -15000,
        description: 'Pix - Enviado - 03/11 10:15 João Ninguém',
        memo: '03/11 10:15 João Ninguém',
      },
      {
        line: 4,
        date: '2026-11-06',
        amountCents: -5990,
        description: 'Compra com Cartão - 05/11 19:42 PADARIA SÃO JOSÉ',
        memo: '05/11 19:42 PADARIA SÃO JOSÉ',
      },
      {
        line: 5,
        date: '2026-11-10',
        amountCents: 320000,
        description: 'Pix - Recebido - 10/11 09:01 Estúdio Criação Ltda',
        memo: '10/11 09:01 Estúdio Criação Ltda',
      },
    ]);
    expect(100000 + sum(rows)).toBe(399010);
  });

  it('Nubank card (date,title,amount): ISO dates, decimal point, purchases turned negative', () => {
    const csv = text('nubank-cartao.csv');
    const sniff = sniffCsv(csv);
    expect(sniff).toMatchObject({
      separator: ',',
      hasHeader: true,
      dateFormat: 'yyyy-mm-dd',
      decimalMark: '.',
      mapping: { date: 0, description: 1, amount: 2 },
      invertAmounts: true,
    });
    expect(parseCsv(csv, sniff).map((row) => [row.date, row.amountCents, row.description])).toEqual([
      ['2026-10-27', -5290, 'Padaria Pão Dourado'],
      ['2026-11-01', -19999, 'Adobe Creative Cloud - Parcela 3/12'],
      ['2026-11-05', -2345, 'Uber *Trip, São Paulo'],
      ['2026-11-10', 123456, 'Pagamento recebido'],
    ]);
  });

  it('Nubank account (Data,Valor,Identificador,Descrição): description from its header, not the id', () => {
    const csv = text('nubank-conta.csv');
    const sniff = sniffCsv(csv);
    expect(sniff).toMatchObject({
      separator: ',',
      dateFormat: 'dd/mm/yyyy',
      decimalMark: '.',
      mapping: { date: 0, amount: 1, description: 3 },
      invertAmounts: false,
    });
    const rows = parseCsv(csv, sniff);
    expect(rows.map((row) => row.amountCents)).toEqual([250000, -7619, -150, -100000]);
    expect(rows[0]?.description).toBe(
      'Transferência recebida pelo Pix - ACME LTDA - 12.345.678/0001-90 - BCO DO BRASIL S.A. (0001) Agência: 1234 Conta: 56789-0',
    );
    expect(rows[2]).toEqual({
      line: 4,
      date: '2026-11-13',
      amountCents: -150,
      description: 'Compra no débito - Café São Jorge',
    });
  });
});

describe('sniffCsv', () => {
  it('takes pt-BR defaults when the file says nothing, and says so', () => {
    const sniff = sniffCsv('PIX\nTARIFA\n');
    expect(sniff).toMatchObject({ separator: ';', decimalMark: ',', dateFormat: 'dd/mm/yyyy' });
    expect(sniff.defaulted).toEqual(expect.arrayContaining(['separator', 'dateFormat', 'decimalMark', 'mapping']));
  });

  it('proposes mm/dd/yyyy only on evidence', () => {
    expect(sniffCsv('Date,Description,Amount\n01/02/2026,A,1.00\n03/04/2026,B,2.00\n').dateFormat).toBe('dd/mm/yyyy');
    expect(sniffCsv('Date,Description,Amount\n01/02/2026,A,1.00\n12/31/2026,B,2.00\n').dateFormat).toBe('mm/dd/yyyy');
    expect(sniffCsv('Data;Histórico;Valor\n13/02/2026;A;1,00\n12/31/2026;B;2,00\n').dateFormat).toBe('dd/mm/yyyy');
  });

  it('tells the separator from decimal commas, and thousands from decimals', () => {
    const semicolons = sniffCsv('02/01/2026;PIX, FULANO;-1.234,56\n03/01/2026;TARIFA;-10,00\n');
    expect(semicolons).toMatchObject({ separator: ';', decimalMark: ',', hasHeader: false });
    const tabs = sniffCsv('Date\tDescription\tAmount\tBalance\n2026-01-02\tPIX\t"1,234.56"\t9,999.00\n');
    expect(tabs).toMatchObject({ separator: '\t', decimalMark: '.', mapping: { date: 0, description: 1, amount: 2 } });
    const pipes = sniffCsv('Data|Valor (R$)|Descrição\n02/01/26|12,00|X\n');
    expect(pipes).toMatchObject({
      separator: '|',
      dateFormat: 'dd/mm/yy',
      mapping: { date: 0, amount: 1, description: 2 },
    });
  });

  it('never maps the balance column as the amount', () => {
    const sniff = sniffCsv('Data;Saldo (R$);Histórico;Valor (R$)\n02/01/2026;1.000,00;PIX;-10,00\n');
    expect(sniff.mapping).toEqual({ date: 0, description: 2, amount: 3 });
    const onlyBalance = sniffCsv('Data;Histórico;Saldo\n02/01/2026;PIX;1.000,00\n');
    expect(onlyBalance.mapping.amount).toBeUndefined();
    expect(onlyBalance.defaulted).toContain('mapping');
  });

  it('previews at most 20 rows after the header', () => {
    const rows = Array.from(
      { length: 30 },
      (_, index) => `0${String((index % 9) + 1)}/01/2026;ROW ${String(index)};1,00`,
    );
    const sniff = sniffCsv(`Data;Histórico;Valor\n${rows.join('\n')}\n`);
    expect(sniff.preview).toHaveLength(20);
    expect(sniff.preview[0]).toEqual(['01/01/2026', 'ROW 0', '1,00']);
    expect(sniff.previewLines[19]).toBe(21);
  });
});

describe('sampleCsv', () => {
  it('gives the sample sniffCsv proposes when the reading is its own', () => {
    for (const name of ['santander-extrato.csv', 'bradesco-extrato.csv', 'itau-extrato.csv', 'bb-extrato.csv']) {
      const csv = text(name);
      const { header, preview, previewLines, columnCount } = sniffCsv(csv);
      expect(sampleCsv(csv, sniffCsv(csv)), name).toEqual({ header, preview, previewLines, columnCount });
    }
  });

  it('splits the first rows as the reading in force says: separator, first line, header', () => {
    const csv =
      'Extrato;Agência 1234;Conta 5-6\nData;Histórico;Valor\n03/11/2026;PIX, FULANO;1,50\n\n04/11/2026;TARIFA;-2,00\n';
    expect(sampleCsv(csv, { separator: ';', hasHeader: true, firstLine: 2 })).toEqual({
      header: ['Data', 'Histórico', 'Valor'],
      preview: [
        ['03/11/2026', 'PIX, FULANO', '1,50'],
        ['04/11/2026', 'TARIFA', '-2,00'],
      ],
      previewLines: [3, 5],
      columnCount: 3,
    });
    expect(sampleCsv(csv, { separator: ';', hasHeader: false, firstLine: 3 })).toMatchObject({
      header: null,
      previewLines: [3, 5],
    });
    // Split at the comma: one cell where there is none, the quoted-looking cell in two.
    expect(sampleCsv(csv, { separator: ',', hasHeader: true, firstLine: 2 })).toEqual({
      header: ['Data;Histórico;Valor'],
      preview: [
        ['03/11/2026;PIX', 'FULANO;1', '50'],
        ['04/11/2026;TARIFA;-2', '00'],
      ],
      previewLines: [3, 5],
      columnCount: 3,
    });
    expect(sampleCsv(csv, { separator: ';', hasHeader: true, firstLine: 40 })).toEqual({
      header: null,
      preview: [],
      previewLines: [],
      columnCount: 0,
    });
  });
});

describe('parseCsv', () => {
  it('follows the options the user changed: another date column, counterparty, inverted signs', () => {
    const csv = 'Compra;Lançado;Estabelecimento;Cidade;Valor\n01/11/2026;03/11/2026;LOJA A;RECIFE;10,00\n';
    expect(
      parseCsv(csv, {
        ...ptBr,
        mapping: { date: 1, description: 2, counterparty: 3, amount: 4 },
        invertAmounts: true,
      }),
    ).toEqual([{ line: 2, date: '2026-11-03', amountCents: -1000, description: 'LOJA A', counterparty: 'RECIFE' }]);
  });

  it('nets a row with both a debit and a credit', () => {
    const csv = 'Data;Histórico;Débito;Crédito\n02/11/2026;ESTORNO PARCIAL;-30,00;100,00\n03/11/2026;SAQUE;20,00;\n';
    const rows = parseCsv(csv, { ...ptBr, mapping: { date: 0, description: 1, debit: 2, credit: 3 } });
    expect(rows.map((row) => row.amountCents)).toEqual([7000, -2000]);
  });

  it('keeps rows whose description only starts like a total when they have a date', () => {
    const csv = 'Data;Histórico;Valor\n02/11/2026;TOTALPASS ACADEMIA;-99,90\n;TOTAL;-99,90\n';
    expect(parseCsv(csv, ptBr)).toEqual([
      { line: 2, date: '2026-11-02', amountCents: -9990, description: 'TOTALPASS ACADEMIA' },
    ]);
  });

  it('names the line of a bad date (counting every line of the file)', () => {
    const error = failure(() => sniffAndParse(text('com-data-invalida.csv')));
    expect(error).toMatchObject({ code: 'STATEMENT_BAD_DATE', line: 5, value: '31/11/2026' });
    expect(error.message).toBe("Line 5: '31/11/2026' is not a date in the format dd/mm/yyyy");
    expect(failure(() => parseCsv('Data;Histórico;Valor\n;SEM DATA;10,00\n', ptBr))).toMatchObject({
      code: 'STATEMENT_BAD_DATE',
      line: 2,
      value: '',
    });
    // A date in another format than the one chosen.
    expect(failure(() => parseCsv('Data;Histórico;Valor\n2026-11-02;PIX;10,00\n', ptBr))).toMatchObject({
      code: 'STATEMENT_BAD_DATE',
      line: 2,
    });
  });

  it('names the line of a bad or missing amount, after a quoted line break', () => {
    expect(failure(() => sniffAndParse(text('com-valor-invalido.csv')))).toMatchObject({
      code: 'STATEMENT_BAD_AMOUNT',
      line: 5,
      value: '12,3,4',
    });
    expect(failure(() => parseCsv('Data;Histórico;Valor\n02/11/2026;PIX;\n', ptBr))).toMatchObject({
      code: 'STATEMENT_BAD_AMOUNT',
      line: 2,
    });
    // Decimal point chosen for a file written with decimal commas.
    expect(
      failure(() => parseCsv('Data;Histórico;Valor\n02/11/2026;PIX;1.234,56\n', { ...ptBr, decimalMark: '.' })),
    ).toMatchObject({
      code: 'STATEMENT_BAD_AMOUNT',
      value: '1.234,56',
    });
  });

  it('refuses an empty file, a file without transactions, and a mapping the file cannot fill', () => {
    expect(failure(() => sniffAndParse(text('vazio.csv'))).code).toBe('STATEMENT_EMPTY');
    expect(failure(() => parseCsv('Data;Histórico;Valor\n01/11/2026;SALDO ANTERIOR;10,00\n', ptBr)).code).toBe(
      'STATEMENT_EMPTY',
    );
    expect(failure(() => parseCsv('Data,Histórico,Valor\n01/11/2026,PIX,"10,00"\n', ptBr))).toMatchObject({
      code: 'STATEMENT_MISSING_COLUMN',
    });
    expect(
      failure(() => parseCsv('Data;Histórico\n01/11/2026;PIX\n', { ...ptBr, mapping: { date: 0, description: 1 } }))
        .code,
    ).toBe('STATEMENT_MISSING_COLUMN');
  });

  it('reports a quote never closed as unreadable, with its line', () => {
    const error = failure(() =>
      parseCsv('Data;Histórico;Valor\n01/11/2026;"PIX;10,00\n02/11/2026;TARIFA;-1,00\n', ptBr),
    );
    expect(error.code).toBe('STATEMENT_UNREADABLE');
    expect(error.line).toBeGreaterThanOrEqual(2);
  });
});
