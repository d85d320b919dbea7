// No kernel relies on the last guard of `invoke` (non-finite numbers become error cells): the fuzz corpus of
// catalog-hosts.test.ts (same seeds, four times the calls), run through the sources with the guard reporting every number it had to fix.
// Any report is a kernel that produced NaN or Infinity and was saved only by the guard.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPmoError } from '../../core/errors';
import { CATALOG } from '../../core/functions/catalog';
import { invoke, setNonFiniteReporter } from '../../core/functions/invoke';
import { defineFunction } from '../../core/functions/types';
import { describeFailures, type HostCall, newTally, RUNS, SEED, summary, sweep } from './fuzz-run';
import { type GuardLog, type Host, sourceOutcome } from './host-checks';

/** The sources are cheap: the host corpus (its first RUNS calls, same seeds) and three times as many more. */
const SOURCE_RUNS = RUNS * 4;
const guard: GuardLog = { fired: [] };
const HOSTS = new Map<Host, HostCall>([['source', (spec, call) => sourceOutcome(spec, call.args, guard)]]);
const tally = newTally();

const OVERFLOWING = defineFunction({
  name: 'OVERFLOWING',
  description: 'Returns a number and a product that overflows.',
  returns: 'one row',
  params: [{ name: 'value', description: 'a number', kind: 'number' }],
  run: ([value]) => [[value, value * 1e308 * 1e308]],
});

describe('the finite guard of invoke, reporting instead of only fixing', () => {
  beforeAll(() =>
    setNonFiniteReporter((name, row, column, value) =>
      guard.fired.push(`${name} [${row}][${column}] = ${value}`),
    ),
  );
  afterAll(() => {
    setNonFiniteReporter(undefined);
    console.log(summary('the catalog sources through invoke, finite guard reporting', tally));
  });

  it('reports the cell it fixes, and still fixes it', () => {
    const result = invoke(OVERFLOWING, [2]);
    expect(guard.fired.splice(0)).toEqual(['OVERFLOWING [0][1] = Infinity']);
    expect(isPmoError(result) ? result : result[0]?.[1]).toMatchObject({ code: 'value' });
    expect(isPmoError(result) ? undefined : result[0]?.[0]).toBe(2);
  });

  it.each(CATALOG.map((spec, index) => ({ name: spec.name, spec, seed: SEED + index })))(
    '$name never needs the guard on the fuzz corpus, and leaves its converted arguments unchanged',
    ({ spec, seed }) => {
      const failures = sweep(spec, seed, SOURCE_RUNS, HOSTS, tally);
      expect(tally.calls.get('source'), 'calls were made').toBeGreaterThan(0);
      expect(describeFailures(spec, seed, SOURCE_RUNS, HOSTS, failures)).toEqual([]);
    },
    SOURCE_RUNS * 500 + 60_000,
  );
});
