// Both hosts pass "" for an empty cell of a range, and invoke keeps it as the blank string it is instead of copying
// the row to turn it into null (core/functions/invoke.ts). Every catalog function must then answer exactly as it
// does for null: the same numbers, the same issues, the same messages.

import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../core/functions/catalog';
import { invoke } from '../../core/functions/invoke';
import { CONTRACT, contractCalls, sourceArg } from '../hosts/contract-cases';

/** The arguments with cell (row, column) of range argument `index` emptied as `blank`. */
function emptied(args: readonly unknown[], index: number, row: number, column: number, blank: null | '') {
  return args.map((arg, i) =>
    i === index && Array.isArray(arg)
      ? arg.map((cells: unknown[], r) => cells.map((cell, c) => (r === row && c === column ? blank : cell)))
      : arg,
  );
}

describe('empty cells as the hosts pass them', () => {
  it('give every catalog function the result a blank (null) gives, whichever cell of a contract case is empty', () => {
    let compared = 0;
    for (const spec of CATALOG) {
      const contract = CONTRACT[spec.name];
      if (!contract) continue;
      for (const call of contractCalls(contract, spec.params.length)) {
        const args = call.args.map((arg) => (arg === undefined ? undefined : sourceArg(arg)));
        args.forEach((arg, index) => {
          if (!Array.isArray(arg)) return;
          arg.forEach((cells: unknown[], row) => {
            cells.forEach((_, column) => {
              const asNull = invoke(spec, emptied(args, index, row, column, null));
              const asEmpty = invoke(spec, emptied(args, index, row, column, ''));
              expect(
                asEmpty,
                `${spec.name}, ${call.label}, argument ${index + 1} cell ${row + 1}:${column + 1}`,
              ).toEqual(asNull);
              compared++;
            });
          });
        });
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });
});
