import type { ImportPreview, ImportResult } from '../electron/shared/imports.ts';
import type { AccountSummary } from '../electron/shared/models.ts';
import { withBooks } from './books-process.ts';
import { mainBlock, type Metric } from './harness.ts';
import { watched } from './process-watch.ts';

/**
 * Issue 19's import benchmark, in a process of its own (statement-import.bench.ts): a
 * 100k-row pt-BR CSV imported through the app's books worker into a manual account, then
 * another 100k rows into the same account, now holding the first 100k, so every row is
 * checked against held ones on nearby days (and 1% of them are look-alikes of held rows, to
 * review), as the dialog does it: the preview (decode, parse, duplicate checks), then the
 * import (the checks again, rules, writes, running totals). The target's rate is rows over
 * both; main's worst block is measured meanwhile.
 */
const rows = 100_000;
const words = ['PIX ENVIADO', 'COMPRA DEBITO', 'PAGTO BOLETO', 'TED RECEBIDA', 'TARIFA', 'PIX RECEBIDO'];
const places = ['PADARIA SAO JOSE', 'POSTO SHELL', 'ACME LTDA', 'STUDIO IPE', 'MERCADO BOM PRECO', 'CAFE CENTRAL'];

/** A bank's CSV: `Data;Histórico;Valor` with dd/mm/yyyy and decimal commas, `count` rows from `seed`. */
function statementCsv(count: number, seed: number, copyEvery = 0, of?: string[]): { text: string; lines: string[] } {
  let state = seed;
  // MINSTD (Park–Miller): exact in doubles, so it does not fall into a short cycle.
  const next = () => (state = (state * 48_271) % 2_147_483_647);
  const lines: string[] = [];
  const start = Date.UTC(2022, 0, 1);
  for (let index = 0; index < count; index += 1) {
    const copied = copyEvery > 0 && of && index % copyEvery === 0 ? of[index] : undefined;
    if (copied) {
      lines.push(copied);
      continue;
    }
    const day = new Date(start + Math.floor((index / count) * 4 * 365) * 86_400_000);
    const date = `${String(day.getUTCDate()).padStart(2, '0')}/${String(day.getUTCMonth() + 1).padStart(2, '0')}/${day.getUTCFullYear()}`;
    const cents = (next() % 500_000) - 350_000 || 1;
    const amount = `${cents < 0 ? '-' : ''}${Math.floor(Math.abs(cents) / 100).toLocaleString('pt-BR')},${String(Math.abs(cents) % 100).padStart(2, '0')}`;
    lines.push(
      `${date};${words[next() % words.length]} ${places[next() % places.length]} ${next() % 10_000};${amount}`,
    );
  }
  return { text: `Data;Histórico;Valor\n${lines.join('\n')}\n`, lines };
}

async function measure(): Promise<Metric[]> {
  const metrics: Metric[] = [];
  await withBooks(10, async (books) => {
    const account = await books.value<AccountSummary>('accounts:create-manual', {
      institution: 'Banco Regional',
      name: 'Conta PJ',
      kind: 'CHECKING_ACCOUNT',
      openingBalanceDate: '2021-12-31',
    });
    const first = statementCsv(rows, 19);
    const second = statementCsv(rows, 23, 100, first.lines);
    const file = (text: string) => ({
      accountId: account.id,
      fileName: 'extrato.csv',
      contentBase64: Buffer.from(text, 'utf8').toString('base64'),
    });
    const rate = (count: number, ms: number) => count / (ms / 1000);

    const empty = await watched(() => books.value<ImportResult>('imports:apply', file(first.text)));
    metrics.push({
      name: '100k-row CSV into an empty account (no preview first)',
      value: rate(rows, empty.ms),
      unit: 'rows/s',
    });

    // As the dialog does it: the preview (the file read, every row checked), then the import.
    const preview = await watched(() => books.value<ImportPreview>('imports:preview', file(second.text)));
    const held = await watched(() => books.value<ImportResult>('imports:apply', file(second.text)));
    const whole = rate(rows, preview.ms + held.ms);
    metrics.push(
      {
        name: `100k-row CSV into an account holding 100k, preview and import (${held.result.addedCount.toLocaleString('en-US')} added, ${preview.result.review.length.toLocaleString('en-US')} to review)`,
        value: whole,
        unit: 'rows/s',
        target: '≥ 50,000',
        met: whole >= 50_000,
      },
      { name: 'its preview', value: preview.ms, unit: 'ms' },
      { name: 'its import, after the preview', value: rate(rows, held.ms), unit: 'rows/s' },
      mainBlock('the preview', preview.blockMs),
      mainBlock('the import', held.blockMs),
      { name: 'CPU time per row, preview and import', value: ((preview.cpuMs + held.cpuMs) * 1000) / rows, unit: 'µs' },
    );
  });
  return metrics;
}

const metrics = await measure();
process.send?.({ metrics }, () => process.exit(0));
