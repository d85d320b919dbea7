// A plan kept one sheet per period ("Sep2019", "Oct2019", …; DESIGN §4): the assignments tables of those sheets,
// with the same columns, are one table read sheet by sheet, each sheet's loads falling in the period its name is.

import type { LocatedTable, WorkbookTables } from '../workbook';
import { KIND_RULES } from './kinds';

const ASSIGNMENTS_RULE = KIND_RULES.find((rule) => rule.kind === 'assignments');

/**
 * The roles a table's header names and their sheet columns, as "key@column" (two sheets of one plan have the same;
 * a mapped sheet's relabelled header too).
 */
function columnsOf(table: LocatedTable): string {
  const headerRow = (table.headerRows?.[table.headerRows.length - 1] ?? table.firstRow) - table.firstRow;
  const columns = ASSIGNMENTS_RULE?.match(table.grid[headerRow] ?? []) ?? new Map<string, number>();
  const first = table.firstColumn ?? 0;
  return [...columns]
    .map(([key, c]) => `${key}@${first + c}`)
    .sort()
    .join('|');
}

/**
 * `found` with the assignments table joined to the other sheets of its plan when it is kept one sheet per period:
 * the further assignments tables on sheets named for other periods, with the same columns, leave `also` and become
 * the table's `sheets` (period order; the earliest is the table). One sheet per period: a second sheet for a period
 * already read stays in `also`.
 */
export function joinPeriodSheets(found: WorkbookTables): WorkbookTables {
  const first = found.tables.assignments;
  if (!first?.period || !found.also) return found;
  const columns = columnsOf(first);
  const starts = new Set([first.period.start]);
  const joined: LocatedTable[] = [first];
  const also: LocatedTable[] = [];
  for (const table of found.also) {
    const start = table.period?.start;
    if (
      table.kind === 'assignments' &&
      start !== undefined &&
      !starts.has(start) &&
      columnsOf(table) === columns
    ) {
      joined.push(table);
      starts.add(start);
    } else also.push(table);
  }
  if (joined.length === 1) return found;
  joined.sort((a, b) => (a.period?.start ?? 0) - (b.period?.start ?? 0));
  const earliest = joined[0] ?? first;
  const { also: _, ...rest } = found;
  return {
    ...rest,
    // How the plan was found (by its headers, or a mapping of one month) is how the table the others joined was.
    tables: {
      ...found.tables,
      assignments: { ...earliest, foundBy: first.foundBy, confidence: first.confidence, sheets: joined },
    },
    ...(also.length > 0 ? { also } : {}),
  };
}
