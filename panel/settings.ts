// The scoring panel's configuration as saved in the document (Excel document settings, Sheets document
// properties): method, column mapping, weights, AHP judgements, budget, must-include items and the columns the
// add-in wrote. Columns are named by their header text, so the configuration survives rows being added.
// Pure: parsing never throws; anything unreadable falls back to the defaults.

import {
  COMBINE_METHODS,
  type Criterion,
  type Judgement,
  type RankingSettings,
  SCORING_METHODS,
} from '../core/prioritization/ranking-settings';
import type { OwnedColumn, TableSource } from './bridge';

/** The columns the add-in wrote on one sheet's table (identified by its header row). */
export interface WrittenColumns {
  readonly sheet: string;
  readonly headerRow: number;
  readonly columns: readonly OwnedColumn[];
  /** The add-in's own sheet the results went to, when the columns right of the table were taken. */
  readonly scoresSheet?: string;
}

/** What the panel saves: the ranking's settings, where the table was read from and the columns written. */
export interface PanelSettings extends RankingSettings {
  readonly version: 1;
  /** Where the table was read from last time; a selection is remembered as its range. */
  readonly source: TableSource;
  readonly written: readonly WrittenColumns[];
}

export const SETTINGS_KEY = 'pmo.scoringPanel';

export const DEFAULT_SETTINGS: PanelSettings = {
  version: 1,
  source: { kind: 'detect' },
  method: 'weighted',
  combine: 'weighted',
  nameColumn: '',
  costColumn: '',
  criteria: [],
  judgements: [],
  wsjf: ['', '', '', ''],
  rice: ['', '', '', ''],
  budget: '',
  must: [],
  written: [],
};

type Json = unknown;

const isObject = (value: Json): value is Record<string, Json> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: Json, fallback = ''): string => (typeof value === 'string' ? value : fallback);
const finite = (value: Json): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;
const list = (value: Json): Json[] => (Array.isArray(value) ? value : []);

function quad(value: Json): readonly [string, string, string, string] {
  const items = list(value).map((item) => text(item));
  return [items[0] ?? '', items[1] ?? '', items[2] ?? '', items[3] ?? ''];
}

function sourceOf(value: Json): TableSource {
  if (isObject(value)) {
    if (value.kind === 'range' && typeof value.sheet === 'string' && typeof value.address === 'string')
      return { kind: 'range', sheet: value.sheet, address: value.address };
    if (value.kind === 'selection') return { kind: 'selection' };
  }
  return { kind: 'detect' };
}

/**
 * Reads saved settings. Unknown or malformed parts fall back to the defaults (a newer or damaged document
 * never breaks the panel); null or unreadable JSON gives the defaults.
 */
export function parseSettings(json: string | null): PanelSettings {
  if (json === null || json === '') return DEFAULT_SETTINGS;
  let raw: Json;
  try {
    raw = JSON.parse(json);
  } catch {
    return DEFAULT_SETTINGS;
  }
  if (!isObject(raw)) return DEFAULT_SETTINGS;
  const method = SCORING_METHODS.find((option) => option.value === raw.method)?.value ?? 'weighted';
  const combine = COMBINE_METHODS.find((option) => option.value === raw.combine)?.value ?? 'weighted';
  const criteria: Criterion[] = [];
  for (const item of list(raw.criteria)) {
    if (!isObject(item) || typeof item.header !== 'string') continue;
    const weight = finite(item.weight);
    criteria.push({
      header: item.header,
      direction: item.direction === 'min' ? 'min' : 'max',
      weight: weight !== undefined && weight >= 0 ? weight : 1,
    });
  }
  const judgements: Judgement[] = [];
  for (const item of list(raw.judgements)) {
    if (!isObject(item) || typeof item.a !== 'string' || typeof item.b !== 'string') continue;
    const value = finite(item.value);
    if (value !== undefined && value > 0) judgements.push({ a: item.a, b: item.b, value });
  }
  const written: WrittenColumns[] = [];
  for (const item of list(raw.written)) {
    if (!isObject(item) || typeof item.sheet !== 'string') continue;
    const headerRow = finite(item.headerRow);
    if (headerRow === undefined) continue;
    const columns: OwnedColumn[] = [];
    for (const column of list(item.columns)) {
      if (!isObject(column) || typeof column.header !== 'string') continue;
      const index = finite(column.column);
      if (index !== undefined && Number.isInteger(index) && index >= 0)
        columns.push({ column: index, header: column.header });
    }
    const scoresSheet = typeof item.scoresSheet === 'string' ? { scoresSheet: item.scoresSheet } : {};
    written.push({ sheet: item.sheet, headerRow, columns, ...scoresSheet });
  }
  return {
    version: 1,
    source: sourceOf(raw.source),
    method,
    combine,
    nameColumn: text(raw.nameColumn),
    costColumn: text(raw.costColumn),
    criteria,
    judgements,
    wsjf: quad(raw.wsjf),
    rice: quad(raw.rice),
    budget: text(raw.budget),
    must: list(raw.must).filter((item): item is string => typeof item === 'string'),
    written,
  };
}

/** The columns the add-in wrote for the table whose header row is `headerRow` on `sheet`. */
export function ownedColumns(
  settings: PanelSettings,
  sheet: string,
  headerRow: number,
): readonly OwnedColumn[] {
  return (
    settings.written.find((entry) => entry.sheet === sheet && entry.headerRow === headerRow)?.columns ?? []
  );
}

/** The add-in's own sheet the table's results went to before, if any. */
export function scoresSheetOf(settings: PanelSettings, sheet: string, headerRow: number): string | undefined {
  return settings.written.find((entry) => entry.sheet === sheet && entry.headerRow === headerRow)
    ?.scoresSheet;
}

/** Records that the table's results went to the add-in's own sheet `scoresSheet`: they go there from now on. */
export function withScoresSheet(
  settings: PanelSettings,
  sheet: string,
  headerRow: number,
  scoresSheet: string,
): PanelSettings {
  const others = settings.written.filter(
    (entry) => !(entry.sheet === sheet && entry.headerRow === headerRow),
  );
  const columns = ownedColumns(settings, sheet, headerRow);
  return { ...settings, written: [...others, { sheet, headerRow, columns, scoresSheet }] };
}

/**
 * Records the columns just written, merged with the ones the add-in wrote before on that table (and forgets a scores
 * sheet: the results are beside the table again).
 */
export function withWrittenColumns(
  settings: PanelSettings,
  sheet: string,
  headerRow: number,
  columns: readonly OwnedColumn[],
): PanelSettings {
  const before = ownedColumns(settings, sheet, headerRow).filter(
    (old) => !columns.some((fresh) => fresh.column === old.column),
  );
  const others = settings.written.filter(
    (entry) => !(entry.sheet === sheet && entry.headerRow === headerRow),
  );
  return {
    ...settings,
    written: [
      ...others,
      { sheet, headerRow, columns: [...before, ...columns].sort((a, b) => a.column - b.column) },
    ],
  };
}
