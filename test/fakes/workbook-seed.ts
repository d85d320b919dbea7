// The PMO workbook the host tests seed every fake with, described once in host-neutral terms (dates as ISO
// days), so the Excel and Sheets fakes start from the same cells.

import { serialFromParts } from '../../core/dates';

/**
 * A seed cell: a date is an ISO day ("2025-03-05"), written as each host stores dates; an amount may carry its number
 * format (`{ number: 120000, format: '[$€-2]\\ #,##0' }`).
 */
export type SeedValue =
  | string
  | number
  | boolean
  | null
  | { readonly date: string }
  | { readonly number: number; readonly format: string };

/** The initiatives' costs and the risks' costs in euros, as Excel's Format Cells › Currency writes them. */
export const EURO_BEFORE = '[$€-2]\\ #,##0';
export const EURO_AFTER = '#,##0.00\\ [$€-1]';
const euros = (number: number, format = EURO_BEFORE): SeedValue => ({ number, format });

export interface WorkbookSeed {
  readonly sheets: readonly { readonly name: string; readonly rows: readonly (readonly SeedValue[])[] }[];
  /** Defined names: sheet and A1 cell. */
  readonly names: Readonly<Record<string, { readonly sheet: string; readonly cell: string }>>;
  /**
   * Excel tables (Insert › Table) over cells of the sheets: seeded in the Excel fake only. Sheets has no list
   * objects the add-on reads (`getDataRange().getValues()` gives the same cells as plain values).
   */
  readonly excelTables?: readonly { readonly name: string; readonly sheet: string; readonly ref: string }[];
}

/** The heading fill the seeded sheets carry on row 1, so a snapshot also sees formats. */
export const SEED_HEADER_FILL = '#DDEBF7';

const RESOURCES = ['Ana', 'Ben', 'Chloé', '@dev'] as const;

/** ISO day `days` after `iso`. */
export function addDays(iso: string, days: number): string {
  const [year, month, day] = iso.split('-').map(Number);
  return new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, (day ?? 1) + days)).toISOString().slice(0, 10);
}

/**
 * A PMO workbook: Resources, `assignmentRows` Assignments around `today`, Time Off, Initiatives (names that
 * look like formulas among them) with a defined name "Budget" on a Settings sheet, and Risks.
 */
export function pmoWorkbook(
  today: string,
  assignmentRows: number,
  extraSheets: WorkbookSeed['sheets'] = [],
): WorkbookSeed {
  const assignments: SeedValue[][] = [['Resource', 'Project', 'Start', 'End', 'Hours per week']];
  for (let i = 0; i < assignmentRows; i++) {
    const start = addDays(today, -7 + (i % 50));
    assignments.push([
      RESOURCES[i % RESOURCES.length] ?? 'Ana',
      ['Apollo', 'Hermes', 'Zeus'][i % 3] ?? 'Apollo',
      { date: start },
      { date: addDays(start, 14 + (i % 17)) },
      4 + (i % 5) * 4,
    ]);
  }
  return {
    sheets: [
      {
        name: 'Resources',
        rows: [
          ['Resource', 'Role', 'Hours per week'],
          ['Ana', 'PM', 40],
          ['Ben', 'Developer', 40],
          ['Chloé', 'Tester', 32],
          ['@dev', 'Developer', 40],
        ],
      },
      { name: 'Assignments', rows: assignments },
      {
        name: 'Time Off',
        rows: [
          ['Resource', 'Start', 'End', 'Hours'],
          ['Ana', { date: addDays(today, 9) }, { date: addDays(today, 9) }, 8],
          [null, { date: addDays(today, 44) }, { date: addDays(today, 47) }, null],
        ],
      },
      {
        name: 'Initiatives',
        rows: [
          ['ID', 'Initiative', 'Cost', 'Business Value', 'Time Criticality', 'RR/OE', 'Job Size'],
          ['I-1', 'Customer portal', euros(120000), 8, 5, 3, 5],
          ['I-2', '=HYPERLINK("http://x","y")', euros(90000), 13, 8, 5, 8],
          ['I-3', '+cmd', euros(200000), 20, 13, 8, 13],
          ['I-4', '@user', euros(60000), 5, 3, 2, 3],
          ['I-5', 'Data platform', euros(150000), 8, 8, 5, 5],
        ],
      },
      {
        name: 'Risks',
        rows: [
          ['ID', 'Risk', 'Category', 'Probability', 'Impact', 'Cost'],
          ['R-1', 'Vendor late', 'Vendor', 0.4, 0.6, euros(100000, EURO_AFTER)],
          ['-1 risk', 'Key person leaves', 'Resource', 0.2, 0.9, euros(50000, EURO_AFTER)],
          ['R-3', 'Scope creep', 'Schedule', 0.9, 0.3, euros(20000, EURO_AFTER)],
          ['R-4', 'Licence cost rises', 'Vendor', 0.5, 0.5, euros(30000, EURO_AFTER)],
        ],
      },
      {
        name: 'Settings',
        rows: [
          ['Setting', 'Value'],
          ['Portfolio budget', 300000],
        ],
      },
      ...extraSheets,
    ],
    names: { Budget: { sheet: 'Settings', cell: 'B2' } },
  };
}

/** The user text of the seed workbook that a spreadsheet could read as a formula or a sign. */
export const FORMULA_LIKE_NAMES = ['=HYPERLINK("http://x","y")', '+cmd', '@user', '-1 risk', '@dev'] as const;

/** Serial of an ISO day. */
export function serialOf(iso: string): number {
  const [year, month, day] = iso.split('-').map(Number);
  return serialFromParts(year ?? 0, month ?? 1, day ?? 1);
}

/**
 * What a host cell holds for a seed value: a date in the host's form (`date`) formatted yyyy-mm-dd, and text the
 * user typed to stay text (it starts like a formula) formatted "@", as Excel shows with a leading apostrophe.
 */
export function seededCell<D>(
  value: Exclude<SeedValue, null>,
  date: (iso: string) => D,
): { value: string | number | boolean | D; numberFormat?: string } {
  if (typeof value === 'object')
    return 'number' in value
      ? { value: value.number, numberFormat: value.format }
      : { value: date(value.date), numberFormat: 'yyyy-mm-dd' };
  if (typeof value === 'string' && /^[=+\-@]/.test(value)) return { value, numberFormat: '@' };
  return { value };
}
