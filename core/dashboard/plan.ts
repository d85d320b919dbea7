// The host-neutral plan of the "PMO Dashboard" sheet: one rectangle of cells with their values, number
// formats and styles, plus merges, column widths and charts. Excel, Sheets and the CLI each render it.

/** Name of the sheet the add-in owns. */
export const DASHBOARD_SHEET_NAME = 'PMO Dashboard';

/**
 * Text written in the dashboard's first cell (A1). A sheet is the add-in's own only when A1 holds exactly
 * this text (and, where the host has it, the sheet carries the developer-metadata / custom-property marker).
 */
export const DASHBOARD_MARKER = 'PMO Dashboard · built by the PMO Toolkit add-in';

/**
 * Text in A1 of the hidden PMO Data sheet (core/discovery/pmo-data.ts): a sheet is the add-in's own only when A1
 * holds exactly this text. Here, beside the dashboard's, so that Code.js can check it without the table kinds.
 */
export const PMO_DATA_MARKER =
  'PMO Data · kept by the PMO Toolkit add-in: the table mapping it reads your tables by, and its build history';

/** One cell value. Text from user cells is `{ text }` so renderers never let it become a formula. */
export type PlanValue =
  | string
  | number
  | boolean
  | null
  | { readonly date: number }
  | { readonly userText: string };

/** Named styles, so renderers can map each to native formatting once. */
export type PlanStyleName =
  | 'title'
  | 'subtitle'
  | 'section'
  | 'header'
  | 'label'
  | 'figure'
  | 'tile-label'
  | 'tile-figure'
  | 'tile-detail'
  | 'tile-change'
  | 'tile-better'
  | 'tile-worse'
  | 'note'
  | 'footer'
  | 'band-under'
  | 'band-ok'
  | 'band-over'
  | 'band-critical'
  | 'band-no-capacity'
  | 'risk-low'
  | 'risk-moderate'
  | 'risk-high'
  | 'risk-extreme'
  | 'selected'
  | 'not-selected'
  | 'issue';

/** What each style looks like: hex colours (#RRGGBB), bold, italic, font size in points. */
export interface PlanStyle {
  readonly fill?: string;
  readonly fontColor?: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly fontSize?: number;
  readonly align?: 'left' | 'center' | 'right';
  /** Centred vertically (in rows taller than their text: the tiles' numbers, the risk matrix); else at the bottom. */
  readonly middle?: boolean;
}

/** One plan cell. `numberFormat` uses Excel codes ("0%", "#,##0", "yyyy-mm-dd", "@"). */
export interface PlanCell {
  readonly value: PlanValue;
  readonly numberFormat?: string;
  readonly style?: PlanStyleName;
}

/** A native chart over a block of the plan (0-based, inclusive row/column ranges of the plan grid). */
export interface PlanChart {
  readonly kind: 'column' | 'bar' | 'line';
  readonly title: string;
  /** Category labels: one column (rows firstRow..lastRow) of the grid. */
  readonly categories: { readonly column: number; readonly firstRow: number; readonly lastRow: number };
  /** Series: one column each, same rows as the categories; `nameRow` holds the series name. */
  readonly series: readonly { readonly column: number; readonly nameRow: number }[];
  /** Where the chart sits: top-left cell and size in cells. */
  readonly anchor: {
    readonly row: number;
    readonly column: number;
    readonly rows: number;
    readonly columns: number;
  };
}

/** The whole dashboard sheet. `cells[r][c]` is row r, column c from A1; rows may be shorter than `width`. */
export interface DashboardPlan {
  readonly sheetName: string;
  readonly width: number;
  readonly cells: readonly (readonly PlanCell[])[];
  readonly styles: Readonly<Record<PlanStyleName, PlanStyle>>;
  /** Merged areas, 0-based inclusive. */
  readonly merges: readonly {
    readonly row: number;
    readonly column: number;
    readonly rows: number;
    readonly columns: number;
  }[];
  /** Column widths in characters, by 0-based column. */
  readonly columnWidths: readonly number[];
  readonly charts: readonly PlanChart[];
  /** Rows to freeze at the top (the title block). */
  readonly frozenRows: number;
  /** Heights in points of the rows that need their own (the headline tiles' figures, the square risk matrix). */
  readonly rowHeights?: readonly { readonly row: number; readonly points: number }[];
  /**
   * How the sheet prints, where the host can set it: landscape, one page wide, and the first `titleRows` rows
   * repeated at the top of every page. Absent: the host's defaults (the PMO Data sheet).
   */
  readonly print?: { readonly titleRows: number };
}

/** True when a plan value is user text that must be written as text. */
export function isUserText(value: PlanValue): value is { readonly userText: string } {
  return typeof value === 'object' && value !== null && 'userText' in value;
}

/** True when a plan value is a date serial. */
export function isDateValue(value: PlanValue): value is { readonly date: number } {
  return typeof value === 'object' && value !== null && 'date' in value;
}

/** True when text would be read as a formula or a sign by a spreadsheet (= + - @) and must be forced to text. */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@]/.test(text) || /^[\t\r\n]/.test(text);
}

/**
 * A plan value as a host stores it, the one rule for Excel and Sheets: `text` when it must be stored as text
 * (user text always, and any other text a spreadsheet would read as a formula), `date` for a day serial.
 */
export type StoredValue =
  | { readonly kind: 'blank' }
  | { readonly kind: 'text'; readonly value: string }
  | { readonly kind: 'date'; readonly value: number }
  | { readonly kind: 'value'; readonly value: string | number | boolean };

export function storedValue(value: PlanValue): StoredValue {
  if (value === null) return { kind: 'blank' };
  if (isUserText(value)) return { kind: 'text', value: value.userText };
  if (isDateValue(value)) return { kind: 'date', value: value.date };
  if (typeof value === 'string' && looksLikeFormula(value)) return { kind: 'text', value };
  return { kind: 'value', value };
}

/** Name of the n-th sheet the add-in owns under `stem`: "PMO Dashboard", then "PMO Dashboard (2)", "(3)"… */
export function ownedSheetName(stem: string, n: number): string {
  return n === 1 ? stem : `${stem} (${n})`;
}

/**
 * The sheet to write an add-in sheet named `stem` to (DESIGN §7): `stem` when absent or the add-in's own (A1 holds
 * its marker), else the first "`stem` (n)" that is absent or the add-in's own. A user's sheet of that name is never
 * chosen. Names compare case-insensitively, as both hosts do.
 * @returns the name to write and, when rebuilding, the existing sheet to replace.
 */
export function chooseOwnedSheet<T extends { readonly name: string }>(
  stem: string,
  sheets: readonly T[],
  isOurs: (sheet: T) => boolean,
): { name: string; existing: T | undefined } {
  const byName = new Map(sheets.map((sheet) => [sheet.name.toLowerCase(), sheet]));
  for (let n = 1; ; n++) {
    const name = ownedSheetName(stem, n);
    const existing = byName.get(name.toLowerCase());
    if (!existing) return { name, existing: undefined };
    if (isOurs(existing)) return { name: existing.name, existing };
  }
}

/** Name of the n-th dashboard sheet: "PMO Dashboard", then "PMO Dashboard (2)", "(3)"… */
export const dashboardSheetName = (n: number): string => ownedSheetName(DASHBOARD_SHEET_NAME, n);

/** The sheet a dashboard build writes to: see {@link chooseOwnedSheet}. */
export function chooseDashboardSheet<T extends { readonly name: string }>(
  sheets: readonly T[],
  isOurs: (sheet: T) => boolean,
): { name: string; existing: T | undefined } {
  return chooseOwnedSheet(DASHBOARD_SHEET_NAME, sheets, isOurs);
}
