// The fuzz suite over both built hosts (issue 12): every catalog function called with hostile arguments through
// dist/excel/functions.js in the custom-functions fake and dist/gsheets/Code.js in the Apps Script fake. Each call
// must not throw, show an internal error, a non-finite number, a ragged result or a cell over 32,767 characters,
// change what it was given, or run past the deadline. A failure lists each distinct problem with its seed and the
// smallest call that shows it. Longer runs: FUZZ_RUNS=20 npx vitest run test/fuzz (FUZZ_SEED picks another corpus).

import { afterAll, describe, expect, it } from 'vitest';
import { CATALOG } from '../../core/functions/catalog';
import { describeFailures, type HostCall, newTally, RUNS, SEED, summary, sweep } from './fuzz-run';
import { excelOutcome, type Host, sheetsOutcome } from './host-checks';

const HOSTS = new Map<Host, HostCall>([
  ['Excel', (spec, call) => excelOutcome(spec, call.args, call.reading)],
  ['Sheets', (spec, call) => sheetsOutcome(spec, call.args, call.reading)],
]);
const tally = newTally();

describe('the fuzz suite through both built hosts', () => {
  afterAll(() =>
    console.log(summary('every catalog function through the built Excel and Sheets bundles', tally)),
  );

  it.each(CATALOG.map((spec, index) => ({ name: spec.name, spec, seed: SEED + index })))(
    '$name: hostile arguments never throw, show an internal error, NaN, Infinity, a ragged result or an over-long cell, change their input or overrun the deadline',
    ({ spec, seed }) => {
      const failures = sweep(spec, seed, RUNS, HOSTS, tally);
      expect(tally.calls.get('Excel'), 'calls were made').toBeGreaterThan(0);
      expect(describeFailures(spec, seed, RUNS, HOSTS, failures)).toEqual([]);
    },
    RUNS * 2_000 + 60_000,
  );
});
