// Seeded, realistic workbook data for the benchmarks: resources, assignments and time off as the hosts hand
// them to a custom function (Excel: serial numbers and "" blanks; Sheets: Date objects at midnight).

import { serialFromParts, UNIX_EPOCH_SERIAL, weekdayIndex } from '../core/dates';
import { seededRandom } from '../examples/seeded-random';

export { seededRandom };

/** A host-shaped range: rows of cells, the header row first. */
export type HostGrid = unknown[][];

const integerBelow = (random: () => number, n: number) => Math.floor(random() * n);
const pick = <T>(random: () => number, items: readonly T[]): T =>
  items[integerBelow(random, items.length)] as T;

const FIRST_NAMES = [
  'Ana',
  'Ben',
  'Chloé',
  'David',
  'Elena',
  'Farid',
  'Greta',
  'Hugo',
  'Ines',
  'Jonas',
  'Kim',
  'Luca',
  'Maya',
  'Noah',
  'Olga',
  'Pedro',
  'Quinn',
  'Rosa',
  'Samir',
  'Tara',
  'Umar',
  'Vera',
  'Wei',
  'Ximena',
  'Yusuf',
  'Zoe',
  'Aiko',
  'Bruno',
  'Carla',
  'Dario',
  'Emil',
  'Fatima',
  'Gustav',
  'Hanna',
  'Ivan',
  'Julia',
  'Karim',
  'Lena',
  'Marco',
  'Nina',
];
const LAST_NAMES = [
  'Keller',
  'Müller',
  'Rossi',
  'Dubois',
  'Schmid',
  'Novak',
  'García',
  'Jensen',
  'Kowalski',
  'Silva',
  'Okafor',
  'Tanaka',
  'Meier',
  'Weber',
  'Huber',
  'Fischer',
  'Brunner',
  'Gerber',
  'Moser',
  'Frei',
  'Baumann',
  'Graf',
  'Roth',
  'Vogel',
  'Lang',
  'Wyss',
  'Suter',
  'Zimmermann',
  'Bianchi',
  'Costa',
  'Lambert',
  'Nguyen',
  'Patel',
  'Cohen',
  'Berg',
  'Larsen',
  'Horvat',
  'Popescu',
  'Yilmaz',
  'Andersson',
];
const ROLES = [
  'Developer',
  'Analyst',
  'Project Manager',
  'Architect',
  'Tester',
  'Designer',
  'Data Engineer',
  'Business Analyst',
];

/** `count` distinct person names ("Ana Keller"), shuffled by `random`; falls back to numbered names past 1,600. */
export function personNames(random: () => number, count: number): string[] {
  const names = FIRST_NAMES.flatMap((first) => LAST_NAMES.map((last) => `${first} ${last}`));
  for (let i = names.length - 1; i > 0; i--) {
    const j = integerBelow(random, i + 1);
    [names[i], names[j]] = [names[j] as string, names[i] as string];
  }
  for (let i = names.length; i < count; i++) names.push(`Person ${i + 1}`);
  return names.slice(0, count);
}

/** The Monday the benchmark horizons start on: 2025-01-06. */
export const HORIZON_MONDAY = serialFromParts(2025, 1, 6);
if (weekdayIndex(HORIZON_MONDAY) !== 0) throw new Error('HORIZON_MONDAY must be a Monday');

/** What {@link utilizationWorkload} generates. */
export interface UtilizationWorkloadOptions {
  readonly seed: number;
  readonly assignmentRows: number;
  readonly resources: number;
  readonly weeks: number;
  /** Longest assignment, in weeks (spans are 1…this, uniformly). */
  readonly maxSpanWeeks: number;
}

/**
 * The arguments of `=PMO.UTILIZATION(assignments, resources, start, end, "week", [time_off])` as Excel passes
 * them: dates as serials, an omitted argument as null.
 */
export function excelUtilizationArgs(
  workload: Pick<UtilizationWorkload, 'assignments' | 'resources' | 'startSerial' | 'endSerial'>,
  timeOff: HostGrid | null = null,
): unknown[] {
  return [
    workload.assignments,
    workload.resources,
    workload.startSerial,
    workload.endSerial,
    'week',
    timeOff,
    null,
  ];
}

/** A generated workbook in Excel shape (date cells as serials, blank cells as ""). */
export interface UtilizationWorkload {
  readonly assignments: HostGrid;
  readonly resources: HostGrid;
  readonly timeOff: HostGrid;
  /** First day (a Monday) and last day (a Sunday) of the horizon, as serials. */
  readonly startSerial: number;
  readonly endSerial: number;
  /** Index of the date columns in each table, for the Sheets conversion. */
  readonly dateColumns: {
    readonly assignments: readonly number[];
    readonly resources: readonly number[];
    readonly timeOff: readonly number[];
  };
  readonly counts: {
    readonly hoursPerWeek: number;
    readonly allocation: number;
    readonly totalHours: number;
    readonly tentative: number;
    readonly holidays: number;
    readonly leave: number;
  };
}

/**
 * Generates resources (40/32/24 h per week, some partial availability, a few joiners and leavers), assignments
 * (one load column filled per row: ~45% Hours per week 1–3, ~35% Allocation 1–9% as a fraction, ~20% total Hours of
 * 1–3 h per week of span; spans of 1…maxSpanWeeks weeks inside the horizon, starting and ending on working days;
 * ~20% Tentative, most with a probability)
 * and time off (public holidays for "All" plus about two personal leave blocks per resource and year, some half days).
 */
export function utilizationWorkload(options: UtilizationWorkloadOptions): UtilizationWorkload {
  // One stream per table, so that 10k and 100k rows share the very same resources and time off.
  let random = seededRandom(options.seed);
  const startSerial = HORIZON_MONDAY;
  const endSerial = HORIZON_MONDAY + options.weeks * 7 - 1;
  const names = personNames(random, options.resources);

  const resources: HostGrid = [
    ['Resource', 'Role', 'Hours per week', 'Availability', 'Hire Date', 'Leaving Date'],
  ];
  for (const name of names) {
    const roll = random();
    const hoursPerWeek = roll < 0.6 ? 40 : roll < 0.85 ? 32 : 24;
    const availability = random() < 0.6 ? '' : pick(random, [0.5, 0.6, 0.8, 0.9]);
    const hired = random() < 0.03 ? startSerial + integerBelow(random, options.weeks * 7) : '';
    const leaving =
      hired === '' && random() < 0.03
        ? startSerial + options.weeks * 3 + integerBelow(random, options.weeks * 4)
        : '';
    resources.push([name, pick(random, ROLES), hoursPerWeek, availability, hired, leaving]);
  }

  random = seededRandom(options.seed + 1);
  const counts = { hoursPerWeek: 0, allocation: 0, totalHours: 0, tentative: 0, holidays: 0, leave: 0 };
  const assignments: HostGrid = [
    ['Project', 'Resource', 'Start', 'End', 'Hours per week', 'Allocation', 'Hours', 'Status', 'Probability'],
  ];
  for (let i = 0; i < options.assignmentRows; i++) {
    const name = names[integerBelow(random, names.length)] as string;
    const spanWeeks = 1 + integerBelow(random, Math.min(options.maxSpanWeeks, options.weeks));
    const firstWeek = integerBelow(random, options.weeks - spanWeeks + 1);
    const monday = startSerial + firstWeek * 7;
    // Most rows run Monday → Friday; some start mid-week or end early (always on working days).
    const start = random() < 0.7 ? monday : monday + integerBelow(random, spanWeeks === 1 ? 3 : 5);
    const lastFriday = monday + (spanWeeks - 1) * 7 + 4;
    const end = random() < 0.8 ? lastFriday : Math.max(start, lastFriday - integerBelow(random, 3));
    const kind = random();
    let hoursPerWeek: number | '' = '';
    let allocation: number | '' = '';
    let totalHours: number | '' = '';
    // About 15 rows overlap any week of a resource, so each row is a small slice of the week: that keeps
    // a resource near 90–100% busy on average (some over, some under) instead of several hundred percent.
    if (kind < 0.45) {
      hoursPerWeek = pick(random, [1, 2, 2, 3, 3]);
      counts.hoursPerWeek++;
    } else if (kind < 0.8) {
      allocation = (1 + integerBelow(random, 9)) / 100;
      counts.allocation++;
    } else {
      totalHours = spanWeeks * (1 + integerBelow(random, 3));
      counts.totalHours++;
    }
    const tentative = random() < 0.2;
    if (tentative) counts.tentative++;
    const probability = tentative && random() < 0.7 ? pick(random, [0.25, 0.5, 0.75, 0.9]) : '';
    assignments.push([
      `PRJ-${String(1 + integerBelow(random, 300)).padStart(3, '0')}`,
      name,
      start,
      end,
      hoursPerWeek,
      allocation,
      totalHours,
      tentative ? 'Tentative' : 'Confirmed',
      probability,
    ]);
  }

  random = seededRandom(options.seed + 2);
  const timeOff: HostGrid = [['Resource', 'Start', 'End', 'Hours']];
  const firstYear = 2025;
  const lastYear = firstYear + Math.ceil(options.weeks / 52);
  for (let year = firstYear; year <= lastYear; year++) {
    // Ten fixed-date holidays a year (New Year, Labour Day, National Day, Christmas…); a weekend one changes nothing.
    for (const [month, day] of [
      [1, 1],
      [1, 2],
      [4, 18],
      [4, 21],
      [5, 1],
      [5, 29],
      [6, 9],
      [8, 1],
      [12, 25],
      [12, 26],
    ] as const) {
      const serial = serialFromParts(year, month, day);
      if (serial < startSerial || serial > endSerial) continue;
      timeOff.push(['All', serial, '', '']);
      counts.holidays++;
    }
  }
  const leavePerResource = Math.max(1, Math.round((2 * options.weeks) / 52));
  for (const name of names) {
    for (let k = 0; k < leavePerResource; k++) {
      const first = startSerial + integerBelow(random, options.weeks * 7 - 14);
      const halfDay = random() < 0.15;
      const last = halfDay ? first : first + integerBelow(random, 12);
      timeOff.push([name, first, last === first ? '' : last, halfDay ? 4 : '']);
      counts.leave++;
    }
  }

  return {
    assignments,
    resources,
    timeOff,
    startSerial,
    endSerial,
    dateColumns: { assignments: [2, 3], resources: [4, 5], timeOff: [1, 2] },
    counts,
  };
}

const MS_PER_DAY = 86_400_000;

/** The Date a UTC-time-zone spreadsheet hands a custom function for `serial`: midnight UTC of that day. */
export function utcDateOfSerial(serial: number): Date {
  return new Date((serial - UNIX_EPOCH_SERIAL) * MS_PER_DAY);
}

/**
 * The same range as Sheets passes it: numbers in the date columns become Date objects (a fresh object per cell,
 * as Sheets gives them); everything else is unchanged.
 */
export function toSheetsShape(grid: HostGrid, dateColumns: readonly number[]): HostGrid {
  return grid.map((row, r) =>
    r === 0
      ? [...row]
      : row.map((cell, c) =>
          typeof cell === 'number' && dateColumns.includes(c) ? utcDateOfSerial(cell) : cell,
        ),
  );
}

/** Data for the spreadsheet baseline: every row runs Monday → Friday and gives hours per week. */
export interface BaselineWorkload {
  /** Resource, Start, End, HoursPerWeek (the header row first). */
  readonly assignments: HostGrid;
  /** Resource, Hours per week (40 for everyone, no time off). */
  readonly resources: HostGrid;
  readonly weekStarts: readonly number[];
  readonly startSerial: number;
  readonly endSerial: number;
}

/**
 * Generates data on which the SUMIFS formulation and the product's definition agree exactly: whole weeks only
 * (start on a Monday, end on a Friday), hours per week, no time off, full availability, all inside the horizon.
 */
export function baselineWorkload(options: UtilizationWorkloadOptions): BaselineWorkload {
  const random = seededRandom(options.seed);
  const names = personNames(random, options.resources);
  const startSerial = HORIZON_MONDAY;
  const endSerial = HORIZON_MONDAY + options.weeks * 7 - 1;
  const assignments: HostGrid = [['Resource', 'Start', 'End', 'HoursPerWeek']];
  for (let i = 0; i < options.assignmentRows; i++) {
    const spanWeeks = 1 + integerBelow(random, Math.min(options.maxSpanWeeks, options.weeks));
    const monday = startSerial + integerBelow(random, options.weeks - spanWeeks + 1) * 7;
    assignments.push([
      names[integerBelow(random, names.length)],
      monday,
      monday + (spanWeeks - 1) * 7 + 4,
      4 * (1 + integerBelow(random, 10)),
    ]);
  }
  return {
    assignments,
    resources: [['Resource', 'Hours per week'], ...names.map((name) => [name, 40])],
    weekStarts: Array.from({ length: options.weeks }, (_, w) => startSerial + w * 7),
    startSerial,
    endSerial,
  };
}
