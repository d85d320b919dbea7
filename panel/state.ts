// The scoring panel's state and the transitions on it, without the DOM: the settings and when they are saved,
// the table read and its columns, the last ranking, the busy flag, and every rule the controls apply (which
// columns a saved mapping resolves to, which columns can be criteria, the must-include keys, the write request).
// The section builders (panel/sections/) read and change it; mountPanel (panel/app.ts) wires them together.

import { columnLetters } from '../core/a1';
import { SCORES_SHEET_STEM } from '../core/initiatives/scores-sheet';
import { tableFingerprint } from '../core/initiatives/sheet-table';
import { RICE_KEYS, WSJF_KEYS } from '../core/initiatives/table';
import type { OutputColumn, OwnedColumn } from '../core/initiatives/write-plan';
import { computeRanking } from '../core/prioritization/ranking';
import {
  criterionProblem,
  defaultDirection,
  recognisedColumns,
  type TableColumn,
  userColumns,
} from '../core/prioritization/ranking-columns';
import { type RankingSensitivity, rankingSensitivity } from '../core/prioritization/ranking-sensitivity';
import type { Criterion, RankingSettings } from '../core/prioritization/ranking-settings';
import type { RankedRow, RankingOutcome } from '../core/prioritization/ranking-types';
import type { BridgeError, CellValue, SettingsSaved, SheetTable, TableSource, WriteRequest } from './bridge';
import { listText, plural } from './format';
import { DEFAULT_SETTINGS, ownedColumns, type PanelSettings, scoresSheetOf } from './settings';

/** Settings are saved this long after the last change. */
export const SAVE_DELAY_MS = 600;

type Quad = readonly [string, string, string, string];

/** True when a row has a value in any cell. */
const hasValues = (row: readonly unknown[]): boolean =>
  row.some((value) => value !== null && String(value).trim() !== '');

/** How many initiatives (non-blank rows) a table holds. */
export function initiativeCount(found: SheetTable): number {
  return found.rows.filter(hasValues).length;
}

/** "3 initiatives in table Projects on sheet Plan." */
export function describeTable(found: SheetTable): string {
  const count = initiativeCount(found);
  return `${plural(count, 'initiative')} in ${found.tableName ? `table ${found.tableName}` : found.tableRange} on sheet ${found.sheet}.`;
}

/** Where the table was found, in one line under its description. */
export function tableHint(found: SheetTable): string {
  if (found.foundBy === 'excel table') return `Excel table ${found.tableName}, ${found.tableRange}.`;
  if (found.foundBy === 'used range') return `Found by its headers at ${found.tableRange}.`;
  return `Range ${found.tableRange}.`;
}

/** The source to read the table from next time: detection for what was detected, else its range. */
export function rememberedSource(found: SheetTable): TableSource {
  return found.foundBy === 'excel table' || found.foundBy === 'used range'
    ? { kind: 'detect' }
    : { kind: 'range', sheet: found.sheet, address: found.tableRange };
}

/** One must-include tick box: the key saved in the settings and the label shown. */
export interface MustItem {
  readonly key: string;
  readonly label: string;
}

/** The panel's state: what is shown and saved. Plain data and rules; no DOM. */
export class PanelState {
  settings: PanelSettings = DEFAULT_SETTINGS;
  table: SheetTable | undefined;
  columns: TableColumn[] = [];
  outcome: RankingOutcome | undefined;
  busy = false;
  /** Direction and weight of criteria that were unticked, so ticking one again restores them. */
  private readonly parked = new Map<string, Criterion>();
  /** Why each column of the table cannot rate the initiatives (undefined: it can), by column index; set with the table. */
  private problems = new Map<number, string | undefined>();

  /** Takes a table just read: its user columns, and the saved mapping resolved against them. */
  useTable(found: SheetTable, source: TableSource): void {
    this.table = found;
    const settings = this.settings;
    const columns = userColumns(found, ownedColumns(settings, found.sheet, found.headerRow));
    this.columns = columns;
    this.problems = new Map(columns.map((column) => [column.index, criterionProblem(found, column)]));
    const known = recognisedColumns(columns);
    const has = (header: string) => header !== '' && columns.some((column) => column.header === header);
    const pick = (saved: string, key: string) => (has(saved) ? saved : (known.get(key)?.header ?? ''));
    const firstText = columns.find((column) =>
      found.rows.some(
        (row) => typeof row[column.index] === 'string' && String(row[column.index]).trim() !== '',
      ),
    );
    const nameColumn = has(settings.nameColumn)
      ? settings.nameColumn
      : (known.get('name')?.header ??
        known.get('id')?.header ??
        firstText?.header ??
        columns[0]?.header ??
        '');
    const quad = (saved: Quad, keys: readonly string[]): Quad => [
      pick(saved[0], keys[0] ?? ''),
      pick(saved[1], keys[1] ?? ''),
      pick(saved[2], keys[2] ?? ''),
      pick(saved[3], keys[3] ?? ''),
    ];
    this.settings = {
      ...settings,
      source,
      nameColumn,
      costColumn: pick(settings.costColumn, 'cost'),
      wsjf: quad(settings.wsjf, WSJF_KEYS),
      rice: quad(settings.rice, RICE_KEYS),
    };
    // Without saved criteria for this table, the matrix's own criteria with its weights and directions.
    const headers = this.criterionColumns().map((column) => column.header);
    const criteria = (found.matrix?.criteria ?? [])
      .filter((criterion) => headers.includes(criterion.header))
      .map((criterion) => this.startingCriterion(criterion.header));
    if (this.chosenCriteria().length === 0 && criteria.length > 0)
      this.settings = { ...this.settings, criteria };
  }

  /** A criterion as it starts when ticked: the matrix's weight and direction, else 1 and by its header. */
  startingCriterion(header: string): Criterion {
    const own = this.table?.matrix?.criteria.find((criterion) => criterion.header === header);
    return { header, direction: own?.direction ?? defaultDirection(header), weight: own?.weight ?? 1 };
  }

  /**
   * "Weights and directions from the matrix's own rows (Weighting (1-10):, row 9)." while the ticked criteria are
   * the matrix's own; '' otherwise.
   */
  matrixNote(): string {
    const matrix = this.table?.matrix;
    const chosen = this.chosenCriteria();
    const ticked = this.settings.criteria.filter((criterion) => chosen.includes(criterion.header));
    const own = (criterion: Criterion) => {
      const start = this.startingCriterion(criterion.header);
      return start.weight === criterion.weight && start.direction === criterion.direction;
    };
    if (!matrix || ticked.length === 0 || !ticked.every(own)) return '';
    const [first] = matrix.criteria;
    const what =
      first?.weight == null
        ? 'Directions'
        : first.direction && !matrix.scored
          ? 'Weights and directions'
          : 'Weights';
    const rows = matrix.rows.map(({ row, label }) => `${label}, row ${row}`).join('; ');
    // Directions found from the matrix's Score column are said as such (as the dashboard finds them).
    return `${what} from the matrix's own rows (${rows})${matrix.scored ? '; directions that give its own Score column' : ''}.`;
  }

  /** Forgets the table (it could not be read). */
  clearTable(): void {
    this.table = undefined;
    this.outcome = undefined;
  }

  /** A column's label in the mapping controls; a duplicated header gets its column letter. */
  columnLabel(column: TableColumn): string {
    const duplicate = this.columns.filter((other) => other.header === column.header).length > 1;
    return duplicate && this.table
      ? `${column.label} (${columnLetters(this.table.firstColumn + column.index)})`
      : column.label;
  }

  /** Every named column but the name and ID columns, with why it cannot rate the initiatives (core criterionProblem). */
  private namedColumns(): { column: TableColumn; problem: string | undefined }[] {
    const idHeader = recognisedColumns(this.columns).get('id')?.header;
    return this.columns
      .filter(
        (column) =>
          column.header !== '' && column.header !== this.settings.nameColumn && column.header !== idHeader,
      )
      .map((column) => ({ column, problem: this.table ? this.problems.get(column.index) : 'no values' }));
  }

  /** The columns that can be criteria: named columns of numbers, percentages or numeric text, not the name or ID. */
  criterionColumns(): TableColumn[] {
    return this.namedColumns().flatMap(({ column, problem }) => (problem === undefined ? [column] : []));
  }

  /** The named columns that cannot be criteria, each with the reason ("Sponsor: text, not numbers (…)"). */
  unusableColumns(): { label: string; reason: string }[] {
    return this.namedColumns().flatMap(({ column, problem }) =>
      problem === undefined ? [] : [{ label: this.columnLabel(column), reason: problem }],
    );
  }

  /** The ticked criteria that are criterion columns of the table, in the settings' order. */
  chosenCriteria(): string[] {
    const offered = new Set(this.criterionColumns().map((column) => column.header));
    return this.settings.criteria
      .map((criterion) => criterion.header)
      .filter((header) => offered.has(header));
  }

  /** Ticks a criterion: its direction and weight as parked when it was unticked, else `current`. */
  tickCriterion(current: Criterion): Criterion {
    const criterion = this.parked.get(current.header) ?? current;
    const order = this.criterionColumns().map((candidate) => candidate.header);
    const criteria = [
      ...this.settings.criteria.filter((item) => item.header !== criterion.header),
      criterion,
    ].sort((a, b) => order.indexOf(a.header) - order.indexOf(b.header));
    this.settings = { ...this.settings, criteria };
    return criterion;
  }

  /** Unticks a criterion, parking its direction and weight. */
  untickCriterion(current: Criterion): void {
    this.parked.set(current.header, current);
    this.settings = {
      ...this.settings,
      criteria: this.settings.criteria.filter((criterion) => criterion.header !== current.header),
    };
  }

  /** Changes a ticked criterion's direction or weight. */
  updateCriterion(current: Criterion): void {
    this.settings = {
      ...this.settings,
      criteria: this.settings.criteria.map((criterion) =>
        criterion.header === current.header ? current : criterion,
      ),
    };
  }

  /** One tick box per initiative: keyed by its ID, else its name, else "row N" (as the ranking keys them). */
  mustItems(): MustItem[] {
    const table = this.table;
    if (!table) return [];
    const idColumn = recognisedColumns(this.columns).get('id');
    const nameColumn = this.columns.find((column) => column.header === this.settings.nameColumn);
    const text = (value: unknown) => (value === null || value === undefined ? '' : String(value));
    return table.rows.flatMap((row, index) => {
      if (!hasValues(row)) return [];
      const sheetRow = table.firstRow + index;
      const name = text(nameColumn ? row[nameColumn.index] : null);
      const id = text(idColumn ? row[idColumn.index] : null).trim();
      const key = id !== '' ? id : name.trim() !== '' ? name.trim() : `row ${sheetRow}`;
      return [{ key, label: name.trim() !== '' ? name : `Row ${sheetRow}` }];
    });
  }

  /** Adds or removes a must-include key. */
  setMust(key: string, included: boolean): void {
    const others = this.settings.must.filter((item) => item !== key);
    this.settings = { ...this.settings, must: included ? [...others, key] : others };
  }

  /** The settings a ranking uses: only the criteria offered (one ticked before its column held text is not scored). */
  private rankingSettings(): RankingSettings {
    const chosen = new Set(this.chosenCriteria());
    return {
      ...this.settings,
      criteria: this.settings.criteria.filter((criterion) => chosen.has(criterion.header)),
    };
  }

  /** Ranks the table as the settings say (undefined without a table). */
  compute(): RankingOutcome | undefined {
    const found = this.table;
    if (!found) return undefined;
    this.outcome = computeRanking(
      found,
      this.rankingSettings(),
      ownedColumns(this.settings, found.sheet, found.headerRow),
    );
    return this.outcome;
  }

  /**
   * The ranking with one criterion's weight set to `weight` (the sensitivity slider): computed, never kept in the
   * settings or written. Undefined without a table.
   */
  preview(header: string, weight: number): RankingOutcome | undefined {
    const found = this.table;
    if (!found) return undefined;
    const settings = this.rankingSettings();
    return computeRanking(
      found,
      {
        ...settings,
        criteria: settings.criteria.map((criterion) =>
          criterion.header === header ? { ...criterion, weight } : criterion,
        ),
      },
      ownedColumns(this.settings, found.sheet, found.headerRow),
    );
  }

  /** How far each weight of the current Weighted score ranking can move (undefined for other methods). */
  sensitivity(): RankingSensitivity | undefined {
    const found = this.table;
    const ranked = this.outcome;
    if (!found || ranked?.kind !== 'ranking') return undefined;
    return rankingSensitivity(
      found,
      this.rankingSettings(),
      ownedColumns(this.settings, found.sheet, found.headerRow),
      ranked,
    );
  }

  /**
   * Where Write to sheet will put the results, said before writing (issue 16.4): the add-in's own sheet they went to
   * before, the columns it wrote before, and for new ones the columns right after the table — or, when those are not
   * blank, a sheet of the add-in's own (the host checks the cells when it writes; the status line then names the exact
   * range).
   */
  writeTarget(): string | undefined {
    const found = this.table;
    const ranked = this.outcome;
    if (!found || ranked?.kind !== 'ranking') return undefined;
    const headers = ranked.output.map((column) => column.header);
    const scoresSheet = scoresSheetOf(this.settings, found.sheet, found.headerRow);
    if (scoresSheet !== undefined)
      return `Rewrites ${listText(headers)} on sheet ${scoresSheet}, the add-in's own, where they went before.`;
    const { owned, lastIndex } = this.userEdge(found);
    const right = found.firstColumn + lastIndex + 1;
    const lastRow = found.firstRow + found.rows.length - 1;
    const again = headers.filter((header) => owned.some((entry) => entry.header === header));
    const fresh = headers.filter((header) => !again.includes(header));
    const letters = (header: string) => {
      const entry = owned.find((item) => item.header === header);
      return entry ? columnLetters(entry.column) : '';
    };
    const parts: string[] = [];
    if (again.length > 0)
      parts.push(
        `Rewrites ${listText(again)} where it wrote them before (column${again.length > 1 ? 's' : ''} ${again.map(letters).join(', ')}).`,
      );
    if (fresh.length > 0) {
      const start = owned.reduce((most, entry) => Math.max(most, entry.column + 1), right);
      const end = columnLetters(start + fresh.length - 1);
      parts.push(
        `${again.length > 0 ? 'Adds' : 'Writes'} ${listText(fresh)} side by side on sheet ${found.sheet}, rows ${found.headerRow}–${lastRow}: in ${columnLetters(start)}${fresh.length > 1 ? `:${end}` : ''} if ${fresh.length > 1 ? 'those columns are' : 'it is'} blank there, else on a sheet of the add-in's own (${SCORES_SHEET_STEM}) with each initiative's name and row.`,
      );
    }
    return parts.join(' ');
  }

  /** The columns the add-in wrote beside `found` before, and the index in its columns of the user's last one. */
  private userEdge(found: SheetTable): { owned: readonly OwnedColumn[]; lastIndex: number } {
    const owned = ownedColumns(this.settings, found.sheet, found.headerRow);
    const lastIndex = userColumns(found, owned).reduce((most, column) => Math.max(most, column.index), 0);
    return { owned, lastIndex };
  }

  /** True when there is a ranking to write and no host work is running. */
  canWrite(): boolean {
    return !this.busy && this.outcome?.kind === 'ranking';
  }

  /** The request that writes the ranking's columns right of the user's columns; undefined without a ranking. */
  writeRequest(onConflict: WriteRequest['onConflict']): WriteRequest | undefined {
    const found = this.table;
    const ranked = this.outcome;
    if (!found || ranked?.kind !== 'ranking') return undefined;
    const { owned, lastIndex } = this.userEdge(found);
    const named = found.matrix?.named ?? [];
    const scoresSheet = scoresSheetOf(this.settings, found.sheet, found.headerRow);
    return {
      sheet: found.sheet,
      headerRow: found.headerRow,
      ...(found.firstRow > found.headerRow + 1 ? { firstRow: found.firstRow } : {}),
      lastRow: found.firstRow + found.rows.length - 1,
      firstColumn: found.firstColumn,
      lastColumn: found.firstColumn + lastIndex,
      // A criterion named from the row above has a blank header cell: the write checks the cell as written.
      headers: found.headers.slice(0, lastIndex + 1).map((header, i) => (named.includes(i) ? '' : header)),
      fingerprint: tableFingerprint(found.rows, lastIndex + 1),
      columns: ranked.output,
      owned,
      onConflict,
      label: this.nameLabel(found, ranked.rows),
      ...(scoresSheet === undefined ? {} : { scoresSheet }),
    };
  }

  /** The initiatives' names, one per table row, for the add-in's own scores sheet (names as text). */
  private nameLabel(found: SheetTable, rows: readonly RankedRow[]): OutputColumn {
    const values: CellValue[] = found.rows.map(() => '');
    for (const row of rows) values[row.index] = row.name;
    return { header: this.settings.nameColumn || 'Initiative', values, numberFormat: '@' };
  }
}

/** Saves the settings a moment after the last change, and never saves what the document already holds. */
export class SettingsSaver {
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The settings as the document holds them: unchanged settings are not saved again. */
  private savedJson: string | null = null;

  constructor(
    private readonly save: (json: string) => Promise<SettingsSaved | BridgeError>,
    private readonly current: () => PanelSettings,
    private readonly onError: (message: string) => void,
  ) {}

  /** True while a save is scheduled. */
  get pending(): boolean {
    return this.timer !== undefined;
  }

  /** Records what the document holds (read at start). */
  markSaved(settings: PanelSettings): void {
    this.savedJson = JSON.stringify(settings);
  }

  /** Saves after {@link SAVE_DELAY_MS}; a later change restarts the wait. */
  schedule(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.saveNow();
    }, SAVE_DELAY_MS);
  }

  /** Saves now (cancelling a scheduled save) unless the document already holds these settings. */
  async saveNow(): Promise<void> {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    const json = JSON.stringify(this.current());
    if (json === this.savedJson) return;
    const saved = await this.save(json);
    if (saved.kind === 'saved') this.savedJson = json;
    if (saved.kind === 'error')
      this.onError(`The settings could not be saved in the document: ${saved.message}`);
  }
}
