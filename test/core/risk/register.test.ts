import { describe, expect, it } from 'vitest';
import type { Cell } from '../../../core/cells';
import { isPmoError } from '../../../core/errors';
import { BLANK_GROUP, groupColumn, topRiskShare } from '../../../core/risk/concentration';
import { RISK_REGISTER_TABLE, type RiskRegister } from '../../../core/risk/register';
import { registerHeatmap } from '../../../core/risk/register-heatmap';
import { readRiskRegister, summarizeRisks } from '../../../core/risk/register-read';
import { expectedTotal } from '../../../core/risk/simulation';
import { normalizeHeader, type RowIssue } from '../../../core/table';

function register(grid: Cell[][]): RiskRegister {
  const result = readRiskRegister(grid);
  if (isPmoError(result)) throw new Error(result.message);
  return result;
}

function errorOf(grid: Cell[][]): string {
  const result = readRiskRegister(grid);
  return isPmoError(result) ? result.message : 'no error';
}

// A register as PMOs keep them: probability in percent, PMBOK relative impact, money with a currency.
const PHOENIX: Cell[][] = [
  ['ID', 'Risk', 'Category', 'Owner', 'Project', 'Probability', 'Impact', 'Cost'],
  ['R1', 'Vendor late', 'Supplier', 'Ana', 'Phoenix', '40%', 0.4, '250,000 CHF'],
  ['R2', 'Developer leaves', 'People', 'Ben', 'Phoenix', '20%', 0.2, '80,000 CHF'],
  ['R3', 'Licence cost rises', 'Supplier', 'Ana', 'Atlas', '60%', 0.1, '50,000 CHF'],
  ['R4', 'Migration defects', 'Technical', 'Chloé', 'Atlas', '70%', 0.8, '400,000 CHF'],
  ['R5', 'Audit', '', 'Ben', 'Atlas', '10%', 0.4, '120,000 CHF'],
];

describe('readRiskRegister', () => {
  it('has no header name that means two columns, and none that normalises to nothing', () => {
    const owner = new Map<string, string>();
    for (const column of RISK_REGISTER_TABLE.columns) {
      for (const synonym of [column.label, ...column.synonyms]) {
        const key = normalizeHeader(synonym);
        expect(key, synonym).not.toBe('');
        expect(owner.get(key) ?? column.key, `${synonym} in ${column.key}`).toBe(column.key);
        owner.set(key, column.key);
      }
    }
  });

  it('tells the ID column from the Risk (title) column', () => {
    const risks = register([
      ['Risk', 'ID', 'Probability', 'Impact'],
      ['Vendor late', 'R7', 2, 3],
      ['Audit', '', 2, 3],
    ]).risks;
    expect(risks.map((risk) => risk.id)).toEqual(['R7', 'Audit']);
  });

  it('assesses each risk: score and level on the default bands, exposure = P × cost', () => {
    const risks = register(PHOENIX).risks;
    expect(risks.map((risk) => risk.id)).toEqual(['R1', 'R2', 'R3', 'R4', 'R5']);
    expect(risks.map((risk) => risk.inherent.level)).toEqual(['High', 'Low', 'Moderate', 'Extreme', 'Low']);
    expect(risks.map((risk) => risk.inherent.exposure)).toEqual([100_000, 16_000, 30_000, 280_000, 12_000]);
  });

  it('reads a monetary Impact column as the cost and leaves the risks unrated', () => {
    const money = register([
      ['Risk', 'Probability', 'Impact'],
      ['Vendor late', '40%', '$250k'],
      ['Audit', '10%', 120_000],
    ]);
    expect(money.risks.map((risk) => risk.inherent.exposure)).toEqual([100_000, 12_000]);
    expect(money.risks.map((risk) => risk.inherent.level)).toEqual([undefined, undefined]);
    expect(money.scale).toBeUndefined();
  });

  it('takes an Exposure column as it is when there is no cost', () => {
    const given = register([
      ['ID', 'Probability', 'Impact', 'Exposure'],
      ['R1', 0.5, 0.4, '12,000'],
    ]);
    expect(given.risks[0]?.inherent.exposure).toBe(12_000);
  });

  it('uses the PERT mean of Cost Low, Cost Likely and Cost High, so its total is the simulation’s mean', () => {
    const grid: Cell[][] = [
      ['ID', 'Probability', 'Impact', 'Cost Low', 'Cost Likely', 'Cost High'],
      ['R1', 0.4, 0.4, 100, 250, 700],
      ['R2', 0.25, 0.2, 50, 80, 200],
    ];
    const total = register(grid).risks.reduce((sum, risk) => sum + (risk.inherent.exposure ?? 0), 0);
    expect(total).toBeCloseTo(
      expectedTotal([
        { probability: 0.4, low: 100, likely: 250, high: 700 },
        { probability: 0.25, low: 50, likely: 80, high: 200 },
      ]),
      9,
    );
    expect(errorOf([...grid, ['R3', 0.1, 0.1, 300, 250, 700]])).toBe(
      'Risks row 4, Cost Likely: the three-point cost must have low ≤ likely ≤ high, got 300, 250, 700.',
    );
  });

  it('fills blank residual cells with the inherent values and reassesses the rest', () => {
    const residual = register([
      ['ID', 'Likelihood', 'Consequence', 'Residual Likelihood', 'Residual Consequence', 'Cost'],
      ['R1', 'Likely', 'Major', 'Possible', '', ''],
      ['R2', 'Rare', 'Minor', '', '', ''],
    ]);
    expect(residual.hasResidual).toBe(true);
    expect(residual.risks[0]?.residual?.score).toBe(12);
    expect(residual.risks[0]?.residual?.level).toBe('High');
    expect(residual.risks[1]?.residual).toEqual(residual.risks[1]?.inherent);
    expect(residual.exposure).toBe('ratings');
  });

  it('scales residual exposure through the cost an Exposure column implies (exposure ÷ probability)', () => {
    const residual = register([
      ['ID', 'Probability', 'Impact', 'Exposure', 'Residual Probability'],
      ['R1', 0.5, 0.4, 1_000, 0.1],
    ]);
    expect(residual.risks[0]?.residual?.exposure).toBeCloseTo(200, 9);
  });

  it('leaves out Total rows and continuation rows, and counts a risk with only an ID as unrated', () => {
    const rows = register([
      ['ID', 'Risk', 'Probability', 'Impact', 'Controls'],
      ['R1', 'Scope creep', 3, 4, 'Change board'],
      ['', '', '', '', 'Weekly review'],
      ['R2', 'New risk', '', '', ''],
      ['Total', '', '', '', ''],
    ]);
    expect(rows.risks.map((risk) => [risk.id, risk.inherent.level])).toEqual([
      ['R1', 'High'],
      ['R2', undefined],
    ]);
  });

  it('names the row and column of an unreadable rating, with the sheet row counting title rows', () => {
    expect(
      errorOf([
        ['Risk register', '', ''],
        ['ID', 'Probability', 'Impact'],
        ['R1', 'Often', 3],
      ]),
    ).toBe(
      'Risks row 3, Probability: "Often" is not a known rating (use 1–5, 0.4, 40% or a label such as Low, Likely or Major).',
    );
  });

  it('reads a Probability in % with a 1–5 Impact as their levels 1–5 (mixed scales), exposure from the %', () => {
    const mixed = register([
      ['ID', 'Probability', 'Impact', 'Cost'],
      ['R1', '40%', 4, 10_000],
      ['R2', '90%', 5, 2_000],
      ['R3', '5%', 2, null],
      ['R4', '61%', 3, null],
      ['R5', '20%', 1, null],
    ]);
    expect([mixed.scale, mixed.probabilityScale, mixed.impactScale]).toEqual([
      'rating',
      'fraction',
      'rating',
    ]);
    // 40% is level 2 (20–40%), 90% level 5, 5% level 1, 61% level 4, 20% level 1: the heatmap's equal fifths.
    expect(mixed.risks.map((risk) => [risk.inherent.score, risk.inherent.level])).toEqual([
      [8, 'High'],
      [25, 'Extreme'],
      [2, 'Low'],
      [12, 'High'],
      [1, 'Low'],
    ]);
    expect(mixed.risks.map((risk) => risk.inherent.exposure)).toEqual([
      4_000,
      1_800,
      undefined,
      undefined,
      undefined,
    ]);
    expect(mixed.risks.map((risk) => risk.inherent.probability)).toEqual([0.4, 0.9, 0.05, 0.61, 0.2]);
    const heatmap = registerHeatmap(mixed);
    expect(heatmap.counts[1]?.[3]).toBe(1);
    expect(heatmap.counts[4]?.[4]).toBe(1);
  });

  it('lists an unreadable rating or amount as an issue of its row and reads it as blank, when asked to', () => {
    const grid: Cell[][] = [
      ['ID', 'Probability', 'Impact', 'Cost'],
      ['R1', 'Often', 4, 1_000],
      ['R2', 3, 'no configuration testing', '12 apples'],
      ['R3', 2, 2, 500],
    ];
    expect(errorOf(grid)).toBe(
      'Risks row 2, Probability: "Often" is not a known rating (use 1–5, 0.4, 40% or a label such as Low, Likely or Major).',
    );
    const issues: RowIssue[] = [];
    const read = readRiskRegister(grid, 1, issues);
    if (isPmoError(read)) throw new Error(read.message);
    expect(read.risks.map((risk) => [risk.id, risk.inherent.level ?? 'unrated'])).toEqual([
      ['R1', 'unrated'],
      ['R2', 'unrated'],
      ['R3', 'Moderate'],
    ]);
    expect(issues.map((issue) => [issue.row, issue.column, issue.value])).toEqual([
      [2, 'Probability', 'Often'],
      [3, 'Impact', 'no configuration testing'],
      [3, 'Cost', '12 apples'],
    ]);
    expect(issues.every((issue) => issue.problem.endsWith(': read as blank'))).toBe(true);
  });

  it('refuses a residual column on another scale than its inherent column', () => {
    expect(
      errorOf([
        ['ID', 'Probability', 'Impact', 'Residual Probability'],
        ['R1', 4, 4, '20%'],
      ]),
    ).toBe(
      'The Risks table rates Residual Probability on fractions (0–1) but Probability on the 1–5 scale; put both on the same scale.',
    );
  });

  it('asks for an Impact or a Cost column when it has neither', () => {
    expect(
      errorOf([
        ['ID', 'Probability'],
        ['R1', 0.3],
      ]),
    ).toBe('The Risks table has no Impact or Cost column; headers seen: "ID", "Probability".');
  });
});

describe('summarizeRisks and concentration', () => {
  it('groups by any register column or its synonym, blank values under (blank), largest exposure first', () => {
    const phoenix = register(PHOENIX);
    const byCategory = summarizeRisks(phoenix, groupColumn(phoenix, 'risk category') as number);
    expect(byCategory.groups.map((group) => [group.label, group.inherent.exposure])).toEqual([
      ['Technical', 280_000],
      ['Supplier', 130_000],
      ['People', 16_000],
      [BLANK_GROUP, 12_000],
    ]);
    expect(byCategory.total.inherent.exposure).toBe(438_000);
    const shares = byCategory.groups.map((group) => group.share ?? 0);
    expect(shares.reduce((sum, share) => sum + share, 0)).toBeCloseTo(1, 12);
    const byProject = summarizeRisks(phoenix, groupColumn(phoenix, 'PROJECT') as number);
    expect(byProject.groups.map((group) => [group.label, group.count])).toEqual([
      ['Atlas', 3],
      ['Phoenix', 2],
    ]);
  });

  it('names the columns it has when group_by matches none', () => {
    const found = groupColumn(register(PHOENIX), 'Department');
    expect(isPmoError(found) && found.message).toBe(
      'RISK_SUMMARY\'s group_by "Department" is not a column of the Risks table; headers seen: "ID", "Risk", "Category", "Owner", "Project", "Probability", "Impact", "Cost".',
    );
  });

  it('gives the share of exposure held by the top N risks', () => {
    const top = topRiskShare(register(PHOENIX), 2);
    expect(top.risks.map((risk) => risk.id)).toEqual(['R4', 'R1']);
    expect(top.share).toBeCloseTo(380_000 / 438_000, 12);
    expect(topRiskShare(register(PHOENIX), 10).share).toBeCloseTo(1, 12);
  });

  it('has no share when the portfolio’s exposure is 0', () => {
    const zero = register([
      ['ID', 'Probability', 'Impact', 'Cost'],
      ['R1', 0, 0.4, 1_000],
    ]);
    expect(summarizeRisks(zero).total.share).toBeUndefined();
    expect(topRiskShare(zero, 1).share).toBeUndefined();
  });
});

describe('registerHeatmap', () => {
  it('lists the risk IDs in each heatmap cell, inherent and residual', () => {
    const grid: Cell[][] = [
      ['ID', 'Likelihood', 'Consequence', 'Residual Likelihood'],
      ['R1', 'Likely', 'Major', 'Unlikely'],
      ['R2', 'Likely', 'Major', ''],
      ['R3', 'Rare', 'Minor', ''],
      ['R4', '', '', ''],
    ];
    const inherent = registerHeatmap(register(grid));
    expect(inherent.ids[3]?.[3]).toEqual(['R1', 'R2']);
    expect(inherent.ids[0]?.[1]).toEqual(['R3']);
    expect(inherent.counts.flat().reduce((sum, count) => sum + count, 0)).toBe(3);
    const residual = registerHeatmap(register(grid), 5, true);
    expect(residual.ids[1]?.[3]).toEqual(['R1']);
    expect(residual.ids[3]?.[3]).toEqual(['R2']);
  });
});
