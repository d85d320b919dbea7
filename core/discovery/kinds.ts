// What each kind of table must show before discovery claims a region for it (DESIGN §4): its column spec,
// the columns without which a header row is not evidence enough, and the columns that make a row a data row.

import type { Cell } from '../cells';
import { INITIATIVES_NAMES, INITIATIVES_TABLE } from '../initiatives/table';
import { RISK_REGISTER_TABLE } from '../risk/register';
import { headerMatcher, missingColumns, type TableSpec } from '../table';
import { ASSIGNMENTS_TABLE, RESOURCES_TABLE, TIME_OFF_TABLE } from '../utilization/tables';

/** The kinds of table the toolkit reads from a workbook. */
export type TableKind = 'resources' | 'assignments' | 'timeOff' | 'initiatives' | 'risks';

export const TABLE_KINDS: readonly TableKind[] = [
  'resources',
  'assignments',
  'timeOff',
  'initiatives',
  'risks',
];

/** Sheet names that mean each kind, best first (compared case-, space- and punctuation-insensitively). */
export const SHEET_NAMES: Readonly<Record<TableKind, readonly string[]>> = {
  resources: ['Resources', 'Team', 'People', 'Staff'],
  assignments: ['Assignments', 'Allocations', 'Plan', 'Resource Plan'],
  timeOff: ['Time Off', 'Holidays', 'Leave', 'Absences'],
  initiatives: INITIATIVES_NAMES,
  risks: ['Risks', 'Risk Register', 'Risk Log'],
};

export interface KindRule {
  readonly kind: TableKind;
  readonly spec: TableSpec;
  /** Column key → column index of a header row. */
  readonly match: (row: readonly Cell[]) => ReadonlyMap<string, number>;
  /** True when the matched columns are evidence enough to claim a table of this kind. */
  readonly enough: (columns: ReadonlyMap<string, number>) => boolean;
  /** A row is a data row when one of these columns holds something (else it is a template or label row). */
  readonly dataKeys: readonly string[];
  /** The share of the header row's cells that must be this kind's columns (0 = any). */
  readonly minShare: number;
}

const any = (columns: ReadonlyMap<string, number>, keys: readonly string[]): boolean =>
  keys.some((key) => columns.has(key));

const INITIATIVE_MEASURES = [
  'score',
  'cost',
  'businessValue',
  'timeCriticality',
  'riskReduction',
  'jobSize',
  'reach',
  'confidence',
  'effort',
];

const rule = (
  kind: TableKind,
  spec: TableSpec,
  enough: KindRule['enough'],
  dataKeys: readonly string[],
  minShare = 0,
): KindRule => ({ kind, spec, match: headerMatcher(spec), enough, dataKeys, minShare });

/** The rules, in the order kinds are listed everywhere. */
export const KIND_RULES: readonly KindRule[] = [
  rule(
    'resources',
    RESOURCES_TABLE,
    (c) => c.has('resource') && any(c, ['hoursPerWeek', 'hoursPerDay', 'fte', 'availability', 'periodHours']),
    ['resource'],
  ),
  // A booking without a resource (an open position) is data with an issue, not a label row.
  // The reader's own required columns: a Resource, and Start and End or what stands in for them (a "Week
  // Starting" date that books its week, or a time-phased plan's column per period).
  rule('assignments', ASSIGNMENTS_TABLE, (c) => missingColumns(ASSIGNMENTS_TABLE, c).length === 0, [
    'resource',
    'project',
    'start',
    'end',
    'week',
    'periods',
  ]),
  // A leave list is short (who, from, to, hours, reason): a wide plan with a resource and dates is not one.
  rule('timeOff', TIME_OFF_TABLE, (c) => c.has('resource') && c.has('start'), ['resource', 'start'], 0.5),
  rule('initiatives', INITIATIVES_TABLE, (c) => any(c, ['name', 'id']) && any(c, INITIATIVE_MEASURES), [
    'name',
    'id',
  ]),
  rule(
    'risks',
    RISK_REGISTER_TABLE,
    (c) => c.has('probability') && any(c, ['impact', 'cost']) && any(c, ['title', 'id', 'owner']),
    // An owner alone does not make a risk: a continuation row (the risk's cells merged above) often repeats one.
    ['id', 'title', 'probability', 'impact', 'cost'],
  ),
];

/** Each kind's name as users read it ("Time off"): its table's name, as the readers' messages use it. */
export const KIND_LABELS = Object.fromEntries(
  KIND_RULES.map((rule) => [rule.kind, rule.spec.name]),
) as Readonly<Record<TableKind, string>>;
