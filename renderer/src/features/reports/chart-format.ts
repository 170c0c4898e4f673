import { intlLocale } from '../../../../electron/shared/format.ts';
import type { Language } from '../../../../electron/shared/models.ts';
import { fromCents } from '../../../../electron/shared/money.ts';

const compactFormats = new Map<Language, Intl.NumberFormat>();

/** An axis tick: `R$ 12 mil` in pt-BR, `R$12K` in English. Tooltips and tables give the full amount. */
export function formatCompactMoney(cents: number, language: Language): string {
  let format = compactFormats.get(language);
  if (!format) {
    format = new Intl.NumberFormat(intlLocale[language], {
      style: 'currency',
      currency: 'BRL',
      notation: 'compact',
      maximumFractionDigits: 1,
    });
    compactFormats.set(language, format);
  }
  return format.format(fromCents(cents));
}

function monthDate(month: string): Date {
  return new Date(`${month}-15T12:00:00Z`);
}

/** A month on an axis, `nov/26`: short enough for twelve of them side by side. */
export function formatShortMonth(month: string, language: Language): string {
  const name = new Intl.DateTimeFormat(intlLocale[language], { month: 'short', timeZone: 'UTC' })
    .format(monthDate(month))
    .replace('.', '');
  return `${name}/${month.slice(2, 4)}`;
}

/** A month in a table or tooltip, `novembro de 2026`. */
export function formatLongMonth(month: string, language: Language): string {
  return new Intl.DateTimeFormat(intlLocale[language], { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    monthDate(month),
  );
}

/**
 * One colour per account on the balance chart, each a hue of its own (--chart-series-1 to
 * -10 in styles.css: no two shades of one colour, each strong enough for a thin line on the
 * theme's background), then the same ten dashed, then dotted (`accountStroke`): three banks
 * of three accounts get nine colours, never one twice. The legend and the tooltip name each
 * line as well.
 */
const accountColours = Array.from({ length: 10 }, (_, index) => `var(--chart-series-${index + 1})`);
const accountDashes = [undefined, '6 3', '2 2'];

/** The nth account's line: a colour of its own, then a dash pattern once the colours run out. */
export function accountStroke(index: number): { stroke: string; strokeDasharray?: string } {
  const stroke = accountColours[index % accountColours.length] as string;
  const dash = accountDashes[Math.floor(index / accountColours.length) % accountDashes.length];
  return dash ? { stroke, strokeDasharray: dash } : { stroke };
}

/**
 * The charts' colours are the theme's (styles.css): SVG takes CSS variables in fill and
 * stroke, so a chart changes with the theme without drawing again.
 */
export const chartColours = {
  income: 'var(--chart-income)',
  expense: 'var(--chart-expense)',
  total: 'var(--chart-total)',
  grid: 'var(--chart-grid)',
  /** Under the pointer: a bar's column, a line chart's month. */
  cursor: 'var(--chart-cursor)',
  /** A line's dots: hollow, in the card's colour. */
  dotFill: 'var(--surface)',
} as const;

/** A tooltip box in the theme (recharts draws its own white one by default). */
export const tooltipStyle = {
  contentStyle: { background: 'var(--surface)', borderColor: 'var(--border)', color: 'var(--text)' },
  itemStyle: { color: 'var(--text)' },
} as const;

/**
 * The month-by-month charts' tooltip: the month in full, full amounts in the text colour
 * (a light series colour is hard to read as text), series in the order they are drawn.
 */
export function monthTooltip(language: Language, money: (cents: number) => string, seriesKeys: string[]) {
  return {
    formatter: (value: unknown) => money(Number(value)),
    labelFormatter: (month: unknown) => (typeof month === 'string' ? formatLongMonth(month, language) : ''),
    itemSorter: (item: { dataKey?: unknown }) => seriesKeys.indexOf(String(item.dataKey)),
    ...tooltipStyle,
  };
}
