import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readFormatCodes } from '../../cli/ooxml';
import { isDateFormatCode, readWorkbook, type Sheet } from '../../cli/xlsx';
import { readZip, wasChecked } from '../../cli/zip';
import type { Cell } from '../../core/cells';
import { serialFromUtcDate } from '../../core/dates';
import { findTables } from '../../core/workbook';
import { read, sheetNamed } from './read-workbook';

// ------------------------------------------------------------------------------------------------
// Helpers

async function excelBytes(build: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** Writes with ExcelJS's streaming writer without shared strings: plain text as t="str", rich text inline. */
async function streamedBytes(rows: ExcelJS.CellValue[][]): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: false, useStyles: true });
  const sheet = writer.addWorksheet('Inline');
  for (const row of rows) sheet.addRow(row).commit();
  sheet.commit();
  await writer.commit();
  return new Uint8Array(Buffer.concat(chunks));
}

/** The cell at an A1 address of a sheet grid (null when outside the grid). */
function at(sheet: Sheet, address: string): Cell {
  const match = /^([A-Z]+)(\d+)$/.exec(address);
  if (!match) throw new Error(address);
  let column = 0;
  for (const char of match[1] ?? '') column = column * 26 + char.charCodeAt(0) - 64;
  return sheet.rows[Number(match[2]) - sheet.firstRow]?.[column - 1] ?? null;
}

/** What the reader should give for a value handed to ExcelJS. */
function expectedCell(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined || value === '') return null;
  if (value instanceof Date) return serialFromUtcDate(value) + (value.getTime() % 86_400_000) / 86_400_000;
  if (typeof value === 'object') {
    if ('error' in value) return { kind: 'cell-error', text: value.error };
    if ('richText' in value) return value.richText.map((run) => run.text).join('');
    if ('formula' in value) return expectedCell((value.result ?? null) as ExcelJS.CellValue);
  }
  return value as Cell;
}

const NS =
  'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

interface RawSheet {
  readonly name: string;
  readonly xml: string;
  readonly state?: string;
}

/** A hand-made package, for XML shapes ExcelJS never writes. Targets are relative unless `absolute`. */
function rawXlsx(options: {
  sheets: readonly RawSheet[];
  sharedStrings?: string;
  styles?: string;
  workbookPr?: string;
  definedNames?: string;
  absolute?: boolean;
}): Uint8Array {
  const target = (path: string) => (options.absolute ? `/xl/${path}` : path);
  const parts: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    ),
    '_rels/.rels': strToU8(
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="${options.absolute ? '/xl/workbook.xml' : 'xl/workbook.xml'}"/></Relationships>`,
    ),
  };
  const relationships: string[] = [];
  options.sheets.forEach((sheet, i) => {
    parts[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(sheet.xml);
    relationships.push(
      `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="${target(`worksheets/sheet${i + 1}.xml`)}"/>`,
    );
  });
  if (options.sharedStrings !== undefined) {
    parts['xl/sharedStrings.xml'] = strToU8(options.sharedStrings);
    relationships.push(
      `<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="${target('sharedStrings.xml')}"/>`,
    );
  }
  if (options.styles !== undefined) {
    parts['xl/styles.xml'] = strToU8(options.styles);
    relationships.push(`<Relationship Id="rIdT" Type="${REL}/styles" Target="${target('styles.xml')}"/>`);
  }
  parts['xl/_rels/workbook.xml.rels'] = strToU8(
    `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${relationships.join('')}</Relationships>`,
  );
  const sheets = options.sheets
    .map(
      (sheet, i) =>
        `<sheet name="${sheet.name}" sheetId="${i + 1}"${sheet.state ? ` state="${sheet.state}"` : ''} r:id="rId${i + 1}"/>`,
    )
    .join('');
  parts['xl/workbook.xml'] = strToU8(
    `<?xml version="1.0"?><workbook ${NS}>${options.workbookPr ?? ''}<sheets>${sheets}</sheets>${options.definedNames ?? ''}</workbook>`,
  );
  return zipSync(parts);
}

const worksheet = (sheetData: string, after = '') =>
  `<?xml version="1.0"?><worksheet ${NS}><sheetData>${sheetData}</sheetData>${after}</worksheet>`;

// ------------------------------------------------------------------------------------------------

describe('readWorkbook on files written by ExcelJS', () => {
  const values: [string, ExcelJS.CellValue][] = [
    ['A3', 'Resource'],
    ['B3', 'Hours per week'],
    ['C3', 'Start'],
    ['D3', 'Active'],
    ['E3', 'Note'],
    ['A4', 'Ana Silva'],
    ['B4', 40],
    ['C4', new Date('2027-01-04T00:00:00Z')],
    ['D4', true],
    ['E4', 'Tom & "Jerry\'s" <team>'],
    ['A5', 'Ben Okoro'],
    ['B5', 32.5],
    ['C5', new Date('2027-02-15T12:00:00Z')],
    ['D5', false],
    ['E5', { error: '#N/A' }],
    ['A6', 'Rich'],
    ['B6', -0.125],
    ['E6', { richText: [{ text: 'bold ', font: { bold: true } }, { text: 'and plain' }] }],
    ['A7', '  spaced  '],
    ['B7', { formula: 'B4*2', result: 80 }],
    ['C7', { formula: 'A4&"!"', result: 'Ana Silva!' }],
    ['E7', 'line one\nline two'],
  ];
  const book = () =>
    excelBytes((workbook) => {
      const sheet = workbook.addWorksheet('Team');
      sheet.getCell('A1').value = 'Northwind — team list';
      sheet.mergeCells('A1:E1');
      for (const [address, value] of values) sheet.getCell(address).value = value;
      workbook.addWorksheet('Empty');
      const other = workbook.addWorksheet('Time Off');
      other.getCell('T2').value = 250000;
      workbook.definedNames.add('Team!$B$4', 'Capacity');
      workbook.definedNames.add("'Time Off'!$T$2", 'Budget');
    });

  it('gives every value ExcelJS wrote, at its address, with dates as serial numbers', async () => {
    const workbook = read(await book());
    const sheet = sheetNamed(workbook, 'Team');
    for (const [address, value] of values) expect(at(sheet, address), address).toEqual(expectedCell(value));
    expect(at(sheet, 'A1')).toBe('Northwind — team list');
  });

  it('starts the grid at the first used row and column A, with blanks as null', async () => {
    const sheet = sheetNamed(read(await book()), 'Team');
    expect(sheet.firstRow).toBe(1);
    expect(sheet.rows).toHaveLength(7);
    expect(sheet.rows.every((row) => row.length === 5)).toBe(true);
    expect(sheet.rows[1]).toEqual([null, null, null, null, null]);
    expect(at(sheet, 'D6')).toBeNull();
  });

  it('keeps merged areas as stored (value in the top-left cell only) and lists them', async () => {
    const sheet = sheetNamed(read(await book()), 'Team');
    expect(sheet.merges).toEqual(['A1:E1']);
    expect(sheet.rows[0]).toEqual(['Northwind — team list', null, null, null, null]);
  });

  it('lists sheets in workbook order, an empty sheet with no rows', async () => {
    const workbook = read(await book());
    expect(workbook.sheets.map((sheet) => sheet.name)).toEqual(['Team', 'Empty', 'Time Off']);
    expect(sheetNamed(workbook, 'Empty').rows).toEqual([]);
    expect(sheetNamed(workbook, 'Time Off').firstRow).toBe(2);
  });

  it('exposes defined names with their references, entities decoded', async () => {
    const workbook = read(await book());
    expect(workbook.names).toEqual(
      expect.arrayContaining([
        { name: 'Capacity', ref: 'Team!$B$4' },
        { name: 'Budget', ref: "'Time Off'!$T$2" },
      ]),
    );
  });

  it('shifts date cells of a 1904-system workbook to 1900-system serials, leaving plain numbers alone', async () => {
    const date = new Date('2027-01-04T00:00:00Z');
    const bytes = await excelBytes((workbook) => {
      workbook.properties.date1904 = true;
      const sheet = workbook.addWorksheet('Dates');
      sheet.getCell('A1').value = date;
      sheet.getCell('B1').value = 46391;
    });
    const workbook = read(bytes);
    expect(workbook.date1904).toBe(true);
    expect(workbook.sheets[0]?.rows[0]).toEqual([serialFromUtcDate(date), 46391]);
  });
});

describe('readWorkbook on inline strings', () => {
  it('reads t="str" text and t="inlineStr" rich text written without a shared-string table', async () => {
    const rows: ExcelJS.CellValue[][] = [
      ['Resource', 'Note'],
      ['Ana', { richText: [{ text: 'in', font: { italic: true } }, { text: 'line' }] }],
      ['Ben & Co', 7],
    ];
    const sheet = read(await streamedBytes(rows)).sheets[0];
    expect(sheet?.rows).toEqual(rows.map((row) => row.map(expectedCell)));
  });
});

describe('readWorkbook on XML that ExcelJS does not write', () => {
  it('decodes numeric entities, _xHHHH_ escapes, xml:space runs and leaves out phonetic runs', () => {
    const sharedStrings =
      '<sst><si><t>A&#38;B &#x263A; &lt;ok&gt;</t></si>' +
      '<si><t>one_x000D__x000A_two _x005F_x0041_</t></si>' +
      '<si><r><rPr><b/></rPr><t xml:space="preserve">  lead </t></r><r><t>tail</t></r></si>' +
      '<si><t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh></si><si><t/></si></sst>';
    const xml = worksheet(
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c></row>',
    );
    const sheet = read(rawXlsx({ sheets: [{ name: 'S', xml }], sharedStrings })).sheets[0];
    expect(sheet?.rows).toEqual([['A&B ☺ <ok>', 'one\r\ntwo _x0041_', '  lead tail', '漢字']]);
  });

  it('reads inline strings, booleans, errors, ISO date cells and formula text results', () => {
    const xml = worksheet(
      '<row r="2"><c r="A2" t="inlineStr"><is><t>inline &amp; here</t></is></c><c r="B2" t="b"><v>1</v></c><c r="C2" t="e"><v>#DIV/0!</v></c>' +
        '<c r="D2" t="d"><v>2027-01-04T00:00:00</v></c><c r="E2" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="F2"><f>1/0</f></c></row>',
    );
    const sheet = read(rawXlsx({ sheets: [{ name: 'S', xml }] })).sheets[0];
    expect(sheet?.firstRow).toBe(2);
    expect(sheet?.rows).toEqual([
      ['inline & here', true, { kind: 'cell-error', text: '#DIV/0!' }, 46391, 'ab'],
    ]);
  });

  it('reads namespace-prefixed elements and cells without r attributes', () => {
    const xml =
      '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>' +
      '<x:row><x:c t="inlineStr"><x:is><x:t>a</x:t></x:is></x:c><x:c><x:v>1</x:v></x:c></x:row>' +
      '<x:row><x:c r="C2"><x:v>3</x:v></x:c><x:c><x:v>4</x:v></x:c></x:row>' +
      '</x:sheetData><x:mergeCells><x:mergeCell ref="A1:B1"/></x:mergeCells></x:worksheet>';
    const sheet = read(rawXlsx({ sheets: [{ name: 'S', xml }] })).sheets[0];
    expect(sheet?.rows).toEqual([
      ['a', 1, null, null],
      [null, null, 3, 4],
    ]);
    expect(sheet?.merges).toEqual(['A1:B1']);
  });

  it('follows absolute relationship targets and reads a sheet with no rows', () => {
    const bytes = rawXlsx({
      absolute: true,
      sheets: [
        {
          name: 'Blank',
          xml: `<?xml version="1.0"?><worksheet ${NS}><dimension ref="A1"/><sheetData/></worksheet>`,
        },
        { name: 'Data', xml: worksheet('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'), state: 'hidden' },
      ],
      sharedStrings: '<sst><si><t>hello</t></si></sst>',
    });
    const workbook = read(bytes);
    expect(workbook.sheets.map((sheet) => [sheet.name, sheet.rows, sheet.hidden])).toEqual([
      ['Blank', [], false],
      ['Data', [['hello']], true],
    ]);
  });

  it('does not allocate the declared dimension of a sheet with few cells', () => {
    const xml =
      `<?xml version="1.0"?><worksheet ${NS}><dimension ref="A1:XFD1048576"/><sheetData>` +
      '<row r="1"><c r="A1"><v>1</v></c><c r="B1" s="3"/></row>' +
      '<row r="1048576"><c r="XFD1048576"><v>2</v></c></row></sheetData></worksheet>';
    const sheet = read(rawXlsx({ sheets: [{ name: 'Huge', xml }] })).sheets[0];
    const allocated = (sheet?.rows ?? []).reduce((sum, row) => sum + row.length, 0);
    expect(allocated).toBeLessThanOrEqual(1 + 16_384);
    expect(sheet?.rows[0]?.[0]).toBe(1);
    expect(sheet?.rows.at(-1)?.[16_383]).toBe(2);
  });

  it('does not extend the grid for styled empty cells', () => {
    const xml = worksheet(
      '<row r="1"><c r="A1"><v>1</v></c></row><row r="50000"><c r="Z50000" s="1"/></row>',
    );
    const sheet = read(rawXlsx({ sheets: [{ name: 'S', xml }] })).sheets[0];
    expect(sheet?.rows).toEqual([[1]]);
  });

  it('resolves sheet-scoped defined names to their sheet', () => {
    const bytes = rawXlsx({
      sheets: [
        { name: 'A', xml: worksheet('') },
        { name: 'B &amp; C', xml: worksheet('') },
      ],
      definedNames:
        '<definedNames><definedName name="Rate" localSheetId="1">\'B &amp; C\'!$A$1</definedName></definedNames>',
    });
    expect(read(bytes).names).toEqual([{ name: 'Rate', ref: "'B & C'!$A$1", sheet: 'B & C' }]);
  });
});

describe('isDateFormatCode', () => {
  it('sees d, m, y or h outside quotes, brackets and escapes', () => {
    expect(isDateFormatCode('yyyy-mm-dd')).toBe(true);
    expect(isDateFormatCode('[$-409]d-mmm-yy;@')).toBe(true);
    expect(isDateFormatCode('h:mm AM/PM')).toBe(true);
    expect(isDateFormatCode('#,##0 "days"')).toBe(false);
    expect(isDateFormatCode('[Red]0.00')).toBe(false);
    expect(isDateFormatCode('0\\h')).toBe(false);
    expect(isDateFormatCode('0%')).toBe(false);
  });
});

describe('number formats', () => {
  const styles =
    '<styleSheet><numFmts count="1"><numFmt numFmtId="165" formatCode="[$€-2]\\ #,##0"/></numFmts>' +
    '<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="165"/><xf numFmtId="7"/><xf numFmtId="14"/><xf/></cellXfs></styleSheet>';

  it('gives each style its format code: custom, built-in money, nothing for General', () => {
    expect(readFormatCodes(styles)).toEqual([
      undefined,
      '[$€-2]\\ #,##0',
      '"$"#,##0.00_);\\("$"#,##0.00\\)',
      undefined,
      undefined,
    ]);
    expect(readFormatCodes(undefined)).toEqual([]);
  });

  it('keeps the format of each formatted number a sheet holds, by sheet row and column', () => {
    const sheetXml =
      '<worksheet><sheetData><row r="3"><c r="B3" t="s"><v>0</v></c><c r="C3" s="1"><v>120000</v></c>' +
      '<c r="D3" s="0"><v>5</v></c><c r="E3" s="1" t="s"><v>0</v></c><c r="F3" s="2"><v>7.5</v></c></row></sheetData></worksheet>';
    const workbook = readWorkbook(
      zipSync({
        '[Content_Types].xml': strToU8('<Types/>'),
        'xl/workbook.xml': strToU8(
          '<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Costs" sheetId="1" r:id="rId1"/></sheets></workbook>',
        ),
        'xl/_rels/workbook.xml.rels': strToU8(
          '<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
        ),
        'xl/styles.xml': strToU8(styles),
        'xl/sharedStrings.xml': strToU8('<sst><si><t>Cost</t></si></sst>'),
        'xl/worksheets/sheet1.xml': strToU8(sheetXml),
      }),
    );
    if (workbook.kind !== 'workbook') throw new Error(workbook.message);
    // Text keeps none (E3 is a shared string), nor does General (D3).
    expect(workbook.sheets[0]?.numberFormats).toEqual([
      { row: 3, column: 2, code: '[$€-2]\\ #,##0' },
      { row: 3, column: 5, code: '"$"#,##0.00_);\\("$"#,##0.00\\)' },
    ]);
  });
});

describe('readWorkbook on files that are not .xlsx', () => {
  const message = (bytes: Uint8Array) => {
    const result = readWorkbook(bytes);
    return result.kind === 'workbook-error' ? result.message : 'read as a workbook';
  };

  it('says .xls files are not supported', () => {
    const ole = new Uint8Array(1024);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(message(ole)).toBe('.xls files are not supported: save as .xlsx');
  });

  it('says CSV and text files are not supported', () => {
    expect(message(strToU8('\ufeffResource,Hours per week\nAna,40\n'))).toMatch(
      /^CSV and text files are not supported: .*save it as \.xlsx$/,
    );
  });

  it('says a binary file that is not a zip is not a workbook', () => {
    expect(message(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]))).toMatch(/not a zip package/);
  });

  it('says a zip without a workbook part is not an Excel workbook', () => {
    expect(message(zipSync({ 'readme.txt': strToU8('hi') }))).toMatch(/no xl\/workbook\.xml/);
  });

  it('says a damaged zip is damaged, in one line', async () => {
    const bytes = await excelBytes((workbook) => workbook.addWorksheet('S'));
    const text = message(bytes.slice(0, bytes.length / 2));
    expect(text).toMatch(/damaged|not an \.xlsx/);
    expect(text).not.toContain('\n');
  });

  it('says an empty file is empty', () => {
    expect(message(new Uint8Array())).toBe('the file is empty');
  });
});

describe('findTables', () => {
  const grid = (rows: ExcelJS.CellValue[][]) => (workbook: ExcelJS.Workbook, name: string) => {
    const sheet = workbook.addWorksheet(name);
    for (const row of rows) sheet.addRow(row);
  };
  const resources = grid([
    ['Resource', 'Hours per week'],
    ['Ana', 40],
  ]);
  const assignments = grid([
    ['Resource', 'Project', 'Start', 'End', 'Hours'],
    ['Ana', 'X', 46391, 46395, 10],
  ]);
  const timeOff = grid([
    ['Resource', 'Start', 'End', 'Hours', 'Reason'],
    ['All', 46393, 46393, null, 'Holiday'],
  ]);

  it('finds tables by sheet name, ignoring case, spaces and punctuation, and lists the missing kinds', async () => {
    const bytes = await excelBytes((workbook) => {
      resources(workbook, ' TEAM ');
      assignments(workbook, 'resource-plan');
      timeOff(workbook, 'time_off');
      grid([['Risk', 'Owner']])(workbook, 'Risk Log');
    });
    const found = findTables(read(bytes).sheets);
    expect(
      Object.fromEntries(
        Object.entries(found.tables).map(([kind, table]) => [kind, [table.sheet, table.foundBy]]),
      ),
    ).toEqual({
      resources: [' TEAM ', 'sheet name'],
      assignments: ['resource-plan', 'sheet name'],
      timeOff: ['time_off', 'sheet name'],
      risks: ['Risk Log', 'sheet name'],
    });
    expect(found.missing).toEqual(['initiatives']);
  });

  it('finds tables on other sheets by their headers, and never takes the assignments for time off', async () => {
    const bytes = await excelBytes((workbook) => {
      grid([
        ['Initiative', 'Owner', 'Start'],
        ['Portal', 'Ana', 46391],
      ])(workbook, 'Notes');
      assignments(workbook, 'Sheet2');
      resources(workbook, 'Sheet1');
    });
    const found = findTables(read(bytes).sheets);
    expect(found.tables.resources?.sheet).toBe('Sheet1');
    expect(found.tables.resources?.foundBy).toBe('headers');
    expect(found.tables.assignments?.sheet).toBe('Sheet2');
    expect(found.tables.timeOff).toBeUndefined();
    expect(found.missing).toEqual(['timeOff', 'initiatives', 'risks']);
  });

  it('finds a time-off table by headers when its columns fit it better than the assignments', async () => {
    const bytes = await excelBytes((workbook) => {
      resources(workbook, 'Resources');
      assignments(workbook, 'Assignments');
      timeOff(workbook, 'Absence 2027');
    });
    expect(findTables(read(bytes).sheets).tables.timeOff?.sheet).toBe('Absence 2027');
  });

  it('finds an Excel table by its name, with only the cells of its area', async () => {
    const bytes = await excelBytes((workbook) => {
      resources(workbook, 'Resources');
      const sheet = workbook.addWorksheet('Data');
      sheet.getCell('A1').value = 'Planning data';
      sheet.getCell('I4').value = 'not part of the table';
      sheet.addTable({
        name: 'tblAssignments',
        ref: 'B3',
        headerRow: true,
        columns: [{ name: 'Resource' }, { name: 'Start' }, { name: 'End' }, { name: 'Hours' }],
        rows: [
          ['Ana', 46391, 46395, 10],
          ['Ana', 46398, 46402, 12],
        ],
      });
    });
    const workbook = read(bytes);
    expect(sheetNamed(workbook, 'Data').tables).toEqual([{ name: 'tblAssignments', ref: 'B3:E5' }]);
    const table = findTables(workbook.sheets).tables.assignments;
    expect(table).toMatchObject({
      sheet: 'Data',
      table: 'tblAssignments',
      foundBy: 'table name',
      firstRow: 3,
    });
    expect(table?.grid).toEqual([
      ['Resource', 'Start', 'End', 'Hours'],
      ['Ana', 46391, 46395, 10],
      ['Ana', 46398, 46402, 12],
    ]);
  });

  it('replaces a sheet found by name whose headers do not fit with a sheet whose headers do', async () => {
    const bytes = await excelBytes((workbook) => {
      resources(workbook, 'Resources');
      grid([
        ['Milestone', 'Due'],
        ['Go-live', 46391],
      ])(workbook, 'Plan');
      assignments(workbook, 'Bookings');
    });
    expect(findTables(read(bytes).sheets).tables.assignments).toMatchObject({
      sheet: 'Bookings',
      foundBy: 'headers',
    });
  });

  it('keeps the grid and sheet row number of a table under a title row', async () => {
    const bytes = await excelBytes((workbook) => {
      const sheet = workbook.addWorksheet('Resources');
      sheet.getCell('A2').value = 'Team list';
      sheet.getCell('A4').value = 'Resource';
      sheet.getCell('A5').value = 'Ana';
    });
    const table = findTables(read(bytes).sheets).tables.resources;
    expect(table?.firstRow).toBe(2);
    expect(table?.grid).toEqual([['Team list'], [null], ['Resource'], ['Ana']]);
  });
});

describe('checking each part once per run', () => {
  it('remembers the parts the reader inflated and checked, for these bytes only', async () => {
    const bytes = await excelBytes((workbook) => {
      workbook.addWorksheet('Resources').addRow(['Resource', 'Hours per week']);
    });
    const sheetEntry = (zip: ReturnType<typeof readZip>) => {
      const entry = zip.entries.find((candidate) => candidate.name === 'xl/worksheets/sheet1.xml');
      if (!entry) throw new Error('no sheet1.xml');
      return entry;
    };
    expect(wasChecked(bytes, sheetEntry(readZip(bytes)))).toBe(false);
    read(bytes);
    expect(wasChecked(bytes, sheetEntry(readZip(bytes)))).toBe(true);
    const copy = bytes.slice();
    expect(wasChecked(copy, sheetEntry(readZip(copy)))).toBe(false);
  });
});
