// The three tables utilization reads (DESIGN §4, §5): their columns and the header synonyms that find them.

import type { Cell } from '../cells';
import type { PmoError } from '../errors';
import { type ColumnSpec, columnSpec as col, type FoundTable, type TableSpec } from '../table';

const inUnit = (unit: 'ratio' | 'hours', column: ColumnSpec): ColumnSpec => ({ ...column, unit });
const dateCol = (key: string, label: string, synonyms: string[], required = false): ColumnSpec => ({
  ...col(key, label, synonyms, required),
  date: true,
});

const RESOURCE_SYNONYMS = [
  'Resource',
  'Resource Name',
  'Name',
  'Person',
  'Employee',
  'Team Member',
  'Assignee',
  'Assigned To',
  'Resource Assigned',
  'Assigned Resource',
  'Resourcing',
  'Employee Name',
  'Team Member Name',
  'Persons',
];
const START_SYNONYMS = ['Start', 'Start Date', 'From', 'Begin', 'Begins', 'Start date (planned)'];
const END_SYNONYMS = ['End', 'End Date', 'Finish', 'Finish Date', 'To', 'Due', 'Due Date', 'Until'];
const HOURS_PER_WEEK = inUnit(
  'hours',
  col('hoursPerWeek', 'Hours per week', [
    'Hours per week',
    'Hours/week',
    'Hrs/Wk',
    'Hrs per week',
    'Weekly Hours',
    'Hours a week',
    'h/wk',
    'Capacity (h/wk)',
    'Capacity h/wk',
    'Weekly capacity',
    'Contracted hours',
    'Capacity (hrs/week)',
    'Capacity (hours/week)',
    'Availability (hrs/week)',
    'Availability (hours/week)',
    'Availability (h/wk)',
    'Availability (hrs/wk)',
    'Available hours per week',
  ]),
);
const HOURS_PER_DAY = inUnit(
  'hours',
  col('hoursPerDay', 'Hours per day', [
    'Hours per day',
    'Hours/day',
    'Hrs/Day',
    'Daily Hours',
    'h/day',
    'Availability (hrs/day)',
    'Availability (hours/day)',
  ]),
);

/** Resources table: one row per person, with contracted capacity. */
export const RESOURCES_TABLE: TableSpec = {
  name: 'Resources',
  columns: [
    col('resource', 'Resource', [...RESOURCE_SYNONYMS, 'Owner'], true),
    HOURS_PER_WEEK,
    HOURS_PER_DAY,
    col('fte', 'FTE', ['FTE', 'Full-time equivalent']),
    inUnit(
      'ratio',
      col('availability', 'Availability', [
        'Availability',
        'Available',
        'Availability %',
        'Project availability',
        'Available %',
      ]),
    ),
    // A capacity sheet per sprint or month: its hours and working days in that period (hours per day = the ratio).
    inUnit(
      'hours',
      col('periodHours', 'Working hours', [
        'Working Hours',
        'Work Hours',
        'Capacity Hours',
        'Sprint Capacity',
        'Sprint Hours',
        'Hours in Period',
      ]),
    ),
    col('workingDays', 'Working days', [
      'Working Days',
      'Total Working Days',
      'Work Days',
      'Days Available',
      'Available Days',
      'No. of Working Days',
    ]),
    col('role', 'Role', ['Role', 'Job Title', 'Title', 'Position']),
    dateCol('start', 'Start', [...START_SYNONYMS, 'Employment Start', 'Hire Date', 'Joined']),
    dateCol('end', 'End', [...END_SYNONYMS, 'Employment End', 'Leaving Date']),
  ],
};

/** Assignments table: who works on what, when, and how much. */
export const ASSIGNMENTS_TABLE: TableSpec = {
  name: 'Assignments',
  columns: [
    col('resource', 'Resource', RESOURCE_SYNONYMS, true),
    { ...dateCol('start', 'Start', START_SYNONYMS, true), unless: ['week', 'periods'] },
    { ...dateCol('end', 'End', END_SYNONYMS, true), unless: ['week', 'periods'] },
    // A time-phased plan: a column per week, month or quarter, each cell the load in that period.
    { key: 'periods', label: 'Periods', synonyms: [], periods: true },
    // One row per person and week: the row books the seven days from its date (README, Assignments).
    dateCol('week', 'Week starting', [
      'Week Starting',
      'Week Start',
      'Week Start Date',
      'Week Of',
      'Week Commencing',
      'Week Beginning',
      'W/C',
    ]),
    HOURS_PER_WEEK,
    HOURS_PER_DAY,
    inUnit(
      'ratio',
      col('allocation', 'Allocation', [
        'Allocation',
        'Allocation %',
        'Percentage Allocation',
        '% Allocated',
        'Allocated',
        'Units',
        'Allocation (%)',
        'Load %',
        'Alloc %',
        'Total Allocation',
        'Total Alloc. %',
      ]),
    ),
    inUnit(
      'hours',
      col('hours', 'Hours', [
        'Hours',
        'Total Hours',
        'Effort',
        'Work',
        'Estimate',
        'Effort (h)',
        'Estimated Hours',
        'Planned Hours',
        'Hours Allocated',
        'Allocated Hours',
      ]),
    ),
    col('project', 'Project', ['Project', 'Project Name', 'Initiative', 'Program']),
    col('status', 'Status', ['Status', 'Booking Status', 'State']),
    col('probability', 'Probability', ['Probability', 'Likelihood', 'Confidence', 'Win Probability']),
    col('billable', 'Billable', ['Billable', 'Is Billable', 'Chargeable']),
  ],
};

/** Time off table: personal leave and public holidays (blank, All or * = everyone). */
export const TIME_OFF_TABLE: TableSpec = {
  name: 'Time off',
  columns: [
    col('resource', 'Resource', RESOURCE_SYNONYMS),
    dateCol('start', 'Start', [...START_SYNONYMS, 'Date', 'Day', 'Holiday Date'], true),
    dateCol('end', 'End', END_SYNONYMS),
    inUnit('hours', col('hours', 'Hours', ['Hours', 'Hours off', 'Hours per day', 'Duration (h)'])),
  ],
};

/**
 * One sheet of a plan kept one sheet per period ("Sep2019"): its name, and its assignments table as read with its
 * load column as that period's (core/utilization/period-sheets.ts), or why it cannot be read.
 */
export interface PeriodSheet {
  readonly sheet: string;
  readonly table: FoundTable | PmoError;
}

/** The raw tables, as 2-D cell grids that include their header rows. */
export interface UtilizationTables {
  /** Absent: every name in the assignments is one full-time person (see `buildUtilizationModel`). */
  readonly resources?: readonly (readonly Cell[])[];
  readonly assignments?: readonly (readonly Cell[])[];
  /**
   * A plan kept one sheet per period, read in place of `assignments` (the dashboard and the CLI see sheet names; the
   * cell functions do not): each sheet's rows load its period.
   */
  readonly assignmentSheets?: readonly PeriodSheet[];
  readonly timeOff?: readonly (readonly Cell[])[];
  /** Sheet row number of each grid's first row, when known (for issue row numbers). */
  readonly firstRows?: {
    readonly resources?: number;
    readonly assignments?: number;
    readonly timeOff?: number;
  };
}
