// What the dashboard dialog and Code.js pass each other through google.script.run (DESIGN §7, §9): the page reads
// the workbook with one server call, plans the dashboard with the core in the browser (so Code.js, evaluated before
// every custom-function call, carries neither the dashboard builder nor table discovery), and writes the plan
// with a second call. JSON-like values only (google.script.run passes no Date: dates are day serials). In the
// page's folder, so the server may read it (the page may not import server code); it holds no code to bundle.

import type { Cell } from '../../core/cells';
import type { CellFormat } from '../../core/workbook';

/** The attribute that puts Sidebar.html in dashboard mode: the page looks for an element carrying it. */
export const DASHBOARD_PAGE_ATTRIBUTE = 'data-pmo-page';

/**
 * What the menu item appends to Sidebar.html to open it as the dashboard dialog: a constant, hidden element (no
 * script, no user data, DESIGN §8).
 */
export const DASHBOARD_PAGE_MARK = `<div hidden ${DASHBOARD_PAGE_ATTRIBUTE}="dashboard"></div>`;

/** One sheet of the workbook as read: its name and values from A1 (blanks null, dates day serials). */
export interface DashboardSheetRead {
  readonly name: string;
  readonly rows: readonly (readonly Cell[])[];
  /** Number formats of the sheet's top left (core FORMAT_WINDOW), General left out. */
  readonly numberFormats?: readonly CellFormat[];
}

/** The server's answer to the read call: everything `buildDashboard` needs. */
export interface DashboardWorkbookRead {
  /** The user's sheets (the add-in's own dashboard sheets left out). */
  readonly sheets: readonly DashboardSheetRead[];
  /** Today as a day serial in the spreadsheet's time zone. */
  readonly today: number;
  /** The footer's time stamp, in the spreadsheet's time zone ("2026-11-27 14:55"). */
  readonly builtAt: string;
  /** The cells of the named range "Budget", when the spreadsheet has one. */
  readonly budgetCells?: readonly (readonly Cell[])[];
  /** The sheet to write (core `chooseDashboardSheet`); the write call checks it again. */
  readonly sheetName: string;
}

/** What the page tells the write call besides the plan: the counts the toast shows. */
export interface DashboardWriteCounts {
  readonly tables: number;
  readonly issues: number;
}

/** The server's answer to the write call. */
export interface DashboardWritten {
  readonly sheetName: string;
}
