// The names of the top-level Apps Script functions behind the Sheets sidebar: the sidebar calls them through
// google.script.run, gsheets/panel-server.ts implements them, and scripts/host-metadata.ts generates their
// top-level stubs in Code.js. Names are plain identifiers not ending in "_" (Apps Script hides those).

export const SIDEBAR_SERVER = {
  /** Opens the sidebar (the "Score initiatives…" menu item calls it). */
  show: 'showScoringPanel',
  read: 'scoringPanelReadInitiatives',
  write: 'scoringPanelWriteResults',
  loadSettings: 'scoringPanelLoadSettings',
  saveSettings: 'scoringPanelSaveSettings',
} as const;

/** The top-level stubs of Code.js for the sidebar: parameters as google.script.run passes them. */
export const SIDEBAR_SERVER_STUBS: readonly {
  readonly name: string;
  readonly params: readonly string[];
  readonly about: string;
}[] = [
  {
    name: SIDEBAR_SERVER.show,
    params: [],
    about: 'Menu PMO › Score initiatives…: opens the scoring sidebar.',
  },
  {
    name: SIDEBAR_SERVER.read,
    params: ['source'],
    about: 'Scoring sidebar (google.script.run): reads the initiatives table.',
  },
  {
    name: SIDEBAR_SERVER.write,
    params: ['request'],
    about: 'Scoring sidebar: writes Score, Rank and Selected beside the table.',
  },
  {
    name: SIDEBAR_SERVER.loadSettings,
    params: [],
    about: "Scoring sidebar: the panel's saved settings (JSON text) or null.",
  },
  {
    name: SIDEBAR_SERVER.saveSettings,
    params: ['json'],
    about: "Scoring sidebar: saves the panel's settings in the document properties.",
  },
];
