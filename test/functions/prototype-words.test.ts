// The names of Object.prototype's properties ("constructor", "__proto__", "toString"…) typed where a function
// reads a word — a choice argument, a rating, a label, a direction, a group, a resource, a header — are plain
// unknown words: each call answers exactly as it does for a made-up word in the same place (the same error
// value, or the same correct result with the word echoed), in both built hosts, never a crash or an internal error.

import { describe, expect, it } from 'vitest';
import { isPmoError } from '../../core/errors';
import { CATALOG } from '../../core/functions/catalog';
import { invoke } from '../../core/functions/invoke';
import { isoIn } from '../fakes/time-zones';
import { d } from '../helpers';
import { CONTRACT, sourceArg } from '../hosts/contract-cases';
import { callExcel, callSheets, type ExcelShownCell, type SheetsResult } from '../hosts/host-calls';

const WORDS = Object.getOwnPropertyNames(Object.prototype);
const TIME_ZONE = 'Europe/Zurich';

/** A made-up word that sorts and reads like `word` but names nothing: the answer `word` must give. */
const standInFor = (word: string) => `${word}x`;

/** The answer for the stand-in, with the stand-in written back as the word (as typed, or in lower case). */
function asWord(answer: unknown, word: string): string {
  const standIn = standInFor(word);
  return JSON.stringify(answer)
    .split(standIn)
    .join(word)
    .split(standIn.toLowerCase())
    .join(word.toLowerCase());
}

/** Copies of `args` with one place (an argument, or a cell of a range argument) holding `text`. */
function withText(
  args: readonly unknown[],
  argument: number,
  cell: [number, number] | undefined,
  text: string,
) {
  const copy = args.map((arg) => (Array.isArray(arg) ? arg.map((row: unknown[]) => [...row]) : arg));
  if (cell === undefined) copy[argument] = text;
  else {
    const row = (copy[argument] as unknown[][])[cell[0]];
    if (row) row[cell[1]] = text;
  }
  return copy;
}

/** Every place of a call that may hold a word: a choice or text argument, a text or blank cell of a range. */
function wordPlaces(spec: (typeof CATALOG)[number], args: readonly unknown[]) {
  const places: [number, [number, number] | undefined][] = [];
  for (const [i, arg] of args.entries()) {
    const kind = spec.params[i]?.kind;
    if (kind === 'choice' || kind === 'text') places.push([i, undefined]);
    if (!Array.isArray(arg)) continue;
    arg.forEach((row: unknown[], r: number) => {
      row.forEach((cell, c) => {
        if (typeof cell === 'string' || cell === null) places.push([i, [r, c]]);
      });
    });
  }
  return places;
}

describe('prototype names in every word place of the contract calls (the catalog, through invoke)', () => {
  it('answers each name exactly as a made-up word in the same place', () => {
    let count = 0;
    for (const spec of CATALOG) {
      const args = (CONTRACT[spec.name]?.full ?? []).map(sourceArg);
      for (const [argument, cell] of wordPlaces(spec, args)) {
        count++;
        for (const word of WORDS) {
          const where = `${spec.name} argument ${argument + 1}${cell ? ` cell ${cell}` : ''} = ${word}`;
          const answer = invoke(spec, withText(args, argument, cell, word));
          const expected = invoke(spec, withText(args, argument, cell, standInFor(word)));
          if (isPmoError(answer)) expect(answer.message, where).not.toMatch(/^Internal error/);
          expect(JSON.stringify(answer), where).toBe(asWord(expected, word));
        }
      }
    }
    expect(count).toBeGreaterThan(300);
  });
});

/** Sheets' view of an Excel answer (DESIGN §10): an error as its message, #DIV/0! as "no capacity". */
function expectSheetsAgrees(excel: ExcelShownCell[][], sheets: SheetsResult, where: string) {
  const only = excel.length === 1 && excel[0]?.length === 1 ? excel[0][0] : undefined;
  if (typeof only === 'object') {
    expect(sheets, where).toEqual({ ok: false, message: only.message });
    return;
  }
  expect(sheets.ok, `${where}: ${sheets.ok ? '' : sheets.message}`).toBe(true);
  const grid = (sheets.ok ? sheets.value : []) as unknown[][];
  const shown = grid.map((row) =>
    row.map((cell) => (cell instanceof Date ? d(isoIn(cell, TIME_ZONE)) : cell)),
  );
  const expected = excel.map((row) =>
    row.map((cell) =>
      typeof cell !== 'object' ? cell : cell.error === '#DIV/0!' ? 'no capacity' : cell.message,
    ),
  );
  expect(shown, where).toEqual(expected);
}

/** Calls `name` with `word`, then with its stand-in, and checks both hosts. */
function expectPlainWord(name: string, args: (word: string) => unknown[], word: string, where: string) {
  const excel = callExcel(name, args(word));
  expect(JSON.stringify(excel), where).toBe(asWord(callExcel(name, args(standInFor(word))), word));
  expect(JSON.stringify(excel), where).not.toMatch(/Internal error|is not a function/);
  expectSheetsAgrees(excel, callSheets(name, args(word), TIME_ZONE), where);
}

const column = (header: string, ...values: unknown[]) => [[header], ...values.map((value) => [value])];
const ASSIGNMENTS = ['Resource', 'Start', 'End', 'Hours per week'];
const week = (who: unknown, hours: unknown = 10) => [who, d('2025-03-03'), d('2025-03-07'), hours];

/** The places a function reads a word from a cell, as [function, what, arguments around the word]. */
const LABEL_PLACES: readonly [string, string, (word: string) => unknown[]][] = [
  ['RISK_SCORE', 'a probability rating', (w) => [column('P', 4, w), column('I', 3, 2)]],
  ['RISK_SCORE', 'an impact rating', (w) => [column('P', 4, 2), column('I', w, 2)]],
  ['RISK_LEVEL', 'a probability rating', (w) => [column('P', 4, w), column('I', 3, 2)]],
  [
    'RISK_LEVEL',
    'a band label',
    (w) => [
      column('P', 4, 2),
      column('I', 3, 2),
      [
        [1, 'Low'],
        [6, w],
      ],
    ],
  ],
  [
    'RISK_LEVEL',
    'a colour-map label',
    (w) => [
      column('P', 2, 1),
      column('I', 2, 1),
      [
        [w, 'High'],
        ['Low', w],
      ],
    ],
  ],
  ['HEATMAP', 'a probability rating', (w) => [column('P', 4, w), column('I', 3, 2)]],
  ['EXPOSURE', 'a probability', (w) => [column('P', 0.4, w), column('C', 3, 2)]],
  ['EXPOSURE', 'a cost', (w) => [column('P', 0.4, 0.2), column('C', 3, w)]],
  ['SIMULATE_EXPOSURE', 'a probability', (w) => [column('P', 0.4, w), 1, 2, 3]],
  [
    'SCORE',
    'a direction',
    (w) => [
      [
        [1, 2],
        [3, 4],
      ],
      [[1, 1]],
      [[w, 'max']],
    ],
  ],
  [
    'SCORE',
    'a rating',
    (w) => [
      [
        [1, 2],
        [w, 4],
      ],
      [[1, 1]],
    ],
  ],
  [
    'SCORE',
    'a criterion header',
    (w) => [
      [
        [w, 'Cost'],
        [1, 2],
        [3, 4],
      ],
      [[1, 1]],
    ],
  ],
  ['RICE', 'an impact label', (w) => [column('R', 1, 2), column('I', w, 'high'), 1, 1]],
  ['RICE', 'a confidence label', (w) => [column('R', 1, 2), 1, column('C', w, 'low'), 1]],
  ['WSJF', 'a business value', (w) => [column('B', 1, w), 1, 1, 1]],
  [
    'AHP_WEIGHTS',
    'a criterion label',
    (w) => [
      [
        [null, w, 'B'],
        [w, 1, 3],
        ['B', '1/3', 1],
      ],
    ],
  ],
  [
    'AHP_WEIGHTS',
    'a judgement',
    (w) => [
      [
        [1, w],
        [0.5, 1],
      ],
    ],
  ],
  ['SELECT', 'a group', (w) => [column('C', 1, 2), column('V', 1, 2), 3, null, column('G', w, w)]],
  ['SELECT', 'a must flag', (w) => [column('C', 1, 2), column('V', 1, 2), 3, column('M', w, null)]],
  [
    'RISK_SUMMARY',
    'a category and a group_by',
    (w) => [
      [
        ['ID', 'Category', 'Probability', 'Cost'],
        ['R-1', w, 0.4, 100],
        ['R-2', 'Vendor', 0.2, 50],
      ],
      'Category',
    ],
  ],
  [
    'RISK_SUMMARY',
    'a header named by group_by',
    (w) => [
      [
        ['ID', w, 'Probability', 'Cost'],
        ['R-1', w, 0.4, 100],
      ],
      w,
    ],
  ],
  [
    'RISK_SUMMARY',
    'an owner, a rating and a status',
    (w) => [
      [
        ['ID', 'Owner', 'Probability', 'Impact', 'Status'],
        ['R-1', w, 'Likely', w, w],
      ],
      'Owner',
    ],
  ],
  [
    'UTILIZATION',
    'a resource',
    (w) => [
      [ASSIGNMENTS, week(w)],
      [
        ['Resource', 'Hours per week'],
        [w, 40],
      ],
    ],
  ],
  [
    'UTILIZATION',
    'an unknown resource',
    (w) => [
      [ASSIGNMENTS, week(w), week('Ana')],
      [['Resource'], ['Ana']],
    ],
  ],
  [
    'UTILIZATION',
    'a header',
    (w) => [
      [
        [w, ...ASSIGNMENTS],
        [w, ...week('Ana')],
      ],
      [
        ['Resource', w],
        ['Ana', 40],
      ],
    ],
  ],
  [
    'LOAD',
    'a time-off resource and date',
    (w) => [
      [ASSIGNMENTS, week('Ana')],
      [['Resource'], ['Ana']],
      null,
      null,
      null,
      [
        ['Resource', 'Start'],
        [w, w],
      ],
    ],
  ],
  [
    'OVERALLOCATIONS',
    'a resource',
    (w) => [
      [ASSIGNMENTS, week(w, 50)],
      [
        ['Resource', 'Hours per week'],
        [w, 40],
      ],
    ],
  ],
  [
    'ISSUES',
    'hours and dates',
    (w) => [
      [ASSIGNMENTS, [w, w, d('2025-03-07'), w], week('Ana')],
      [['Resource'], ['Ana']],
    ],
  ],
  [
    'CAPACITY',
    'a resource and its hours',
    (w) => [
      [
        ['Resource', 'Hours per week'],
        [w, w],
        ['Ana', 40],
      ],
      d('2025-03-03'),
      d('2025-03-09'),
    ],
  ],
];

describe('prototype names through both built hosts', () => {
  const choices = CATALOG.flatMap((spec) =>
    spec.params.flatMap((param, i) => (param.kind === 'choice' ? [{ spec, param, i }] : [])),
  );

  it('finds the choice arguments of the catalog', () => {
    const names = choices.map(({ spec, param }) => `${spec.name}.${param.name}`);
    expect(names).toEqual(
      expect.arrayContaining(['UTILIZATION.period', 'OVERALLOCATIONS.basis', 'SCORE.method', 'DEMAND.unit']),
    );
    // 11, and period, basis and unit of each of DEMAND, SUPPLY and CAPACITY_GAP.
    expect(names).toHaveLength(20);
  });

  it('answers each name as a choice argument with the same error as a made-up word', () => {
    for (const { spec, param, i } of choices) {
      const base = (CONTRACT[spec.name]?.full ?? []).map(sourceArg);
      for (const word of WORDS) {
        const where = `${spec.name}'s ${param.name} = ${word}`;
        expectPlainWord(spec.name, (text) => withText(base, i, undefined, text), word, where);
        const excel = callExcel(spec.name, withText(base, i, undefined, word));
        expect(excel[0]?.[0], where).toMatchObject({
          error: '#VALUE!',
          message: expect.stringContaining(`"${word}" is not one of`),
        });
      }
    }
  });

  it.each(LABEL_PLACES)('answers each name in %s as %s the same as a made-up word', (name, _what, args) => {
    for (const word of WORDS) expectPlainWord(name, args, word, `${name} = ${word}`);
  });
});
