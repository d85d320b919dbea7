// Rectangles of cells, 0-based, as both host fakes keep them (merges, ranges, tables).

export interface GridArea {
  readonly row: number;
  readonly column: number;
  readonly rows: number;
  readonly columns: number;
}

/** Whether the cell (row, column) lies inside `area`. */
export function within(area: GridArea, row: number, column: number): boolean {
  return (
    row >= area.row &&
    row < area.row + area.rows &&
    column >= area.column &&
    column < area.column + area.columns
  );
}

/** Whether two areas share at least one cell. */
export function overlaps(a: GridArea, b: GridArea): boolean {
  return (
    a.row < b.row + b.rows &&
    b.row < a.row + a.rows &&
    a.column < b.column + b.columns &&
    b.column < a.column + a.columns
  );
}
