// The families functions.js loads on their first call (excel-addin/lazy-functions.ts), through the built bundles and
// the Excel fake's page: the first call answers when the family's script has run, and answers what a later call
// answers; concurrent first calls load it once; a script that cannot be fetched gives #N/A naming it, and the next
// call tries again.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { CAPACITY_FUNCTIONS } from '../../core/functions/capacity-functions';
import { RISK_FUNCTIONS } from '../../core/functions/risk-functions';
import { LAZY_FAMILIES } from '../../scripts/build';
import { loadExcelCustomFunctions } from '../fakes/excel';
import { CONTRACT, contractCalls, excelArg } from './contract-cases';
import { excelErrorText, LAZY_SCRIPTS } from './host-calls';

const DIST = join(import.meta.dirname, '../../dist/excel');

/** Each lazily loaded function with the arguments of its catalog contract's fullest call. */
const LAZY_CALLS = LAZY_FAMILIES.flatMap(({ script, functions }) =>
  functions.map((spec) => {
    const contract = CONTRACT[spec.name];
    if (!contract) throw new Error(`${spec.name} has no contract case`);
    const calls = contractCalls(contract, spec.params.length);
    return { script, name: spec.name, args: (calls.at(-1)?.args ?? []).map(excelArg) };
  }),
);

describe('functions loaded on their first call', () => {
  it('keeps the risk family out of functions.js: only risk-functions.js carries it', () => {
    // A message only HEATMAP's entry in core/functions/risk-functions.ts words.
    const marker = 'more rows cannot be placed either';
    const riskSource = readFileSync(
      join(import.meta.dirname, '../../core/functions/risk-functions.ts'),
      'utf8',
    );
    expect(riskSource).toContain(marker);
    expect(readFileSync(join(DIST, 'functions.js'), 'utf8')).not.toContain(marker);
    expect(readFileSync(join(DIST, 'risk-functions.js'), 'utf8')).toContain(marker);
    expect(LAZY_FAMILIES.map(({ script }) => script)).toEqual(['risk-functions.js', 'capacity-functions.js']);
    expect(LAZY_FAMILIES[0]?.functions).toBe(RISK_FUNCTIONS);
  });

  it('keeps the capacity-planning family out of functions.js: only capacity-functions.js carries it', () => {
    // A message only core/utilization/groups.ts words.
    const marker = 'groups people by a column of the Resources table';
    expect(readFileSync(join(DIST, 'functions.js'), 'utf8')).not.toContain(marker);
    expect(readFileSync(join(DIST, 'capacity-functions.js'), 'utf8')).toContain(marker);
    expect(LAZY_FAMILIES[1]?.functions).toBe(CAPACITY_FUNCTIONS);
  });

  it.each(LAZY_CALLS)('$name: the first call shows #BUSY!, then what a later call shows', async (call) => {
    const cold = loadExcelCustomFunctions();
    expect(cold.evaluate(call.name, call.args)).toEqual([[{ error: '#BUSY!' }]]);
    expect(cold.requestedScripts).toEqual([call.script]);
    const settled = await cold.evaluateSettled(call.name, call.args);
    const warm = loadExcelCustomFunctions({ loadedScripts: LAZY_SCRIPTS });
    const expected = warm.evaluate(call.name, call.args);
    expect(settled).toEqual(expected);
    expect(JSON.stringify(expected)).not.toContain('#BUSY!');
    // Once the script has run, the function answers at once and nothing more is fetched.
    expect(cold.evaluate(call.name, call.args)).toEqual(expected);
    expect(cold.requestedScripts).toEqual([call.script]);
    expect([...cold.violations, ...warm.violations]).toEqual([]);
  });

  it('loads a family once for concurrent first calls of its functions', async () => {
    const host = loadExcelCustomFunctions();
    const [first, second] = LAZY_CALLS;
    if (!first || !second) throw new Error('the risk family has at least two functions');
    const answers = await Promise.all([
      host.evaluateSettled(first.name, first.args),
      host.evaluateSettled(second.name, second.args),
    ]);
    expect(host.requestedScripts).toEqual(['risk-functions.js']);
    for (const shown of answers) expect(JSON.stringify(shown)).not.toContain('#BUSY!');
  });

  it('answers #N/A naming the script when it cannot be fetched, and tries again on the next call', async () => {
    const unreachable = ['risk-functions.js'];
    const host = loadExcelCustomFunctions({ unreachableScripts: unreachable });
    const call = LAZY_CALLS[0];
    if (!call) throw new Error('no lazily loaded function');
    const failed = await host.evaluateSettled(call.name, call.args);
    expect(failed).toHaveLength(1);
    expect(excelErrorText(failed[0]?.[0])).toBe(
      `#N/A: PMO.${call.name} needs risk-functions.js, which could not be loaded: check the connection, then recalculate.`,
    );
    unreachable.length = 0;
    const retried = await host.evaluateSettled(call.name, call.args);
    expect(host.requestedScripts).toEqual(['risk-functions.js', 'risk-functions.js']);
    expect(retried).toEqual(
      loadExcelCustomFunctions({ loadedScripts: LAZY_SCRIPTS }).evaluate(call.name, call.args),
    );
  });

  it('fails loudly, naming functions.js, when risk-functions.js runs without it', () => {
    expect(() =>
      runInContext(readFileSync(join(DIST, 'risk-functions.js'), 'utf8'), createContext({})),
    ).toThrow('risk-functions.js needs functions.js loaded before it');
  });
});
