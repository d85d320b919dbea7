// The dashboard's top risks (issue 15 item 5): what a leader reads about each — the risk in the register's words, its
// ID and owner, its level, probability and impact as written, its exposure, the residual beside it when the register
// rates risks after their response, and the response or status the register records.

import type { Cell } from '../cells';
import type { RegisteredRisk, RiskRegister } from '../risk/register';
import { cellOf, headerMatcher, type TableSpec } from '../table';
import { cell, PERCENT, type PlanWriter, type SpannedCell, span, userText } from './layout';
import type { Money } from './money';
import type { PlanCell } from './plan';
import { levelStyle } from './risk-levels';

/** How many risks the list shows. */
export const TOP_RISKS = 10;

/** Columns a register may keep beside its ratings that a leader reads: what is done about a risk, and where it stands. */
const DETAILS: TableSpec = {
  name: 'Risk details',
  columns: [
    {
      key: 'response',
      label: 'Response',
      synonyms: [
        'Response',
        'Response Strategy',
        'Risk Response',
        'Response Plan',
        'Response Description',
        'Mitigation',
        'Mitigation Plan',
        'Mitigation Strategy',
        'Mitigation Action',
        'Treatment',
        'Risk Treatment',
        'Action',
        'Actions',
        'Countermeasure',
        'Countermeasures',
      ],
    },
    { key: 'status', label: 'Status', synonyms: ['Status', 'Risk Status', 'State'] },
  ],
};

const matchDetails = headerMatcher(DETAILS);

/** A cell as the register wrote it: a number in `format`, text as text (the user's own words), else blank. */
const asWritten = (value: Cell, format: string): PlanCell =>
  typeof value === 'number'
    ? cell(value, undefined, format)
    : typeof value === 'string'
      ? userText(value)
      : cell(null);

/** Writes the top risks by exposure, highest first; nothing when no risk has one. */
export function writeTopRisks(out: PlanWriter, register: RiskRegister, money: Money): void {
  const { table } = register;
  const top = register.risks
    .filter((risk) => risk.inherent.exposure !== undefined)
    .sort((a, b) => (b.inherent.exposure ?? 0) - (a.inherent.exposure ?? 0))
    .slice(0, TOP_RISKS);
  if (top.length === 0) return;
  const details = matchDetails(table.headers);
  const detail = (risk: RegisteredRisk, key: string): Cell => {
    const c = details.get(key);
    return c === undefined ? null : (risk.cells[c] ?? null);
  };
  const residual = register.hasResidual;
  const probabilityFormat = register.probabilityScale === 'fraction' ? PERCENT : '0';
  const impactFormat = register.impactScale === 'fraction' ? PERCENT : '0';
  const headers: (PlanCell | SpannedCell)[] = [
    cell('Risk', 'header'),
    cell('ID', 'header'),
    span(cell('Owner', 'header'), 2),
    cell('Level', 'header'),
    cell('Probability', 'header'),
    cell('Impact', 'header'),
    span(cell('Exposure', 'header'), 2),
    ...(residual ? [cell('Residual', 'header'), span(cell('Residual exposure', 'header'), 2)] : []),
    ...(details.has('response') ? [span(cell('Response', 'header'), 4)] : []),
    ...(details.has('status') ? [span(cell('Status', 'header'), 2)] : []),
  ];
  const width = headers.reduce((sum, header) => sum + ('spanned' in header ? header.columns : 1), 0);
  out.section(`Top ${top.length} risks by exposure`, width);
  out.row(headers);
  for (const risk of top) {
    const row = { number: risk.row, cells: risk.cells };
    const title = cellOf(table, row, 'title');
    const name = typeof title === 'string' && title.trim() !== '' ? title.trim() : risk.id;
    const level = risk.inherent.level;
    const after = risk.residual;
    out.row([
      userText(name),
      userText(risk.id),
      span(asWritten(cellOf(table, row, 'owner'), '@'), 2),
      level ? cell(level, levelStyle(register, level)) : cell(null),
      asWritten(cellOf(table, row, 'probability'), probabilityFormat),
      asWritten(cellOf(table, row, 'impact'), impactFormat),
      span(cell(risk.inherent.exposure ?? null, undefined, money.format), 2),
      ...(residual
        ? [
            after?.level ? cell(after.level, levelStyle(register, after.level)) : cell(null),
            span(cell(after?.exposure ?? null, undefined, money.format), 2),
          ]
        : []),
      ...(details.has('response') ? [span(asWritten(detail(risk, 'response'), '@'), 4)] : []),
      ...(details.has('status') ? [span(asWritten(detail(risk, 'status'), '@'), 2)] : []),
    ]);
    out.widenNames(Math.min(name.length + 2, NAME_WIDTH));
  }
  out.blank();
}

/** Column A grows for a risk's words up to this many characters (longer ones show in the cell, cut on screen). */
const NAME_WIDTH = 40;
