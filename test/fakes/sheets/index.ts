// One fake of Google Sheets and Apps Script for every test: the spreadsheet and its services (spreadsheet.ts,
// range.ts, charts.ts, html-service.ts, properties.ts, utilities.ts), the runtime that loads Code.js and calls
// custom functions and server functions under Apps Script's documented rules (apps-script.ts), and
// google.script.run for the sidebar page (script-run-page.ts, bundled separately for the browser).

export {
  type AppsScriptHost,
  type AppsScriptOptions,
  CUSTOM_FUNCTION_TIME_LIMIT_MS,
  type CustomFunctionResult,
  callServerFunction,
  createAppsScriptHost,
  evaluateScript,
  loadAppsScript,
  loadSpreadsheetScript,
  readBuiltCode,
  type ServerAnswer,
  type SpreadsheetScript,
  type SpreadsheetScriptOptions,
  serverFunctionNames,
  TIME_LIMIT_MESSAGE,
} from './apps-script';
export { CHART_TYPES, type FakeChartState, FakeEmbeddedChart } from './charts';
export { FakeHtmlOutput } from './html-service';
export { PROPERTY_VALUE_LIMIT } from './properties';
export { columnLetters, FakeRange, parseA1Area, type SheetsArea, type SheetsCellState } from './range';
export {
  FakeSheet,
  FakeSpreadsheet,
  FakeUi,
  type ScriptMode,
  type ServiceCall,
  SheetsHost,
  seedSpreadsheet,
  sheetsNumberFormats,
  sheetsSnapshot,
  sheetsValues,
} from './spreadsheet';
export { formatDate, parseDate } from './utilities';

/** Where the page half of google.script.run lives, for the browser harness's pageScript(). */
export const SCRIPT_RUN_PAGE_ENTRY = '../fakes/sheets/script-run-page.ts';
