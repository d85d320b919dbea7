// The HostBridge: everything the scoring panel asks of its host (Excel through Office.js, Google Sheets through
// google.script.run), as JSON-like values only — no Date, no host object — so the same shapes cross
// google.script.run unchanged. Types only: no DOM, no host types, importable by both adapters and the tests.
// The table and write shapes are core's (core/initiatives/), where both hosts' table logic lives.

import type { TableMapping } from '../core/discovery/mapping';
import type { SheetError, SheetTable } from '../core/initiatives/sheet-table';
import type { OwnedColumn, WriteRequest, WriteStale } from '../core/initiatives/write-plan';
import type { SheetView } from '../core/workbook';

export type { CellValue, SheetTable } from '../core/initiatives/sheet-table';
export type {
  ConflictChoice,
  OutputColumn,
  OwnedColumn,
  WriteRequest,
  WriteStale,
} from '../core/initiatives/write-plan';

/** Where the panel reads the initiatives table from. */
export type TableSource =
  /** The initiatives table on the active sheet: an Excel table first, else the used range (header detection). */
  | { readonly kind: 'detect' }
  /** The user's current selection, header row included. */
  | { readonly kind: 'selection' }
  /** A range read before (restored from the saved settings). */
  | { readonly kind: 'range'; readonly sheet: string; readonly address: string };

/** A failure the panel shows as it is: one sentence for the user. */
export type BridgeError = SheetError;

export type ReadResult = SheetTable | BridgeError;

export interface WriteDone {
  readonly kind: 'written';
  readonly sheet: string;
  /** A1 address(es) written, for the status line ("J3:L12"). */
  readonly address: string;
  /** Where each column went: the add-in's columns from now on (none when they went to the add-in's own sheet). */
  readonly columns: readonly OwnedColumn[];
  /**
   * Set when the results went to the add-in's own scores sheet (`sheet`), not beside the table: why ("column H right
   * of the table is not blank", or "where they went before").
   */
  readonly elsewhere?: string;
}

/** The headers that name user columns: the panel asks before overwriting them. */
export interface WriteConflict {
  readonly kind: 'conflict';
  readonly headers: readonly string[];
}

export type WriteResult = WriteDone | WriteConflict | WriteStale | BridgeError;

export interface SettingsSaved {
  readonly kind: 'saved';
}

/**
 * The workbook as the Tables view reads it: every sheet's values (blanks null, dates day serials), the hidden PMO
 * Data sheet included (its saved mapping), the add-in's dashboard sheets left out. The view runs discovery on it
 * with the core, as the dashboard does, so both hosts show the same tables.
 */
export interface WorkbookRead {
  readonly kind: 'workbook';
  readonly sheets: readonly SheetView[];
}

/** The table mapping was written to the add-in's hidden PMO Data sheet, named here. */
export interface MappingSaved {
  readonly kind: 'saved';
  readonly sheet: string;
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
  /** Reads every sheet once, for the Tables view. */
  readWorkbook(): Promise<WorkbookRead | BridgeError>;
  /**
   * Writes `mapping` into the hidden PMO Data sheet the add-in owns (created when absent, the marker in A1, its
   * other sections such as the dashboard's history kept; core `planPmoData`), and touches no other sheet.
   */
  saveTableMapping(mapping: TableMapping): Promise<MappingSaved | BridgeError>;
}

/** Builds a {@link BridgeError}. */
export { sheetError as bridgeError } from '../core/initiatives/sheet-table';

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
