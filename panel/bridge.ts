// The HostBridge: everything the scoring panel asks of its host (Excel through Office.js, Google Sheets through
// google.script.run), as JSON-like values only — no Date, no host object — so the same shapes cross
// google.script.run unchanged. Types only: no DOM, no host types, importable by both adapters and the tests.

/** A cell as the panel receives it: dates are already serial numbers, host errors are text such as "#N/A". */
export type CellValue = string | number | boolean | null;

/** Where the panel reads the initiatives table from. */
export type TableSource =
  /** The initiatives table on the active sheet: an Excel table first, else the used range (header detection). */
  | { readonly kind: 'detect' }
  /** The user's current selection, header row included. */
  | { readonly kind: 'selection' }
  /** A range read before (restored from the saved settings). */
  | { readonly kind: 'range'; readonly sheet: string; readonly address: string };

/** The initiatives table found on a sheet: its header row and the data rows below it, in sheet order. */
export interface SheetTable {
  readonly kind: 'table';
  readonly sheet: string;
  /** How it was found: an Excel table (list object), the sheet's used range, or the user's selection. */
  readonly foundBy: 'excel table' | 'used range' | 'selection' | 'saved range';
  /** The Excel table's name when `foundBy` is 'excel table'; '' otherwise. */
  readonly tableName: string;
  /** A1 address of the table, header row included, without the sheet name ("B3:H12"). */
  readonly tableRange: string;
  /** Sheet row number (1-based) of the header row. */
  readonly headerRow: number;
  /** Sheet row number of `rows[0]` (always headerRow + 1). */
  readonly firstRow: number;
  /** 0-based sheet column index of `headers[0]` (A = 0). */
  readonly firstColumn: number;
  /** Header texts as written (trimmed), one per column. */
  readonly headers: readonly string[];
  /** Data rows below the header, blank rows kept so that rows[i] is sheet row firstRow + i. */
  readonly rows: readonly (readonly CellValue[])[];
}

/** A failure the panel shows as it is: one sentence for the user. */
export interface BridgeError {
  readonly kind: 'error';
  readonly message: string;
}

export type ReadResult = SheetTable | BridgeError;

/** A column the add-in wrote before: where, and under which header (kept in the saved settings). */
export interface OwnedColumn {
  /** 0-based sheet column index. */
  readonly column: number;
  readonly header: string;
}

/** One result column: a header and one value per data row (rows firstRow…lastRow). */
export interface OutputColumn {
  readonly header: string;
  readonly values: readonly CellValue[];
  /** Number format for the numbers in the column ("0.00"); null leaves the host's default. Text is always "@". */
  readonly numberFormat: string | null;
}

/** What to do when a header to write already names a column the add-in did not create. */
export type ConflictChoice = 'ask' | 'overwrite' | 'new-columns';

/** A request to write result columns right of the user's table. */
export interface WriteRequest {
  readonly sheet: string;
  readonly headerRow: number;
  /** Last sheet row to write (the table's last data row). */
  readonly lastRow: number;
  /** 0-based sheet columns of the user's table: its first and last user column (add-in columns excluded). */
  readonly firstColumn: number;
  readonly lastColumn: number;
  /** The user's header texts firstColumn…lastColumn as read: the write stops if the sheet changed since. */
  readonly headers: readonly string[];
  /**
   * A fingerprint of the user's cells (rows headerRow+1…lastRow, columns firstColumn…lastColumn) as read
   * (panel/sheet-table.ts `tableFingerprint`): if the rows were sorted or edited since, results would land on the
   * wrong rows, so the write stops.
   */
  readonly fingerprint: string;
  readonly columns: readonly OutputColumn[];
  /** Columns the add-in created on this sheet before (from the settings); a same-named one is reused. */
  readonly owned: readonly OwnedColumn[];
  readonly onConflict: ConflictChoice;
}

export interface WriteDone {
  readonly kind: 'written';
  readonly sheet: string;
  /** A1 address(es) written, for the status line ("J3:L12"). */
  readonly address: string;
  /** Where each column went: the add-in's columns from now on. */
  readonly columns: readonly OwnedColumn[];
}

/** The headers that name user columns: the panel asks before overwriting them. */
export interface WriteConflict {
  readonly kind: 'conflict';
  readonly headers: readonly string[];
}

/** The table changed since it was read (headers, rows sorted or edited): nothing was written. */
export interface WriteStale {
  readonly kind: 'stale';
  readonly reason: string;
}

export type WriteResult = WriteDone | WriteConflict | WriteStale | BridgeError;

export interface SettingsSaved {
  readonly kind: 'saved';
}

/** What the panel needs from its host. Every method resolves (never rejects): failures are BridgeErrors. */
export interface HostBridge {
  /** Which host: picks the look (Fluent in Excel, Google's add-on style in Sheets) and the wording. */
  readonly host: 'excel' | 'sheets';
  /** Reads the initiatives table: detected on the active sheet, the selection, or a saved range. */
  readInitiatives(source: TableSource): Promise<ReadResult>;
  /** Writes result columns right of the table (see {@link WriteRequest}). */
  writeResults(request: WriteRequest): Promise<WriteResult>;
  /** The panel's saved configuration (JSON text), or null when the document has none. */
  loadSettings(): Promise<string | null | BridgeError>;
  /** Saves the configuration in the document (Excel document settings, Sheets document properties). */
  saveSettings(json: string): Promise<SettingsSaved | BridgeError>;
}

/** Builds a {@link BridgeError}. */
export function bridgeError(message: string): BridgeError {
  return { kind: 'error', message };
}

/** The message of anything thrown by a host API, for a BridgeError. */
export function thrownMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { message?: unknown }).message === 'string'
  )
    return (error as { message: string }).message;
  return String(error);
}
