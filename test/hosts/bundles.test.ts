// The shipped bundles load the way each host loads them, and their metadata is generated from the catalog.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../core/functions/catalog';
import { DASHBOARD_GLOBAL } from '../../excel-addin/dashboard-global';
import { BUNDLE_BUDGETS_KIB } from '../../scripts/build';
import { SHARED_CORE_GLOBAL } from '../../scripts/shared-core';
import { loadExcelCustomFunctions } from '../fakes/excel';
import { loadAppsScript } from '../fakes/sheets';

const dist = join(import.meta.dirname, '../../dist');

describe('the shipped scripts', () => {
  it('keep dist/gsheets/Code.js within 150 KiB, dist/excel/functions.js within 100 KiB and the task pane within its own', () => {
    expect(BUNDLE_BUDGETS_KIB).toMatchObject({ 'gsheets/Code.js': 150, 'excel/functions.js': 100 });
    for (const [file, budgetKiB] of Object.entries(BUNDLE_BUDGETS_KIB)) {
      const kib = readFileSync(join(dist, file)).length / 1024;
      expect(kib, `dist/${file} is ${kib.toFixed(1)} KiB`).toBeLessThanOrEqual(budgetKiB);
    }
  });
});

describe('the dashboard in Google Sheets', () => {
  // One distinctive string of the dashboard builder (core/dashboard/build.ts) and one of table discovery
  // (core/discovery/regions.ts): the dialog page plans the dashboard, so Code.js, evaluated before every
  // custom-function call, carries neither (DESIGN §9).
  const builder = 'Headline figures';
  const discovery = 'template row: formula results only';

  it('plans in the dialog page (Sidebar.html), not in Code.js', () => {
    const code = readFileSync(join(dist, 'gsheets/Code.js'), 'utf8');
    const page = readFileSync(join(dist, 'gsheets/Sidebar.html'), 'utf8');
    expect(code).not.toContain(builder);
    expect(code).not.toContain(discovery);
    expect(page).toContain(builder);
    expect(page).toContain(discovery);
  });
});

describe('the scoring sidebar in Google Sheets', () => {
  it('finds the initiatives table in the page (Sidebar.html): Code.js only reads the cells', () => {
    // A message only core/initiatives/sheet-table.ts words.
    const detection = 'The selection is a single row: select the header row';
    expect(readFileSync(join(dist, 'gsheets/Code.js'), 'utf8')).not.toContain(detection);
    expect(readFileSync(join(dist, 'gsheets/Sidebar.html'), 'utf8')).toContain(detection);
  });
});

describe('help text in the shipped scripts', () => {
  const paramHelp = 'Cost per initiative (numbers or money text such as';
  const functionHelp = 'The exact value-maximising set of initiatives within the budget';

  it('leaves the catalog’s help text out of the Code.js bundle but keeps it in the PMO_* stubs’ JSDoc', () => {
    const code = readFileSync(join(dist, 'gsheets/Code.js'), 'utf8');
    const stubsAt = code.indexOf('/**\n');
    expect(code.slice(0, stubsAt)).not.toContain(paramHelp);
    expect(code.slice(0, stubsAt)).not.toContain(functionHelp);
    expect(code.slice(stubsAt)).toContain(paramHelp);
    expect(code.slice(stubsAt)).toContain(functionHelp);
  });

  it('leaves it out of functions.js: the function reference page lists the descriptions, functions.json has the rest', () => {
    const functions = readFileSync(join(dist, 'excel/functions.js'), 'utf8');
    expect(functions).not.toContain(functionHelp);
    expect(functions).not.toContain(paramHelp);
    expect(readFileSync(join(dist, 'excel/functions.json'), 'utf8')).toContain(paramHelp);
    const page = readFileSync(join(dist, 'excel/help.html'), 'utf8');
    expect(page).toContain(`<li><code>PMO.SELECT</code>: ${functionHelp}`);
    // A description's "<" is text on the page, never markup.
    expect(page).toContain('fractions: &#60;0.05');
  });
});

describe('dist/excel', () => {
  it('loads taskpane.js, then dashboard.js, on the functions.js copy of core, as the shared-runtime page loads them', () => {
    const page = createContext({});
    runInContext(readFileSync(join(dist, 'excel/functions.js'), 'utf8'), page);
    const shared = (page as { [SHARED_CORE_GLOBAL]?: Record<string, object> })[SHARED_CORE_GLOBAL] ?? {};
    // Each shared module is published under a short key (its position), as the list of what the pages import from
    // it (read back by position: scripts/shared-core.ts); those are core's functions and constants.
    const published = Object.values(shared).flatMap((module) => (Array.isArray(module) ? module : []));
    expect(published.filter((value) => typeof value === 'function').length).toBeGreaterThan(40);
    expect(() =>
      runInContext(
        readFileSync(join(dist, 'excel/taskpane.js'), 'utf8'),
        Object.assign(page, { Office: { onReady: () => Promise.resolve(), HostType: {} } }),
      ),
    ).not.toThrow();
    // The ribbon command adds dashboard.js to the same page when it first runs (excel-addin/commands.ts).
    expect(() => runInContext(readFileSync(join(dist, 'excel/dashboard.js'), 'utf8'), page)).not.toThrow();
    const builder = (page as { [DASHBOARD_GLOBAL]?: { buildDashboardInExcel?: unknown } })[DASHBOARD_GLOBAL];
    expect(typeof builder?.buildDashboardInExcel).toBe('function');
  });

  it('keeps the dashboard builder out of taskpane.js: only dashboard.js carries it', () => {
    // A distinctive string of core/dashboard/build.ts, as in the Sheets test above.
    const builder = 'Headline figures';
    expect(readFileSync(join(dist, 'excel/taskpane.js'), 'utf8')).not.toContain(builder);
    expect(readFileSync(join(dist, 'excel/dashboard.js'), 'utf8')).toContain(builder);
  });

  it('fails loudly, naming functions.js, when taskpane.js is loaded without it', () => {
    expect(() =>
      runInContext(readFileSync(join(dist, 'excel/taskpane.js'), 'utf8'), createContext({ Office: {} })),
    ).toThrow('taskpane.js needs functions.js loaded before it');
  });

  it('fails loudly, naming functions.js, when dashboard.js is loaded without it', () => {
    expect(() =>
      runInContext(readFileSync(join(dist, 'excel/dashboard.js'), 'utf8'), createContext({})),
    ).toThrow('dashboard.js needs functions.js loaded before it');
  });

  it('registers every catalog function with CustomFunctions.associate, without a DOM', () => {
    // functions.js associates its own families first, then the ones loaded on first call; Excel matches by id, so
    // the order is not the catalog's.
    expect([...loadExcelCustomFunctions().associated].sort()).toEqual(
      CATALOG.map((spec) => spec.name).sort(),
    );
  });

  it('describes every function and parameter in functions.json, tables as matrices and optionals as optional', () => {
    const metadata = JSON.parse(readFileSync(join(dist, 'excel/functions.json'), 'utf8'));
    expect(metadata.functions.map((fn: { id: string }) => fn.id)).toEqual(CATALOG.map((spec) => spec.name));
    expect(metadata.allowErrorForDataTypeAny, 'error cells reach the functions').toBe(true);
    const utilization = metadata.functions.find((fn: { id: string }) => fn.id === 'UTILIZATION');
    expect(utilization.result).toEqual({ dimensionality: 'matrix' });
    expect(utilization.parameters.map((p: { name: string }) => p.name)).toEqual([
      'assignments',
      'resources',
      'start',
      'end',
      'period',
      'time_off',
      'basis',
    ]);
    expect(utilization.parameters[0]).toMatchObject({ type: 'any', dimensionality: 'matrix' });
    expect(utilization.parameters[0].optional).toBeUndefined();
    expect(utilization.parameters[2]).toMatchObject({ dimensionality: 'scalar', optional: true });
  });
});

describe('dist/gsheets/Code.js', () => {
  const code = readFileSync(join(dist, 'gsheets/Code.js'), 'utf8');

  it('ships the bundle minified and the PMO_* stubs readable, one statement per line with their JSDoc', () => {
    const bundle = code.slice(0, code.indexOf('/**\n'));
    expect(bundle.split('\n').length, 'the minified bundle spans a few lines').toBeLessThan(20);
    const stubs = code.slice(code.indexOf('/**\n'));
    expect(stubs).toMatch(/^ \* @param \{Array<Array<any>>\} assignments /m);
    expect(stubs).toContain("  return PMO.callForSheets('UTILIZATION', arguments);\n}");
  });

  it('says on its first line that it is generated', () => {
    expect(code.split('\n')[0]).toMatch(/^\/\/ generated by .*do not edit$/);
  });

  it('declares one top-level PMO_ function with @customfunction JSDoc per catalog entry', () => {
    for (const spec of CATALOG) {
      const params = spec.params.map((param) => param.name).join(', ');
      expect(code).toContain(`@customfunction\n */\nfunction PMO_${spec.name}(${params}) {`);
    }
    expect(code.match(/@customfunction/g)).toHaveLength(CATALOG.length);
  });

  it('touches no Apps Script service when it loads', () => {
    const host = loadAppsScript({ timeZone: 'Europe/Zurich' });
    expect(host.serviceCalls).toEqual([]);
    expect(typeof host.global.PMO_UTILIZATION).toBe('function');
  });

  it('asks for the time zone at call time and formats each distinct date once', () => {
    const host = loadAppsScript({ timeZone: 'Europe/Zurich' });
    const day = new Date(Date.UTC(2025, 2, 2, 23));
    const assignments = [
      ['Resource', 'Start', 'End', 'Hours'],
      ...Array.from({ length: 50 }, () => ['Ana', day, day, 8]),
    ];
    expect(host.callCustomFunction('LOAD', [assignments, [['Resource'], ['Ana']]]).ok).toBe(true);
    expect(host.serviceCalls.filter((call) => call === 'Spreadsheet.getSpreadsheetTimeZone')).toHaveLength(1);
    expect(host.serviceCalls.filter((call) => call === 'Utilities.formatDate')).toHaveLength(1);
  });
});
