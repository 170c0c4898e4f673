import { describe, expect, it } from 'vitest';
import type { ExportRow } from '../../electron/core/books/export-rows.ts';
import { ofxBytes, ofxWriter } from '../../electron/core/exports/ofx.ts';
import { describe as describeRow, parseOfx, parseOfxText } from '../../electron/core/imports/statement-ofx.ts';
import { statementFailure as failure, statementFixture as fixture, sumOf as sum } from '../support/statements.ts';

const header = 'OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\nENCODING:USASCII\nCHARSET:1252\n\n';
/** A one-statement SGML body around the given transactions, which start on line 11. */
const sgml = (transactions: string) =>
  `${header}<OFX>\n<BANKMSGSRSV1><STMTTRNRS><STMTRS>\n<CURDEF>BRL\n<BANKTRANLIST>\n${transactions}</BANKTRANLIST>\n</STMTRS></STMTTRNRS></BANKMSGSRSV1>\n</OFX>\n`;

describe('parseOfx: Brazilian banks\u2019 files', () => {
  it('Itaú: OFX 1.0.2 SGML, unclosed elements, Windows-1252, text in MEMO', () => {
    const [statement, ...others] = parseOfx(fixture('itau-extrato-102.ofx'));
    expect(others).toEqual([]);
    expect(statement).toMatchObject({
      kind: 'bank',
      currency: 'BRL',
      account: { bankId: '0341', accountId: '0123456789', type: 'CHECKING' },
      from: '2026-11-01',
      to: '2026-11-30',
      ledgerBalance: { amountCents: 317553, date: '2026-11-30' },
    });
    expect(statement?.transactions).toEqual([
      {
        line: 39,
        date: '2026-11-03',
        amountCents: 450000,
        description: 'PIX TRANSF ACME LTDA03/11',
        memo: 'PIX TRANSF ACME LTDA03/11',
        fitId: '20261103001',
        checkNumber: '20261103001',
        type: 'CREDIT',
      },
      {
        line: 47,
        date: '2026-11-05',
        amountCents: -123456,
        description: 'PAGAMENTO DE TÍTULO',
        memo: 'PAGAMENTO DE TÍTULO',
        fitId: '20261105001',
        checkNumber: '20261105001',
        type: 'DEBIT',
      },
      {
        line: 55,
        date: '2026-11-10',
        amountCents: -8990,
        description: 'TAR PACOTE SERVIÇOS',
        memo: 'TAR PACOTE SERVIÇOS',
        fitId: '20261110001',
        checkNumber: '20261110001',
        type: 'DEBIT',
      },
      {
        line: 63,
        date: '2026-11-30',
        amountCents: -1,
        description: 'IOF',
        memo: 'IOF',
        fitId: '20261130001',
        checkNumber: '20261130001',
        type: 'DEBIT',
      },
    ]);
    // The account was opened this month: the list adds up to the ledger balance.
    expect(sum(statement?.transactions ?? [])).toBe(317553);
  });

  it('Bradesco: decimal commas, an empty <MEMO>, an entity, zero CHECKNUM placeholders', () => {
    const [statement] = parseOfx(fixture('bradesco-extrato-102.ofx'));
    expect(statement?.account).toEqual({ bankId: '0237', branchId: '1234', accountId: '0012345-6', type: 'CHECKING' });
    expect(statement?.transactions).toEqual([
      {
        line: 39,
        date: '2026-11-02',
        amountCents: -1250,
        // NAME "PAGTO" is a code inside MEMO: the MEMO says it all.
        description: 'PAGTO ELETRON COBRANCA - TÍTULO C&A MODAS',
        name: 'PAGTO',
        memo: 'PAGTO ELETRON COBRANCA - TÍTULO C&A MODAS',
        fitId: '0000001',
        type: 'OTHER',
      },
      {
        line: 49,
        date: '2026-11-04',
        amountCents: 200000,
        // The bare <MEMO> line is an empty element, not a parent of the NAME after it.
        description: 'TRANSFERENCIA PIX REM: FULANO DE TAL',
        name: 'TRANSFERENCIA PIX REM: FULANO DE TAL',
        fitId: '0000002',
        checkNumber: '0001234',
        type: 'OTHER',
      },
      {
        line: 59,
        date: '2026-11-30',
        amountCents: -4500,
        description: 'TARIFA BANCÁRIA CESTA FÁCIL ECONÔMICA',
        memo: 'TARIFA BANCÁRIA CESTA FÁCIL ECONÔMICA',
        fitId: '0000003',
        type: 'OTHER',
      },
    ]);
    expect(statement?.ledgerBalance).toEqual({ amountCents: 194250, date: '2026-11-30' });
    expect(sum(statement?.transactions ?? [])).toBe(194250);
  });

  it('Banco do Brasil: closed elements, the kind in NAME and the details in MEMO', () => {
    const [statement] = parseOfx(fixture('bb-extrato-102.ofx'));
    expect(statement?.account).toEqual({ bankId: '1', branchId: '1234-5', accountId: '98765-4', type: 'CHECKING' });
    expect(
      statement?.transactions.map(({ date, amountCents, description, name, memo, fitId }) => ({
        date,
        amountCents,
        description,
        name,
        memo,
        fitId,
      })),
    ).toEqual([
      {
        date: '2026-11-03',
        amountCents: -15000,
        description: 'Pix - Enviado - 03/11 10:15 João Ninguém',
        name: 'Pix - Enviado',
        memo: '03/11 10:15 João Ninguém',
        fitId: '20261103150000',
      },
      {
        date: '2026-11-06',
        amountCents: -5990,
        description: 'Compra com Cartão - 05/11 19:42 PADARIA SÃO JOSÉ',
        name: 'Compra com Cartão',
        memo: '05/11 19:42 PADARIA SÃO JOSÉ',
        fitId: '20261106059900',
      },
      {
        date: '2026-11-10',
        amountCents: 320000,
        description: 'Pix - Recebido - 10/11 09:01 Estúdio Criação Ltda',
        name: 'Pix - Recebido',
        memo: '10/11 09:01 Estúdio Criação Ltda',
        fitId: '20261110320000',
      },
    ]);
    expect(statement?.ledgerBalance?.amountCents).toBe(299010);
    expect(sum(statement?.transactions ?? [])).toBe(299010);
  });

  it('Caixa: indented SGML, a savings account, an amount without decimals', () => {
    const [statement] = parseOfx(fixture('caixa-extrato-102.ofx'));
    expect(statement?.account).toEqual({
      bankId: '0104',
      branchId: '0987',
      accountId: '00000000123-4',
      type: 'SAVINGS',
    });
    expect(
      statement?.transactions.map((row) => [row.line, row.date, row.amountCents, row.description, row.fitId]),
    ).toEqual([
      [40, '2026-11-01', 1234, 'CRED JUROS POUPANÇA', '20261101000001'],
      [48, '2026-11-12', -30000, 'DEB PIX CHAVE', '20261112000002'],
      [56, '2026-11-29', 100000, 'CRED TEV', '20261129000003'],
    ]);
    // An opening balance of R$ 5.000,00 plus the month.
    expect(500000 + sum(statement?.transactions ?? [])).toBe(statement?.ledgerBalance?.amountCents);
  });

  it('Inter: OFX 2.1.1 XML in UTF-8, with entities and CDATA', () => {
    const [statement] = parseOfx(fixture('inter-extrato-211.ofx'));
    expect(statement).toMatchObject({
      kind: 'bank',
      account: { bankId: '077', branchId: '0001', accountId: '12345678-9', type: 'CHECKING' },
      from: '2026-11-01',
      to: '2026-11-30',
      ledgerBalance: { amountCents: 238391, date: '2026-11-30' },
    });
    expect(statement?.transactions.map((row) => [row.line, row.amountCents, row.description, row.fitId])).toEqual([
      [36, 250000, 'Pix recebido: "Cp :00000000-Ateliê Araújo & Filhos"', '2a9f3c1e-0001'],
      [44, -7619, 'Pagamento efetuado - DAS \u2013 Simples Nacional', '2a9f3c1e-0002'],
      [52, -3990, 'Compra no débito - No estabelecimento LIVRARIA <CULTURA>', '2a9f3c1e-0003'],
    ]);
    expect(sum(statement?.transactions ?? [])).toBe(238391);
  });

  it('Nubank: a credit-card statement (CCSTMTRS), purchases negative', () => {
    const statements = parseOfx(fixture('nubank-fatura.ofx'));
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatchObject({
      kind: 'creditCard',
      currency: 'BRL',
      account: { accountId: 'a1b2c3d4-e5f6-7890-abcd-ef1234567890' },
      from: '2026-10-26',
      to: '2026-11-25',
      ledgerBalance: { amountCents: -25289, date: '2026-11-25' },
    });
    expect(statements[0]?.account.bankId).toBeUndefined();
    expect(statements[0]?.transactions.map((row) => [row.date, row.amountCents, row.description, row.type])).toEqual([
      ['2026-10-27', -5290, 'Padaria Pão Dourado', 'DEBIT'],
      ['2026-11-01', -19999, 'Adobe Creative Cloud - Parcela 3/12', 'DEBIT'],
      ['2026-11-10', 123456, 'Pagamento recebido', 'CREDIT'],
    ]);
  });
});

describe('parseOfx: structure', () => {
  it('returns every statement of a file, in file order', () => {
    const text =
      `${header}<OFX>\n<BANKMSGSRSV1>\n` +
      `<STMTTRNRS><STMTRS><CURDEF>BRL<BANKACCTFROM><BANKID>0033<ACCTID>111</BANKACCTFROM>` +
      `<BANKTRANLIST><STMTTRN><DTPOSTED>20261101<TRNAMT>-1.00<FITID>A</STMTTRN></BANKTRANLIST></STMTRS></STMTTRNRS>\n` +
      `<STMTTRNRS><STMTRS><CURDEF>BRL<BANKACCTFROM><BANKID>0033<ACCTID>222<ACCTTYPE>SAVINGS</BANKACCTFROM>` +
      `<BANKTRANLIST></BANKTRANLIST></STMTRS></STMTTRNRS>\n</BANKMSGSRSV1>\n` +
      `<CREDITCARDMSGSRSV1><CCSTMTTRNRS><CCSTMTRS><CURDEF>USD<CCACCTFROM><ACCTID>333</CCACCTFROM>` +
      `<BANKTRANLIST><STMTTRN><DTPOSTED>20261102<TRNAMT>-2.00<FITID>B</STMTTRN></BANKTRANLIST></CCSTMTRS></CCSTMTTRNRS></CREDITCARDMSGSRSV1>\n</OFX>`;
    const statements = parseOfxText(text);
    expect(
      statements.map((each) => [each.kind, each.currency, each.account.accountId, each.transactions.length]),
    ).toEqual([
      ['bank', 'BRL', '111', 1],
      ['bank', 'BRL', '222', 0],
      ['creditCard', 'USD', '333', 1],
    ]);
    expect(statements[2]?.transactions[0]).toMatchObject({ line: 12, amountCents: -200, fitId: 'B' });
  });

  it('reads back Balancete\u2019s own OFX export: amounts, days, FITIDs and texts', () => {
    const rows = [
      {
        id: 'tx-1',
        date: '2026-11-03',
        accountAmountCents: 123456,
        description: 'Pix recebido de cliente',
        counterparty: 'Ateliê Araújo & Filhos',
      },
      { id: 'tx-2', date: '2026-11-04', accountAmountCents: -1, description: 'IOF', counterparty: null },
      {
        id: 'tx-3',
        date: '2026-11-30',
        accountAmountCents: -98765,
        description: 'Aluguel <novembro> – sala 12',
        counterparty: null,
      },
    ] as unknown as ExportRow[];
    const writer = ofxWriter(
      {
        id: 'acc-1',
        type: 'BANK',
        subtype: 'CHECKING_ACCOUNT',
        number: '12345-6',
        currencyCode: 'BRL',
        connectorId: 201,
      },
      { from: '2026-11-01', to: '2026-11-30' },
      { cents: 24690, day: '2026-11-30' },
      new Date('2026-12-01T12:00:00Z'),
    );
    const [statement] = parseOfx(ofxBytes(writer.head + writer.transactions(rows) + writer.tail));
    expect(statement).toMatchObject({
      kind: 'bank',
      account: { bankId: '201', accountId: '12345-6', type: 'CHECKING' },
      from: '2026-11-01',
      to: '2026-11-30',
      ledgerBalance: { amountCents: 24690, date: '2026-11-30' },
    });
    expect(
      statement?.transactions.map(({ date, amountCents, fitId, name, memo }) => ({
        date,
        amountCents,
        fitId,
        name,
        memo,
      })),
    ).toEqual([
      {
        date: '2026-11-03',
        amountCents: 123456,
        fitId: 'tx-1',
        name: 'Ateliê Araújo & Filhos',
        memo: 'Pix recebido de cliente',
      },
      { date: '2026-11-04', amountCents: -1, fitId: 'tx-2', name: 'IOF', memo: 'IOF' },
      {
        date: '2026-11-30',
        amountCents: -98765,
        fitId: 'tx-3',
        name: 'Aluguel <novembro> - sala 12',
        memo: 'Aluguel <novembro> - sala 12',
      },
    ]);
    expect(statement?.transactions[1]?.description).toBe('IOF');
  });

  it('combines NAME and MEMO without repeating them', () => {
    expect(describeRow(undefined, 'PIX ENVIADO')).toBe('PIX ENVIADO');
    expect(describeRow('PIX ENVIADO', undefined)).toBe('PIX ENVIADO');
    expect(describeRow('Pix - Enviado', '03/11 10:15 Fulano')).toBe('Pix - Enviado - 03/11 10:15 Fulano');
    // A NAME cut at OFX's 32 characters is inside the MEMO.
    expect(describeRow('PAGAMENTO DE TITULO ENERGIA ELET', 'Pagamento de título energia elétrica')).toBe(
      'Pagamento de título energia elétrica',
    );
    expect(describeRow('Pix recebido: Fulano de Tal', 'PIX RECEBIDO')).toBe('Pix recebido: Fulano de Tal');
  });

  it('takes DTUSER when DTPOSTED is missing, and the type when there is no text', () => {
    const [statement] = parseOfxText(sgml('<STMTTRN>\n<TRNTYPE>FEE\n<DTUSER>20261105\n<TRNAMT>-3.50\n</STMTTRN>\n'));
    expect(statement?.transactions).toEqual([
      { line: 11, date: '2026-11-05', amountCents: -350, description: 'FEE', type: 'FEE' },
    ]);
  });
});

describe('parseOfx: broken files', () => {
  it('names the line of a bad date', () => {
    const text = sgml(
      '<STMTTRN>\n<DTPOSTED>20261101\n<TRNAMT>-1.00\n</STMTTRN>\n<STMTTRN>\n<DTPOSTED>20261131\n<TRNAMT>-1.00\n</STMTTRN>\n',
    );
    expect(failure(() => parseOfxText(text))).toMatchObject({
      code: 'STATEMENT_BAD_DATE',
      line: 16,
      value: '20261131',
      message: "Line 16: <DTPOSTED> '20261131' is not a date",
    });
  });

  it('names the line of a bad amount, and of a transaction without one', () => {
    const bad = sgml('<STMTTRN>\n<DTPOSTED>20261101\n<TRNAMT>R$ 1,00,0\n</STMTTRN>\n');
    expect(failure(() => parseOfxText(bad))).toMatchObject({
      code: 'STATEMENT_BAD_AMOUNT',
      line: 13,
      value: 'R$ 1,00,0',
    });
    const missing = sgml('<STMTTRN>\n<DTPOSTED>20261101\n<MEMO>SEM VALOR\n</STMTTRN>\n');
    expect(failure(() => parseOfxText(missing))).toMatchObject({ code: 'STATEMENT_BAD_AMOUNT', line: 11 });
  });

  it('refuses a file cut short instead of reading half of it', () => {
    const whole = new TextDecoder('windows-1252').decode(fixture('itau-extrato-102.ofx'));
    const cut = whole.slice(0, whole.indexOf('<TRNAMT>-89.90'));
    expect(failure(() => parseOfxText(cut))).toMatchObject({
      code: 'STATEMENT_UNREADABLE',
      line: 55,
      value: '<STMTTRN>',
    });
  });

  it('refuses an HTML page saved as .ofx, an empty file, a CSV, and an OFX without statements', () => {
    const html = failure(() => parseOfx(fixture('pagina-de-login.ofx')));
    expect(html.code).toBe('STATEMENT_NOT_OFX');
    expect(html.message).toMatch(/web page/);
    expect(failure(() => parseOfx(new Uint8Array(0))).code).toBe('STATEMENT_EMPTY');
    expect(failure(() => parseOfxText(' \r\n ')).code).toBe('STATEMENT_EMPTY');
    expect(failure(() => parseOfx(fixture('nubank-conta.csv'))).code).toBe('STATEMENT_NOT_OFX');
    const investments = `${header}<OFX><INVSTMTMSGSRSV1><INVSTMTTRNRS><INVSTMTRS><CURDEF>BRL</INVSTMTRS></INVSTMTTRNRS></INVSTMTMSGSRSV1></OFX>`;
    expect(failure(() => parseOfxText(investments)).code).toBe('STATEMENT_UNSUPPORTED');
  });

  it('reads a large file quickly (linear, no backtracking)', () => {
    const one =
      '<STMTTRN>\n<TRNTYPE>DEBIT\n<DTPOSTED>20261103\n<TRNAMT>-12,50\n<FITID>X\n<MEMO>\n<NAME>PAGAMENTO DE TÍTULO\n</STMTTRN>\n';
    const text = sgml(one.repeat(20_000)).replace('<OFX>', '<OFX>\n<AVERYLONGELEMENTNAMETHATHASNOMEANING>X');
    const started = performance.now();
    const [statement] = parseOfxText(text);
    expect(statement?.transactions).toHaveLength(20_000);
    expect(sum(statement?.transactions ?? [])).toBe(-25_000_000);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
