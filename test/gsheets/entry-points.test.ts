// The one table of Apps Script entry points: the build's Code.js stubs, the PMO menu and the sidebar's
// google.script.run names all come from it.

import { describe, expect, it } from 'vitest';
import { APPS_SCRIPT_ENTRY_POINTS, DASHBOARD_SERVER, SIDEBAR_SERVER } from '../../gsheets/entry-points';
import { appsScriptEntryPoints } from '../../scripts/host-metadata';

describe('Apps Script entry points', () => {
  it('names are unique plain identifiers that Apps Script does not hide (no trailing "_")', () => {
    const names = APPS_SCRIPT_ENTRY_POINTS.map((entry) => entry.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[A-Za-z][A-Za-z0-9_]*[A-Za-z0-9]$/);
  });

  it('every sidebar server name is an entry point that returns its value to google.script.run', () => {
    for (const name of Object.values(SIDEBAR_SERVER)) {
      const entry = APPS_SCRIPT_ENTRY_POINTS.find((candidate) => candidate.name === name);
      expect(entry?.returns, name).toBe(true);
    }
  });

  it('the dashboard dialog reads and writes through entry points that return their value; the menu item opens it', () => {
    for (const name of [DASHBOARD_SERVER.read, DASHBOARD_SERVER.write]) {
      const entry = APPS_SCRIPT_ENTRY_POINTS.find((candidate) => candidate.name === name);
      expect(entry?.returns, name).toBe(true);
    }
    expect(APPS_SCRIPT_ENTRY_POINTS.find((entry) => entry.name === DASHBOARD_SERVER.show)).toMatchObject({
      calls: 'showDashboardDialog',
      menuCaption: 'Build dashboard',
    });
  });

  it('the PMO menu lists Build dashboard, then Score initiatives… which opens the sidebar', () => {
    const menu = APPS_SCRIPT_ENTRY_POINTS.filter((entry) => entry.menuCaption !== undefined);
    expect(menu.map((entry) => [entry.menuCaption, entry.name])).toEqual([
      ['Build dashboard', 'PMO_buildDashboard'],
      ['Score initiatives…', SIDEBAR_SERVER.show],
    ]);
  });

  it('Code.js gets one top-level stub per entry, triggers calling and server functions returning', () => {
    const code = appsScriptEntryPoints('PMO');
    expect(code).toContain('function onOpen(e) {\n  PMO.onOpen(e);\n}');
    expect(code).toContain('function PMO_buildDashboard() {\n  PMO.showDashboardDialog();\n}');
    expect(code).toContain(
      'function dashboardReadWorkbook(at) {\n  return PMO.dashboardReadWorkbook(at);\n}',
    );
    expect(code).toContain(
      'function dashboardWritePlan(plan, counts) {\n  return PMO.dashboardWritePlan(plan, counts);\n}',
    );
    expect(code).toContain(
      'function scoringPanelReadInitiatives(source) {\n  return PMO.scoringPanelReadInitiatives(source);\n}',
    );
    expect(code.match(/^function /gm)).toHaveLength(APPS_SCRIPT_ENTRY_POINTS.length);
  });
});
