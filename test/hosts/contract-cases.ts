// The catalog contract's inputs: for every catalog function, its arguments as a user would type them (ranges of
// cells with their headers, single values), host-neutral (dates as ISO days, error cells by their text, blanks as
// null). Three calls each: only the required arguments; the required ones and the LAST optional one, with every
// optional between left empty (=F(a, b, , , x)); every optional given. Error cells, blanks, text numbers and
// rows that fail on purpose are spread through them, so the hosts' conventions for each are crossed.

import type { ExcelCell, ExcelFormulaArgument } from '../fakes/excel';
import { d } from '../helpers';

/** A cell as typed: a value, a date, an error cell, or null for a blank. */
export type ContractCell =
  | number
  | string
  | boolean
  | null
  | { readonly date: string }
  | { readonly error: string };
export type ContractArg = readonly (readonly ContractCell[])[] | ContractCell;

export interface ContractCase {
  /** Only the required arguments. */
  readonly minimum: readonly ContractArg[];
  /** Every argument, optional ones included (the same length as the catalog's parameter list). */
  readonly full: readonly ContractArg[];
}

const day = (iso: string) => ({ date: iso });
const na = { error: '#N/A' };
const column = (header: string, ...values: ContractCell[]) => [[header], ...values.map((value) => [value])];

const ASSIGNMENTS: ContractArg = [
  ['Resource', 'Project', 'Start', 'End', 'Hours per week', 'Status', 'Probability'],
  ['Ana', 'Apollo', day('2025-03-03'), day('2025-03-21'), 20, 'Confirmed', null],
  ['Ben', 'Hermes', day('2025-03-10'), day('2025-03-28'), '50', 'Tentative', '40%'],
  ['Cy', 'Apollo', day('2025-03-03'), day('2025-03-07'), 10, null, null],
  ['Zoe', 'Zeus', day('2025-03-03'), day('2025-03-07'), 10, null, null],
  ['Ana', 'Zeus', day('2025-03-17'), day('2025-03-14'), 10, null, null],
  ['Ben', 'Zeus', na, day('2025-03-14'), 8, null, null],
  [null, null, null, null, null, null, null],
];
const RESOURCES: ContractArg = [
  ['Resource', 'Hours per week'],
  ['Ana', 40],
  ['Ben', 32],
  ['Cy', 0],
];
/** The same people with a Role (one with two, one with none) and a Skill column, for the group functions. */
const RESOURCES_WITH_ROLES: ContractArg = [
  ['Resource', 'Hours per week', 'Role', 'Skill'],
  ['Ana', 40, 'Developer', 'SQL; Java'],
  ['Ben', 32, 'Developer, Analyst', 'Java'],
  ['Cy', 0, null, 'SQL'],
];
const TIME_OFF: ContractArg = [
  ['Resource', 'Start', 'End', 'Hours'],
  ['Ana', day('2025-03-12'), day('2025-03-12'), null],
  ['All', day('2025-03-17'), null, 4],
];
const UTILIZATION_FULL: readonly ContractArg[] = [
  ASSIGNMENTS,
  RESOURCES,
  day('2025-03-01'),
  '2025-03-31',
  'week',
  TIME_OFF,
  'weighted',
];

/** The group functions' fullest call: the grid's arguments, then group_by and unit. */
const GROUP_FULL: readonly ContractArg[] = [
  ASSIGNMENTS,
  RESOURCES_WITH_ROLES,
  ...UTILIZATION_FULL.slice(2),
  'Skill',
  'fte',
];

const RATINGS: ContractArg = [
  ['Value', 'Cost', 'Risk'],
  [8, 100, 'High'],
  [5, '50', 2],
  [3, 80, na],
];
const COSTS = column('Cost', 100, 200, '$150', 90);
const VALUES = column('Value', 10, 15, 12, 4);
const MATRIX: ContractArg = [
  [1, 3, 5],
  ['1/3', 1, 2],
  [0.2, null, 1],
];
const PROBABILITY = column('Probability', 4, 2, 5, null, 1);
const IMPACT = column('Impact', 3, 'High', 5, 2, na);
const REGISTER_HEADER: readonly ContractCell[] = ['ID', 'Risk', 'Category', 'Probability', 'Impact', 'Cost'];
const REGISTER: ContractArg = [
  REGISTER_HEADER,
  ['R-1', 'Vendor late', 'Vendor', 0.4, 0.6, 100000],
  ['R-2', 'Key person leaves', 'Resource', '20%', 0.9, '$50,000'],
  ['R-3', 'Scope creep', 'Schedule', 0.9, 0.3, 20000],
  ['R-4', 'Licence cost rises', 'Vendor', 0.5, 0.5, 30000],
  [null, null, null, null, null, null],
];
const REGISTER_WITH_ERROR: ContractArg = [
  REGISTER_HEADER,
  ['R-5', 'Audit finding', 'Compliance', 0.3, 0.4, na],
];

/** The contract's calls, by catalog name. A test checks it names every function of the catalog. */
export const CONTRACT: Readonly<Record<string, ContractCase>> = {
  // Resources are optional (DESIGN §6): the minimal call reads each person named as one full-time person.
  UTILIZATION: { minimum: [ASSIGNMENTS], full: UTILIZATION_FULL },
  LOAD: { minimum: [ASSIGNMENTS], full: UTILIZATION_FULL },
  CAPACITY: {
    minimum: [RESOURCES, day('2025-03-03'), day('2025-03-16')],
    full: [RESOURCES, day('2025-03-03'), 45747, 'day', TIME_OFF],
  },
  AVAILABLE: { minimum: [ASSIGNMENTS], full: UTILIZATION_FULL },
  DEMAND: { minimum: [ASSIGNMENTS, RESOURCES_WITH_ROLES], full: GROUP_FULL },
  SUPPLY: { minimum: [ASSIGNMENTS, RESOURCES_WITH_ROLES], full: GROUP_FULL },
  CAPACITY_GAP: { minimum: [ASSIGNMENTS, RESOURCES_WITH_ROLES], full: GROUP_FULL },
  ISSUES: { minimum: [ASSIGNMENTS, RESOURCES], full: [ASSIGNMENTS, RESOURCES, TIME_OFF] },
  OVERALLOCATIONS: {
    minimum: [ASSIGNMENTS],
    full: [...UTILIZATION_FULL.slice(0, 4), 'month', TIME_OFF, 'all', '90%'],
  },
  SCORE: {
    minimum: [RATINGS, [[0.5, 0.3, 0.2]]],
    full: [RATINGS, [[5], [3], [2]], [['max', 'cost', 'lower']], 'minmax'],
  },
  WSJF: {
    minimum: [
      column('Business Value', 8, 13, 5, '3'),
      column('Time Criticality', 5, 8, 3, 1),
      column('RR/OE', 3, 5, 2, null),
      column('Job Size', 5, 0, na, 2),
    ],
    full: [
      column('Business Value', 8, 13, 5, '3'),
      column('Time Criticality', 5, 8, 3, 1),
      column('RR/OE', 3, 5, 2, null),
      column('Job Size', 5, 0, na, 2),
    ],
  },
  RICE: {
    minimum: [
      column('Reach', 1000, 500, 200),
      column('Impact', 'high', 0.5, 'massive'),
      column('Confidence', '80%', 0.5, 1),
      column('Effort', 2, 0, na),
    ],
    full: [
      column('Reach', 1000, 500, 200),
      column('Impact', 'high', 0.5, 'massive'),
      column('Confidence', '80%', 0.5, 1),
      column('Effort', 2, 0, na),
    ],
  },
  AHP_WEIGHTS: { minimum: [MATRIX], full: [MATRIX, 'geometric'] },
  AHP_CR: { minimum: [MATRIX], full: [MATRIX, [[0], [0], [0.52]]] },
  SELECT: {
    minimum: [COSTS, VALUES, 300],
    full: [
      COSTS,
      VALUES,
      '300',
      column('Must', false, true, null, 'FALSE'),
      column('Group', 'A', 'A', null, 'B'),
      column('Requires', null, null, 2, null),
    ],
  },
  FRONTIER: { minimum: [COSTS, VALUES], full: [COSTS, VALUES, 4] },
  RISK_SCORE: { minimum: [PROBABILITY, IMPACT], full: [PROBABILITY, IMPACT] },
  RISK_LEVEL: {
    minimum: [PROBABILITY, IMPACT],
    full: [
      PROBABILITY,
      IMPACT,
      [
        [1, 'Low'],
        [6, 'Medium'],
        [15, 'High'],
      ],
    ],
  },
  HEATMAP: {
    minimum: [column('Probability', 4, 2, 5, 1), column('Impact', 3, 'High', 5, '2')],
    full: [PROBABILITY, IMPACT, 5],
  },
  EXPOSURE: {
    minimum: [column('Probability', 0.4, '10%', na), column('Cost', '$1,000', 5000, 20)],
    full: [column('Probability', 0.4, '10%', na), column('Cost', '$1,000', 5000, 20)],
  },
  RISK_SUMMARY: { minimum: [REGISTER], full: [REGISTER_WITH_ERROR, 'Category'] },
  SIMULATE_EXPOSURE: {
    minimum: [
      column('P', 0.5, 0.2),
      column('Low', 10, 100),
      column('Likely', 20, 150),
      column('High', 40, 400),
    ],
    full: [
      column('P', 0.5, 0.2),
      column('Low', 10, 100),
      column('Likely', 20, 150),
      column('High', 40, 400),
      500,
      7,
    ],
  },
};

/** The three calls of a case: required only; required + the last optional with the ones between empty; all. */
export function contractCalls(
  contract: ContractCase,
  parameterCount: number,
): readonly { readonly label: string; readonly args: readonly (ContractArg | undefined)[] }[] {
  const calls: { label: string; args: (ContractArg | undefined)[] }[] = [
    { label: 'only its required arguments', args: [...contract.minimum] },
  ];
  const required = contract.minimum.length;
  if (parameterCount - required >= 2) {
    const gaps: (ContractArg | undefined)[] = [...contract.minimum];
    for (let i = required; i < parameterCount - 1; i++) gaps.push(undefined);
    gaps.push(contract.full[parameterCount - 1]);
    calls.push({ label: 'the last optional argument after empty ones', args: gaps });
  }
  if (parameterCount > required) calls.push({ label: 'every optional argument', args: [...contract.full] });
  return calls;
}

/** A contract cell as `invoke` gets it from the sources: dates as day serials, error cells as their text. */
function sourceCell(cell: ContractCell): unknown {
  if (cell === null || typeof cell !== 'object') return cell;
  return 'date' in cell ? d(cell.date) : cell.error;
}

/** A contract argument as `invoke` gets it from the sources (see {@link sourceCell}). */
export function sourceArg(arg: ContractArg): unknown {
  return Array.isArray(arg)
    ? arg.map((row: ContractCell[]) => row.map(sourceCell))
    : sourceCell(arg as ContractCell);
}

function excelCell(cell: ContractCell): ExcelCell {
  if (cell === null || typeof cell !== 'object') return cell;
  return 'date' in cell ? d(cell.date) : ({ error: cell.error } as ExcelCell);
}

/** A contract argument as the Excel fake takes it: dates as serials, error cells tagged. */
export function excelArg(arg: ContractArg | undefined): ExcelFormulaArgument {
  if (arg === undefined) return undefined;
  return Array.isArray(arg)
    ? arg.map((row: ContractCell[]) => row.map(excelCell))
    : excelCell(arg as ContractCell);
}
