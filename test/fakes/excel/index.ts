// One fake of Excel (Office.js `Excel.run`) for the Node tests: the workbook state, the request context and its
// proxies, seeds, snapshots and the shared runtime. The browser page loads browser-entry.ts instead.

export { FakeChart, FakeChartCollection, FakeChartSeries } from './charts';
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
