// Entry of dist/gsheets/Code.js: the bundle exposed as the global `PMO`, called by the generated PMO_* stubs.
// Loading it touches no Apps Script service.

export { callForSheets } from './sheets-values';
