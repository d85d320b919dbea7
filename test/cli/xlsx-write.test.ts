import ExcelJS from 'exceljs';
import { strToU8, type UnzipFileInfo, unzipSync, type Zippable, zipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { workbook5mbBytes } from '../../bench/workbook-5mb';
import { PMO_DATA_SHEET } from '../../cli/write-workbook';
import { readWorkbook, type Sheet } from '../../cli/xlsx';
import {
  addDashboardSheet,
  addOwnedSheet,
  escapeCellText,
  MAX_CELL_TEXT,
  quoteSheetName,
} from '../../cli/xlsx-write';
import { readZip, wasChecked } from '../../cli/zip';
import type { Cell } from '../../core/cells';
import {
  DASHBOARD_MARKER,
  DASHBOARD_SHEET_NAME,
  type DashboardPlan,
  isDateValue,
  isUserText,
  type PlanCell,
  type PlanStyle,
  type PlanStyleName,
} from '../../core/dashboard/plan';
import { read, sheetNamed } from './read-workbook';

// ------------------------------------------------------------------------------------------------
// A dashboard plan like the one core builds

const STYLES: Record<PlanStyleName, PlanStyle> = {
  title: { bold: true, fontSize: 16, fontColor: '#1F3864' },
  subtitle: { italic: true, fontColor: '#595959' },
  section: { bold: true, fontSize: 13, fill: '#DDEBF7' },
  header: { bold: true, fill: '#D9E1F2', align: 'center' },
  label: {},
  figure: { bold: true, align: 'right' },
  'tile-label': { bold: true, fill: '#F2F2F2', align: 'center' },
  'tile-figure': { bold: true, fontSize: 22, fill: '#F2F2F2', align: 'center', middle: true },
  'tile-detail': { fill: '#F2F2F2' },
  'tile-change': { italic: true, fill: '#F2F2F2' },
  'tile-better': { fontColor: '#006100', fill: '#F2F2F2' },
  'tile-worse': { fontColor: '#9C0006', fill: '#F2F2F2' },
  note: { italic: true },
  footer: { italic: true, fontColor: '#7F7F7F', fontSize: 9 },
  'band-under': { fill: '#DDEBF7' },
  'band-ok': { fill: '#C6EFCE' },
  'band-over': { fill: '#FFEB9C' },
  'band-critical': { fill: '#FFC7CE', bold: true },
  'band-no-capacity': { fill: '#D9D9D9' },
  'risk-low': { fill: '#C6EFCE' },
  'risk-moderate': { fill: '#FFEB9C' },
  'risk-high': { fill: '#F8CBAD' },
  'risk-extreme': { fill: '#FF7C80', bold: true },
  selected: { fill: '#C6EFCE' },
  'not-selected': { fontColor: '#7F7F7F' },
  issue: { fontColor: '#9C0006' },
};

const USER_TEXTS = ['=HYPERLINK("http://evil.example","click")', '+cmd|calc', '-2+3', '@SUM(A1:A2)'];
const CONTROL_TEXT = 'a\u0001b\rc_x0041_d\ne\tf & <g> "h"';
const LONG_TEXT = 'x'.repeat(MAX_CELL_TEXT + 5000);
/** The header row and the week rows of the sample plan (0-based; sheet rows 10 and 11–16). */
const HEADER_ROW = 9;
const FIRST_WEEK_ROW = 10;
const LAST_WEEK_ROW = 15;

function samplePlan(options: { charts?: number; load?: number } = {}): DashboardPlan {
  const load = options.load ?? 1;
  const cells: PlanCell[][] = [
    [{ value: DASHBOARD_MARKER, style: 'title' }],
    [{ value: 'Built on 2026-03-02 from book.xlsx', style: 'subtitle' }],
    [],
    [{ value: 'Headline figures', style: 'section' }],
    [
      { value: 'Resources', style: 'label' },
      { value: 1234, numberFormat: '#,##0', style: 'figure' },
    ],
    [
      { value: 'Average utilization', style: 'label' },
      { value: 0.873 * load, numberFormat: '0%', style: 'band-ok' },
    ],
    [{ value: 'Within budget', style: 'label' }, { value: true }, { value: false }],
    [
      { value: 'Total exposure', style: 'label' },
      { value: 1_250_000.5, numberFormat: '#,##0.00 "CHF"' },
    ],
    [{ value: null, style: 'band-no-capacity' }, { value: '' }],
    [
      { value: 'Week', style: 'header' },
      { value: 'Load', style: 'header' },
      { value: 'Capacity', style: 'header' },
      { value: 'Project', style: 'header' },
    ],
  ];
  const projects = [...USER_TEXTS, 'Tom & "Jerry" <b>', '  spaced  '];
  for (let week = 0; week < LAST_WEEK_ROW - FIRST_WEEK_ROW + 1; week++) {
    cells.push([
      { value: { date: 46083 + 7 * week }, numberFormat: 'yyyy-mm-dd' },
      {
        value: (100 + 10 * week) * load,
        numberFormat: '0.0',
        style: week % 2 === 0 ? 'band-over' : 'band-critical',
      },
      { value: 120, numberFormat: '0.0' },
      { value: { userText: projects[week] ?? '' }, style: 'label' },
    ]);
  }
  cells.push([{ value: 'Controls', style: 'note' }, { value: { userText: CONTROL_TEXT } }]);
  cells.push([{ value: 'Long', style: 'note' }, { value: { userText: LONG_TEXT } }]);
  cells.push([{ value: '=1+1 is plain text' }, { value: { date: 46100 } }, { value: Number.NaN }]);
  cells.push([{ value: 'Footer', style: 'footer' }]);
  const chartKinds = (['column', 'line', 'bar'] as const).slice(0, options.charts ?? 3);
  return {
    sheetName: DASHBOARD_SHEET_NAME,
    width: 4,
    cells,
    styles: STYLES,
    merges: [
      { row: 0, column: 0, rows: 1, columns: 4 },
      { row: 3, column: 0, rows: 1, columns: 4 },
      { row: 0, column: 1, rows: 1, columns: 1 },
    ],
    columnWidths: [24, 12, 12.5, 40],
    charts: chartKinds.map((kind, index) => ({
      kind,
      title: `Load & capacity <${kind}>`,
      categories: { column: 0, firstRow: FIRST_WEEK_ROW, lastRow: LAST_WEEK_ROW },
      series:
        index === 2
          ? [{ column: 1, nameRow: HEADER_ROW }]
          : [
              { column: 1, nameRow: HEADER_ROW },
              { column: 2, nameRow: HEADER_ROW },
            ],
      anchor: { row: 22 + 16 * index, column: 0, rows: 15, columns: 6 },
    })),
    frozenRows: 2,
  };
}

// ------------------------------------------------------------------------------------------------
// Helpers

type Written = Exclude<ReturnType<typeof addDashboardSheet>, { kind: 'workbook-error' }>;

function add(bytes: Uint8Array, plan: DashboardPlan = samplePlan()): Written {
  const result = addDashboardSheet(bytes, plan);
  if ('kind' in result) throw new Error(`expected a workbook, got: ${result.message}`);
  return result;
}

/** Every part, decompressed, in package order. */
function partsOf(bytes: Uint8Array): Map<string, Uint8Array> {
  const names: string[] = [];
  unzipSync(bytes, {
    filter: (file) => {
      names.push(file.name);
      return false;
    },
  });
  const files = unzipSync(bytes);
  return new Map(names.map((name) => [name, files[name] ?? new Uint8Array()]));
}

/** The zip compression method of each entry (0 stored, 8 deflated). */
function compressionOf(bytes: Uint8Array): Map<string, number> {
  const methods = new Map<string, number>();
  unzipSync(bytes, {
    filter: (file: UnzipFileInfo) => {
      methods.set(file.name, file.compression);
      return false;
    },
  });
  return methods;
}

const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/** A part's text, byte-order mark kept. */
function textOf(parts: Map<string, Uint8Array>, name: string): string {
  const data = parts.get(name);
  if (!data) throw new Error(`no part ${name}`);
  return utf8.decode(data);
}

/** Byte equality without a deep comparison of every element (parts can be tens of megabytes). */
function expectSameBytes(
  actual: Uint8Array | undefined,
  expected: Uint8Array | undefined,
  name: string,
): void {
  expect(actual, name).toBeDefined();
  expect(expected, name).toBeDefined();
  expect(Buffer.from(actual ?? []).equals(Buffer.from(expected ?? [])), name).toBe(true);
}

const cellAt = (sheet: Sheet, row: number, column: number): Cell =>
  sheet.rows[row + 1 - sheet.firstRow]?.[column] ?? null;

async function excel(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return workbook;
}

async function excelBytes(build: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function expectWellFormed(xml: string, name: string): void {
  const parser = new SaxesParser({ xmlns: true });
  const errors: string[] = [];
  parser.on('error', (error) => errors.push(error.message));
  parser.write(xml).close();
  expect(errors, name).toEqual([]);
}

/** Child elements of a styles collection, as written. */
function styleItems(xml: string, collection: string, child: string): string[] {
  const match = new RegExp(`<${collection}\\b[^>]*?(?:/>|>([\\s\\S]*?)</${collection}>)`).exec(xml);
  const inner = match?.[1] ?? '';
  return [...inner.matchAll(new RegExp(`<${child}\\b[^>]*?(?:/>|>[\\s\\S]*?</${child}>)`, 'g'))].map(
    (item) => item[0],
  );
}

/** What the reader gives back for a plan cell. */
function expectedCell(cell: PlanCell | undefined): Cell {
  const value = cell?.value ?? null;
  if (value === null || value === '') return null;
  if (isUserText(value)) return value.userText;
  if (isDateValue(value)) return value.date;
  if (typeof value === 'number' && !Number.isFinite(value)) return { kind: 'cell-error', text: '#NUM!' };
  return value;
}

/** Checks every plan cell read back by cli/xlsx.ts (the long text separately). */
function expectPlanValues(sheet: Sheet, plan: DashboardPlan): void {
  plan.cells.forEach((row, r) => {
    for (let c = 0; c < Math.max(plan.width, row.length); c++) {
      const value = row[c]?.value ?? null;
      if (isUserText(value) && value.userText.length > MAX_CELL_TEXT) {
        const text = cellAt(sheet, r, c);
        expect(typeof text === 'string' && text.length).toBe(MAX_CELL_TEXT);
        continue;
      }
      expect(cellAt(sheet, r, c), `row ${r} column ${c}`).toEqual(expectedCell(row[c]));
    }
  });
}

const WORKBOOK_PARTS = [
  'xl/workbook.xml',
  'xl/_rels/workbook.xml.rels',
  '[Content_Types].xml',
  'xl/styles.xml',
];

/** A tiny PNG (1×1), for an image ExcelJS puts in a drawing part. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** A user's workbook written by ExcelJS: several sheets, shared strings, styles, a validation, names, merges. */
function userWorkbook(extra?: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  return excelBytes((workbook) => {
    const resources = workbook.addWorksheet('Resources');
    resources.getCell('A1').value = 'Team — Q1 capacity';
    resources.mergeCells('A1:C1');
    resources.addRow(['Resource', 'Hours per week', 'Role']);
    resources.getRow(2).font = { bold: true };
    resources.getRow(2).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
    resources.addRow(['Ana Silva', 40, 'Analyst']);
    resources.addRow(['Ben Okoro', 32, 'Developer']);
    resources.getCell('B3').numFmt = '0.0 "h"';
    resources.getCell('C3').dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: ['"Analyst,Developer,Manager"'],
    };
    resources.addConditionalFormatting({
      ref: 'B3:B4',
      rules: [{ type: 'cellIs', operator: 'greaterThan', formulae: [35], style: {}, priority: 1 }],
    });
    const assignments = workbook.addWorksheet('Assignments');
    assignments.addRow(['Resource', 'Project', 'Start', 'End', 'Allocation']);
    assignments.addRow([
      'Ana Silva',
      'Apollo',
      new Date(Date.UTC(2026, 0, 5)),
      new Date(Date.UTC(2026, 2, 27)),
      0.5,
    ]);
    assignments.addRow([
      'Ben Okoro',
      'Apollo',
      new Date(Date.UTC(2026, 1, 2)),
      new Date(Date.UTC(2026, 3, 3)),
      1,
    ]);
    assignments.getCell('E2').numFmt = '0%';
    assignments.getCell('F2').value = { formula: 'E2*2', result: 1 };
    const image = workbook.addImage({ buffer: PNG as unknown as ExcelJS.Buffer, extension: 'png' });
    assignments.addImage(image, 'H2:J6');
    workbook.addWorksheet('Notes').getCell('B2').value = {
      richText: [{ text: 'bold ', font: { bold: true } }, { text: 'plain' }],
    };
    workbook.definedNames.add('Resources!$B$3', 'Capacity');
    extra?.(workbook);
  });
}

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const CT = 'application/vnd.openxmlformats-officedocument';

/**
 * A hand-made .xlsm package: parts no library models (x14 extras, custom XML, a VBA project, a chart, a
 * calculation chain), some entries stored uncompressed; with `dashboard`, an add-in-owned dashboard sheet.
 */
function handMadePackage(options: { dashboard?: boolean; selected?: boolean } = {}): Uint8Array {
  const dashboard = options.dashboard === true;
  // The active sheet as Excel saves it: its view selected (tabSelected), beside other view settings.
  const views = options.selected
    ? '<sheetViews><sheetView tabSelected="1" zoomScale="90" workbookViewId="0"><selection activeCell="A1" sqref="A1"/></sheetView></sheetViews>'
    : '';
  const overrides = [
    ['/xl/workbook.xml', 'application/vnd.ms-excel.sheet.macroEnabled.main+xml'],
    ['/xl/worksheets/sheet1.xml', `${CT}.spreadsheetml.worksheet+xml`],
    ['/xl/worksheets/sheet2.xml', `${CT}.spreadsheetml.worksheet+xml`],
    ['/xl/drawings/drawing1.xml', `${CT}.drawing+xml`],
    ['/xl/charts/chart1.xml', `${CT}.drawingml.chart+xml`],
    ['/xl/styles.xml', `${CT}.spreadsheetml.styles+xml`],
    ['/xl/calcChain.xml', `${CT}.spreadsheetml.calcChain+xml`],
    ['/customXml/itemProps1.xml', `${CT}.customXmlProperties+xml`],
    ['/docProps/app.xml', `${CT}.extended-properties+xml`],
    ...(dashboard
      ? [
          ['/xl/worksheets/sheet3.xml', `${CT}.spreadsheetml.worksheet+xml`],
          ['/xl/drawings/drawing2.xml', `${CT}.drawing+xml`],
          ['/xl/charts/chart2.xml', `${CT}.drawingml.chart+xml`],
          ['/xl/charts/style2.xml', 'application/vnd.ms-office.chartstyle+xml'],
        ]
      : []),
  ];
  const relationships = (items: readonly (readonly [string, string, string])[]) =>
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items
      .map(([id, type, target]) => `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`)
      .join('')}</Relationships>`;
  const drawing = (chartTarget: string, image: boolean) =>
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:twoCellAnchor><xdr:from><xdr:col>4</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>10</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>15</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Chart 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${REL}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr><!-- ${chartTarget} ${image ? 'with image' : ''} -->`;
  const chart = (sheet: string) =>
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><c:chart><c:plotArea><c:layout/><c:pieChart><c:varyColors val="1"/><c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>${sheet}!$B$2:$B$3</c:f></c:numRef></c:val></c:ser></c:pieChart></c:plotArea></c:chart></c:chartSpace>`;
  const parts: Zippable = {
    '[Content_Types].xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/><Default Extension="png" ContentType="image/png"/>${overrides
        .map(([part, type]) => `<Override PartName="${part}" ContentType="${type}"/>`)
        .join('')}</Types>`,
    ),
    '_rels/.rels': strToU8(
      relationships([
        ['rId1', `${REL}/officeDocument`, 'xl/workbook.xml'],
        ['rId2', `${REL}/extended-properties`, 'docProps/app.xml'],
      ]),
    ),
    'docProps/app.xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Excel</Application></Properties>',
    ),
    // Stored, not deflated: an edited part keeps its compression.
    'xl/workbook.xml': [
      strToU8(
        `\ufeff<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<workbook xmlns="${MAIN}" xmlns:r="${REL}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x15"><fileVersion appName="xl" lastEdited="7"/><workbookPr codeName="ThisWorkbook" defaultThemeVersion="166925"/><bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300" activeTab="1"/></bookViews>\r\n  <sheets>\r\n    <sheet name="Data" sheetId="1" r:id="rId1"/>\r\n    <sheet name="Summary &amp; KPIs" sheetId="2" r:id="rId2"/>${dashboard ? '<sheet name="PMO Dashboard" sheetId="7" r:id="rId9"/>' : ''}\r\n  </sheets>\r\n  <definedNames><definedName name="Budget">Data!$B$2</definedName><definedName name="_xlnm.Print_Area" localSheetId="1">'Summary &amp; KPIs'!$A$1:$C$9</definedName></definedNames><calcPr calcId="191029"/><extLst><ext uri="{140A7094-0E35-4892-8432-C4D2E57EDEB5}" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main"><x15:workbookPr chartTrackingRefBase="1"/></ext></extLst></workbook>`,
      ),
      { level: 0 },
    ],
    'xl/_rels/workbook.xml.rels': strToU8(
      relationships([
        ['rId1', `${REL}/worksheet`, 'worksheets/sheet1.xml'],
        ['rId2', `${REL}/worksheet`, 'worksheets/sheet2.xml'],
        ['rId3', `${REL}/styles`, 'styles.xml'],
        ['rId4', `${REL}/calcChain`, 'calcChain.xml'],
        ['rId5', 'http://schemas.microsoft.com/office/2006/relationships/vbaProject', 'vbaProject.bin'],
        ['rId6', `${REL}/customXml`, '../customXml/item1.xml'],
        ...(dashboard ? ([['rId9', `${REL}/worksheet`, 'worksheets/sheet3.xml']] as const) : []),
      ]),
    ),
    'xl/worksheets/sheet1.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Item</t></is></c><c r="B1" t="inlineStr"><is><t>Cost</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>Apollo</t></is></c><c r="B2" s="1"><v>42</v></c></row><row r="3"><c r="A3" t="inlineStr"><is><t>Zeus</t></is></c><c r="B3"><v>58</v></c></row></sheetData><dataValidations count="1"><dataValidation type="whole" sqref="B1:B1048576"><formula1>0</formula1></dataValidation></dataValidations><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><drawing r:id="rId1"/></worksheet>`,
    ),
    'xl/worksheets/_rels/sheet1.xml.rels': strToU8(
      relationships([['rId1', `${REL}/drawing`, '../drawings/drawing1.xml']]),
    ),
    'xl/drawings/drawing1.xml': strToU8(drawing('chart1', true)),
    'xl/drawings/_rels/drawing1.xml.rels': strToU8(
      relationships([
        ['rId1', `${REL}/chart`, '../charts/chart1.xml'],
        ['rId2', `${REL}/image`, '../media/image1.png'],
      ]),
    ),
    'xl/charts/chart1.xml': strToU8(chart('Data')),
    'xl/media/image1.png': [new Uint8Array(PNG), { level: 0 }],
    'xl/worksheets/sheet2.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<worksheet xmlns="${MAIN}">${views}<sheetData><row r="1"><c r="A1"><f>Budget*2</f><v>84</v></c></row></sheetData></worksheet>`,
    ),
    'xl/styles.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<styleSheet xmlns="${MAIN}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" mc:Ignorable="x14ac"><fonts count="2" x14ac:knownFonts="1"><font><sz val="11"/><color theme="1"/><name val="Aptos Narrow"/><family val="2"/><scheme val="minor"/></font><font><b/><sz val="11"/><color theme="1"/><name val="Aptos Narrow"/><family val="2"/><scheme val="minor"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="3" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="1"><dxf><font><b/></font></dxf></dxfs><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>`,
    ),
    'xl/calcChain.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<calcChain xmlns="${MAIN}"><c r="A1" i="2"/>${dashboard ? '<c r="B2" i="7"/>' : ''}</calcChain>`,
    ),
    'xl/vbaProject.bin': [
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 1, 2, 3, 0, 255]),
      { level: 0 },
    ],
    'xl/x14stuff.xml': strToU8(
      '<?xml version="1.0"?><x14:stuff xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">unknown &amp; kept</x14:stuff>',
    ),
    'customXml/item1.xml': [strToU8('<?xml version="1.0"?><b:Sources xmlns:b="urn:bib"/>'), { level: 0 }],
    'customXml/itemProps1.xml': strToU8(
      '<?xml version="1.0" standalone="no"?><ds:datastoreItem ds:itemID="{1}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"/>',
    ),
    'customXml/_rels/item1.xml.rels': strToU8(
      relationships([['rId1', `${REL}/customXmlProps`, 'itemProps1.xml']]),
    ),
  };
  if (dashboard) {
    parts['xl/worksheets/sheet3.xml'] = strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${DASHBOARD_MARKER}</t></is></c></row><row r="2"><c r="B2"><f>Budget+1</f><v>43</v></c></row></sheetData><drawing r:id="rId1"/></worksheet>`,
    );
    parts['xl/worksheets/_rels/sheet3.xml.rels'] = strToU8(
      relationships([['rId1', `${REL}/drawing`, '../drawings/drawing2.xml']]),
    );
    parts['xl/drawings/drawing2.xml'] = strToU8(drawing('chart2', true));
    parts['xl/drawings/_rels/drawing2.xml.rels'] = strToU8(
      relationships([
        ['rId1', `${REL}/chart`, '../charts/chart2.xml'],
        ['rId2', `${REL}/image`, '../media/image1.png'],
      ]),
    );
    parts['xl/charts/chart2.xml'] = strToU8(chart("'PMO Dashboard'"));
    parts['xl/charts/_rels/chart2.xml.rels'] = strToU8(
      relationships([
        ['rId1', 'http://schemas.microsoft.com/office/2011/relationships/chartStyle', 'style2.xml'],
      ]),
    );
    parts['xl/charts/style2.xml'] = strToU8(
      '<?xml version="1.0"?><cs:chartStyle xmlns:cs="urn:cs" id="201"/>',
    );
  }
  return zipSync(parts);
}

/**
 * The same zip with every central directory record in zip64 form (sizes and local header offset moved into
 * a zip64 extra field) and a zip64 end of directory, as some writers produce. Expects no archive comment.
 */
function toZip64(zip: Uint8Array): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = zip.length - 22;
  const count = view.getUint16(end + 10, true);
  const directoryOffset = view.getUint32(end + 16, true);
  const records: Uint8Array[] = [];
  let at = directoryOffset;
  for (let i = 0; i < count; i++) {
    const nameLength = view.getUint16(at + 28, true);
    const restLength = view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    const record = new Uint8Array(46 + nameLength + 28 + restLength);
    record.set(zip.subarray(at, at + 46 + nameLength));
    record.set(zip.subarray(at + 46 + nameLength, at + 46 + nameLength + restLength), 46 + nameLength + 28);
    const fields = new DataView(record.buffer);
    const compressedSize = fields.getUint32(20, true);
    const size = fields.getUint32(24, true);
    const offset = fields.getUint32(42, true);
    for (const field of [20, 24, 42]) fields.setUint32(field, 0xffffffff, true);
    fields.setUint16(30, view.getUint16(at + 30, true) + 28, true);
    const extra = 46 + nameLength;
    fields.setUint16(extra, 1, true);
    fields.setUint16(extra + 2, 24, true);
    fields.setBigUint64(extra + 4, BigInt(size), true);
    fields.setBigUint64(extra + 12, BigInt(compressedSize), true);
    fields.setBigUint64(extra + 20, BigInt(offset), true);
    records.push(record);
    at += 46 + nameLength + restLength;
  }
  const directorySize = records.reduce((total, record) => total + record.length, 0);
  const out = new Uint8Array(directoryOffset + directorySize + 56 + 20 + 22);
  out.set(zip.subarray(0, directoryOffset));
  let position = directoryOffset;
  for (const record of records) {
    out.set(record, position);
    position += record.length;
  }
  const tail = new DataView(out.buffer);
  const zip64End = position;
  tail.setUint32(position, 0x06064b50, true);
  tail.setBigUint64(position + 4, 44n, true);
  tail.setUint16(position + 12, 45, true);
  tail.setUint16(position + 14, 45, true);
  tail.setBigUint64(position + 24, BigInt(count), true);
  tail.setBigUint64(position + 32, BigInt(count), true);
  tail.setBigUint64(position + 40, BigInt(directorySize), true);
  tail.setBigUint64(position + 48, BigInt(directoryOffset), true);
  position += 56;
  tail.setUint32(position, 0x07064b50, true);
  tail.setBigUint64(position + 8, BigInt(zip64End), true);
  tail.setUint32(position + 16, 1, true);
  position += 20;
  tail.setUint32(position, 0x06054b50, true);
  tail.setUint16(position + 8, 0xffff, true);
  tail.setUint16(position + 10, 0xffff, true);
  tail.setUint32(position + 12, 0xffffffff, true);
  tail.setUint32(position + 16, 0xffffffff, true);
  return out;
}

/** Original parts other than the four edited ones must come back byte for byte, in the same order. */
function expectPartsKept(
  before: Uint8Array,
  after: Uint8Array,
  edited = WORKBOOK_PARTS,
  dropped: readonly string[] = [],
): void {
  const original = partsOf(before);
  const output = partsOf(after);
  for (const [name, data] of original) {
    if (edited.includes(name)) continue;
    if (dropped.includes(name)) {
      expect(output.has(name), name).toBe(false);
      continue;
    }
    expectSameBytes(output.get(name), data, name);
  }
  const kept = [...output.keys()].filter((name) => original.has(name));
  expect(kept).toEqual([...original.keys()].filter((name) => output.has(name)));
  const methods = compressionOf(before);
  const outputMethods = compressionOf(after);
  for (const [name, method] of methods)
    if (outputMethods.has(name)) expect(outputMethods.get(name), name).toBe(method);
}

// ------------------------------------------------------------------------------------------------

describe('addDashboardSheet on a workbook written by ExcelJS', () => {
  it('copies every part it does not change byte for byte, in the original order and compression', async () => {
    const input = await userWorkbook();
    const output = add(input).bytes;
    expectPartsKept(input, output);
    const before = partsOf(input);
    const after = partsOf(output);
    const added = [...after.keys()].filter((name) => !before.has(name));
    expect(added).toEqual([
      'xl/worksheets/sheet4.xml',
      'xl/worksheets/_rels/sheet4.xml.rels',
      'xl/drawings/drawing2.xml',
      'xl/drawings/_rels/drawing2.xml.rels',
      'xl/charts/chart1.xml',
      'xl/charts/chart2.xml',
      'xl/charts/chart3.xml',
    ]);
  });

  it('only appends a sheet, a relationship and content type overrides to the workbook parts, and opens on it', async () => {
    const input = await userWorkbook();
    const result = add(input);
    const before = partsOf(input);
    const after = partsOf(result.bytes);
    const workbookBefore = textOf(before, 'xl/workbook.xml');
    const workbookAfter = textOf(after, 'xl/workbook.xml');
    const sheetElement = /<sheet name="PMO Dashboard" sheetId="(\d+)" r:id="(rId\d+)"\/>/.exec(workbookAfter);
    expect(sheetElement).not.toBeNull();
    // ExcelJS writes no workbook view: one is added before the sheet list, its active tab the dashboard (the fourth
    // sheet); nothing else in the part changes.
    expect(workbookBefore).not.toContain('bookViews');
    expect(workbookAfter.replace(sheetElement?.[0] ?? '', '')).toBe(
      workbookBefore.replace('<sheets>', '<bookViews><workbookView activeTab="3"/></bookViews><sheets>'),
    );
    expect(sheetElement?.[1]).toBe('4');
    const relsBefore = textOf(before, 'xl/_rels/workbook.xml.rels');
    const relsAfter = textOf(after, 'xl/_rels/workbook.xml.rels');
    const relationship = new RegExp(
      `<Relationship Id="${sheetElement?.[2]}" Type="${REL}/worksheet" Target="worksheets/sheet4.xml"/>`,
    ).exec(relsAfter);
    expect(relationship).not.toBeNull();
    expect(relsAfter.replace(relationship?.[0] ?? '', '')).toBe(relsBefore);
    const typesAfter = textOf(after, '[Content_Types].xml');
    const overrides = [
      `<Override PartName="/xl/worksheets/sheet4.xml" ContentType="${CT}.spreadsheetml.worksheet+xml"/>`,
      `<Override PartName="/xl/drawings/drawing2.xml" ContentType="${CT}.drawing+xml"/>`,
      `<Override PartName="/xl/charts/chart1.xml" ContentType="${CT}.drawingml.chart+xml"/>`,
      `<Override PartName="/xl/charts/chart2.xml" ContentType="${CT}.drawingml.chart+xml"/>`,
      `<Override PartName="/xl/charts/chart3.xml" ContentType="${CT}.drawingml.chart+xml"/>`,
    ];
    expect(typesAfter.replace(overrides.join(''), '')).toBe(textOf(before, '[Content_Types].xml'));
  });

  it('appends the styles it needs and leaves every existing style at its index', async () => {
    const input = await userWorkbook();
    const before = textOf(partsOf(input), 'xl/styles.xml');
    const after = textOf(partsOf(add(input).bytes), 'xl/styles.xml');
    for (const [collection, child] of [
      ['numFmts', 'numFmt'],
      ['fonts', 'font'],
      ['fills', 'fill'],
      ['borders', 'border'],
      ['cellStyleXfs', 'xf'],
      ['cellXfs', 'xf'],
    ] as const) {
      const old = styleItems(before, collection, child);
      const grown = styleItems(after, collection, child);
      expect(grown.slice(0, old.length), collection).toEqual(old);
      const count = new RegExp(`<${collection} count="(\\d+)"`).exec(after)?.[1];
      expect(Number(count), collection).toBe(grown.length);
    }
    expect(styleItems(after, 'fonts', 'font').length).toBeGreaterThan(
      styleItems(before, 'fonts', 'font').length,
    );
    expect(styleItems(after, 'cellXfs', 'xf').length).toBeGreaterThan(
      styleItems(before, 'cellXfs', 'xf').length,
    );
    expect(after.replace(/<(numFmts|fonts|fills|borders|cellStyleXfs|cellXfs)\b[\s\S]*?<\/\1>/g, '')).toBe(
      before.replace(/<(numFmts|fonts|fills|borders|cellStyleXfs|cellXfs)\b[\s\S]*?<\/\1>/g, ''),
    );
  });

  it('writes a sheet that cli/xlsx.ts reads back with the plan values, dates as serial numbers', async () => {
    const plan = samplePlan();
    const result = add(await userWorkbook(), plan);
    expect(result).toMatchObject({ sheetName: 'PMO Dashboard', replaced: false });
    const workbook = read(result.bytes);
    expect(workbook.sheets.map((sheet) => sheet.name)).toEqual([
      'Resources',
      'Assignments',
      'Notes',
      'PMO Dashboard',
    ]);
    const sheet = sheetNamed(workbook, 'PMO Dashboard');
    expectPlanValues(sheet, plan);
    expect(cellAt(sheet, FIRST_WEEK_ROW, 0)).toBe(46083);
    expect(cellAt(sheet, FIRST_WEEK_ROW, 3)).toBe(USER_TEXTS[0]);
    expect(sheet.merges).toEqual(['A1:D1', 'A4:D4']);
    expect(cellAt(sheetNamed(workbook, 'Resources'), 2, 0)).toBe('Ana Silva');
    expect(workbook.names).toEqual(read(await userWorkbook()).names);
  });

  it('writes user text as inline strings and never as a formula, whatever it starts with', async () => {
    const result = add(await userWorkbook());
    const xml = textOf(partsOf(result.bytes), 'xl/worksheets/sheet4.xml');
    expect(xml).not.toMatch(/<f[\s>]/);
    expect(xml).not.toContain('t="s"');
    const workbook = await excel(result.bytes);
    const sheet = workbook.getWorksheet('PMO Dashboard');
    USER_TEXTS.forEach((text, week) => {
      const cell = sheet?.getCell(FIRST_WEEK_ROW + week + 1, 4);
      expect(cell?.value).toBe(text);
      expect(cell?.type).toBe(ExcelJS.ValueType.String);
      expect(cell?.formula).toBeUndefined();
    });
    expect(sheet?.getCell('A19').value).toBe('=1+1 is plain text');
    expect(sheet?.getCell('A19').type).toBe(ExcelJS.ValueType.String);
  });

  it('opens with ExcelJS with the values, fills, fonts, number formats, merges, widths and frozen rows', async () => {
    const workbook = await excel(add(await userWorkbook()).bytes);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Resources',
      'Assignments',
      'Notes',
      'PMO Dashboard',
    ]);
    const sheet = workbook.getWorksheet('PMO Dashboard');
    if (!sheet) throw new Error('no dashboard');
    expect(sheet.getCell('A1').value).toBe(DASHBOARD_MARKER);
    expect(sheet.getCell('A1').font).toMatchObject({ bold: true, size: 16, color: { argb: 'FF1F3864' } });
    expect(sheet.getCell('A2').font).toMatchObject({ italic: true });
    expect(sheet.getCell('A10').fill).toMatchObject({ pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } });
    expect(sheet.getCell('A10').alignment).toMatchObject({ horizontal: 'center' });
    expect(sheet.getCell('B10').font).toMatchObject({ bold: true });
    expect(sheet.getCell('B6').value).toBeCloseTo(0.873, 12);
    expect(sheet.getCell('B6').numFmt).toBe('0%');
    expect(sheet.getCell('B6').fill).toMatchObject({ fgColor: { argb: 'FFC6EFCE' } });
    expect(sheet.getCell('B5').numFmt).toBe('#,##0');
    expect(sheet.getCell('B8').numFmt).toBe('#,##0.00 "CHF"');
    expect(sheet.getCell('B7').value).toBe(true);
    expect(sheet.getCell('C7').value).toBe(false);
    expect(sheet.getCell('A9').fill).toMatchObject({ fgColor: { argb: 'FFD9D9D9' } });
    expect(sheet.getCell('B11').fill).toMatchObject({ fgColor: { argb: 'FFFFEB9C' } });
    expect(sheet.getCell('B12').fill).toMatchObject({ fgColor: { argb: 'FFFFC7CE' } });
    expect(sheet.getCell('A11').value).toEqual(new Date(Date.UTC(2026, 2, 2)));
    expect(sheet.getCell('A11').numFmt).toBe('yyyy-mm-dd');
    expect(sheet.getCell('B19').value).toEqual(new Date(Date.UTC(2026, 2, 19)));
    expect(sheet.getCell('B19').numFmt).toBe('yyyy-mm-dd');
    expect(sheet.getCell('C19').value).toEqual({ error: '#NUM!' });
    expect(sheet.getCell('D15').value).toBe('Tom & "Jerry" <b>');
    expect(sheet.getCell('D16').value).toBe('  spaced  ');
    expect(sheet.model.merges).toEqual(['A1:D1', 'A4:D4']);
    expect([1, 2, 3, 4].map((column) => sheet.getColumn(column).width)).toEqual([24, 12, 12.5, 40]);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    const resources = workbook.getWorksheet('Resources');
    expect(resources?.getCell('C3').dataValidation).toMatchObject({ type: 'list' });
    expect(resources?.getCell('A2').font).toMatchObject({ bold: true });
  });

  it('adds native charts over the sheet cells, registered in content types and relationships', async () => {
    const parts = partsOf(add(await userWorkbook()).bytes);
    const sheetXml = textOf(parts, 'xl/worksheets/sheet4.xml');
    expect(sheetXml).toContain('<drawing r:id="rId1"/>');
    const sheetRels = textOf(parts, 'xl/worksheets/_rels/sheet4.xml.rels');
    expect(sheetRels).toContain(`Type="${REL}/drawing" Target="../drawings/drawing2.xml"`);
    const drawingRels = textOf(parts, 'xl/drawings/_rels/drawing2.xml.rels');
    for (const n of [1, 2, 3])
      expect(drawingRels).toContain(`Type="${REL}/chart" Target="../charts/chart${n}.xml"`);
    const drawing = textOf(parts, 'xl/drawings/drawing2.xml');
    expect(drawing.match(/<c:chart [^>]*r:id="rId\d"\/>/g)).toHaveLength(3);
    const kinds = ['<c:barDir val="col"/>', '<c:lineChart>', '<c:barDir val="bar"/>'];
    for (const [index, kind] of kinds.entries()) {
      const chart = textOf(parts, `xl/charts/chart${index + 1}.xml`);
      expectWellFormed(chart, `chart${index + 1}`);
      expect(chart).toContain(kind);
      expect(chart).toContain("<c:cat><c:numRef><c:f>'PMO Dashboard'!$A$11:$A$16</c:f>");
      expect(chart).toContain("<c:val><c:numRef><c:f>'PMO Dashboard'!$B$11:$B$16</c:f>");
      expect(chart).toContain("<c:tx><c:strRef><c:f>'PMO Dashboard'!$B$10</c:f>");
      expect(chart).toContain('<c:pt idx="0"><c:v>46083</c:v></c:pt>');
      expect(chart).toContain('<a:t>Load &amp; capacity &lt;');
      // The value axis shows numbers as the first series' cells do (the load's 0.0), not as General.
      expect(chart).toMatch(/<c:valAx>.*<c:numFmt formatCode="0\.0" sourceLinked="1"\/>/);
    }
    expect(textOf(parts, 'xl/charts/chart1.xml')).toContain("<c:f>'PMO Dashboard'!$C$11:$C$16</c:f>");
    for (const name of [
      'xl/worksheets/sheet4.xml',
      'xl/drawings/drawing2.xml',
      'xl/styles.xml',
      'xl/workbook.xml',
    ])
      expectWellFormed(textOf(parts, name), name);
    for (const name of [...parts.keys()].filter((part) => part.endsWith('.rels')))
      expectWellFormed(textOf(parts, name), name);
    expectWellFormed(textOf(parts, '[Content_Types].xml'), '[Content_Types].xml');
  });

  it('quotes sheet names in chart references, doubling apostrophes', () => {
    expect(quoteSheetName('PMO Dashboard')).toBe("'PMO Dashboard'");
    expect(quoteSheetName("Ana's (2)")).toBe("'Ana''s (2)'");
  });

  it('chooses its sheet whatever name the plan carries, as the hosts do', async () => {
    const result = add(await userWorkbook(), { ...samplePlan(), sheetName: 'Something else' });
    expect(result.sheetName).toBe('PMO Dashboard');
  });

  it('rebuilding replaces the dashboard in place and gives the same file for the same plan', async () => {
    const first = add(await userWorkbook());
    const second = add(first.bytes);
    expect(second).toMatchObject({ sheetName: 'PMO Dashboard', replaced: true });
    expect(second.bytes).toEqual(first.bytes);
  });

  it('rebuilding with another plan rewrites only the dashboard parts and drops its unused charts', async () => {
    const first = add(await userWorkbook());
    const plan = samplePlan({ charts: 1, load: 2 });
    const second = add(first.bytes, plan);
    expect(second.replaced).toBe(true);
    const before = partsOf(first.bytes);
    const after = partsOf(second.bytes);
    expect([...after.keys()]).toEqual([...before.keys()].filter((name) => !/chart[23]\.xml$/.test(name)));
    const dashboardParts = [
      'xl/worksheets/sheet4.xml',
      'xl/drawings/drawing2.xml',
      'xl/drawings/_rels/drawing2.xml.rels',
      'xl/charts/chart1.xml',
      '[Content_Types].xml',
    ];
    for (const [name, data] of after)
      if (!dashboardParts.includes(name)) expect(data, name).toEqual(before.get(name));
    expect(textOf(after, '[Content_Types].xml')).not.toContain('chart2.xml');
    const workbook = read(second.bytes);
    expect(workbook.sheets).toHaveLength(4);
    expectPlanValues(sheetNamed(workbook, 'PMO Dashboard'), plan);
  });

  it('leaves a user sheet called PMO Dashboard alone and writes PMO Dashboard (2), then rebuilds that one', async () => {
    const input = await userWorkbook((workbook) => {
      const mine = workbook.addWorksheet('PMO Dashboard');
      mine.getCell('A1').value = 'My own dashboard';
      mine.getCell('B2').value = 42;
    });
    const first = add(input);
    expect(first).toMatchObject({ sheetName: 'PMO Dashboard (2)', replaced: false });
    expectPartsKept(input, first.bytes);
    const workbook = read(first.bytes);
    expect(workbook.sheets.map((sheet) => sheet.name)).toEqual([
      'Resources',
      'Assignments',
      'Notes',
      'PMO Dashboard',
      'PMO Dashboard (2)',
    ]);
    expect(cellAt(sheetNamed(workbook, 'PMO Dashboard'), 0, 0)).toBe('My own dashboard');
    const chart = textOf(partsOf(first.bytes), 'xl/charts/chart1.xml');
    expect(chart).toContain("'PMO Dashboard (2)'!$A$11:$A$16");
    const second = add(first.bytes, samplePlan({ load: 3 }));
    expect(second).toMatchObject({ sheetName: 'PMO Dashboard (2)', replaced: true });
    expect(read(second.bytes).sheets).toHaveLength(5);
    const before = partsOf(first.bytes);
    const after = partsOf(second.bytes);
    for (const name of [
      'xl/worksheets/sheet4.xml',
      'xl/workbook.xml',
      'xl/styles.xml',
      'xl/sharedStrings.xml',
    ])
      expect(after.get(name), name).toEqual(before.get(name));
  });

  it('takes the first name that is free or its own: a stray later dashboard is left as it is', async () => {
    const input = await userWorkbook((workbook) => {
      workbook.addWorksheet('PMO Dashboard').getCell('A1').value = 'Mine';
      workbook.addWorksheet('PMO Dashboard (3)').getCell('A1').value = DASHBOARD_MARKER;
    });
    const result = add(input);
    expect(result).toMatchObject({ sheetName: 'PMO Dashboard (2)', replaced: false });
    expect(
      read(result.bytes)
        .sheets.map((sheet) => sheet.name)
        .slice(3),
    ).toEqual(['PMO Dashboard', 'PMO Dashboard (3)', 'PMO Dashboard (2)']);
  });

  it('treats sheet names case-insensitively, as Excel does', async () => {
    const input = await userWorkbook((workbook) => {
      workbook.addWorksheet('pmo dashboard').getCell('A1').value = DASHBOARD_MARKER.toUpperCase();
      workbook.addWorksheet('PMO DASHBOARD (2)');
    });
    expect(add(input).sheetName).toBe('PMO Dashboard (3)');
  });

  it('recognises its dashboard when Excel saved the marker as a shared string', async () => {
    const input = await userWorkbook((workbook) => {
      const dashboard = workbook.addWorksheet('PMO Dashboard');
      dashboard.getCell('A1').value = DASHBOARD_MARKER;
      dashboard.getCell('A2').value = 'older build';
    });
    expect(textOf(partsOf(input), 'xl/worksheets/sheet4.xml')).toContain('t="s"');
    const result = add(input);
    expect(result).toMatchObject({ sheetName: 'PMO Dashboard', replaced: true });
    const workbook = read(result.bytes);
    expect(workbook.sheets).toHaveLength(4);
    expect(cellAt(sheetNamed(workbook, 'PMO Dashboard'), 1, 0)).toBe('Built on 2026-03-02 from book.xlsx');
    expectPartsKept(input, result.bytes, [...WORKBOOK_PARTS, 'xl/worksheets/sheet4.xml']);
  });

  it('does not change the bytes it is given', async () => {
    const input = await userWorkbook();
    const copy = input.slice();
    add(input);
    add(handMadePackage());
    expect(input).toEqual(copy);
  });
});

describe('addDashboardSheet on a hand-made package', () => {
  it('keeps unknown parts, custom XML, the VBA project and stored entries byte for byte', () => {
    const input = handMadePackage();
    const result = add(input);
    expectPartsKept(input, result.bytes);
    const methods = compressionOf(result.bytes);
    expect(methods.get('xl/workbook.xml')).toBe(0);
    expect(methods.get('customXml/item1.xml')).toBe(0);
    expect(methods.get('xl/vbaProject.bin')).toBe(0);
    const parts = partsOf(result.bytes);
    expect(textOf(parts, 'xl/x14stuff.xml')).toContain('unknown &amp; kept');
    expect(textOf(parts, '[Content_Types].xml')).toContain(
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"/>',
    );
  });

  it('inserts into the workbook as text, keeping its byte-order mark, line ends and extensions', () => {
    const input = handMadePackage();
    const before = textOf(partsOf(input), 'xl/workbook.xml');
    const after = textOf(partsOf(add(input).bytes), 'xl/workbook.xml');
    expect(after.charCodeAt(0)).toBe(0xfeff);
    expect(after).toBe(
      before
        .replace('\r\n  </sheets>', '\r\n  <sheet name="PMO Dashboard" sheetId="3" r:id="rId7"/></sheets>')
        .replace('activeTab="1"', 'activeTab="2"'),
    );
  });

  it('leaves a sheet that was active but not selected in its view as stored, without reading its cells', () => {
    const input = handMadePackage({ selected: false });
    const written = add(input);
    expect(written.changed.has('xl/worksheets/sheet2.xml')).toBe(false);
    expect(partsOf(written.bytes).get('xl/worksheets/sheet2.xml')).toEqual(
      partsOf(input).get('xl/worksheets/sheet2.xml'),
    );
  });

  it('knows the parts it copied from checked bytes as checked in its copy, for the next writer of the run', () => {
    const input = handMadePackage({ selected: true });
    const written = add(input);
    const entryOf = (bytes: Uint8Array, name: string) => {
      const entry = readZip(bytes).entries.find((candidate) => candidate.name === name);
      if (!entry) throw new Error(`no ${name}`);
      return entry;
    };
    // The writer checked each part of its input before copying it, and the copy holds the same bytes.
    expect(wasChecked(input, entryOf(input, 'xl/worksheets/sheet1.xml'))).toBe(true);
    expect(wasChecked(written.bytes, entryOf(written.bytes, 'xl/worksheets/sheet1.xml'))).toBe(true);
    // A part it wrote anew is known good too; bytes it did not write are not.
    expect(wasChecked(written.bytes, entryOf(written.bytes, 'xl/worksheets/sheet2.xml'))).toBe(true);
    const copy = written.bytes.slice();
    expect(wasChecked(copy, entryOf(copy, 'xl/worksheets/sheet1.xml'))).toBe(false);
  });

  it('opens on the dashboard: the sheet that was active loses tabSelected and nothing else, the others are copied', () => {
    const input = handMadePackage({ selected: true });
    const before = partsOf(input);
    const after = partsOf(add(input).bytes);
    expect(textOf(after, 'xl/worksheets/sheet2.xml')).toBe(
      textOf(before, 'xl/worksheets/sheet2.xml').replace(
        '<sheetView tabSelected="1" zoomScale',
        '<sheetView zoomScale',
      ),
    );
    expect(textOf(after, 'xl/worksheets/sheet3.xml')).toContain('<sheetView tabSelected="1"');
    expect(textOf(after, 'xl/workbook.xml')).toContain('activeTab="2"');
    expect(after.get('xl/worksheets/sheet1.xml')).toEqual(before.get('xl/worksheets/sheet1.xml'));
    expect(read(add(input).bytes).sheets.slice(0, 2)).toEqual(read(input).sheets);
  });

  it('leaves the tab alone when writing the hidden PMO Data sheet', () => {
    const input = handMadePackage({ selected: true });
    const result = addOwnedSheet(input, samplePlan(), PMO_DATA_SHEET);
    if (!('bytes' in result)) throw new Error(result.message);
    const before = partsOf(input);
    const after = partsOf(result.bytes);
    expect(after.get('xl/worksheets/sheet2.xml')).toEqual(before.get('xl/worksheets/sheet2.xml'));
    expect(textOf(after, 'xl/workbook.xml')).toContain('activeTab="1"');
    expect(textOf(after, 'xl/worksheets/sheet3.xml')).not.toContain('tabSelected');
  });

  it('numbers new parts past existing ones and creates numFmts first in the stylesheet', () => {
    const input = handMadePackage();
    const parts = partsOf(add(input).bytes);
    expect(parts.has('xl/worksheets/sheet3.xml')).toBe(true);
    expect(parts.has('xl/drawings/drawing2.xml')).toBe(true);
    expect([2, 3, 4].every((n) => parts.has(`xl/charts/chart${n}.xml`))).toBe(true);
    expect(textOf(parts, 'xl/charts/chart1.xml')).toBe(textOf(partsOf(input), 'xl/charts/chart1.xml'));
    const styles = textOf(parts, 'xl/styles.xml');
    expect(styles).toMatch(/mc:Ignorable="x14ac"><numFmts count="\d+"><numFmt numFmtId="164" /);
    expect(styles).toContain('<fonts count="');
    expect(styles).toContain('x14ac:knownFonts="1">');
    expect(styleItems(styles, 'fonts', 'font')[2]).toContain('<name val="Aptos Narrow"/>');
    expect(styleItems(styles, 'cellXfs', 'xf').slice(0, 2)).toEqual(
      styleItems(textOf(partsOf(input), 'xl/styles.xml'), 'cellXfs', 'xf'),
    );
  });

  it('opens with ExcelJS and cli/xlsx.ts, user sheets unchanged', async () => {
    const input = handMadePackage();
    const output = add(input).bytes;
    const workbook = read(output);
    expect(workbook.sheets.map((sheet) => sheet.name)).toEqual(['Data', 'Summary & KPIs', 'PMO Dashboard']);
    expect(workbook.sheets.slice(0, 2)).toEqual(read(input).sheets);
    expect(workbook.names).toEqual(read(input).names);
    expectPlanValues(sheetNamed(workbook, 'PMO Dashboard'), samplePlan());
    const excelWorkbook = await excel(output);
    expect(excelWorkbook.getWorksheet('PMO Dashboard')?.getCell('A1').value).toBe(DASHBOARD_MARKER);
  });

  it('rebuilds an add-in dashboard: drops its charts and chart styles, keeps shared media, drops a stale calc chain', () => {
    const input = handMadePackage({ dashboard: true });
    const result = add(input, samplePlan({ charts: 1 }));
    expect(result).toMatchObject({ sheetName: 'PMO Dashboard', replaced: true });
    const before = partsOf(input);
    const after = partsOf(result.bytes);
    expect(after.has('xl/charts/style2.xml')).toBe(false);
    expect(after.has('xl/charts/_rels/chart2.xml.rels')).toBe(false);
    expect(after.has('xl/calcChain.xml')).toBe(false);
    expect(after.get('xl/media/image1.png')).toEqual(before.get('xl/media/image1.png'));
    expect(textOf(after, 'xl/drawings/_rels/drawing2.xml.rels')).toContain('../charts/chart2.xml');
    expect(textOf(after, 'xl/drawings/_rels/drawing2.xml.rels')).not.toContain('image');
    expect(textOf(after, 'xl/worksheets/sheet3.xml')).toContain('<sheetView tabSelected="1"');
    // It opens on the rebuilt dashboard, the third sheet.
    expect(textOf(after, 'xl/workbook.xml')).toBe(
      textOf(before, 'xl/workbook.xml').replace('activeTab="1"', 'activeTab="2"'),
    );
    const rels = textOf(after, 'xl/_rels/workbook.xml.rels');
    expect(rels).not.toContain('calcChain');
    expect(rels).toBe(
      textOf(before, 'xl/_rels/workbook.xml.rels').replace(/<Relationship Id="rId4"[^>]*\/>/, ''),
    );
    const types = textOf(after, '[Content_Types].xml');
    expect(types).not.toContain('calcChain');
    expect(types).not.toContain('style2.xml');
    expect(types).toContain('/xl/charts/chart2.xml');
    for (const name of ['xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml', 'xl/drawings/drawing1.xml'])
      expect(after.get(name), name).toEqual(before.get(name));
    expect(read(result.bytes).sheets.map((sheet) => sheet.name)).toEqual([
      'Data',
      'Summary & KPIs',
      'PMO Dashboard',
    ]);
  });

  it('keeps the calc chain when it lists no cell of the rebuilt sheet', () => {
    const input = handMadePackage();
    const first = add(input);
    const second = add(first.bytes, samplePlan({ load: 2 }));
    expect(second.replaced).toBe(true);
    expect(partsOf(second.bytes).get('xl/calcChain.xml')).toEqual(partsOf(input).get('xl/calcChain.xml'));
  });
});

describe('addDashboardSheet on unusual packages', () => {
  const workbookXml = (inner: string, root = `<workbook xmlns="${MAIN}" xmlns:r="${REL}">`) =>
    `<?xml version="1.0"?>${root}${inner}</workbook>`;
  const minimal = (workbook: string, sheet = `<worksheet xmlns="${MAIN}"><sheetData/></worksheet>`) =>
    zipSync({
      '[Content_Types].xml': strToU8(
        `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>`,
      ),
      '_rels/.rels': strToU8(
        `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${workbook.includes('purl.oclc.org') ? 'http://purl.oclc.org/ooxml/officeDocument/relationships' : REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
      'xl/workbook.xml': strToU8(workbook),
      'xl/_rels/workbook.xml.rels': strToU8(
        `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${workbook.includes('purl.oclc.org') ? 'http://purl.oclc.org/ooxml/officeDocument/relationships' : REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      ),
      'xl/worksheets/sheet1.xml': strToU8(sheet),
    });

  it('creates a stylesheet when the workbook has none', async () => {
    const input = minimal(workbookXml('<sheets><sheet name="Only" sheetId="5" r:id="rId1"/></sheets>'));
    const result = add(input);
    const parts = partsOf(result.bytes);
    const styles = textOf(parts, 'xl/styles.xml');
    expectWellFormed(styles, 'styles');
    expect(styles).toMatch(
      /<styleSheet xmlns="[^"]+"><numFmts count="3">[\s\S]*<\/numFmts><fonts count="\d+"><font><sz val="11"\/>/,
    );
    expect(styleItems(styles, 'fills', 'fill')[0]).toContain('patternType="none"');
    expect(styleItems(styles, 'cellXfs', 'xf')[0]).toBe(
      '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>',
    );
    expect(textOf(parts, 'xl/_rels/workbook.xml.rels')).toContain(
      `Id="rId3" Type="${REL}/styles" Target="styles.xml"`,
    );
    expect(textOf(parts, '[Content_Types].xml')).toContain(
      `<Override PartName="/xl/styles.xml" ContentType="${CT}.spreadsheetml.styles+xml"/>`,
    );
    expectPlanValues(sheetNamed(read(result.bytes), 'PMO Dashboard'), samplePlan());
    const sheet = (await excel(result.bytes)).getWorksheet('PMO Dashboard');
    expect(sheet?.getCell('B6').numFmt).toBe('0%');
    expect(sheet?.getCell('A10').fill).toMatchObject({ fgColor: { argb: 'FFD9E1F2' } });
    expect(sheet?.getCell('A8').font).toBeUndefined();
  });

  it('follows a namespace prefix on the workbook elements', () => {
    const input = minimal(
      workbookXml(
        '<x:sheets><x:sheet name="Only" sheetId="5" r:id="rId1"/></x:sheets>',
        `<x:workbook xmlns:x="${MAIN}" xmlns:r="${REL}">`,
      ).replace('</workbook>', '</x:workbook>'),
    );
    const result = add(input);
    expect(textOf(partsOf(result.bytes), 'xl/workbook.xml')).toContain(
      '<x:sheet name="Only" sheetId="5" r:id="rId1"/><x:sheet name="PMO Dashboard" sheetId="6" r:id="rId2"/>',
    );
    expectPlanValues(sheetNamed(read(result.bytes), 'PMO Dashboard'), samplePlan());
  });

  it('writes Strict OOXML parts into a Strict workbook', () => {
    const strictMain = 'http://purl.oclc.org/ooxml/spreadsheetml/main';
    const strictRel = 'http://purl.oclc.org/ooxml/officeDocument/relationships';
    const input = minimal(
      workbookXml(
        '<sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets>',
        `<workbook xmlns="${strictMain}" xmlns:r="${strictRel}" conformance="strict">`,
      ),
      `<worksheet xmlns="${strictMain}"><sheetData/></worksheet>`,
    );
    const result = add(input);
    const parts = partsOf(result.bytes);
    expect(textOf(parts, 'xl/worksheets/sheet2.xml')).toContain(
      `<worksheet xmlns="${strictMain}" xmlns:r="${strictRel}">`,
    );
    expect(textOf(parts, 'xl/charts/chart1.xml')).toContain(
      'xmlns:c="http://purl.oclc.org/ooxml/drawingml/chart"',
    );
    expect(textOf(parts, 'xl/_rels/workbook.xml.rels')).toContain(`Type="${strictRel}/worksheet"`);
    expect(textOf(parts, 'xl/worksheets/_rels/sheet2.xml.rels')).toContain(`Type="${strictRel}/drawing"`);
    expectPlanValues(sheetNamed(read(result.bytes), 'PMO Dashboard'), samplePlan());
  });

  it('reads a zip64 package and keeps its copied entries readable at their new offsets', () => {
    const plain = handMadePackage({ dashboard: true });
    const input = toZip64(plain);
    expect([...partsOf(input).keys()]).toEqual([...partsOf(plain).keys()]);
    const result = add(input, samplePlan({ charts: 1 }));
    expect(result.replaced).toBe(true);
    expectPartsKept(
      input,
      result.bytes,
      [
        ...WORKBOOK_PARTS,
        'xl/worksheets/sheet3.xml',
        'xl/worksheets/_rels/sheet3.xml.rels',
        'xl/drawings/drawing2.xml',
        'xl/drawings/_rels/drawing2.xml.rels',
        'xl/charts/chart2.xml',
      ],
      ['xl/calcChain.xml', 'xl/charts/_rels/chart2.xml.rels', 'xl/charts/style2.xml'],
    );
    const expected = partsOf(add(plain, samplePlan({ charts: 1 })).bytes);
    const actual = partsOf(result.bytes);
    expect([...actual.keys()]).toEqual([...expected.keys()]);
    for (const [name, data] of expected) expectSameBytes(actual.get(name), data, name);
    expect(read(result.bytes).sheets.map((sheet) => sheet.name)).toEqual([
      'Data',
      'Summary & KPIs',
      'PMO Dashboard',
    ]);
  });

  it('stores dates in the 1904 date system of a workbook that uses it', () => {
    const input = minimal(
      workbookXml('<workbookPr date1904="1"/><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets>'),
    );
    const result = add(input);
    expect(textOf(partsOf(result.bytes), 'xl/worksheets/sheet2.xml')).toContain(`<v>${46083 - 1462}</v>`);
    expect(textOf(partsOf(result.bytes), 'xl/charts/chart1.xml')).toContain('<c:date1904 val="1"/>');
    expectPlanValues(sheetNamed(read(result.bytes), 'PMO Dashboard'), samplePlan());
  });
});

describe('cell text', () => {
  it('escapes XML, control characters, carriage returns and literal _xHHHH_ sequences', () => {
    expect(escapeCellText('a & <b> "c"')).toBe('a &amp; &lt;b&gt; "c"');
    expect(escapeCellText('a\u0001b\rc\nd\te')).toBe('a_x0001_b_x000D_c\nd\te');
    expect(escapeCellText('_x0041_')).toBe('_x005F_x0041_');
    expect(escapeCellText('\ud800x')).toBe('\ufffdx');
    expect(escapeCellText('\uffff')).toBe('_xFFFF_');
  });

  it('cuts text longer than Excel allows to 32,767 characters without splitting a character', () => {
    expect(escapeCellText('y'.repeat(MAX_CELL_TEXT))).toHaveLength(MAX_CELL_TEXT);
    const cut = escapeCellText('y'.repeat(MAX_CELL_TEXT + 1));
    expect(cut).toHaveLength(MAX_CELL_TEXT);
    expect(cut.endsWith('…')).toBe(true);
    const emoji = escapeCellText(`${'y'.repeat(MAX_CELL_TEXT - 2)}😀😀`);
    expect(emoji.endsWith('y…')).toBe(true);
  });

  it('round-trips every character through cli/xlsx.ts', async () => {
    const sheet = sheetNamed(read(add(await userWorkbook()).bytes), 'PMO Dashboard');
    expect(cellAt(sheet, 16, 1)).toBe(CONTROL_TEXT);
    expect(cellAt(sheet, 17, 1)).toBe(`${'x'.repeat(MAX_CELL_TEXT - 1)}…`);
  });
});

describe('addDashboardSheet on files that are not .xlsx workbooks', () => {
  const cases: [string, Uint8Array][] = [
    ['an empty file', new Uint8Array()],
    ['a CSV file', strToU8('Resource,Hours\nAna,40\n')],
    ['a legacy .xls file', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0])],
    ['a Word document', zipSync({ 'word/document.xml': strToU8('<w:document/>') })],
  ];
  for (const [what, bytes] of cases) {
    it(`gives ${what} the reader's one-line message`, () => {
      const result = addDashboardSheet(bytes, samplePlan());
      const expected = readWorkbook(bytes);
      expect(expected.kind).toBe('workbook-error');
      expect(result).toEqual(expected);
    });
  }

  it('gives a damaged zip a one-line message instead of throwing', async () => {
    const good = await userWorkbook();
    const cut = good.slice(0, good.length - 40);
    const result = addDashboardSheet(cut, samplePlan());
    expect(result).toMatchObject({ kind: 'workbook-error' });
    expect('message' in result && result.message).toMatch(
      /^the file is damaged or not an \.xlsx workbook \(.+\)$/,
    );
    const garbled = good.slice();
    new DataView(garbled.buffer).setUint32(garbled.length - 22 + 16, 12345, true);
    const second = addDashboardSheet(garbled, samplePlan());
    expect('message' in second && second.message).toMatch(/^the file is damaged/);
  });
});

describe('addDashboardSheet on a large workbook', () => {
  it('adds the dashboard to a 5 MB workbook well within the budget', { timeout: 180_000 }, async () => {
    const input = await workbook5mbBytes();
    expect(input.length).toBeGreaterThan(5_000_000);
    const started = performance.now();
    const result = add(input);
    const elapsedMs = performance.now() - started;
    console.log(
      `addDashboardSheet: ${(input.length / 1024 / 1024).toFixed(1)} MB workbook in ${elapsedMs.toFixed(0)} ms`,
    );
    expect(elapsedMs).toBeLessThan(10_000);
    expect(result.sheetName).toBe('PMO Dashboard');
    expectPartsKept(input, result.bytes);
  });
});
