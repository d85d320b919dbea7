import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CellValue, Workbook, Worksheet } from 'exceljs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { writeSampleWorkbook } from '../../examples/make-sample';

const SAMPLE_PATH = fileURLToPath(new URL('../../examples/pmo-sample.xlsx', import.meta.url));

const HEADERS = {
  Resources: ['Resource', 'Role', 'Team', 'Hours per week', 'Availability', 'Start Date', 'End Date'],
  Assignments: [
    'Resource',
    'Project',
    'Start',
    'End',
    'Hours per week',
    'Allocation %',
    'Total Hours',
    'Status',
    'Probability',
    'Billable',
  ],
  'Time Off': ['Resource', 'Start', 'End', 'Hours', 'Reason'],
  Initiatives: [
    'ID',
    'Initiative',
    'Sponsor',
    'Category',
    'Strategic Alignment',
    'Customer Value',
    'Risk Reduction',
    'Complexity',
    'Cost',
    'Business Value',
    'Time Criticality',
    'RR/OE',
    'Job Size',
    'Reach',
    'Impact',
    'Confidence',
    'Effort',
  ],
  Risks: [
    'ID',
    'Risk',
    'Category',
    'Owner',
    'Project',
    'Probability',
    'Impact',
    'Cost Low',
    'Cost Likely',
    'Cost High',
    'Response',
    'Residual Probability',
    'Residual Impact',
  ],
} as const;
type SheetName = keyof typeof HEADERS;
const HEADER_ROW: Record<SheetName, number> = {
  Resources: 3,
  Assignments: 1,
  'Time Off': 1,
  Initiatives: 1,
  Risks: 1,
};

async function load(file: string): Promise<Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

function sheet(wb: Workbook, name: SheetName): Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`sheet ${name} is missing`);
  return ws;
}

const isBlank = (v: CellValue): boolean => v === null || v === undefined || v === '';

/** Cells from column 1 up to (not including) the first empty one. */
function headerOf(ws: Worksheet, rowNumber: number): CellValue[] {
  const row = ws.getRow(rowNumber);
  const out: CellValue[] = [];
  for (let c = 1; !isBlank(row.getCell(c).value); c++) out.push(row.getCell(c).value);
  return out;
}

interface DataRow {
  readonly rowNumber: number;
  /** Keyed by header name. */
  readonly cells: Readonly<Record<string, CellValue>>;
  readonly blank: boolean;
}

/** Every row below the header up to the last used row, blank rows included. */
function rowsOf(ws: Worksheet, name: SheetName): DataRow[] {
  const headers = HEADERS[name];
  const rows: DataRow[] = [];
  for (let r = HEADER_ROW[name] + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: Record<string, CellValue> = {};
    headers.forEach((h, i) => {
      cells[h] = row.getCell(i + 1).value;
    });
    rows.push({ rowNumber: r, cells, blank: Object.values(cells).every(isBlank) });
  }
  return rows;
}

function cell(row: DataRow, header: string): CellValue {
  return row.cells[header] ?? null;
}

function asDate(v: CellValue): Date {
  if (!(v instanceof Date)) throw new Error(`expected a date cell, got ${JSON.stringify(v)}`);
  return v;
}

function asNumber(v: CellValue): number {
  if (typeof v !== 'number') throw new Error(`expected a number cell, got ${JSON.stringify(v)}`);
  return v;
}

const day = (iso: string): number => Date.parse(`${iso}T00:00:00Z`);

/** Every cell of every sheet (address, value, number format), for comparing two workbooks by content. */
function contentOf(wb: Workbook): string[] {
  const lines: string[] = [];
  wb.eachSheet((ws) => {
    lines.push(`# ${ws.name}`);
    ws.eachRow((row) => {
      row.eachCell((c) => {
        lines.push(`${c.address}\t${JSON.stringify(c.value)}\t${c.numFmt ?? ''}`);
      });
    });
  });
  return lines;
}

/**
 * Weekly load per person as a fraction of capacity, with deliberately simple semantics: capacity is
 * Hours per week × Availability; Hours per week counts as is, Allocation % as a share of the contract
 * hours, Total Hours spread evenly over the weekdays of the assignment. Every status counts in full and
 * time off is ignored, so this is an upper bound of what any reasonable utilization model reports.
 */
function weeklyLoads(wb: Workbook): Map<string, number[]> {
  const capacity = new Map<string, { hours: number; fraction: number }>();
  for (const r of rowsOf(sheet(wb, 'Resources'), 'Resources')) {
    if (r.blank) continue;
    const availability = cell(r, 'Availability');
    const fraction =
      typeof availability === 'number'
        ? availability
        : typeof availability === 'string'
          ? Number.parseFloat(availability) / 100
          : 1;
    capacity.set(String(cell(r, 'Resource')), { hours: asNumber(cell(r, 'Hours per week')), fraction });
  }
  const firstMonday = day('2026-10-05');
  const weeks = 39;
  const loads = new Map<string, number[]>();
  for (const r of rowsOf(sheet(wb, 'Assignments'), 'Assignments')) {
    const cap = capacity.get(String(cell(r, 'Resource')));
    if (r.blank || !cap) continue;
    const start = asDate(cell(r, 'Start')).getTime();
    const end = asDate(cell(r, 'End')).getTime();
    if (end < start) continue;
    const weekdaysIn = (from: number, to: number): number => {
      let n = 0;
      for (let t = Math.max(from, start); t <= Math.min(to, end); t += 86_400_000) {
        const dow = new Date(t).getUTCDay();
        if (dow !== 0 && dow !== 6) n++;
      }
      return n;
    };
    const hpw = cell(r, 'Hours per week');
    const pct = cell(r, 'Allocation %');
    const total = cell(r, 'Total Hours');
    const hoursPerWeek =
      typeof hpw === 'number'
        ? hpw
        : !isBlank(pct)
          ? (Number.parseFloat(String(pct)) / 100) * cap.hours
          : (asNumber(total) / weekdaysIn(start, end)) * 5;
    const name = String(cell(r, 'Resource'));
    const series = loads.get(name) ?? new Array<number>(weeks).fill(0);
    loads.set(name, series);
    for (let w = 0; w < weeks; w++) {
      const monday = firstMonday + w * 7 * 86_400_000;
      const days = weekdaysIn(monday, monday + 4 * 86_400_000);
      series[w] = (series[w] ?? 0) + (hoursPerWeek * days) / 5 / (cap.hours * cap.fraction);
    }
  }
  return loads;
}

function longestRun(series: readonly number[], above: number): number {
  let best = 0;
  let run = 0;
  for (const v of series) {
    run = v > above ? run + 1 : 0;
    best = Math.max(best, run);
  }
  return best;
}

describe('the bundled sample workbook', () => {
  let wb: Workbook;
  beforeAll(async () => {
    wb = await load(SAMPLE_PATH);
  });

  it('has the five sheets with the exact header rows the column matcher expects', () => {
    expect(wb.worksheets.map((ws) => ws.name)).toEqual([
      'Resources',
      'Assignments',
      'Time Off',
      'Initiatives',
      'Risks',
    ]);
    for (const name of Object.keys(HEADERS) as SheetName[]) {
      expect(headerOf(sheet(wb, name), HEADER_ROW[name]), name).toEqual([...HEADERS[name]]);
    }
    const resources = sheet(wb, 'Resources');
    expect(resources.getCell('A1').value).toBe('Northwind Digital — Resource list');
    expect(resources.getCell('A2').value).toBe('As of: 2026-11-23');
  });

  it('lists 20 to 30 uniquely named people with part-timers, reduced availability and employment dates', () => {
    const people = rowsOf(sheet(wb, 'Resources'), 'Resources').filter((r) => !r.blank);
    const names = people.map((r) => cell(r, 'Resource'));
    expect(people.length).toBeGreaterThanOrEqual(20);
    expect(people.length).toBeLessThanOrEqual(30);
    expect(new Set(names).size).toBe(names.length);
    const hours = people.map((r) => asNumber(cell(r, 'Hours per week')));
    expect(hours.filter((h) => h === 40).length).toBeGreaterThan(people.length / 2);
    expect(new Set(hours.filter((h) => h < 40))).toEqual(new Set([32, 24, 20]));
    const availability = people.map((r) => cell(r, 'Availability'));
    expect(availability.filter(isBlank).length).toBeGreaterThan(people.length / 2);
    expect(availability).toContain('80%');
    expect(availability).toContain(0.5);
    const starts = people.map((r) => cell(r, 'Start Date')).filter((v) => !isBlank(v));
    const ends = people.map((r) => cell(r, 'End Date')).filter((v) => !isBlank(v));
    expect(starts.map((v) => asDate(v).getTime())).toEqual([day('2027-02-01')]);
    expect(ends.map((v) => asDate(v).getTime())).toEqual([day('2027-03-31')]);
  });

  it('has 140 to 160 assignment rows on known initiatives, each filling exactly one load column', () => {
    const rows = rowsOf(sheet(wb, 'Assignments'), 'Assignments').filter((r) => !r.blank);
    expect(rows.length).toBeGreaterThanOrEqual(140);
    expect(rows.length).toBeLessThanOrEqual(160);
    const initiatives = new Set(
      rowsOf(sheet(wb, 'Initiatives'), 'Initiatives').map((r) => cell(r, 'Initiative')),
    );
    for (const r of rows) {
      const filled = ['Hours per week', 'Allocation %', 'Total Hours'].filter((h) => !isBlank(cell(r, h)));
      expect(filled, `row ${r.rowNumber}`).toHaveLength(1);
      expect(initiatives.has(cell(r, 'Project')), `row ${r.rowNumber}`).toBe(true);
      for (const h of ['Start', 'End']) {
        const t = asDate(cell(r, h)).getTime();
        expect(t, `row ${r.rowNumber} ${h}`).toBeGreaterThanOrEqual(day('2026-10-05'));
        expect(t, `row ${r.rowNumber} ${h}`).toBeLessThanOrEqual(day('2027-06-30'));
      }
      expect(['Confirmed', 'Tentative', 'Proposed']).toContain(cell(r, 'Status'));
      expect(['Yes', 'No', null]).toContain(cell(r, 'Billable'));
    }
    const statuses = rows.map((r) => cell(r, 'Status'));
    expect(statuses.filter((s) => s === 'Confirmed').length).toBeGreaterThan(rows.length / 2);
    expect(statuses).toContain('Tentative');
    expect(statuses).toContain('Proposed');
    const allocations = rows
      .map((r) => cell(r, 'Allocation %'))
      .filter((v): v is number => typeof v === 'number');
    expect(allocations.every((v) => v >= 5 && v <= 100)).toBe(true);
  });

  it('contains the messy assignment rows that parsers must cope with', () => {
    const rows = rowsOf(sheet(wb, 'Assignments'), 'Assignments');
    const people = new Set(rowsOf(sheet(wb, 'Resources'), 'Resources').map((r) => cell(r, 'Resource')));
    const blankIndex = rows.findIndex((r) => r.blank);
    expect(blankIndex).toBeGreaterThan(10);
    expect(blankIndex).toBeLessThan(rows.length - 10);

    const data = rows.filter((r) => !r.blank);
    const withoutResource = data.filter((r) => isBlank(cell(r, 'Resource')));
    expect(withoutResource).toHaveLength(1);
    for (const h of ['Project', 'Start', 'End', 'Status']) {
      expect(isBlank(cell(withoutResource[0] as DataRow, h)), h).toBe(false);
    }
    const unknown = data.filter((r) => !isBlank(cell(r, 'Resource')) && !people.has(cell(r, 'Resource')));
    expect(unknown.map((r) => cell(r, 'Resource'))).toEqual(['External - Contractor A']);
    const backwards = data.filter((r) => asDate(cell(r, 'End')) < asDate(cell(r, 'Start')));
    expect(backwards).toHaveLength(1);
    const textPercentages = data.map((r) => cell(r, 'Allocation %')).filter((v) => typeof v === 'string');
    expect(textPercentages.length).toBeGreaterThanOrEqual(1);
    for (const v of textPercentages) expect(v).toMatch(/^\d+%$/);

    const probabilities = data
      .filter((r) => cell(r, 'Status') === 'Tentative')
      .map((r) => cell(r, 'Probability'));
    expect(probabilities.some((v) => typeof v === 'string' && /^\d+%$/.test(v))).toBe(true);
    expect(probabilities.some((v) => typeof v === 'number' && v > 0 && v < 1)).toBe(true);
    expect(probabilities.some(isBlank)).toBe(true);
  });

  it('books exactly one person above 120 % for several weeks and only a few people above 100 % at all', () => {
    const loads = weeklyLoads(wb);
    const over120 = [...loads].filter(([, s]) => longestRun(s, 1.2) >= 3).map(([name]) => name);
    expect(over120).toEqual(['Chen Wei']);
    const over100 = [...loads].filter(([, s]) => s.some((v) => v > 1.001)).map(([name]) => name);
    expect(over100.sort()).toEqual(['Anna Keller', 'Chen Wei', 'Daniel Brunner', 'Nina Huber']);
    const average = (s: readonly number[]): number => s.reduce((a, b) => a + b, 0) / s.length;
    const underBooked = [...loads].filter(([, s]) => average(s) < 0.6);
    expect(underBooked.length).toBeGreaterThanOrEqual(3);
  });

  it('lists public holidays for everyone and personal leave for people on the Resources sheet', () => {
    const rows = rowsOf(sheet(wb, 'Time Off'), 'Time Off').filter((r) => !r.blank);
    const people = new Set(rowsOf(sheet(wb, 'Resources'), 'Resources').map((r) => cell(r, 'Resource')));
    const holidays = rows.filter((r) => cell(r, 'Resource') === 'All');
    expect(holidays.map((r) => asDate(cell(r, 'Start')).toISOString().slice(0, 10))).toEqual(
      expect.arrayContaining(['2026-12-24', '2026-12-25', '2026-12-31', '2027-01-01']),
    );
    const leave = rows.filter((r) => cell(r, 'Resource') !== 'All');
    expect(leave.length).toBeGreaterThanOrEqual(12);
    for (const r of leave) {
      expect(people.has(cell(r, 'Resource')), `row ${r.rowNumber}`).toBe(true);
      expect(asDate(cell(r, 'End')).getTime()).toBeGreaterThanOrEqual(asDate(cell(r, 'Start')).getTime());
    }
    expect(leave.filter((r) => cell(r, 'Hours') === 4).length).toBeGreaterThanOrEqual(2);
  });

  it('describes twelve initiatives with scoring inputs in mixed formats and a Budget value beside the table', () => {
    const ws = sheet(wb, 'Initiatives');
    const rows = rowsOf(ws, 'Initiatives').filter((r) => !r.blank);
    expect(rows.map((r) => cell(r, 'ID'))).toEqual(
      Array.from({ length: 12 }, (_, i) => `INI-${String(i + 1).padStart(2, '0')}`),
    );
    const fibonacci = new Set([1, 2, 3, 5, 8, 13, 20]);
    for (const r of rows) {
      for (const h of ['Strategic Alignment', 'Customer Value', 'Risk Reduction', 'Complexity']) {
        expect(asNumber(cell(r, h))).toBeGreaterThanOrEqual(1);
        expect(asNumber(cell(r, h))).toBeLessThanOrEqual(5);
      }
      for (const h of ['Business Value', 'Time Criticality', 'RR/OE', 'Job Size']) {
        expect(fibonacci.has(asNumber(cell(r, h))), `${String(cell(r, 'ID'))} ${h}`).toBe(true);
      }
      expect(Number.isInteger(cell(r, 'Reach'))).toBe(true);
    }
    const costs = rows.map((r) => cell(r, 'Cost'));
    expect(costs.filter((v) => typeof v === 'number').length).toBeGreaterThanOrEqual(9);
    expect(costs).toEqual(expect.arrayContaining(['CHF 1,200,000', '$450k']));
    expect(rows.map((r) => cell(r, 'Impact'))).toEqual(expect.arrayContaining(['high', 'massive']));
    expect(rows.map((r) => cell(r, 'Confidence'))).toContain('50%');
    expect(ws.getCell('T1').value).toBe('Budget');
    expect(ws.getCell('T2').value).toBe(4_000_000);
    expect(isBlank(ws.getCell('R1').value)).toBe(true);
  });

  it('lists about forty risks on PMBOK probability and impact scales with consistent owners, projects and cost ranges', () => {
    const rows = rowsOf(sheet(wb, 'Risks'), 'Risks').filter((r) => !r.blank);
    const people = new Set(rowsOf(sheet(wb, 'Resources'), 'Resources').map((r) => cell(r, 'Resource')));
    const initiatives = new Set(
      rowsOf(sheet(wb, 'Initiatives'), 'Initiatives').map((r) => cell(r, 'Initiative')),
    );
    expect(rows.length).toBeGreaterThanOrEqual(35);
    expect(rows.length).toBeLessThanOrEqual(45);
    for (const r of rows) {
      const p = asNumber(cell(r, 'Probability'));
      const i = asNumber(cell(r, 'Impact'));
      // PMBOK-style scales 10%–90%, so exposure = probability × cost is defined.
      expect([0.1, 0.3, 0.5, 0.7, 0.9]).toContain(p);
      expect([0.1, 0.3, 0.5, 0.7, 0.9]).toContain(i);
      expect(asNumber(cell(r, 'Residual Probability'))).toBeLessThanOrEqual(p);
      expect(asNumber(cell(r, 'Residual Impact'))).toBeLessThanOrEqual(i);
      expect(asNumber(cell(r, 'Cost Low'))).toBeLessThanOrEqual(asNumber(cell(r, 'Cost Likely')));
      expect(asNumber(cell(r, 'Cost Likely'))).toBeLessThanOrEqual(asNumber(cell(r, 'Cost High')));
      expect(people.has(cell(r, 'Owner')), `row ${r.rowNumber}`).toBe(true);
      expect(initiatives.has(cell(r, 'Project')), `row ${r.rowNumber}`).toBe(true);
    }
    expect(new Set(rows.map((r) => cell(r, 'Category')))).toEqual(
      new Set(['Technical', 'Schedule', 'Resource', 'Vendor', 'Regulatory', 'Financial']),
    );
  });

  it('stays small enough to ship with the product', async () => {
    expect((await readFile(SAMPLE_PATH)).length).toBeLessThan(100 * 1024);
  });
});

describe('the sample generator', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'pmo-sample-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes byte-identical files on every run, whatever the clock says', async () => {
    const first = path.join(dir, 'first.xlsx');
    const second = path.join(dir, 'second.xlsx');
    await writeSampleWorkbook(first);
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2031-07-15T13:37:42Z'));
      await writeSampleWorkbook(second);
    } finally {
      vi.useRealTimers();
    }
    expect((await readFile(first)).equals(await readFile(second))).toBe(true);
  });

  it('reproduces the cell values of the bundled sample, so the checked-in file is not stale', async () => {
    const fresh = path.join(dir, 'fresh.xlsx');
    await writeSampleWorkbook(fresh);
    expect(contentOf(await load(fresh))).toEqual(contentOf(await load(SAMPLE_PATH)));
  });
});
