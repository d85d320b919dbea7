// What `pmo inspect <file> [--json]` prints: the report of core/inspect.ts as a short table for people, or as
// JSON in the shape INSPECT_JSON_SCHEMA describes (the README documents the same schema).

import { type InspectReport, KEY_COLUMNS, MIN_CONFIDENCE } from '../core/inspect';
import { TABLE_KINDS } from '../core/workbook';
import { KIND_LABELS } from './dashboard-summary';
import { fitText, sanitizeText } from './heatmap';

/** How many issues the human output lists (the rest are counted; --json lists all). */
const MAX_ISSUES_LISTED = 20;

const KIND_ENUM = [...TABLE_KINDS];
const LETTERS = '^[A-Z]{1,3}$';
const ISO_DATE = '^[0-9]{4}-[0-9]{2}-[0-9]{2}$';

/** JSON Schema (draft 2020-12) of `pmo inspect --json`; the README shows it and a test checks the output against it. */
export const INSPECT_JSON_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'pmo inspect --json',
  type: 'object',
  required: ['file', 'tables', 'issues', 'notFound'],
  additionalProperties: false,
  properties: {
    file: { type: 'string', description: 'the file name as given, without its folder' },
    tables: {
      type: 'array',
      items: {
        type: 'object',
        required: [
          'kind',
          'sheet',
          'range',
          'headerRows',
          'rows',
          'foundBy',
          'confidence',
          'columns',
          'skipped',
          'used',
        ],
        additionalProperties: false,
        properties: {
          kind: { enum: KIND_ENUM },
          sheet: { type: 'string' },
          range: { type: 'string', pattern: '^[A-Z]{1,3}[0-9]+(:[A-Z]{1,3}[0-9]+)?$' },
          headerRows: { type: 'array', items: { type: 'integer', minimum: 1 } },
          rows: { type: 'integer', minimum: 0 },
          foundBy: { enum: ['sheet name', 'table name', 'headers', 'mapping', 'option'] },
          confidence: { type: 'number', minimum: 0, maximum: 1 },
          columns: {
            type: 'object',
            properties: {
              criteria: { type: 'array', items: { type: 'string', pattern: LETTERS } },
              periods: { type: 'string', pattern: '^[A-Z]{1,3}:[A-Z]{1,3}$' },
            },
            additionalProperties: { type: 'string', pattern: LETTERS },
          },
          skipped: {
            type: 'array',
            items: {
              type: 'object',
              required: ['row', 'reason'],
              additionalProperties: false,
              properties: {
                row: { type: 'integer', minimum: 1 },
                reason: { type: 'string' },
                sheet: { type: 'string' },
              },
            },
          },
          used: { type: 'boolean' },
          sheets: { type: 'array', items: { type: 'string' }, minItems: 2 },
          legend: {
            type: 'array',
            items: {
              type: 'object',
              required: ['level', 'from', 'to'],
              additionalProperties: false,
              properties: { level: { type: 'string' }, from: { type: 'number' }, to: { type: 'number' } },
            },
          },
          levels: { type: 'object', additionalProperties: { type: 'integer', minimum: 0 } },
          exposure: { type: 'number' },
          weights: { type: 'object', additionalProperties: { type: 'number' } },
          ranking: { type: 'array', items: { type: 'string' } },
          people: { type: 'integer', minimum: 0 },
          from: { type: 'string', pattern: ISO_DATE },
          to: { type: 'string', pattern: ISO_DATE },
        },
      },
    },
    issues: {
      type: 'array',
      items: {
        type: 'object',
        required: ['sheet', 'row', 'column', 'value', 'problem'],
        additionalProperties: false,
        properties: {
          sheet: { type: 'string' },
          row: { type: 'integer', minimum: 0 },
          column: { type: 'string', pattern: '^([A-Z]{1,3})?$' },
          value: { type: 'string' },
          problem: { type: 'string' },
        },
      },
    },
    notFound: { type: 'array', items: { enum: KIND_ENUM } },
  },
} as const;

/** The report as one line of JSON per `pmo inspect --json` (user text as it is: JSON escapes it). */
export function inspectJson(report: InspectReport): string {
  return `${JSON.stringify(report)}\n`;
}

/** The key columns ({@link KEY_COLUMNS}) and an initiatives table's criteria as role=letter, at most `max` characters. */
function columnsText(table: InspectReport['tables'][number], max: number): string {
  const keys = new Set([...KEY_COLUMNS[table.kind].flat(), 'criteria']);
  const text = Object.entries(table.columns)
    .filter(([role]) => keys.has(role))
    .map(([role, letters]) => `${role}=${Array.isArray(letters) ? letters.join(',') : letters}`)
    .join(' ');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** How many ranked initiatives the text names before "…". */
const RANKING_LISTED = 5;

/** What was understood of a table, in one line for people ("Risks: Extreme 17, High 12…; exposure 3,698,417"). */
function understoodText(table: InspectReport['tables'][number]): string[] {
  const label = KIND_LABELS[table.kind];
  const parts: string[] = [];
  if (table.sheets && table.sheets.length > 1)
    parts.push(`one sheet per period (${table.sheets.map(sanitizeText).join(', ')})`);
  if (table.levels)
    parts.push(
      Object.entries(table.levels)
        .map(([level, count]) => `${sanitizeText(level)} ${count}`)
        .join(', '),
    );
  if (table.exposure !== undefined)
    parts.push(`exposure ${Math.round(table.exposure).toLocaleString('en-US')}`);
  if (table.weights)
    parts.push(
      `weights ${Object.entries(table.weights)
        .map(([name, weight]) => `${sanitizeText(name).slice(0, 30)} ${weight}`)
        .join(', ')}`,
    );
  if (table.ranking && table.ranking.length > 0) {
    const names = table.ranking.slice(0, RANKING_LISTED).map((name) => sanitizeText(name).slice(0, 40));
    const more = table.ranking.length > RANKING_LISTED ? `, … (${table.ranking.length})` : '';
    parts.push(`ranked ${names.join(', ')}${more}`);
  }
  if (table.people !== undefined)
    parts.push(
      `${table.people} ${table.people === 1 ? 'person' : 'people'}${table.from ? ` booked ${table.from} to ${table.to}` : ''}`,
    );
  return parts.length === 0 ? [] : [`${label}: ${parts.join('; ')}`];
}

/** The report for people: one line per table, then the issues (the first few) and the kinds not found. */
export function inspectText(report: InspectReport): string {
  const header = ['Kind', 'Sheet', 'Range', 'Rows', 'Found by', 'Conf.', 'Columns'];
  const lineOf = (table: InspectReport['tables'][number]) => [
    KIND_LABELS[table.kind],
    sanitizeText(table.sheet),
    table.range,
    String(table.rows),
    table.foundBy,
    `${table.confidence.toFixed(2)}${table.confidence < MIN_CONFIDENCE ? '*' : ''}`,
    columnsText(table, 60),
  ];
  const used = report.tables.filter((table) => table.used);
  const notUsed = report.tables.filter((table) => !table.used);
  const rows = [...used, ...notUsed].map(lineOf);
  const widths = header.map((title, c) =>
    Math.min(
      c === 1 ? 24 : 60,
      rows.reduce((max, row) => Math.max(max, (row[c] ?? '').length), title.length),
    ),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((text, c) => fitText(text, widths[c] ?? text.length))
      .join('  ')
      .trimEnd();
  const count = used.length;
  const out = [`${sanitizeText(report.file)}: ${count} PMO ${count === 1 ? 'table' : 'tables'} found`];
  if (rows.length > 0) out.push('', line(header));
  for (const row of rows.slice(0, used.length)) out.push(line(row));
  if (notUsed.length > 0) {
    out.push('', 'Also found, not used (a mapping with --table or the Tables view picks one):');
    for (const row of rows.slice(used.length)) out.push(line(row));
  }
  if (report.tables.some((table) => table.confidence < MIN_CONFIDENCE))
    out.push(`* confidence below ${MIN_CONFIDENCE}: reported, not used`);
  const skipped = used.reduce((sum, table) => sum + table.skipped.length, 0);
  if (skipped > 0) out.push(`Rows that are not data (totals, footers, labels): ${skipped}`);
  const understood = used.flatMap(understoodText);
  if (understood.length > 0) out.push('');
  for (const line of understood) out.push(line);
  out.push('');
  if (report.issues.length === 0) out.push('Data issues: none');
  else {
    out.push(`Data issues: ${report.issues.length}`);
    for (const issue of report.issues.slice(0, MAX_ISSUES_LISTED)) {
      const where = `${sanitizeText(issue.sheet)}!${issue.column}${issue.row || ''}`;
      const value = issue.value === '' ? '' : ` "${sanitizeText(issue.value).slice(0, 40)}"`;
      out.push(`  ${where}${value}: ${sanitizeText(issue.problem)}`);
    }
    if (report.issues.length > MAX_ISSUES_LISTED)
      out.push(`  … and ${report.issues.length - MAX_ISSUES_LISTED} more (pmo inspect --json lists all)`);
  }
  out.push(
    `Not found: ${report.notFound.length === 0 ? 'none' : report.notFound.map((kind) => KIND_LABELS[kind]).join(', ')}`,
  );
  return `${out.join('\n')}\n`;
}
