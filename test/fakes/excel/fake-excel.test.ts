// The fake Excel host throws where Office.js throws: each documented rule the fake models (see the comments
// that cite the pages in test/fakes/excel/*.ts) is shown here, so the adapters' tests cannot pass against a
// host kinder than the real one.

import { describe, expect, it } from 'vitest';
import {
  type ExcelRunLog,
  ExcelSheetState,
  ExcelWorkbookState,
  excelSheetRows,
  FakeRequestContext,
  fakeDocumentSettings,
  fakeExcelRun,
  fakeSharedRuntime,
  MAX_COLUMNS,
  PAYLOAD_LIMIT_BYTES,
  setupExcelWorkbook,
} from '.';

/** A workbook with Data (A1:B3 filled, a table on it) and an empty Notes sheet; Data active, B2 selected. */
function workbook(): ExcelWorkbookState {
  return setupExcelWorkbook({
    sheets: [
      {
        name: 'Data',
        values: [
          ['Name', 'Cost'],
          ['Alpha', 100],
          ['Beta', 200],
        ],
        tables: [{ name: 'tblData', address: 'A1:B3', showTotals: true }],
      },
      { name: 'Notes', values: [] },
    ],
    active: 'Data',
    selection: { sheet: 'Data', address: 'B2' },
  });
}

const sheetOf = (state: ExcelWorkbookState, name: string): ExcelSheetState => {
  const sheet = state.sheet(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
};

const withCode = (code: string) => expect.objectContaining({ code });

describe('proxies and context.sync()', () => {
  it('a property is readable only after load() and context.sync(), else PropertyNotLoaded', async () => {
    const context = new FakeRequestContext(workbook());
    const range = context.workbook.worksheets.getItem('Data').getRange('A1:B2');
    expect(() => range.values).toThrow(withCode('PropertyNotLoaded'));
    range.load('values,address');
    expect(() => range.values).toThrow(withCode('PropertyNotLoaded'));
    await context.sync();
    expect(range.values).toEqual([
      ['Name', 'Cost'],
      ['Alpha', 100],
    ]);
    expect(range.address).toBe('Data!A1:B2');
    expect(() => range.rowIndex).toThrow(withCode('PropertyNotLoaded'));
  });

  it('a write is queued and reaches the workbook only at context.sync()', async () => {
    const state = workbook();
    const context = new FakeRequestContext(state);
    context.workbook.worksheets.getItem('Notes').getRange('A1').values = [['later']];
    expect(sheetOf(state, 'Notes').cell(0, 0)).toBeUndefined();
    await context.sync();
    expect(sheetOf(state, 'Notes').cell(0, 0)?.value).toBe('later');
  });

  it('an empty cell reads as "" in values, formulas and General in numberFormat', async () => {
    const context = new FakeRequestContext(workbook());
    const range = context.workbook.worksheets.getItem('Notes').getRange('B2:C2');
    range.load('values,formulas,numberFormat');
    await context.sync();
    expect(range.values).toEqual([['', '']]);
    expect(range.formulas).toEqual([['', '']]);
    expect(range.numberFormat).toEqual([['General', 'General']]);
  });

  it('isNullObject is known only after a sync: true for a missing item, false for one found', async () => {
    const context = new FakeRequestContext(workbook());
    const missing = context.workbook.worksheets.getItemOrNullObject('Nope');
    const found = context.workbook.worksheets.getItemOrNullObject('data');
    const plain = context.workbook.worksheets.getItem('Data').getRange('A1');
    const budget = context.workbook.names.getItemOrNullObject('Budget');
    missing.load('name');
    expect(() => missing.isNullObject).toThrow(withCode('PropertyNotLoaded'));
    await context.sync();
    expect(missing.isNullObject).toBe(true);
    expect(found.isNullObject).toBe(false);
    expect(plain.isNullObject).toBe(false);
    expect(budget.isNullObject).toBe(true);
    // A null object's properties stay unloaded: the add-in must test isNullObject first.
    expect(() => missing.name).toThrow(withCode('PropertyNotLoaded'));
  });

  it('the used range of an empty sheet or area is a null object, else the bounding box of the values', async () => {
    const context = new FakeRequestContext(workbook());
    const empty = context.workbook.worksheets.getItem('Notes').getUsedRangeOrNullObject(true);
    const rows = context.workbook.worksheets.getItem('Data').getRange('2:3').getUsedRangeOrNullObject(true);
    rows.load('address,values');
    await context.sync();
    expect(empty.isNullObject).toBe(true);
    expect(rows.address).toBe('Data!A2:B3');
    expect(rows.values).toEqual([
      ['Alpha', 100],
      ['Beta', 200],
    ]);
  });

  it('gives a sheet’s used range from its first cell with a value, with its row and column index', async () => {
    // "The used range is the smallest range that encompasses any cells that have a value or formatting assigned to
    // them" ("Get a range using the Excel JavaScript API", Get used range,
    // https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-get); with valuesOnly it "considers
    // only cells with values as used cells (ignoring formatting)" (Worksheet.getUsedRange TSDoc). Unlike Sheets'
    // data range it does not start at A1: the add-in places its values by rowIndex and columnIndex.
    const state = workbook();
    const notes = sheetOf(state, 'Notes');
    notes.ensure(0, 0).bold = true;
    notes.ensure(1, 2).value = 'Portfolio';
    notes.ensure(3, 2).value = 'Initiative';
    notes.ensure(3, 3).value = 'Cost';
    const context = new FakeRequestContext(state);
    const sheet = context.workbook.worksheets.getItem('Notes');
    const values = sheet.getUsedRangeOrNullObject(true).load('values,rowIndex,columnIndex,address');
    const all = sheet.getUsedRangeOrNullObject().load('address');
    await context.sync();
    expect([values.address, values.rowIndex, values.columnIndex]).toEqual(['Notes!C2:D4', 1, 2]);
    expect(values.values).toEqual([
      ['Portfolio', ''],
      ['', ''],
      ['Initiative', 'Cost'],
    ]);
    expect(all.address).toBe('Notes!A1:D4');
  });

  it('a batch fails at its first bad command with its code; earlier commands stay applied, later ones never run', async () => {
    const state = workbook();
    const context = new FakeRequestContext(state);
    const notes = context.workbook.worksheets.getItem('Notes');
    notes.getRange('A1').values = [['before']];
    context.workbook.worksheets.getItem('Missing').getRange('A1').values = [['lost']];
    notes.getRange('A2').values = [['after']];
    const read = notes.getRange('A1');
    read.load('values');
    await expect(context.sync()).rejects.toMatchObject({
      code: 'ItemNotFound',
      debugInfo: { errorLocation: 'WorksheetCollection.getItem' },
    });
    expect(sheetOf(state, 'Notes').cell(0, 0)?.value).toBe('before');
    expect(sheetOf(state, 'Notes').cell(1, 0)).toBeUndefined();
    expect(() => read.values).toThrow(withCode('PropertyNotLoaded'));
    // The queue was sent: the next sync starts empty and succeeds.
    await context.sync();
    expect(sheetOf(state, 'Notes').cell(1, 0)).toBeUndefined();
  });

  it('getRange with a bad address and getRangeByIndexes outside the sheet fail with InvalidArgument at sync', async () => {
    const context = new FakeRequestContext(workbook());
    const sheet = context.workbook.worksheets.getItem('Data');
    sheet.getRange('A0');
    await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    sheet.getRangeByIndexes(0, MAX_COLUMNS - 1, 1, 2);
    await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
  });
});

describe('Excel.run', () => {
  it('gives each batch a fresh context and counts its explicit syncs, not the final send of what is left', async () => {
    const state = workbook();
    const log: ExcelRunLog = { started: [], finished: [] };
    const run = fakeExcelRun(state, log);
    await run(async (context) => {
      const range = context.workbook.worksheets.getItem('Data').getRange('A1');
      range.load('values');
      await context.sync();
      context.workbook.worksheets.getItem('Notes').getRange('A1').values = [['queued last']];
    });
    await run(async () => undefined);
    expect(log.started).toHaveLength(2);
    expect(log.started[0]).not.toBe(log.started[1]);
    expect(log.finished.map((context) => context.syncCount)).toEqual([1, 0]);
    expect(sheetOf(state, 'Notes').cell(0, 0)?.value).toBe('queued last');
  });

  it('sends nothing of a batch function that throws', async () => {
    const state = workbook();
    const run = fakeExcelRun(state);
    await expect(
      run(async (context) => {
        context.workbook.worksheets.getItem('Notes').getRange('A1').values = [['never']];
        throw new Error('the add-in gave up');
      }),
    ).rejects.toThrow('the add-in gave up');
    expect(sheetOf(state, 'Notes').cell(0, 0)).toBeUndefined();
  });
});

describe('writing values, formulas and number formats', () => {
  it('refuses a grid whose shape is not the range’s rows × columns, with InvalidArgument', async () => {
    const context = new FakeRequestContext(workbook());
    const range = context.workbook.worksheets.getItem('Notes').getRange('A1:B2');
    for (const bad of [
      [['a', 'b']],
      [['a'], ['b']],
      ['a', 'b'],
      [
        ['a', 'b', 'c'],
        ['d', 'e', 'f'],
      ],
      [
        [{}, 1],
        [1, 1],
      ],
    ]) {
      range.values = bad;
      await expect(context.sync(), JSON.stringify(bad)).rejects.toMatchObject({ code: 'InvalidArgument' });
    }
    range.numberFormat = [['@']];
    await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    range.formulas = [['=1'], ['=2']];
    await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  it('refuses null for a whole property, and leaves a cell unchanged where the grid holds null', async () => {
    const state = workbook();
    const context = new FakeRequestContext(state);
    const range = context.workbook.worksheets.getItem('Data').getRange('A2:B2');
    range.values = null;
    await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    range.values = [[null, 150]];
    range.numberFormat = [[null, '0.00']];
    await context.sync();
    expect(sheetOf(state, 'Data').cell(1, 0)).toMatchObject({ value: 'Alpha', numberFormat: 'General' });
    expect(sheetOf(state, 'Data').cell(1, 1)).toMatchObject({ value: 150, numberFormat: '0.00' });
  });

  it('writes one value or one number format to every cell of the range', async () => {
    const state = workbook();
    const context = new FakeRequestContext(state);
    const range = context.workbook.worksheets.getItem('Notes').getRange('A1:B2');
    range.numberFormat = '0%';
    range.values = 0.5;
    await context.sync();
    expect(excelSheetRows(sheetOf(state, 'Notes'))).toEqual({
      values: [
        [0.5, 0.5],
        [0.5, 0.5],
      ],
      formats: [
        ['0%', '0%'],
        ['0%', '0%'],
      ],
    });
  });

  it('clears a cell written with "" and resets a number format written as ""', async () => {
    const state = workbook();
    const context = new FakeRequestContext(state);
    const range = context.workbook.worksheets.getItem('Data').getRange('B2');
    range.numberFormat = [['0.00']];
    await context.sync();
    range.values = [['']];
    range.numberFormat = [['']];
    await context.sync();
    expect(sheetOf(state, 'Data').cell(1, 1)).toMatchObject({ value: '', numberFormat: 'General' });
  });

  it('stores text starting with "=", "+" or "-" as a formula and numeric text as a number, unless the cell is formatted "@"', async () => {
    const state = workbook();
    const context = new FakeRequestContext(state);
    const sheet = context.workbook.worksheets.getItem('Notes');
    sheet.getRange('A1:D1').values = [['=HYPERLINK("x")', '-cmd', '42', 'plain']];
    const text = sheet.getRange('A2:C2');
    text.numberFormat = [['@', '@', '@']];
    text.values = [['=HYPERLINK("x")', '-cmd', '42']];
    await context.sync();
    const notes = sheetOf(state, 'Notes');
    expect(notes.cell(0, 0)?.formula).toBe('=HYPERLINK("x")');
    expect(notes.cell(0, 1)?.formula).toBe('=-cmd');
    expect(notes.cell(0, 2)?.value).toBe(42);
    expect(notes.cell(0, 3)).toMatchObject({ value: 'plain' });
    expect([0, 1, 2].map((c) => notes.cell(1, c)?.value)).toEqual(['=HYPERLINK("x")', '-cmd', '42']);
    expect([0, 1, 2].map((c) => notes.cell(1, c)?.formula)).toEqual([undefined, undefined, undefined]);
  });

  it('records each values and number-format write with its address and its Excel.run', async () => {
    const state = workbook();
    const run = fakeExcelRun(state);
    await run(async (context) => {
      const range = context.workbook.worksheets.getItem('Data').getRangeByIndexes(0, 2, 3, 1);
      range.numberFormat = [['@'], ['0'], ['0']];
      range.values = [['Score'], [1], [2]];
      await context.sync();
    });
    expect(state.writes).toEqual([
      { property: 'numberFormat', sheet: 'Data', address: 'Data!C1:C3', run: 1 },
      { property: 'values', sheet: 'Data', address: 'Data!C1:C3', run: 1 },
    ]);
  });

  it('refuses null for a format property and an alignment Excel does not have', async () => {
    const context = new FakeRequestContext(workbook());
    const range = context.workbook.worksheets.getItem('Data').getRange('A1');
    (range.format.fill as { color: string | null }).color = null;
    await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    range.format.horizontalAlignment = 'Middle';
    await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    expect(() => range.format.font.bold).toThrow(withCode('PropertyNotLoaded'));
  });
});

describe('the payload limits of Excel on the web', () => {
  /** A sheet of 60,000 rows × 6 columns of 12-character text: about 6 MB as JSON. */
  function bigWorkbook(): ExcelWorkbookState {
    const state = new ExcelWorkbookState();
    const sheet = new ExcelSheetState('Big');
    for (let r = 0; r < 60_000; r++)
      for (let c = 0; c < 6; c++) sheet.ensure(r, c).value = `r${String(r).padStart(6, '0')}c${c}xxx`;
    state.sheets.push(sheet);
    state.activeSheet = sheet;
    return state;
  }

  it('fails to read the values of a used range over 5 MB in one sync with ResponsePayloadSizeLimitExceeded', async () => {
    const state = bigWorkbook();
    const context = new FakeRequestContext(state);
    const used = context.workbook.worksheets.getItem('Big').getUsedRangeOrNullObject(true);
    used.load('values');
    await expect(context.sync()).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
    expect(() => used.values).toThrow(withCode('PropertyNotLoaded'));
    expect(PAYLOAD_LIMIT_BYTES).toBe(5_000_000);
  });

  it('reads it when the limit is lifted (the desktop hosts), or in halves under the limit', async () => {
    const state = bigWorkbook();
    const context = new FakeRequestContext(state);
    const sheet = context.workbook.worksheets.getItem('Big');
    const top = sheet.getRange('A1:F30000');
    top.load('values');
    await context.sync();
    expect(top.values).toHaveLength(30_000);
    state.payloadLimitBytes = Number.POSITIVE_INFINITY;
    const all = sheet.getUsedRangeOrNullObject(true);
    all.load('values');
    await context.sync();
    expect(all.values).toHaveLength(60_000);
  });

  it('fails a request over 5 MB with RequestPayloadSizeLimitExceeded and applies none of it', async () => {
    const state = workbook();
    const context = new FakeRequestContext(state);
    const sheet = context.workbook.worksheets.getItem('Notes');
    sheet.getRange('A1').values = [['small']];
    sheet.getRange('A2:A400001').values = Array.from({ length: 400_000 }, () => ['twelve chars']);
    await expect(context.sync()).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(sheetOf(state, 'Notes').cell(0, 0)).toBeUndefined();
  });

  it('refuses to read more than 5,000,000 cells of a range, whatever the payload limit', async () => {
    const state = workbook();
    state.payloadLimitBytes = Number.POSITIVE_INFINITY;
    const context = new FakeRequestContext(state);
    const columns = context.workbook.worksheets.getItem('Data').getRange('A:E');
    columns.load('values');
    await expect(context.sync()).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
  });
});

describe('sheets, tables, names, selection and charts', () => {
  it('adding a sheet fails with ItemAlreadyExists, InvalidArgument for a bad name, AccessDenied when the structure is protected', async () => {
    const state = workbook();
    const context = new FakeRequestContext(state);
    context.workbook.worksheets.add('data');
    await expect(context.sync()).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
    context.workbook.worksheets.add('a/b');
    await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    context.workbook.worksheets.add('x'.repeat(32));
    await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    state.structureProtected = true;
    context.workbook.worksheets.add('New');
    await expect(context.sync()).rejects.toMatchObject({ code: 'AccessDenied' });
    expect(state.sheets.map((sheet) => sheet.name)).toEqual(['Data', 'Notes']);
  });

  it('loads a sheet’s tables with the item properties asked for, and the whole table range', async () => {
    const context = new FakeRequestContext(workbook());
    const sheet = context.workbook.worksheets.getActiveWorksheet();
    sheet.load('name');
    const tables = sheet.tables;
    tables.load('items/name,items/showTotals');
    const noTables = context.workbook.worksheets.getItem('Notes').tables;
    noTables.load('items/name');
    await context.sync();
    expect(sheet.name).toBe('Data');
    expect(tables.items.map((table) => [table.name, table.showTotals])).toEqual([['tblData', true]]);
    expect(noTables.items).toEqual([]);
    expect(tables.items[0]?.isNullObject).toBe(false);
    const range = tables.items[0]?.getRange();
    range?.load('rowIndex,columnIndex,rowCount,columnCount');
    await context.sync();
    expect([range?.rowIndex, range?.columnIndex, range?.rowCount, range?.columnCount]).toEqual([0, 0, 3, 2]);
  });

  it('reads a defined name holding a constant, and refuses its range with InvalidOperation', async () => {
    const state = workbook();
    state.names.set('Budget', { constant: 250_000 });
    const context = new FakeRequestContext(state);
    const budget = context.workbook.names.getItemOrNullObject('budget');
    budget.load('type,value');
    await context.sync();
    expect([budget.type, budget.value]).toEqual(['Double', 250_000]);
    budget.getRange();
    await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidOperation' });
    context.workbook.names.getItem('Missing');
    await expect(context.sync()).rejects.toMatchObject({ code: 'ItemNotFound' });
  });

  it('reads the selection and its sheet through range.worksheet, the same proxy each time', async () => {
    const context = new FakeRequestContext(workbook());
    const selected = context.workbook.getSelectedRange();
    selected.load('address');
    expect(selected.worksheet).toBe(selected.worksheet);
    selected.worksheet.load('name');
    await context.sync();
    expect(selected.address).toBe('Data!B2');
    expect(selected.worksheet.name).toBe('Data');
  });

  it('activates a sheet, freezes rows, merges once (an overlapping merge fails) and clears a sheet', async () => {
    const state = workbook();
    const context = new FakeRequestContext(state);
    const sheet = context.workbook.worksheets.getItem('Notes');
    sheet.activate();
    sheet.freezePanes.freezeRows(2);
    sheet.getRange('A1:B1').merge(false);
    await context.sync();
    expect(state.activeSheet?.name).toBe('Notes');
    expect(sheetOf(state, 'Notes')).toMatchObject({
      frozenRows: 2,
      merges: [{ row: 0, column: 0, rows: 1, columns: 2 }],
    });
    sheet.getRange('B1:C1').merge(false);
    await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    const all = context.workbook.worksheets.getItem('Data').getRange();
    all.clear('All');
    await context.sync();
    expect(sheetOf(state, 'Data').cells.size).toBe(0);
  });

  it('adds a chart over a range and refuses a position on another sheet or an unknown chart type', async () => {
    const state = workbook();
    const context = new FakeRequestContext(state);
    const data = context.workbook.worksheets.getItem('Data');
    const chart = data.charts.add('ColumnClustered', data.getRange('B2:B3'), 'Columns');
    chart.title.text = 'Cost';
    chart.series.getItemAt(0).setXAxisValues(data.getRange('A2:A3'));
    chart.setPosition(data.getRange('D1'), data.getRange('H10'));
    await context.sync();
    expect(sheetOf(state, 'Data').charts).toMatchObject([
      {
        name: 'Chart 1',
        type: 'ColumnClustered',
        title: 'Cost',
        series: [{ xAxis: { row: 1, column: 0, rows: 2, columns: 1 } }],
        position: { start: { row: 0, column: 3 }, end: { row: 9, column: 7 } },
      },
    ]);
    chart.setPosition(context.workbook.worksheets.getItem('Notes').getRange('A1'));
    await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    data.charts.add('Doughnut3D', data.getRange('B2:B3'));
    await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  it('labels every n-th category where tickLabelSpacing is 1 to 31999, automatically for "", and refuses 0', async () => {
    const state = workbook();
    const context = new FakeRequestContext(state);
    const data = context.workbook.worksheets.getItem('Data');
    const chart = data.charts.add('BarClustered', data.getRange('B2:B3'), 'Columns');
    chart.axes.categoryAxis.tickLabelSpacing = 1;
    await context.sync();
    expect(sheetOf(state, 'Data').charts[0]?.tickLabelSpacing).toBe(1);
    chart.axes.categoryAxis.tickLabelSpacing = '';
    await context.sync();
    expect(sheetOf(state, 'Data').charts[0]?.tickLabelSpacing).toBeUndefined();
    chart.axes.categoryAxis.tickLabelSpacing = 0;
    await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
  });
});

describe('the document settings and the shared runtime', () => {
  it('returns null for a missing setting and keeps set values in memory until saveAsync', async () => {
    const state = workbook();
    const settings = fakeDocumentSettings(state);
    expect(settings.get('pmo')).toBeNull();
    settings.set('pmo', '{"a":1}');
    expect(settings.get('pmo')).toBe('{"a":1}');
    expect(state.savedSettings).toEqual({});
    const status = await new Promise((resolve) => settings.saveAsync((result) => resolve(result.status)));
    expect(status).toBe('succeeded');
    expect(state.savedSettings).toEqual({ pmo: '{"a":1}' });
    expect(() => settings.set('bad', () => 1)).toThrow();
  });

  it('associates each ribbon action once and counts the requests to show the task pane', async () => {
    const runtime = fakeSharedRuntime(workbook());
    const office = runtime.globals.Office as {
      actions: { associate(id: string, handler: () => void): void };
      addin: { showAsTaskpane(): Promise<void> };
    };
    office.actions.associate('build', () => undefined);
    expect(() => office.actions.associate('build', () => undefined)).toThrow('associated twice');
    await office.addin.showAsTaskpane();
    expect(runtime.taskpaneShown.count).toBe(1);
    expect([...runtime.actions.keys()]).toEqual(['build']);
  });
});
