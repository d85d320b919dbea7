// Catalog entries for budget-constrained portfolio selection (DESIGN §6, §10): SELECT and FRONTIER. They read the
// initiatives' columns (money text, must flags, groups, requirements) and call core/prioritization/selection.

import { type Cell, cellText, isBlank } from '../cells';
import { isPmoError, type PmoError, pmoError, quote } from '../errors';
import {
  efficientFrontier,
  formatAmount,
  type SelectionItem,
  selectPortfolio,
} from '../prioritization/selection';
import { alignColumns, alignedRow, anyValue, columnResult, fieldNumber, isNumberLike } from './columns';
import { defineFunction, type Grid, type OutCell, type OutGrid } from './types';

const TRUE_WORDS = new Set(['true', 'yes', 'y', 'x', '1', 'must', 'required', 'mandatory']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0', '-']);

const isFlagCell = (cell: Cell): boolean =>
  typeof cell === 'boolean' ||
  cell === 0 ||
  cell === 1 ||
  (typeof cell === 'string' &&
    (TRUE_WORDS.has(cell.trim().toLowerCase()) || FALSE_WORDS.has(cell.trim().toLowerCase())));

const isRequiresCell = (cell: Cell): boolean =>
  typeof cell === 'number' || (typeof cell === 'string' && /^\s*\d+(\s*[,;\s]\s*\d+)*\s*$/.test(cell));

/** The initiatives of SELECT/FRONTIER, with list positions (1-based) and which rows were blank. */
interface Portfolio {
  readonly header: boolean;
  readonly items: SelectionItem[];
  /** Item index per list row, or -1 for a blank row. */
  readonly itemOfRow: number[];
}

/** One initiative as read from its row, with what it requires still as list rows (0-based). */
interface Draft {
  readonly cost: number;
  readonly value: number;
  readonly must: boolean;
  readonly group: string | undefined;
  readonly requires: number[];
}

function mustOf(fn: string, cell: Cell, position: number): boolean | PmoError {
  if (isBlank(cell)) return false;
  const word = typeof cell === 'string' ? cell.trim().toLowerCase() : String(cell).toLowerCase();
  if (cell === true || TRUE_WORDS.has(word)) return true;
  if (cell === false || FALSE_WORDS.has(word)) return false;
  return pmoError(
    'value',
    `${fn}: must for initiative ${position} is ${quote(cellText(cell))}; use TRUE/FALSE (or yes/no).`,
  );
}

function requiresOf(fn: string, cell: Cell, position: number, rowCount: number): number[] | PmoError {
  const requires: number[] = [];
  if (isBlank(cell)) return requires;
  if (!isRequiresCell(cell))
    return pmoError(
      'value',
      `${fn}: requires for initiative ${position} is ${quote(cellText(cell))}; give list positions such as 3 or "2, 5".`,
    );
  for (const part of cellText(cell).split(/[,;\s]+/)) {
    if (part === '') continue;
    const target = Number(part);
    if (!Number.isInteger(target) || target < 1 || target > rowCount)
      return pmoError(
        'value',
        `${fn}: initiative ${position} requires ${part}, but positions run from 1 to ${rowCount}.`,
      );
    if (target === position) return pmoError('value', `${fn}: initiative ${position} requires itself.`);
    requires.push(target - 1);
  }
  return requires;
}

/** Reads one non-blank row of the portfolio. */
function draftOf(fn: string, row: readonly Cell[], position: number, rowCount: number): Draft | PmoError {
  const [costCell = null, valueCell = null, mustCell = null, groupCell = null, requiresCell = null] = row;
  const cost = fieldNumber(costCell, 'cost');
  if (isPmoError(cost))
    return pmoError(
      'value',
      `${fn}: the ${cost.message} for initiative ${position}; every initiative needs a cost.`,
    );
  if (cost < 0)
    return pmoError(
      'value',
      `${fn}: initiative ${position} has cost ${formatAmount(cost)}; costs must be ≥ 0 (enter a saving as value).`,
    );
  const value = fieldNumber(valueCell, 'value');
  if (isPmoError(value))
    return pmoError(
      'value',
      `${fn}: the ${value.message} for initiative ${position}; every initiative needs a value.`,
    );
  const must = mustOf(fn, mustCell, position);
  if (isPmoError(must)) return must;
  const requires = requiresOf(fn, requiresCell, position, rowCount);
  if (isPmoError(requires)) return requires;
  return { cost, value, must, group: isBlank(groupCell) ? undefined : cellText(groupCell), requires };
}

/** Turns each draft's required list rows into item indexes; a requirement on a blank row is an error. */
function itemsOf(
  fn: string,
  drafts: readonly Draft[],
  itemOfRow: readonly number[],
): SelectionItem[] | PmoError {
  const items: SelectionItem[] = [];
  for (const [index, draft] of drafts.entries()) {
    const requires: number[] = [];
    for (const row of draft.requires) {
      const target = itemOfRow[row] ?? -1;
      if (target < 0)
        return pmoError(
          'value',
          `${fn}: initiative ${itemOfRow.indexOf(index) + 1} requires initiative ${row + 1}, which is blank.`,
        );
      requires.push(target);
    }
    items.push({ cost: draft.cost, value: draft.value, must: draft.must, group: draft.group, requires });
  }
  return items;
}

function readPortfolio(fn: string, columns: readonly (Grid | undefined)[]): Portfolio | PmoError {
  const [costs, values, must, groups, requires] = columns;
  const aligned = alignColumns(fn, [
    { name: 'costs', grid: costs, isValue: isNumberLike },
    { name: 'values', grid: values, isValue: isNumberLike },
    { name: 'must', grid: must, isValue: isFlagCell },
    { name: 'groups', grid: groups, isValue: anyValue },
    { name: 'requires', grid: requires, isValue: isRequiresCell },
  ]);
  if (isPmoError(aligned)) return aligned;
  const itemOfRow: number[] = [];
  const drafts: Draft[] = [];
  for (let r = 0; r < aligned.rowCount; r++) {
    const row = alignedRow(aligned, r);
    if (row.every((cell) => isBlank(cell))) {
      itemOfRow.push(-1);
      continue;
    }
    const draft = draftOf(fn, row, r + 1, aligned.rowCount);
    if (isPmoError(draft)) return draft;
    itemOfRow.push(drafts.length);
    drafts.push(draft);
  }
  const items = itemsOf(fn, drafts, itemOfRow);
  if (isPmoError(items)) return items;
  if (items.length === 0)
    return pmoError('not-available', `${fn}: there are no initiatives (every row is blank).`);
  return { header: aligned.header, items, itemOfRow };
}

/** The list position (1-based) of each item, for core messages. */
function positionsOf(portfolio: Portfolio): number[] {
  const positions: number[] = [];
  portfolio.itemOfRow.forEach((item, row) => {
    if (item >= 0) positions[item] = row + 1;
  });
  return positions;
}

const prefixed = (fn: string, error: PmoError): PmoError => pmoError(error.code, `${fn}: ${error.message}`);

const COSTS = {
  name: 'costs',
  kind: 'column',
  description: 'Cost per initiative (numbers or money text); ≥ 0.',
} as const;
const VALUES = { name: 'values', kind: 'column', description: 'Value per initiative.' } as const;

export const SELECT = /* @__PURE__ */ defineFunction({
  name: 'SELECT',
  description:
    'The exact value-maximising set of initiatives within the budget (not greedy), with must-fund items, mutually exclusive groups and requirements.',
  returns:
    'TRUE/FALSE per initiative (a header cell Selected when the inputs had headers); ties go to the lower total cost, then to earlier rows.',
  params: [
    { ...COSTS, description: 'Cost per initiative (numbers or money text such as "CHF 1,200,000"); ≥ 0.' },
    {
      ...VALUES,
      description:
        'Value per initiative (score, NPV…); items with value ≤ 0 are never picked for themselves.',
    },
    { name: 'budget', kind: 'number', min: 0, description: 'The budget (number or money text); ≥ 0.' },
    {
      name: 'must',
      kind: 'column',
      optional: true,
      description: 'TRUE to force an initiative in (with what it requires); blank/FALSE otherwise.',
    },
    {
      name: 'groups',
      kind: 'column',
      optional: true,
      description: 'Mutually exclusive group label per initiative: at most one per label; blank = none.',
    },
    {
      name: 'requires',
      kind: 'column',
      optional: true,
      description:
        'Positions (1, 2, 3… in the list) of the initiatives each one requires, e.g. 3 or "2, 5"; blank = none.',
    },
  ],
  run: ([costs, values, budget, must, groups, requires]) => {
    const portfolio = readPortfolio('SELECT', [costs, values, must, groups, requires]);
    if (isPmoError(portfolio)) return portfolio;
    const selection = selectPortfolio(
      { items: portfolio.items, budget },
      { positions: positionsOf(portfolio) },
    );
    if ('kind' in selection) return prefixed('SELECT', selection);
    const out = portfolio.itemOfRow.map(
      (item): OutCell => (item < 0 ? '' : (selection.selected[item] ?? false)),
    );
    return columnResult(portfolio.header, 'Selected', out);
  },
});

export const FRONTIER = /* @__PURE__ */ defineFunction({
  name: 'FRONTIER',
  description:
    'Efficient frontier: the optimal portfolio value at evenly spaced budgets from the cheapest initiative to the total cost.',
  returns:
    'Header Budget, Value, Cost, Count, then one row per budget: the optimal value, that set’s cost and its size.',
  params: [
    COSTS,
    VALUES,
    {
      name: 'points',
      kind: 'number',
      optional: true,
      default: 10,
      min: 2,
      max: 1000,
      integer: true,
      description: 'How many budgets (default 10, from 2 to 1,000).',
    },
  ],
  run: ([costs, values, points]) => {
    const portfolio = readPortfolio('FRONTIER', [costs, values]);
    if (isPmoError(portfolio)) return portfolio;
    const frontier = efficientFrontier(portfolio.items, points, { positions: positionsOf(portfolio) });
    if ('kind' in frontier) return prefixed('FRONTIER', frontier);
    const rows: OutGrid = [['Budget', 'Value', 'Cost', 'Count']];
    for (const point of frontier) {
      const optimum = point.optimum;
      if ('kind' in optimum) {
        const error = prefixed('FRONTIER', optimum);
        rows.push([point.budget, error, error, error]);
      } else rows.push([point.budget, optimum.value, optimum.cost, optimum.count]);
    }
    return rows;
  },
});
