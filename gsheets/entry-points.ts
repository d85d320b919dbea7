// The one table of Apps Script entry points: the top-level functions of Code.js that Apps Script calls by name
// (the simple triggers, the PMO menu items, the google.script.run calls of the sidebar and of the dashboard
// dialog). The build generates their stubs from it (scripts/host-metadata.ts), onOpen builds the menu from it
// (gsheets/dashboard.ts) and the page calls the server by its names (gsheets/client/). Names are plain identifiers not ending in "_"
// (Apps Script hides those). Data only: no Apps Script or DOM types, so every tsconfig can read it.

/** One top-level function of Code.js. */
export interface AppsScriptEntryPoint {
  /** The top-level function's name. */
  readonly name: string;
  readonly params: readonly string[];
  /** The bundle export it calls (gsheets/main.ts). */
  readonly calls: string;
  readonly about: string;
  /** Returns the export's value (google.script.run passes it to the sidebar). */
  readonly returns: boolean;
  /** The caption of its item in the PMO menu, for menu items. */
  readonly menuCaption?: string;
}

const trigger = (name: string, about: string): AppsScriptEntryPoint => ({
  name,
  params: ['e'],
  calls: name,
  about,
  returns: false,
});

const server = (name: string, params: string[], about: string): AppsScriptEntryPoint => ({
  name,
  params,
  calls: name,
  about,
  returns: true,
});

/** The sidebar's server functions, by role: google.script.run calls them by these names. */
export const SIDEBAR_SERVER = {
  /** Opens the sidebar (the "Score initiatives…" menu item calls it). */
  show: 'showScoringPanel',
  read: 'scoringPanelReadInitiatives',
  write: 'scoringPanelWriteResults',
  loadSettings: 'scoringPanelLoadSettings',
  saveSettings: 'scoringPanelSaveSettings',
} as const;

/**
 * The dashboard dialog's server functions (gsheets/dashboard.ts): the menu item opens the dialog, whose page reads
 * the workbook, plans the dashboard in the browser and writes the plan (gsheets/client/dashboard-protocol.ts).
 */
export const DASHBOARD_SERVER = {
  /** Opens the dialog (the "Build dashboard" menu item calls it; the name predates the dialog). */
  show: 'PMO_buildDashboard',
  read: 'dashboardReadWorkbook',
  write: 'dashboardWritePlan',
} as const;

/** Every entry point, in Code.js order. */
export const APPS_SCRIPT_ENTRY_POINTS: readonly AppsScriptEntryPoint[] = [
  trigger('onOpen', 'Simple trigger: adds the PMO menu.'),
  trigger('onInstall', 'Runs on install: adds the PMO menu.'),
  {
    name: DASHBOARD_SERVER.show,
    params: [],
    calls: 'showDashboardDialog',
    about: 'Menu PMO › Build dashboard: opens the dashboard dialog.',
    returns: false,
    menuCaption: 'Build dashboard',
  },
  server(
    DASHBOARD_SERVER.read,
    ['at'],
    'Dashboard dialog (google.script.run): reads every sheet once, as JSON-like values.',
  ),
  server(
    DASHBOARD_SERVER.write,
    ['plan', 'counts'],
    'Dashboard dialog: writes the plan to its own sheet or a new one.',
  ),
  {
    ...server(SIDEBAR_SERVER.show, [], 'Menu PMO › Score initiatives…: opens the scoring sidebar.'),
    menuCaption: 'Score initiatives…',
  },
  server(
    SIDEBAR_SERVER.read,
    ['source'],
    'Scoring sidebar (google.script.run): reads the initiatives table.',
  ),
  server(
    SIDEBAR_SERVER.write,
    ['request'],
    'Scoring sidebar: writes Score, Rank and Selected beside the table.',
  ),
  server(SIDEBAR_SERVER.loadSettings, [], "Scoring sidebar: the panel's saved settings (JSON text) or null."),
  server(
    SIDEBAR_SERVER.saveSettings,
    ['json'],
    "Scoring sidebar: saves the panel's settings in the document properties.",
  ),
];
