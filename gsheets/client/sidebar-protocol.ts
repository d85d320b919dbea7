// What the scoring sidebar and Code.js pass each other to read the initiatives table: the server reads the block of
// cells (one getValues) and the page finds the table in it with the core (core/initiatives/sheet-table.ts), so
// Code.js, evaluated before every custom-function call, does not carry table detection (DESIGN §9). JSON-like
// values only. In the page's folder, so the server may read it (the page may not import server code); types only.

import type { detectInitiativesTable, SheetBlock } from '../../core/initiatives/sheet-table';

/** The cells the server read for a table source, and how it chose them (named in the panel's messages). */
export interface InitiativesBlockRead {
  readonly kind: 'block';
  readonly sheet: string;
  readonly block: SheetBlock;
  /** How the cells were chosen, as detection names it in its messages. */
  readonly foundBy: Parameters<typeof detectInitiativesTable>[3];
}
