// Money on the dashboard in the workbook's own currency (issue 15 item 5): the number format of the source cells
// (the initiatives' Cost column, the register's cost or exposure column) when it shows a currency, used as it is for
// the dashboard's money cells and read for the currency symbol where the dashboard words money in text.

import type { FoundTable } from '../table';
import type { CellFormat, LocatedTable, SheetView } from '../workbook';
import { formatMoney, MONEY } from './layout';

/** How the dashboard shows amounts of one kind of money: a cell's number format, and the same in words. */
export interface Money {
  /** Number format of a money cell: the source column's own, or {@link MONEY}. */
  readonly format: string;
  /** The same format in whole units, for the headline tiles' big numbers (`"$"#,##0.00` → `"$"#,##0`). */
  readonly wholeFormat: string;
  /** An amount in text, whole units with the currency as the format shows it: "€3,575,000", "3,575,000 kr". */
  readonly text: (amount: number) => string;
}

/** Money without a currency: `#,##0`, and "3,575,000" in text. */
export const PLAIN_MONEY: Money = { format: MONEY, wholeFormat: MONEY, text: formatMoney };

/** A format code without its decimals: every `.` followed by digit placeholders outside quotes goes. */
const withoutDecimals = (code: string): string =>
  code.replace(/"[^"]*"|\\.|\.[0#?]+/g, (token) => (token.startsWith('.') ? '' : token));

/** Currency signs that stand bare in a format code (`$#,##0`, `#,##0 €`, `\£#,##0`). */
const CURRENCY_SIGNS = /[$€£¥₹₩₽₺₪₫₱฿¢₴₦₡₲₵₸₼₾]/u;

/** The first section of a format code (the one for positive numbers): up to a `;` outside quotes and brackets. */
function firstSection(code: string): string {
  let quoted = false;
  let bracket = false;
  for (let i = 0; i < code.length; i++) {
    const ch = code[i];
    if (ch === '\\' && !quoted) i++;
    else if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === '[') bracket = true;
    else if (!quoted && ch === ']') bracket = false;
    else if (ch === ';' && !quoted && !bracket) return code.slice(0, i);
  }
  return code;
}

/** A currency a format shows: its symbol, and whether it stands before the number and apart from it. */
export interface Currency {
  readonly symbol: string;
  readonly before: boolean;
  readonly spaced: boolean;
}

/**
 * The currency a number format shows, or undefined: a locale token (`[$€-407]`, `[$USD]`, `[$CHF] #,##0`), a quoted
 * literal holding a sign or a currency word (`"$"#,##0`, `#,##0 "kr"`), or a bare or escaped sign (`£#,##0`). A
 * date, a percentage or text (`@`) is not money.
 * @example currencyOf('_-[$€-407]* #,##0.00_-') // { symbol: '€', before: true, spaced: true }
 */
export function currencyOf(code: string): Currency | undefined {
  const section = firstSection(code);
  // What the format shows outside quotes, brackets and escapes: no date, time, percentage or text, one number.
  const bare = section.replace(/"[^"]*"|\[[^\]]*\]|\\./g, (token) => ' '.repeat(token.length));
  const letters = bare.replace(/[_*]./g, '  ').replace(/E[+-]/gi, '  ');
  if (/[%@]/.test(bare) || /[dmyhs]/i.test(letters)) return undefined;
  const first = bare.search(/[0#?]/);
  if (first < 0) return undefined;
  let last = first;
  for (let i = first; i < bare.length; i++) if (/[0#?]/.test(bare[i] ?? '')) last = i;
  const token = currencyTokens(section, bare).sort((a, b) => a.at - b.at)[0];
  if (!token) return undefined;
  const symbol = token.text.trim();
  const before = token.at < first;
  const between = before ? section.slice(token.end, first) : section.slice(last + 1, token.at);
  const spaced =
    /[ _*]/.test(between) || /^[A-Za-z]/.test(symbol) || (before ? /\s$/ : /^\s/).test(token.text);
  return { symbol, before, spaced };
}

/** Where a format names a currency, with the text it shows (a quoted literal untrimmed). */
interface CurrencyToken {
  readonly at: number;
  readonly end: number;
  readonly text: string;
}

const SIGN = new RegExp(CURRENCY_SIGNS.source, 'gu');
const ESCAPED_SIGN = new RegExp(`\\\\(${CURRENCY_SIGNS.source})`, 'gu');

/** The section's currency tokens: locale tokens, quoted literals, escaped and bare signs (`bare`: quotes blanked). */
function currencyTokens(section: string, bare: string): CurrencyToken[] {
  const found = (pattern: RegExp, text: string, group: number): CurrencyToken[] =>
    [...text.matchAll(pattern)].map((match) => ({
      at: match.index,
      end: match.index + match[0].length,
      text: match[group] ?? '',
    }));
  return [
    ...found(/\[\$([^\]-]*)(?:-[^\]]*)?\]/g, section, 1),
    ...found(/"([^"]*)"/g, section, 1),
    ...found(ESCAPED_SIGN, section, 1),
    ...found(SIGN, bare, 0),
  ].filter(({ text }) => CURRENCY_SIGNS.test(text) || /^\s*[A-Za-z]{2,3}\.?\s*$/.test(text));
}

/** Money shown with `format` when it shows a currency, else {@link PLAIN_MONEY}. */
export function moneyOf(format: string | undefined): Money {
  const currency = format === undefined ? undefined : currencyOf(format);
  if (!currency || format === undefined) return PLAIN_MONEY;
  const { symbol, before, spaced } = currency;
  const gap = spaced ? ' ' : '';
  return {
    format,
    wholeFormat: withoutDecimals(format),
    text: (amount) => {
      const sign = Math.round(amount) < 0 ? '-' : '';
      const units = formatMoney(Math.abs(amount));
      return before ? `${sign}${symbol}${gap}${units}` : `${sign}${units}${gap}${symbol}`;
    },
  };
}

/** How many of a money column's data rows are looked at for its format. */
const SAMPLED_ROWS = 50;

/**
 * The money of the first column among `keys` that the dashboard read from `table` (`found`: the table as its reader
 * found it in `table.grid`, whose amounts the dashboard shows): the number format most of its first data cells carry,
 * when it shows a currency (`sheets` hold the formats their hosts read).
 */
export function columnMoney(
  sheets: readonly SheetView[],
  table: LocatedTable | undefined,
  found: FoundTable | undefined,
  keys: readonly string[],
): Money {
  if (!table || !found) return PLAIN_MONEY;
  const formats = sheets.find((sheet) => sheet.name === table.sheet)?.numberFormats;
  if (!formats || formats.length === 0) return PLAIN_MONEY;
  const column = keys.map((key) => found.columns.get(key)).find((index) => index !== undefined);
  if (column === undefined) return PLAIN_MONEY;
  const sheetColumn = (table.firstColumn ?? 0) + column;
  const byCell = new Map<string, string>(
    formats.map((format: CellFormat) => [`${format.row}:${format.column}`, format.code]),
  );
  const counts = new Map<string, number>();
  for (const row of found.rows.slice(0, SAMPLED_ROWS)) {
    const code = byCell.get(`${row.number}:${sheetColumn}`);
    if (code !== undefined && currencyOf(code)) counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  const [mostUsed] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [];
  return moneyOf(mostUsed);
}
