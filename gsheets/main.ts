// Entry of dist/gsheets/Code.js: the bundle exposed as the global `PMO`, called by the generated top-level
// functions (the PMO_* custom functions, onOpen/onInstall and the menu items). Loading it touches no Apps
// Script service.

export {
  dashboardReadWorkbook,
  dashboardWritePlan,
  onInstall,
  onOpen,
  showDashboardDialog,
} from './dashboard';
export {
  scoringPanelLoadSettings,
  scoringPanelReadInitiatives,
  scoringPanelSaveSettings,
  scoringPanelWriteResults,
  showScoringPanel,
} from './panel-server';
export { callForSheets } from './sheets-values';
