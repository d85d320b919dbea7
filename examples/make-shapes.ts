// In-memory workbooks, one per shape real PMO files take (DESIGN §4), for the discovery tests: a title block
// above the header, a group header row, side-by-side and stacked tables, typos, footers, template rows, blank
// templates, and the negatives discovery must not claim (an issue log, a sprint calendar, a legend, definitions).

import type { Cell } from '../core/cells';
import type { SheetView } from '../core/workbook';

const sheet = (name: string, rows: Cell[][], tables: SheetView['tables'] = []): SheetView => ({
  name,
  rows,
  firstRow: 1,
  tables,
});

/** Builds one row from cells placed at `column` (0-based): [null, null, 'a', 'b'] for column 2. */
const at = (column: number, cells: Cell[]): Cell[] => [
  ...Array.from({ length: column }, () => null),
  ...cells,
];

/** Each shape: a name and the sheets of its workbook. */
export const SHAPES: Readonly<Record<string, readonly SheetView[]>> = {
  // A risk register under a title block and "Project Name:" labels, header on row 12, on a sheet called "Issue Register".
  titleBlockRisks: [
    sheet('Issue Register', [
      ['Project Risk Register'],
      [],
      ['Project Name:', 'Apollo'],
      ['Date:', '2026-01-05'],
      ...Array.from({ length: 7 }, () => []),
      ['ID', 'Risk Description', 'Likelihood (H/M/L)', 'Impact\n(H/M/L)', 'Owner '],
      [1, 'Vendor late', 'H', 'M', 'Ana'],
      [2, 'Key person leaves', 'L  ', 'H', 'Ben'],
      [3, 'Scope creep', 'M', 'M', 'Cleo'],
      ['© 2026 Example Ltd. All rights reserved.'],
    ]),
  ],
  // Resources and time off side by side, with a blank column between, and a typo in one header.
  sideBySide: [
    sheet('Capacity', [
      ['Resoruce', 'Hours per week', null, 'Resource', 'Start', 'End'],
      ['Ana', 40, null, 'Ana', '2026-02-02', '2026-02-06'],
      ['Ben', 32, null, 'Ben', '2026-03-02', '2026-03-03'],
      ['Cleo', 40],
    ]),
  ],
  // Assignments stacked above initiatives on one sheet, with blank rows and a new header between.
  stacked: [
    sheet('Portfolio 2026', [
      ['Assignee', 'Project', 'Start Date', 'End Date', 'Allocation %'],
      ['Ana', 'Apollo', '2026-01-05', '2026-03-27', '50%'],
      ['Ben', 'Apollo', '2026-01-05', '2026-02-27', '100%'],
      [],
      [],
      ['Initiative', 'Business Value', 'Time Criticality', 'RR/OE', 'Job Size'],
      ['Apollo', 8, 5, 3, 5],
      ['Borealis', 5, 8, 2, 3],
      ['Cygnus', 3, 2, 1, 8],
    ]),
  ],
  // A group header row above the column header row, the risk table starting at column B.
  groupHeader: [
    sheet('Register', [
      at(1, ['Risk', null, 'Qualitative (Phase 1)', null, 'Response']),
      at(1, ['Ref', 'Description', 'Likelihood (H/M/L)', 'Severity (H/M/L)', 'Action Owner']),
      at(1, ['R1', 'Budget cut', 'M', 'H', 'Dan']),
      at(1, ['R2', 'Supplier insolvency', 'L', 'H', 'Eve']),
    ]),
  ],
  // Headers merged across columns (blank columns inside the table) and two header rows, one merged down.
  mergedHeaders: [
    sheet('RAID', [
      ['Ref', 'Risk Description', null, null, 'Assessment', null, 'Cost', null],
      [null, null, null, null, 'Probability', 'Impact', 'Low', 'High'],
      ['R1', 'Late delivery of hardware', null, null, 'H', 'M', 1000, 5000],
      ['R2', 'Team member leaves', null, null, 'M', 'H', 2000, 8000],
      ['Total', null, null, null, null, null, 3000, 13000],
    ]),
  ],
  // Template rows: a Score of 0 and a Rank on otherwise empty rows below two risks.
  templateRows: [
    sheet('Risks 2026', [
      ['Risk', 'Probability', 'Impact', 'Score', 'Rank'],
      ['Data loss', 3, 4, 12, 1],
      ['Outage', 2, 3, 6, 2],
      [null, null, null, 0, 3],
      [null, null, null, 0, 3],
    ]),
  ],
  // A row of instructions under the header ("Use the scale in the next tab…"), then the risks.
  instructionRow: [
    sheet('Risk Register', [
      ['Risk ID', 'Risk Statement', 'Risk Owner', 'Probability', 'Impact'],
      [
        null,
        "Use the 'if-then' format",
        'Name of the person who monitors it',
        'Use the scale',
        'Use the scale',
      ],
      [1, 'If the vendor is late, launch slips', 'Ana', 'Low', 'High'],
      [2, 'If the budget is cut, scope shrinks', 'Ben', 'Medium', 'Medium'],
    ]),
  ],
  // Each risk spans several rows (one per control): the risk's cells are merged, so the rows below are blank there.
  continuationRows: [
    sheet('Assessment', [
      ['Risk ID #', 'List of Possible Risks', 'Qualitative', null, 'Controls', 'Person responsible'],
      [null, null, 'Likelihood (H/M/L)', 'Impact (H/M/L)', null, null],
      ['R1', 'Laptop theft', 'M', 'H', 'Encrypt disks', 'Ana'],
      [null, null, null, null, 'Cable locks', 'Ana'],
      [null, null, null, null, 'Asset register', 'Ben'],
      ['R2', 'Phishing', 'H', 'M', 'Training', 'Cleo'],
      [null, null, null, null, 'Mail filter', 'Cleo'],
    ]),
  ],
  // A task plan with an assignee and dates (a Gantt list): assignments without a load column, never time off.
  taskPlan: [
    sheet('Project Plan', [
      [
        'Task ID',
        'Task Name',
        'Start Date',
        'End Date',
        'Duration (Days)',
        'Progress (%)',
        'Assigned To',
        'Priority',
      ],
      [1, 'Kick-off', '2026-01-05', '2026-01-06', 2, 1, 'Ana', 'High'],
      [2, 'Design', '2026-01-07', '2026-01-20', 10, 0.5, 'Ben', 'High'],
      [3, 'Build', '2026-01-21', '2026-02-27', 28, 0, 'Cleo', 'Medium'],
    ]),
  ],
  // "#" in headers ("Risk #" is the ID, not the risk) and a total row below the risks.
  numberSigns: [
    sheet('Sheet1', [
      ['Risk #', 'Risk Statement', 'Probability', 'Impact', 'Score'],
      [1, 'Vendor late', 3, 4, 12],
      [2, 'Key person leaves', 2, 5, 10],
      ['Total Risk Score', null, null, null, 22],
    ]),
  ],
  // Notes under a register after a blank row: a footnote and a company line, two cells at most.
  notesBelow: [
    sheet('Register', [
      ['ID', 'Risk', 'Probability', 'Impact', 'Owner'],
      [1, 'Vendor late', 0.4, 3, 'Ana'],
      [2, 'Scope creep', 0.6, 2, 'Ben'],
      [],
      ['(*)', 'For risk 2 the probability was estimated by the sponsor'],
      [],
      ['ETM Consultancy and Training Pty Ltd'],
    ]),
  ],
  // A weighted-scoring matrix: criteria named only in a row above, a Rank and a Score beside them.
  scoringMatrix: [
    sheet('Prioritization', [
      ['Rank', 'Project', 'ROI', 'Difficulty', 'Score'],
      [1, 'Portal', 5, 3, 4.2],
      [2, 'ERP', 4, 2, 3.4],
      [3, 'CRM', 2, 4, 2.6],
    ]),
  ],
  // Two headers mean Impact: a text describing the consequence, and the rating of numbers further right.
  twoImpacts: [
    sheet('Risk Register', [
      ['#', 'Cause', 'Event', 'Impact', 'Risk owner', 'Probability risk rating', 'Impact risk rating'],
      [1, 'Design failure', 'Launch', 'Delay for app creation', 'Sai', 3, 5],
      [2, 'Beta test', 'In office', 'Delay on improvements', 'Teja', 2, 3],
    ]),
  ],
  // Public holidays: no resource (everyone), only dates, which are numbers like a template row's formula results.
  holidays: [
    sheet('Calendar', [
      ['Resource', 'Start', 'End', 'Hours off', 'Reason'],
      ['Ana', 46_027, 46_031, 8, 'Vacation'],
      [null, 46_023, 46_023],
      [null, 46_113, 46_114],
    ]),
  ],
  // One row per person and week ("Week Starting", hours that week), an empty Week 1..8 grid to the right, a TOTALS row.
  weeklyRows: [
    sheet('Weekly Allocation', [
      [
        'Week Starting',
        'Project Name',
        'Resource Name',
        'Role',
        'Hours Allocated',
        ...Array.from({ length: 8 }, (_, i) => `Week ${i + 1}`),
      ],
      ['2026-01-05', 'Apollo', 'Ana', 'Developer', 40],
      ['2026-01-05', 'Borealis', 'Ben', 'Analyst', 20],
      ['2026-01-12', 'Apollo', 'Ana', 'Developer', 32],
      ['TOTALS'],
    ]),
  ],
  // A blank register template named for its kind: title and "Project Name:" rows, header cells merged wide, no
  // Impact column (so the header alone is not evidence enough), empty rows, a copyright line.
  namedTemplate: [
    sheet('Risk Register', [
      ['Risk Register'],
      ['Project Name: ', null, null, null, null, null, null, null, 'Date:'],
      ['ID #', null, 'Risk Description/ Impact', null, null, 'Probability', null, 'Owner ', 'Status '],
      [],
      [],
      ['© 2026 Example Ltd.'],
    ]),
  ],
  // A sprint capacity sheet: a sprint calendar and a meeting list on top, then capacity per person under a header
  // whose cell over the names is blank, and a total row without a name.
  sprintCapacity: [
    sheet('CFA_Sprint-2', [
      [null, 'Start Date', 'End Date', null, 'Meeting Type', 'Total Hours'],
      ['Sprint-1', 46_027, 46_038, null, 'Standup (Daily)', '2.5 -Hours'],
      ['Sprint-2', 46_041, 46_052, null, 'Retro', '1-Hour'],
      [],
      [null, 'Total Working Days', 'Leaves', 'Working Hours', 'Meetings(Hrs)', 'Available (Hrs)'],
      ['Srikanth', 9, 1, 64, 15.5, 48.5],
      ['Santhosh', 9, 0, 72, 10, 62],
      ['Subha', 10, 0, 80, 10, 70],
      [null, null, null, null, null, 180.5],
    ]),
  ],
  // A time-phased plan: a title, a row per person (a continuation row for a second project), a column per month,
  // hours in the cells, a Total column and a Total row.
  timePhased: [
    sheet('Resource Plan 2026', [
      ['Resource plan (hours per month)'],
      [],
      ['Name', 'Project', 'Jan-26', 'Feb-26', 'Mar-26', 'Apr-26', 'Total'],
      ['Ana', 'Apollo', 80, 80, 40, null, 200],
      [null, 'Borealis', 40, 40, 80, 120, 280],
      ['Ben', 'Apollo', 120, 120, 120, 120, 480],
      ['Total', null, 240, 240, 240, 240, 960],
    ]),
  ],
  // A plan whose header has months alone, the year in the sheet's name.
  monthsWithoutYear: [
    sheet('Plan 2026', [
      ['Team member', 'Jan', 'Feb', 'Mar', 'Apr'],
      ['Ana', '50%', '50%', '100%', null],
      ['Ben', null, '100%', '100%', '100%'],
    ]),
  ],
  // A register levelled by the workbook's own risk matrix: likelihood and impact labels, the level column the
  // workbook's lookup fills, the labels again after the response; a "Risk Level" sheet with impact down the side
  // (highest first, a blank row between rows, merged cells) and likelihood across.
  registerWithMatrix: [
    sheet('Risk Register', [
      [
        'Risk ID',
        'Risk',
        'Likelihood',
        'Prob',
        'Consequence',
        'Impact Score',
        'Risk Level',
        'Likelihood',
        'Consequence',
      ],
      [1, 'Key staff leave', 'Almost Certain', 0.85, 'Major', 4, 'Extreme', 'Unlikely', 'Major'],
      [2, 'Kit arrives late', 'Possible', 0.41, 'Major', 4, 'Medium', 'Unlikely', 'Major'],
      [3, 'Requirements change', 'Possible', 0.45, 'Catastrophic', 5, 'High', 'Rare', 'Catastrophic'],
      [4, 'Developers lack skills', 'Unlikely', 0.16, 'Major', 4, 'Medium', 'Rare', 'Major'],
    ]),
    sheet('Risk Level', [
      ['Risk Rating Table'],
      [],
      [null, null, 'LIKELIHOOD'],
      [],
      [null, 'IMPACT', 'Rare', 'Unlikely', 'Possible', 'Likely', 'Almost Certain'],
      [null, 'Catastrophic', 'Medium', 'Medium', 'High', 'Extreme', 'Extreme'],
      [],
      [null, 'Major', 'Low', 'Medium', 'Medium', 'High', 'Extreme'],
      [],
      [null, 'Moderate', 'Low', 'Medium', 'Medium', 'Medium', 'High'],
      [],
      [null, 'Minor', 'Low', 'Low', 'Medium', 'Medium', 'Medium'],
      [],
      [null, 'Insignificant', 'Very Low', 'Very Low', 'Low', 'Low', 'Medium'],
    ]),
  ],
  // A plan kept one sheet per month (the month in the sheet's name), as a team lead keeps it: the people under a
  // title header ("Architect"), each person's share of the month in "Total Alloc. %" beside project / % pairs, a
  // continuation row carrying a further share, a section label row ("SA"), and a notes sheet that is no month.
  sheetPerMonth: [
    sheet('Jan2026', [
      ['Architect', 'Total Alloc. %', 'Opportunity', '%', 'Capability', '%', 'Notes'],
      ['Ana', 1, 'Apollo', 0.7, 'Dojo', 0.3, null],
      ['Ben', 0.5, 'Borealis', 0.5, null, null, 'part time'],
      ['SA', null, null, null, null, null, null],
      ['Cleo', 0.4, 'Apollo', 0.4, null, null, null],
      [null, 0.6, 'Comet', 0.6, null, null, null],
    ]),
    sheet('Feb2026', [
      ['Architect', 'Total Alloc. %', 'Opportunity', '%', 'Capability', '%', 'Notes'],
      ['Ana', '120%', 'Apollo', 1, 'Dojo', 0.2, 'crunch'],
      ['Ben', 'half', 'Borealis', 0.5, null, null, null],
      ['SA', null, null, null, null, null, null],
      ['Cleo', 1, 'Comet', 1, null, null, null],
    ]),
    sheet('Mar2026', [
      ['Architect', 'Total Alloc. %', 'Opportunity', '%', 'Capability', '%', 'Notes'],
      ['Ana', 0.5, 'Apollo', 0.5, null, null, null],
      ['Ben', 0, null, null, null, null, 'leave'],
      ['Cleo', 1, 'Comet', 1, null, null, null],
    ]),
    sheet('Notes', [['Capabilities scratchpad'], ['Dojo', 'see the wiki']]),
  ],
  // A plan kept one sheet per ISO week, hours in each: the sheet's week is when the hours fall.
  sheetPerWeek: [
    sheet('2026-W02', [
      ['Resource', 'Project', 'Hours'],
      ['Ana', 'Apollo', 30],
      ['Ana', 'Borealis', 20],
      ['Ben', 'Apollo', 16],
    ]),
    sheet('2026-W03', [
      ['Resource', 'Project', 'Hours'],
      ['Ana', 'Apollo', 40],
      ['Ben', 'Apollo', 40],
    ]),
  ],
  // A leave tracker: a group of Leave Type / From / To per month (the month a date in the row above), one row per
  // employee: its month headers hold text and dates below them, so it is no time-phased plan.
  leaveTracker: [
    sheet('Sheet1', [
      ['Emp ID', 'Employee Name', 'Team', 46_023, null, null, 46_054, null, null, 'Total Leaves'],
      [null, null, null, 'Leave Type', 'From', 'To', 'Leave Type', 'From', 'To', null],
      ['E1', 'Ana', 'Ops', 'Earned Leave', 46_027, 46_028, null, null, null, 2],
      ['E2', 'Ben', 'Ops', 'Sick Leave', 46_030, 46_030, 'Earned Leave', 46_062, 46_063, 3],
      ['E3', 'Cleo', 'Dev', 'No Leaves taken', null, null, null, null, null, 0],
    ]),
  ],
  // A weighted-scoring matrix that keeps its weights: the criteria named in a row of their own, the weights under
  // them, then the projects' header (name and Score only) and the ratings; Score = Σ weight × rating.
  weightedMatrix: [
    sheet('Project Prioritization', [
      [null, 'Project Prioritization Matrix'],
      [null, 'Date:', 46_000],
      [],
      [null, 'Business Priorities', 'ROI', 'Duration', 'Cost', 'Difficulty'],
      [null, 'Weighting (1-10):', 8, 5, 6, 4],
      [],
      [null, 'Projects', null, null, null, null, 'Score'],
      [null, 'Intranet', 9, 9, 7, 9, 195],
      [null, 'CRM', 7, 9, 5, 11, 175],
      [null, 'Data lake', 9, 3, 3, 5, 125],
    ]),
  ],
  // A matrix with its weights and directions under the criteria header, and no score: ranked by its own weights.
  weightsUnderHeader: [
    sheet('Scoring', [
      ['Initiative', 'Strategic fit', 'Revenue', 'Effort'],
      ['Weight', 3, 2, 1],
      ['Direction', 'higher is better', 'higher is better', 'lower is better'],
      ['Portal', 5, 3, 4],
      ['ERP', 4, 5, 1],
      ['Chatbot', 2, 2, 2],
    ]),
  ],
  // A register with its own legend on a sheet of its own ("High 16–25, Medium 9–15, Low 1–8"), the levels the
  // register's Risk Level column uses; and a likelihood definitions table, which is no score legend.
  registerWithLegend: [
    sheet('Risk Register', [
      ['Risk ID', 'Description', 'Likelihood (1-5)', 'Impact (1-5)', 'Risk Score', 'Risk Level'],
      ['R-001', 'Vendor late', 4, 5, 20, 'High'],
      ['R-002', 'Key person leaves', 3, 3, 9, 'Medium'],
      ['R-003', 'Scope creep', 4, 4, 16, 'High'],
      ['R-004', 'Licence audit', 2, 4, 8, 'Low'],
    ]),
    sheet('Likelihood', [
      ['Risk Likelihood Table'],
      ['Rating', 'Probability Range'],
      ['Likely', '60-79.99%'],
      ['Rare', '0-14.99%'],
    ]),
    sheet('Legend', [
      ['Risk Score Levels'],
      ['Risk Level', 'Score Range', 'Colour'],
      ['High', '16–25', 'Red'],
      ['Medium', '9–15', 'Amber'],
      ['Low', '1–8', 'Green'],
    ]),
  ],
  // A register whose probabilities are labels ("75% to 100%") that a Definitions sheet turns into numbers for the
  // expected value, with money impact.
  registerWithDefinitions: [
    sheet('Issue Register', [
      ['ID', 'Title', 'Probability', 'Impact (monetary)'],
      [1, 'Text recognition', '75% to 100%', 15_000],
      [2, 'Data security', '50% to 75%', 20_000],
      [3, 'Vehicle data', 'Next year', 10_000],
    ]),
    sheet('Definitions', [
      ['Type', 'Probability Label', 'Probability value for EV', 'Importance', 'Importance threshold'],
      ['Schedule', '75% to 100%', 0.87, 'High', 10_000],
      ['Quality', '50% to 75%', 0.63, 'Medium', 5_000],
      ['Legal', '25% to 50%', 0.38, 'Low', 0],
    ]),
  ],
  // A blank template: a resources header with no rows.
  blankTemplate: [sheet('Sheet1', [['Team Member', 'Role', 'Weekly Hours', 'FTE']])],
  // Negatives: none of these is a table of any kind.
  issueLog: [
    sheet('Issues', [
      ['Issue Log'],
      ['ID', 'Description', 'Owner', 'Status', 'Raised', 'Due Date', 'Priority'],
      [1, 'Server down', 'Ana', 'Open', '2026-01-05', '2026-01-09', 'High'],
      [2, 'Licence renewal', 'Ben', 'Closed', '2026-01-06', '2026-01-20', 'Low'],
    ]),
  ],
  sprintCalendar: [
    sheet('Sprints', [
      ['Sprint', 'Start', 'End', 'Goal'],
      ['Sprint 1', '2026-01-05', '2026-01-16', 'Login'],
      ['Sprint 2', '2026-01-19', '2026-01-30', 'Checkout'],
    ]),
  ],
  legend: [
    sheet('Legend', [
      ['Rating', 'Probability', 'Impact', 'Description'],
      ['High', '> 70%', '> $1M', 'Act now'],
      ['Medium', '30–70%', '$100k–$1M', 'Watch'],
      ['Low', '< 30%', '< $100k', 'Accept'],
    ]),
  ],
  ratingScale: [
    sheet('Risk Scoring', [
      ['Rating', 'Likelihood', 'Impact', 'Description'],
      ['High', '> 70%', '> $1M', 'Act now'],
      ['Medium', '30–70%', '$100k–$1M', 'Watch'],
      ['Low', '< 30%', '< $100k', 'Accept'],
    ]),
  ],
  definitions: [
    sheet('Definitions', [
      ['Term', 'Definition'],
      ['Resource', 'A person who works on projects'],
      ['Allocation', 'The share of a week a resource works on a project'],
      ['Probability', 'How likely a risk is to happen'],
    ]),
  ],
};
