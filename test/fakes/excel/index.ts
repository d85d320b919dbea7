// One fake of Excel for the Node tests: the custom-functions runtime (custom-functions.ts), and Office.js
// `Excel.run` with the workbook state, the request context and its proxies, seeds, snapshots and the shared
// runtime. The browser page loads browser-entry.ts instead.

export { FakeChart, FakeChartCollection, FakeChartSeries } from './charts';
export {
  ERROR_CODES,
  type ExcelCell,
  type ExcelCustomFunctionsOptions,
  type ExcelFormulaArgument,
  type ExcelFunctionsMetadata,
  type ExcelShownCell,
  FakeCustomFunctionsError,
  loadExcelCustomFunctions,
} from './custom-functions';
export { FakeOfficeError } from './errors';
export { FakeRange, FakeRangeFormat } from './range';
export { type ExcelRunLog, FakeRequestContext, fakeExcelRun } from './request-context';
export { type FakeWorkbookSetup, seedExcelWorkbook, setupExcelWorkbook, typeIntoSheet } from './seed';
export { type FakeAsyncResult, fakeDocumentSettings } from './settings';
export { type FakeSharedRuntime, fakeSharedRuntime } from './shared-runtime';
export {
  FakeNamedItem,
  FakeTable,
  FakeTableCollection,
  FakeWorkbook,
  FakeWorksheet,
  FakeWorksheetCollection,
} from './workbook';
export {
  type Area,
  areaAddress,
  type CellValue,
  type ExcelCellState,
  type ExcelChartState,
  type ExcelSheetSnapshot,
  ExcelSheetState,
  type ExcelTableState,
  ExcelWorkbookState,
  excelSheetRows,
  excelSheetSnapshot,
  excelSheetValues,
  MAX_COLUMNS,
  MAX_ROWS,
  PAYLOAD_LIMIT_BYTES,
  parseA1,
  READ_CELL_LIMIT,
  type WriteOp,
} from './workbook-state';
