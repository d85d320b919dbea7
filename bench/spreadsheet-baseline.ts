// The spreadsheet baseline (DESIGN §9): the same utilization grid built "the spreadsheet way", one SUMIFS per
// resource-week over helper columns, evaluated by HyperFormula (GPL-3, a dev-only dependency of this benchmark),
// against invoke(UTILIZATION) on exactly the same data.

import { HyperFormula, type RawCellContent } from 'hyperformula';
import { isPmoError } from '../core/errors';
import { findFunction } from '../core/functions/catalog';
import { invoke } from '../core/functions/invoke';
import type { FunctionSpec, OutCell, OutGrid } from '../core/functions/types';
import { type BaselineWorkload, baselineWorkload, excelUtilizationArgs } from './data';
import { type Benchmark, type Check, describeTiming, timeRuns } from './harness';

/** The compared size: chosen so that HyperFormula takes a few seconds per build on a 2-core machine. */
export const BASELINE_SIZE = { assignmentRows: 2_000, resources: 50, weeks: 26, maxSpanWeeks: 13 } as const;
const WARMUP_SIZE = { assignmentRows: 200, resources: 10, weeks: 8, maxSpanWeeks: 4 } as const;
const SEED = 9_001;
const HYPERFORMULA_RUNS = 3;
const TOLERANCE = 1e-6;

/** Spreadsheet column letters of a 0-based column index (0 → A, 26 → AA). */
export function columnLetters(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/**
 * The workbook a spreadsheet user would build: Assignments (Resource, Start, End, HoursPerWeek), Resources
 * (Resource, HoursPerWeek), a Load sheet with one SUMIFS per resource-week (explicit ranges, not whole columns)
 * and a Utilization sheet = load ÷ weekly capacity with a Total row Σ load ÷ Σ capacity.
 */
export function baselineSheets(workload: BaselineWorkload): Record<string, RawCellContent[][]> {
  const lastRow = workload.assignments.length;
  const resourceCount = workload.resources.length - 1;
  const range = (column: string) => `Assignments!$${column}$2:$${column}$${lastRow}`;
  const load: RawCellContent[][] = [['Resource', ...workload.weekStarts]];
  const utilization: RawCellContent[][] = [['Resource', ...workload.weekStarts]];
  for (let r = 0; r < resourceCount; r++) {
    const sheetRow = r + 2;
    const name = workload.resources[r + 1]?.[0] as string;
    const loadRow: RawCellContent[] = [name];
    const utilizationRow: RawCellContent[] = [name];
    workload.weekStarts.forEach((_, w) => {
      const column = columnLetters(w + 1);
      loadRow.push(
        `=SUMIFS(${range('D')}, ${range('A')}, $A${sheetRow}, ${range('B')}, "<="&(${column}$1+4), ${range('C')}, ">="&${column}$1)`,
      );
      utilizationRow.push(
        `=IF(Resources!$B${sheetRow}=0, "", Load!${column}${sheetRow}/Resources!$B${sheetRow})`,
      );
    });
    load.push(loadRow);
    utilization.push(utilizationRow);
  }
  utilization.push([
    'Total',
    ...workload.weekStarts.map((_, w) => {
      const column = columnLetters(w + 1);
      return `=SUM(Load!${column}2:${column}${resourceCount + 1})/SUM(Resources!$B$2:$B$${resourceCount + 1})`;
    }),
  ]);
  return {
    Assignments: workload.assignments as RawCellContent[][],
    Resources: workload.resources as RawCellContent[][],
    Load: load,
    Utilization: utilization,
  };
}

export interface BaselineValues {
  readonly load: unknown[][];
  readonly utilization: unknown[][];
}

/** Builds the workbook in HyperFormula (which evaluates every formula) and reads both result sheets. */
export function evaluateWithHyperFormula(sheets: Record<string, RawCellContent[][]>): BaselineValues {
  const engine = HyperFormula.buildFromSheets(sheets, { licenseKey: 'gpl-v3' });
  try {
    const values = (name: string) => engine.getSheetValues(engine.getSheetId(name) ?? -1) as unknown[][];
    return { load: values('Load'), utilization: values('Utilization') };
  } finally {
    engine.destroy();
  }
}

function catalogFunction(name: string): FunctionSpec {
  const spec = findFunction(name);
  if (!spec) throw new Error(`${name} is not in the catalog`);
  return spec;
}

function numberOf(cell: OutCell | unknown): number | undefined {
  if (typeof cell === 'number') return cell;
  if (typeof cell === 'object' && cell !== null && (cell as { kind?: unknown }).kind === 'date')
    return (cell as { serial: number }).serial;
  return undefined;
}

/** Compares every cell of our grid with the spreadsheet's, numbers within TOLERANCE, labels exactly. */
export function compareGrids(name: string, ours: OutGrid, theirs: unknown[][], rows: number): Check {
  let compared = 0;
  let worst = 0;
  const problems: string[] = [];
  for (let r = 0; r < rows; r++) {
    const ourRow = ours[r] ?? [];
    const theirRow = theirs[r] ?? [];
    if (ourRow.length !== theirRow.length)
      problems.push(`row ${r + 1}: ${ourRow.length} vs ${theirRow.length} cells`);
    for (let c = 0; c < ourRow.length; c++) {
      const our = ourRow[c];
      const their = theirRow[c];
      const a = numberOf(our);
      const b = numberOf(their);
      if (a !== undefined && b !== undefined) {
        worst = Math.max(worst, Math.abs(a - b));
        if (Math.abs(a - b) > TOLERANCE) problems.push(`R${r + 1}C${c + 1}: ${a} vs ${b}`);
      } else if (our !== their) {
        problems.push(`R${r + 1}C${c + 1}: ${JSON.stringify(our)} vs ${JSON.stringify(their)}`);
      }
      compared++;
    }
  }
  return {
    name,
    ok: problems.length === 0 && ours.length >= rows,
    detail:
      problems.length === 0
        ? `${compared.toLocaleString('en-US')} cells agree (largest difference ${worst.toExponential(1)}, tolerance ${TOLERANCE})`
        : `${problems.length} cells differ, e.g. ${problems.slice(0, 3).join('; ')}`,
  };
}

/** HyperFormula's time scaled by rows × SUMIFS cells from the baseline size to the DESIGN §9 workload, in hours. */
function extrapolatedHours(seconds: number): string {
  const factor =
    (100_000 / BASELINE_SIZE.assignmentRows) *
    ((1_000 * 104) / (BASELINE_SIZE.resources * BASELINE_SIZE.weeks));
  return ((seconds * factor) / 3600).toFixed(1);
}

/** HyperFormula's SUMIFS workbook vs invoke(UTILIZATION) on the same data; the value is the speed ratio. */
export const spreadsheetBaseline: Benchmark = {
  name: 'Spreadsheet baseline: SUMIFS grid in HyperFormula vs invoke',
  budget: { kind: 'min-ratio', ratio: 100, meaning: 'HyperFormula time ÷ our time' },
  measure: (context) => {
    const { assignmentRows, resources, weeks } = BASELINE_SIZE;
    const workload = baselineWorkload({ seed: SEED, ...BASELINE_SIZE });
    const sheets = baselineSheets(workload);
    const formulas = resources * weeks;

    context.progress(
      `  HyperFormula warm-up (${WARMUP_SIZE.assignmentRows} rows), then ${HYPERFORMULA_RUNS} builds of ${formulas} SUMIFS over ${assignmentRows} rows`,
    );
    evaluateWithHyperFormula(baselineSheets(baselineWorkload({ seed: SEED, ...WARMUP_SIZE })));
    let spreadsheet: BaselineValues | undefined;
    const theirs = timeRuns(() => evaluateWithHyperFormula(sheets), {
      warmups: 0,
      runs: HYPERFORMULA_RUNS,
      inspect: (values) => {
        spreadsheet = values;
      },
    });

    context.progress('  invoke(UTILIZATION) on the same data');
    const utilization = catalogFunction('UTILIZATION');
    let ourResult: OutGrid | undefined;
    const ours = timeRuns(() => invoke(utilization, excelUtilizationArgs(workload)), {
      warmups: 3,
      runs: 15,
      inspect: (result) => {
        if (!isPmoError(result)) ourResult = result;
      },
    });
    const ourLoad = invoke(catalogFunction('LOAD'), excelUtilizationArgs(workload));

    const checks: Check[] = [];
    if (!spreadsheet || !ourResult || isPmoError(ourLoad)) {
      checks.push({
        name: 'both sides produced a grid',
        ok: false,
        detail: isPmoError(ourLoad) ? ourLoad.message : 'no result',
      });
    } else {
      // LOAD has no Total row to compare (the Load sheet has none); UTILIZATION includes its Total row.
      checks.push(compareGrids('load hours: LOAD vs SUMIFS sheet', ourLoad, spreadsheet.load, resources + 1));
      checks.push(
        compareGrids(
          'utilization: UTILIZATION vs SUMIFS ÷ capacity (with Total)',
          ourResult,
          spreadsheet.utilization,
          resources + 2,
        ),
      );
    }
    const ratio = theirs.median / ours.median;
    return {
      value: ratio,
      details: [
        `size: ${assignmentRows.toLocaleString('en-US')} assignment rows × ${resources} resources × ${weeks} weeks = ${formulas.toLocaleString('en-US')} SUMIFS cells (+ as many ratio cells and a Total row)`,
        `HyperFormula buildFromSheets + getSheetValues: ${describeTiming(theirs)} after one small warm-up build`,
        `invoke(UTILIZATION):                           ${describeTiming(ours)} after 3 warm-ups`,
        'Fair formulation: each Load cell is =SUMIFS(Assignments!$D$2:$D$N, …$A…, $A2, …$B…, "<="&(W+4), …$C…, ">="&W), W the',
        "week's Monday in row 1; every row is pre-normalised to hours per week (the spreadsheet user does that in a",
        'helper column; that work is not timed on the spreadsheet side), every assignment starts on a Monday and ends',
        'on a Friday inside the horizon, 40 h/week everybody, no time off — the cases where SUMIFS and DESIGN §5 agree.',
        'HyperFormula is a JavaScript engine; desktop Excel evaluates SUMIFS natively and faster, so this ratio is',
        'against HyperFormula, not against Excel. SUMIFS cost grows with rows × resources × weeks; ours with',
        'rows + resources × days.',
        `Extrapolated (rows × cells) to the 100,000 × 1,000 × 104 workload, HyperFormula would need about ${extrapolatedHours(theirs.median)} h.`,
      ],
      checks,
      data: { ...BASELINE_SIZE, hyperformulaSeconds: theirs.samples, invokeSeconds: ours.samples },
    };
  },
};
