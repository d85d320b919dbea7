// The Sheets + Apps Script fake keeps the documented host rules, and throws where Apps Script throws. Small scripts
// written here test each rule on its own; the built Code.js shows the rules hold for the shipped bundle.

import { describe, expect, it } from 'vitest';
import { midnightIn } from '../time-zones';
import {
  CUSTOM_FUNCTION_TIME_LIMIT_MS,
  callServerFunction,
  createAppsScriptHost,
  evaluateScript,
  formatDate,
  loadAppsScript,
  loadSpreadsheetScript,
  PROPERTY_VALUE_LIMIT,
  parseDate,
  SheetsHost,
  TIME_LIMIT_MESSAGE,
} from './index';

const ZONE = 'Europe/Zurich';
const script = (code: string, emptyArgument?: 'undefined' | 'empty-string') =>
  loadAppsScript({ timeZone: ZONE, code, ...(emptyArgument ? { emptyArgument } : {}) });

describe('custom functions (Custom Functions in Google Sheets)', () => {
  it('passes only the arguments typed: omitted trailing arguments are absent', () => {
    const host = script('function PMO_COUNT(a, b, c) { return arguments.length; }');
    expect(host.callCustomFunction('COUNT', [1, 2])).toEqual({ ok: true, value: 2 });
    expect(host.callCustomFunction('COUNT', [])).toEqual({ ok: true, value: 0 });
  });

  it('passes an argument left empty between two others as undefined or as "", as the option reads it', () => {
    const code = 'function PMO_KIND(a, b, c) { return typeof b + "|" + String(b) + "|" + arguments.length; }';
    expect(script(code).callCustomFunction('KIND', [1, undefined, 3])).toEqual({
      ok: true,
      value: 'undefined|undefined|3',
    });
    expect(script(code, 'empty-string').callCustomFunction('KIND', [1, undefined, 3])).toEqual({
      ok: true,
      value: 'string||3',
    });
  });

  it('passes a range as a 2-D array of the script’s own Array, and a 1×1 range as the plain value', () => {
    const host = script(
      'function PMO_SHAPE(r) { return Array.isArray(r) ? (r instanceof Array) + ":" + r.length + "x" + r[0].length : typeof r + ":" + r; }',
    );
    expect(
      host.callCustomFunction('SHAPE', [
        [
          [1, 2],
          [3, 4],
          ['', 'x'],
        ],
      ]),
    ).toEqual({ ok: true, value: 'true:3x2' });
    expect(host.callCustomFunction('SHAPE', [[[42]]])).toEqual({ ok: true, value: 'number:42' });
    expect(() => host.callCustomFunction('SHAPE', [[[1], [2, 3]]])).toThrow(/rectangular/);
  });

  it('passes dates as Date objects of the script and error cells as their text', () => {
    const host = script(
      'function PMO_TYPES(d, e) { return (d instanceof Date) + "|" + d.getTime() + "|" + typeof e + "|" + e; }',
    );
    const date = midnightIn('2025-03-05', ZONE);
    expect(host.callCustomFunction('TYPES', [date, '#N/A'])).toEqual({
      ok: true,
      value: `true|${date.getTime()}|string|#N/A`,
    });
  });

  it('shows #ERROR! with the message of a thrown error', () => {
    const host = script('function PMO_FAIL() { throw new Error("job size must be > 0"); }');
    expect(host.callCustomFunction('FAIL', [])).toEqual({
      ok: false,
      shown: '#ERROR!',
      message: 'job size must be > 0',
    });
  });

  it('evaluates the whole script again, in a fresh global scope, before every call', () => {
    const host = script('var calls = 0; function PMO_CALLS() { calls++; return calls; }');
    expect(host.evaluations).toBe(1);
    expect(host.callCustomFunction('CALLS', [])).toEqual({ ok: true, value: 1 });
    expect(host.callCustomFunction('CALLS', [])).toEqual({ ok: true, value: 1 });
    expect(host.evaluations).toBe(3);
    expect(typeof host.global.PMO_CALLS).toBe('function');
  });

  it('refuses a script whose loading touches a service', () => {
    expect(() =>
      script('var zone = SpreadsheetApp.getActiveSpreadsheet(); function PMO_X() { return 1; }'),
    ).toThrow(/called SpreadsheetApp.getActiveSpreadsheet while loading/);
  });

  it('gives a call 30 seconds and then shows "Exceeded maximum execution time"', () => {
    expect(CUSTOM_FUNCTION_TIME_LIMIT_MS).toBe(30_000);
    const host = createAppsScriptHost(
      { timeZone: ZONE, code: 'function PMO_SPIN() { for (;;) {} }' },
      { callTimeLimitMs: 50 },
    );
    expect(host.callCustomFunction('SPIN', [])).toEqual({
      ok: false,
      shown: '#ERROR!',
      message: TIME_LIMIT_MESSAGE,
    });
  });

  it('is read-only: a change throws the permission error, while the time zone can be read', () => {
    const host = script(
      [
        'function PMO_ZONE() { return SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone(); }',
        'function PMO_WRITE() { SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange(1, 1).setValue(1); return 1; }',
        'function PMO_ADD() { SpreadsheetApp.getActiveSpreadsheet().insertSheet("New"); return 1; }',
      ].join('\n'),
    );
    const withSheet = createAppsScriptHost({
      timeZone: ZONE,
      code: 'function PMO_WRITE() { SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange(1, 1).setValue(1); return 1; }',
      seed: { sheets: [{ name: 'Data', rows: [['a']] }], names: {} },
    });
    expect(host.callCustomFunction('ZONE', [])).toEqual({ ok: true, value: ZONE });
    expect(withSheet.callCustomFunction('WRITE', [])).toEqual({
      ok: false,
      shown: '#ERROR!',
      message: 'You do not have permission to call setValue',
    });
    expect(withSheet.sheets.spreadsheet.sheet('Data')?.cell(1, 1)?.value).toBe('a');
    expect(host.callCustomFunction('ADD', [])).toMatchObject({
      ok: false,
      message: 'You do not have permission to call insertSheet',
    });
    expect(host.serviceCalls).toContain('Spreadsheet.getSpreadsheetTimeZone');
  });

  it('shows a value or a 2-D array of values, dates as dates, and rejects anything else', () => {
    const host = script(
      [
        'function PMO_GRID() { return [[1, "a"], [true, new Date(0)]]; }',
        'function PMO_DATE() { return new Date(86400000); }',
        'function PMO_NOTHING() {}',
        'function PMO_NULL() { return null; }',
        'function PMO_NAN() { return [[1], [NaN]]; }',
        'function PMO_FLAT() { return [1, 2]; }',
        'function PMO_RAGGED() { return [[1, 2], [3]]; }',
      ].join('\n'),
    );
    expect(host.callCustomFunction('GRID', [])).toEqual({
      ok: true,
      value: [
        [1, 'a'],
        [true, new Date(0)],
      ],
    });
    const date = host.callCustomFunction('DATE', []);
    expect(date.ok && date.value instanceof Date && date.value.getTime()).toBe(86_400_000);
    for (const [name, reason] of [
      ['NOTHING', /returned undefined/],
      ['NULL', /returned null/],
      ['NAN', /returned NaN in row 2, column 1/],
      ['FLAT', /one-dimensional array/],
      ['RAGGED', /rows of different lengths/],
    ] as const)
      expect(host.callCustomFunction(name, []), name).toMatchObject({
        ok: false,
        shown: '#ERROR!',
        message: expect.stringMatching(reason),
      });
  });

  it('runs the shipped Code.js: a spilled grid from ranges and dates, evaluated anew for each call', () => {
    const host = loadAppsScript({ timeZone: ZONE });
    expect(host.serviceCalls).toEqual([]);
    const risk = host.callCustomFunction('RISK_SCORE', [
      [[0.4], [0.2]],
      [[0.6], [0.9]],
    ]);
    expect(risk.ok && risk.value).toEqual([[expect.closeTo(0.24, 12)], [expect.closeTo(0.18, 12)]]);
    const capacity = host.callCustomFunction('CAPACITY', [
      [
        ['Resource', 'Hours per week'],
        ['Ana', 40],
      ],
      midnightIn('2025-03-03', ZONE),
      midnightIn('2025-03-16', ZONE),
      'week',
    ]);
    expect(capacity.ok && (capacity.value as unknown[][])[1]).toEqual(['Ana', 40, 40]);
    expect(host.evaluations).toBe(3);
    expect(host.callCustomFunction('AHP_WEIGHTS', [])).toMatchObject({ ok: false, shown: '#ERROR!' });
  });
});

describe('Utilities.formatDate and Utilities.parseDate (SimpleDateFormat)', () => {
  const instant = new Date('2025-03-05T08:30:07.009Z');

  it('formats the pattern letters in the given time zone', () => {
    expect(formatDate(instant, ZONE, 'yyyy-MM-dd HH:mm')).toBe('2025-03-05 09:30');
    expect(formatDate(instant, ZONE, "EEE, d MMM yy h:mm a 'o''clock'")).toBe(
      "Wed, 5 Mar 25 9:30 AM o'clock",
    );
    expect(formatDate(instant, ZONE, 'EEEE d MMMM yyyy')).toBe('Wednesday 5 March 2025');
    expect(formatDate(instant, ZONE, "yyyy-MM-dd'T'HH:mm:ss.SSSXXX")).toBe('2025-03-05T09:30:07.009+01:00');
    expect(formatDate(instant, ZONE, 'Z X')).toBe('+0100 +01');
    expect(formatDate(instant, 'UTC', 'HH:mm X z')).toBe('08:30 Z UTC');
    expect(formatDate(new Date('2025-07-01T12:00:00Z'), ZONE, 'HH Z')).toBe('14 +0200');
    expect(formatDate(new Date('2025-07-01T12:00:00Z'), 'America/Los_Angeles', 'h a z')).toBe('5 AM PDT');
    expect(formatDate(instant, 'No/Such_Zone', 'HH:mm')).toBe('08:30');
  });

  it('throws as Apps Script does on a bad pattern or a value that is not a date', () => {
    expect(() => formatDate(instant, ZONE, 'yyyy-qq')).toThrow("Illegal pattern character 'q'");
    expect(() => formatDate('2025-03-05', ZONE, 'yyyy')).toThrow(
      "The parameters (String,String,String) don't match the method signature for Utilities.formatDate.",
    );
    expect(() => formatDate(new Date(Number.NaN), ZONE, 'yyyy')).toThrow('Invalid argument: date');
  });

  it('parses in the given time zone, leniently, and throws on text it cannot read', () => {
    expect(parseDate('2025-03-05', ZONE, 'yyyy-MM-dd')).toEqual(midnightIn('2025-03-05', ZONE));
    expect(parseDate('2025-02-30', ZONE, 'yyyy-MM-dd')).toEqual(midnightIn('2025-03-02', ZONE));
    expect(parseDate('20250305', 'UTC', 'yyyyMMdd')).toEqual(new Date('2025-03-05T00:00:00Z'));
    expect(parseDate('5 Mar 2025 9:30 PM', ZONE, 'd MMM yyyy h:mm a')).toEqual(
      new Date('2025-03-05T20:30:00Z'),
    );
    expect(parseDate('2025-03-05T09:30:00+01:00', 'UTC', "yyyy-MM-dd'T'HH:mm:ssXXX")).toEqual(
      new Date('2025-03-05T08:30:00Z'),
    );
    expect(() => parseDate('next Tuesday', ZONE, 'yyyy-MM-dd')).toThrow('Unparseable date: "next Tuesday"');
    expect(() => parseDate(new Date(), ZONE, 'yyyy-MM-dd')).toThrow(/don't match the method signature/);
  });

  it('round-trips a day through formatDate and parseDate in any zone', () => {
    for (const zone of ['Pacific/Kiritimati', 'America/Los_Angeles', 'Asia/Kolkata', 'Europe/London'])
      for (const iso of ['2024-02-29', '2025-03-30', '2025-10-26', '1999-12-31'])
        expect(formatDate(parseDate(iso, zone, 'yyyy-MM-dd'), zone, 'yyyy-MM-dd'), `${zone} ${iso}`).toBe(
          iso,
        );
  });
});

describe('SpreadsheetApp ranges (Class Range, Class Sheet)', () => {
  const sheetOf = () => {
    const host = new SheetsHost(ZONE);
    const sheet = host.addSheet('Data', [
      ['Name', 'Start'],
      ['Ana', midnightIn('2025-03-05', ZONE)],
    ]);
    return { host, sheet };
  };

  it('takes 1-based getRange overloads and A1 notation, and throws outside the sheet', () => {
    const { sheet } = sheetOf();
    expect(sheet.getRange(2, 1).getValue()).toBe('Ana');
    expect(sheet.getRange('A1:B2').getValues()[0]).toEqual(['Name', 'Start']);
    expect(sheet.getRange(1, 1, 2).getNumRows()).toBe(2);
    expect(sheet.getRange('B3').getA1Notation()).toBe('B3');
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => sheet.getRange(1, 0)).toThrow('The starting column of the range is too small.');
    expect(() => sheet.getRange(1, 1, 0)).toThrow('The number of rows in the range must be at least 1.');
    expect(() => sheet.getRange(1000, 26, 2, 1)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => sheet.getRange(1, 27)).toThrow('outside the dimensions of the sheet');
  });

  it('takes setValues only in the exact shape of the range, with the documented message', () => {
    const { sheet } = sheetOf();
    expect(() => sheet.getRange(1, 1, 2, 2).setValues([[1, 2]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(() => sheet.getRange(1, 1, 1, 2).setValues([[1, 2, 3]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 3 but the range has 2.',
    );
    expect(sheet.cell(1, 1)?.value).toBe('Name');
  });

  it('stores "=…" as a formula, numeric text as a number unless formatted as text, and apostrophe text as text', () => {
    const { sheet } = sheetOf();
    const range = sheet.getRange(3, 1, 1, 5);
    range.setNumberFormats([['General', '@', 'General', '@', 'General']]);
    range.setValues([['=A1', '=A1', '42', '42', "'+cmd"]]);
    expect(sheet.cell(3, 1)?.formula).toBe('=A1');
    expect(sheet.cell(3, 2)?.formula).toBe('=A1');
    expect(sheet.cell(3, 3)?.value).toBe(42);
    expect(sheet.cell(3, 4)?.value).toBe('42');
    expect(sheet.cell(3, 5)).toMatchObject({ value: '+cmd' });
    expect(sheet.cell(3, 5)?.formula).toBeUndefined();
  });

  it('gives the data range from A1 to the last row and column with content, even when row 1 and column A are empty', () => {
    // Sheet.getDataRange: "This is functionally equivalent to creating a Range bounded by A1 and
    // (Sheet.getLastColumn(), Sheet.getLastRow())" (https://developers.google.com/apps-script/reference/spreadsheet/sheet):
    // unlike Excel's used range, it never starts at the first cell with content, so the add-on reads from A1.
    const host = new SheetsHost(ZONE);
    const sheet = host.addSheet('Report', [[], [null, 'Portfolio'], [], [null, 'Initiative', 'Cost']]);
    // A format alone is not content (getLastRow: "the last row that has content").
    sheet.getRange(6, 5).setNumberFormat('0%');
    const range = sheet.getDataRange();
    expect(range.getA1Notation()).toBe('A1:C4');
    expect(range.getValues()).toEqual([
      ['', '', ''],
      ['', 'Portfolio', ''],
      ['', '', ''],
      ['', 'Initiative', 'Cost'],
    ]);
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([4, 3]);
  });

  it('keeps Date cells as dates, hands out copies, and counts each read and write with its cells', () => {
    const { host, sheet } = sheetOf();
    const first = sheet.getRange(2, 2).getValues()[0]?.[0] as Date;
    first.setTime(0);
    expect(sheet.getDataRange().getValues()[1]?.[1]).toEqual(midnightIn('2025-03-05', ZONE));
    sheet.getRange(4, 1, 1, 2).setValues([['x', new Date(0)]]);
    expect(sheet.cell(4, 2)?.value).toEqual(new Date(0));
    expect(host.log.filter((entry) => entry.a1 !== undefined)).toEqual([
      { call: 'Range.getValues', a1: 'Data!B2:B2' },
      { call: 'Range.getValues', a1: 'Data!A1:B2' },
      { call: 'Range.setValues', a1: 'Data!A4:B4' },
    ]);
    expect(host.callCounts()['Sheet.getRange']).toBe(2);
  });

  it('names sheets without regard to case and refuses a second sheet of the same name', () => {
    const { host } = sheetOf();
    expect(host.spreadsheet.getSheetByName('data')?.name).toBe('Data');
    expect(() => host.spreadsheet.insertSheet('DATA')).toThrow(
      'A sheet with the name "DATA" already exists. Please enter another name.',
    );
  });
});

describe('document properties, the sidebar, menus and google.script.run', () => {
  it('keeps document properties as text, null when unset, and refuses a value over 9 kB', () => {
    const host = new SheetsHost(ZONE);
    const properties = (
      host.services().PropertiesService as {
        getDocumentProperties(): {
          getProperty(k: string): string | null;
          setProperty(k: string, v: string): void;
        };
      }
    ).getDocumentProperties();
    expect(properties.getProperty('missing')).toBeNull();
    properties.setProperty('k', 'v');
    expect(properties.getProperty('k')).toBe('v');
    expect(() => properties.setProperty('k', 'x'.repeat(PROPERTY_VALUE_LIMIT + 1))).toThrow(
      'Argument too large: value',
    );
    expect(host.documentProperties.get('k')).toBe('v');
  });

  it('opens the sidebar from an HTML file of the project and refuses a file it does not have', () => {
    const { host, global } = loadSpreadsheetScript({ timeZone: ZONE, sheets: [{ name: 'S', values: [] }] });
    (global.showScoringPanel as () => void)();
    expect(host.sidebars).toEqual([{ file: 'Sidebar', title: 'Score initiatives' }]);
    const html = host.services().HtmlService as { createHtmlOutputFromFile(name: string): unknown };
    expect(() => html.createHtmlOutputFromFile('Missing')).toThrow('No HTML file named Missing was found.');
  });

  it('opens a modal dialog from an HTML file with content appended and its initial size, each setter chaining', () => {
    const host = new SheetsHost(ZONE);
    const global = evaluateScript(
      host,
      'function show() { var out = HtmlService.createHtmlOutputFromFile("Sidebar").append("<p>a</p>").append("<p>b</p>").setWidth(300).setHeight(200); SpreadsheetApp.getUi().showModalDialog(out, "Title"); return 1; }',
    );
    expect((global.show as () => number)()).toBe(1);
    expect(host.dialogs).toEqual([
      { file: 'Sidebar', appended: '<p>a</p><p>b</p>', title: 'Title', width: 300, height: 200 },
    ]);
    expect(host.sidebars).toEqual([]);
  });

  it('adds a menu with createMenu().addItem().addToUi()', () => {
    const host = new SheetsHost(ZONE);
    const global = evaluateScript(
      host,
      'function onOpen() { SpreadsheetApp.getUi().createMenu("PMO").addItem("Go", "go").addToUi(); }',
    );
    (global.onOpen as () => void)();
    expect(host.ui.menus).toEqual([{ caption: 'PMO', items: [{ caption: 'Go', functionName: 'go' }] }]);
  });

  it('runs server functions with JSON arguments, returns a Date as null, hides private functions, passes errors', () => {
    const host = new SheetsHost(ZONE);
    const code = [
      'var calls = 0;',
      'function echo(value) { calls++; return { value: value, calls: calls, when: new Date(0) }; }',
      'function fail() { throw new Error("no sheet"); }',
      'function secret_() { return 1; }',
    ].join('\n');
    const answer = callServerFunction(host, code, 'echo', JSON.stringify([{ a: [1, 'x', null] }]));
    expect(answer).toEqual({
      ok: true,
      json: JSON.stringify({ value: { a: [1, 'x', null] }, calls: 1, when: null }),
    });
    // A fresh evaluation per call: the counter starts again.
    expect(callServerFunction(host, code, 'echo', '[1]')).toMatchObject({
      ok: true,
      json: expect.stringContaining('"calls":1'),
    });
    expect(callServerFunction(host, code, 'fail', '[]')).toEqual({ ok: false, message: 'no sheet' });
    expect(callServerFunction(host, code, 'secret_', '[]')).toEqual({
      ok: false,
      message: 'Script function not found: secret_',
    });
  });
});
