// Adds the dashboard plan to an existing .xlsx package as one more worksheet, surgically (DESIGN §7): every
// part it does not need to change is copied as stored (the same compressed bytes, cli/zip.ts), and the few
// parts it must change — workbook, its relationships, content types, styles — get string-level insertions
// only (cli/write-workbook.ts, cli/write-styles.ts); the sheet, drawing and chart parts are new.

import type { DashboardPlan, PlanChart } from '../core/dashboard/plan';
import { activeTabOf, withoutTabSelected } from './active-sheet';
import {
  CONTENT_TYPES,
  folderOf,
  Package,
  relationshipsXml,
  relativeTarget,
  relsPathOf,
  workbookPathOf,
  workbookTargetOf,
  XML_DECLARATION,
} from './ooxml';
import { chartXml, drawingXml, isValidChart } from './write-charts';
import { type SheetOptions, worksheetXml } from './write-sheet';
import { StyleSheet } from './write-styles';
import {
  calcChainMentions,
  chooseTarget,
  DASHBOARD_SHEET,
  type EditedWorkbook,
  editContentTypes,
  editWorkbook,
  freeName,
  type OwnedSheet,
  openWorkbook,
  PMO_DATA_SHEET,
  partsOnlyReachedFrom,
} from './write-workbook';
import { isWorkbookXml, readWorkbook, type WorkbookError } from './xlsx';
import {
  DEFAULT_LIMITS,
  damaged,
  type InflateLimits,
  looksLikeZip,
  PackageError,
  partKey,
  readZip,
  writePackage,
} from './zip';

export { escapeCellText, MAX_CELL_TEXT } from './ooxml';
export { quoteSheetName } from './write-charts';
export { DASHBOARD_SHEET, type OwnedSheet, PMO_DATA_SHEET };

/** The workbook with its dashboard: the new file's bytes, the sheet written, and whether it replaced one. */
export interface DashboardWritten {
  readonly bytes: Uint8Array;
  readonly sheetName: string;
  /** True when an earlier dashboard sheet (A1 holds the marker) was rebuilt in place. */
  readonly replaced: boolean;
  /** The parts written or left out (lower-case part names); every other entry is copied as stored. */
  readonly changed: ReadonlySet<string>;
}

const workbookError = (message: string): WorkbookError => ({ kind: 'workbook-error', message });

// ------------------------------------------------------------------------------------------------
// Putting it together

/**
 * Adds the dashboard plan as a worksheet of an existing .xlsx workbook and returns the new file. Parts it does
 * not change are copied byte-for-byte as stored (same compression, same order); `xl/workbook.xml`, its
 * relationships, `[Content_Types].xml` and `xl/styles.xml` only gain entries (a sheet, a relationship, content
 * type overrides, appended fonts/fills/number formats/cell formats with their counts updated); the sheet,
 * drawing and chart parts are new, numbered past existing ones. A style entry identical to an existing one is
 * reused, so rebuilding does not grow the stylesheet.
 *
 * The sheet is chosen as the Excel and Sheets hosts choose it (core `chooseDashboardSheet`; `plan.sheetName`
 * is not used): `PMO Dashboard` when absent or the add-in's own — its A1 holds exactly {@link DASHBOARD_MARKER}
 * — else the first `PMO Dashboard (2)`, `(3)`… that is absent or the add-in's own. An add-in sheet is rebuilt
 * in place (same entry, same name, same part) and its old drawing, chart and other parts only it reached are
 * dropped; a user's sheet of that name is never touched. Names compare case-insensitively, as Excel does.
 * When the calculation chain lists cells of the rebuilt sheet, the chain is dropped (Excel rebuilds it).
 * Text is written as inline strings, never as formulas; dates as serial numbers with the cell's date format
 * (yyyy-mm-dd when it has none), shifted for 1904-system workbooks. Never throws: a file that is not an editable .xlsx gives a one-line
 * {@link WorkbookError}, worded as {@link readWorkbook} words it.
 *
 * @example
 * const result = addDashboardSheet(readFileSync('book.xlsx'), plan);
 * if ('bytes' in result) writeFileSync('book.xlsx', result.bytes);
 */
export function addDashboardSheet(
  bytes: Uint8Array,
  plan: DashboardPlan,
  limits: InflateLimits = DEFAULT_LIMITS,
): DashboardWritten | WorkbookError {
  return addOwnedSheet(bytes, plan, DASHBOARD_SHEET, limits);
}

/**
 * Adds the dashboard and its build history: the hidden PMO Data sheet (`pmoData`, the history with this build
 * appended, the mapping and any other section kept) written first, then the dashboard, which the file opens on.
 * `changed` covers both writes; `sheetNames` names both sheets.
 */
export function addDashboardWithHistory(
  bytes: Uint8Array,
  plan: DashboardPlan,
  pmoData: DashboardPlan,
  limits: InflateLimits = DEFAULT_LIMITS,
): (DashboardWritten & { readonly sheetNames: readonly string[] }) | WorkbookError {
  const data = addOwnedSheet(bytes, pmoData, PMO_DATA_SHEET, limits);
  if ('kind' in data) return data;
  const dashboard = addOwnedSheet(data.bytes, plan, DASHBOARD_SHEET, limits);
  if ('kind' in dashboard) return dashboard;
  return {
    ...dashboard,
    changed: new Set([...data.changed, ...dashboard.changed]),
    sheetNames: [data.sheetName, dashboard.sheetName],
  };
}

/**
 * Adds (or rebuilds in place) one of the add-in's own sheets, as {@link addDashboardSheet} does the dashboard:
 * `owner` says how it is recognised and named, and whether a new one is hidden (the PMO Data sheet is, and is
 * never the selected tab). Every part it does not change is copied as stored.
 */
export function addOwnedSheet(
  bytes: Uint8Array,
  plan: DashboardPlan,
  owner: OwnedSheet,
  limits: InflateLimits = DEFAULT_LIMITS,
): DashboardWritten | WorkbookError {
  if (!looksLikeZip(bytes)) return unreadable(bytes);
  try {
    return addToPackage(bytes, plan, owner, limits);
  } catch (error) {
    if (error instanceof PackageError) return workbookError(error.message);
    if (error instanceof RangeError) return workbookError('the workbook is too large to write');
    const reason = error instanceof Error ? error.message : String(error);
    return workbookError(`the file is damaged or not an .xlsx workbook (${reason})`);
  }
}

/** Why a file cannot be read, worded by the reader (fast for these files: it stops at the same point). */
function unreadable(bytes: Uint8Array): WorkbookError {
  const read = readWorkbook(bytes);
  return read.kind === 'workbook-error'
    ? read
    : workbookError('the file is damaged or not an .xlsx workbook');
}

function addToPackage(
  bytes: Uint8Array,
  plan: DashboardPlan,
  owner: OwnedSheet,
  limits: InflateLimits,
): DashboardWritten | WorkbookError {
  const archive = readZip(bytes);
  const parts = new Package(bytes, archive, 'edit', limits);
  const workbookPath = workbookPathOf(parts);
  const workbookXml = parts.text(workbookPath);
  if (
    workbookXml === undefined ||
    !workbookPath.toLowerCase().endsWith('.xml') ||
    !isWorkbookXml(workbookXml)
  )
    return unreadable(bytes);
  const contentTypesXml = parts.text('[Content_Types].xml');
  if (contentTypesXml === undefined) throw damaged('no [Content_Types].xml');
  const workbook = openWorkbook(parts, workbookPath, workbookXml);
  const { sheetName, owned } = chooseTarget(parts, workbook, owner);
  // Parts that go: the old dashboard's drawing, charts and whatever else only its relationships reach.
  const removed = owned ? partsOnlyReachedFrom(parts, owned.part) : new Set<string>();
  const dropCalcChain = owned ? calcChainMentions(parts, workbook, owned.sheet.sheetId) : false;

  const written = new Map<string, Uint8Array>();
  const write = (path: string, text: string) => written.set(path, utf8Encoder.encode(text));
  const newContentTypes = new Map<string, string>();
  const added = writeDashboardParts(parts, workbook, plan, {
    sheetName,
    ownedPart: owned?.part,
    hidden: owner.hidden,
    removed,
    write,
    newContentTypes,
  });
  // The file opens on the dashboard: it becomes the active tab, and the sheet that was is no longer selected.
  const dashboardIndex = owned ? workbook.sheets.indexOf(owned.sheet) : workbook.sheets.length;
  if (!owner.hidden) deselectActiveSheet(parts, workbook, dashboardIndex, write);
  editWorkbook(
    workbook,
    {
      sheetName,
      newSheetPart: owned ? undefined : added.sheetPart,
      newStylesPart: added.newStylesPart,
      dropCalcChain,
      hidden: owner.hidden,
      ...(owner.hidden ? {} : { activeTab: dashboardIndex }),
      ...(plan.print && plan.print.titleRows > 0
        ? { printTitles: { sheetIndex: dashboardIndex, rows: plan.print.titleRows } }
        : {}),
    },
    parts.entry(workbook.relsPath)?.name ?? workbook.relsPath,
    write,
    removed,
  );
  const contentTypes = editContentTypes(contentTypesXml, newContentTypes, [...written.keys()], removed);
  if (contentTypes !== undefined)
    write(parts.entry('[Content_Types].xml')?.name ?? '[Content_Types].xml', contentTypes);
  // Entries are copied as stored, unread: check them all first, so that none carries damage into the copy.
  parts.verifyAll();
  return {
    bytes: writePackage(bytes, archive, written, removed, parts.entry(workbookPath)),
    sheetName,
    replaced: owned !== undefined,
    changed: new Set([...[...written.keys()].map(partKey), ...removed]),
  };
}

const utf8Encoder = new TextEncoder();

/**
 * Writes the sheet the workbook opened on without `tabSelected` (see cli/active-sheet.ts), unless it is the
 * dashboard itself. Only that sheet's part is read: a sheet grouped with it but not active keeps its selection.
 */
function deselectActiveSheet(
  parts: Package,
  workbook: EditedWorkbook,
  dashboardIndex: number,
  write: (path: string, text: string) => void,
): void {
  const active = activeTabOf(workbook.xml, workbook.sheetsElement);
  const part = active === dashboardIndex ? undefined : workbook.sheets[active]?.relationship?.target;
  // The sheet views come before the cells: a sheet whose head says nothing of tabSelected is left as it is, without
  // inflating (or writing) its cells.
  const head = part === undefined ? undefined : parts.head(part, 'sheetData');
  const xml = head === undefined || !head.includes('tabSelected') ? undefined : parts.text(part as string);
  const deselected = xml === undefined ? undefined : withoutTabSelected(xml);
  if (part !== undefined && deselected !== undefined) write(parts.entry(part)?.name ?? part, deselected);
}

/** Where the new parts are written and what they need to know of the sheet they are for. */
interface PartsOutput {
  readonly sheetName: string;
  /** The old dashboard's part, rebuilt in place; undefined for a new sheet. */
  readonly ownedPart: string | undefined;
  /** The sheet is hidden: never the selected tab. */
  readonly hidden: boolean;
  /** Lower-case names of the parts that go, whose names are free again. */
  readonly removed: ReadonlySet<string>;
  readonly write: (path: string, text: string) => void;
  /** Content types of the parts written, by part name. */
  readonly newContentTypes: Map<string, string>;
}

/**
 * Writes the dashboard's own parts — the sheet, its drawing and charts, numbered past every name still in use —
 * and the stylesheet grown with their formats (a minimal one when the workbook has none).
 */
function writeDashboardParts(
  parts: Package,
  workbook: EditedWorkbook,
  plan: DashboardPlan,
  output: PartsOutput,
): { sheetPart: string; newStylesPart: string | undefined } {
  const { write, newContentTypes } = output;
  const workbookFolder = folderOf(workbook.path);
  const inUse = new Set(
    parts
      .names()
      .map((name) => name.toLowerCase())
      .filter((name) => !output.removed.has(name)),
  );
  const freePart = (folder: string, stem: string): string => {
    for (let n = 1; ; n++) {
      const path = `${workbookFolder}${folder}/${stem}${n}.xml`;
      if (!inUse.has(path.toLowerCase()) && !inUse.has(relsPathOf(path).toLowerCase())) {
        inUse.add(path.toLowerCase());
        return path;
      }
    }
  };
  const sheetPart = output.ownedPart ?? freePart('worksheets', 'sheet');
  const charts = plan.charts.filter(isValidChart);
  const drawingPart = charts.length > 0 ? freePart('drawings', 'drawing') : undefined;
  const chartParts = charts.map(() => freePart('charts', 'chart'));

  const stylesTarget = workbookTargetOf(workbook, 'styles');
  const existingStylesPath = stylesTarget !== undefined && parts.has(stylesTarget) ? stylesTarget : undefined;
  const stylesPath = existingStylesPath ?? freeName(inUse, `${workbookFolder}styles`, '.xml');
  const styles = new StyleSheet(
    (existingStylesPath === undefined ? undefined : parts.text(existingStylesPath)) ??
      `${XML_DECLARATION}<styleSheet xmlns="${workbook.namespaces.main}"></styleSheet>`,
  );
  // The dashboard is the sheet the workbook opens on (the hidden PMO Data sheet never is).
  const tabSelected = !output.hidden;
  const options: SheetOptions = {
    plan,
    styles,
    namespaces: workbook.namespaces,
    date1904: workbook.date1904,
    drawingId: drawingPart === undefined ? undefined : 'rId1',
    tabSelected,
  };
  write(sheetPart, worksheetXml(options));
  newContentTypes.set(sheetPart, CONTENT_TYPES.worksheet);
  if (drawingPart !== undefined)
    writeCharts(workbook, { sheetPart, drawingPart, chartParts, charts }, output, options);
  if (!styles.unchanged || existingStylesPath === undefined) {
    write(stylesPath, styles.toXml());
    if (existingStylesPath === undefined) newContentTypes.set(stylesPath, CONTENT_TYPES.styles);
  }
  return { sheetPart, newStylesPart: existingStylesPath === undefined ? stylesPath : undefined };
}

/** Writes the sheet's drawing with its relationships, and one part per chart. */
function writeCharts(
  workbook: EditedWorkbook,
  names: {
    sheetPart: string;
    drawingPart: string;
    chartParts: readonly string[];
    charts: readonly PlanChart[];
  },
  output: PartsOutput,
  options: SheetOptions,
): void {
  const { sheetPart, drawingPart, chartParts, charts } = names;
  const { write, newContentTypes } = output;
  write(
    relsPathOf(sheetPart),
    relationshipsXml([
      {
        id: 'rId1',
        type: workbook.relationshipType('drawing'),
        target: relativeTarget(sheetPart, drawingPart),
      },
    ]),
  );
  const chartIds = chartParts.map((_, index) => `rId${index + 1}`);
  write(drawingPart, drawingXml(charts, chartIds, workbook.namespaces));
  newContentTypes.set(drawingPart, CONTENT_TYPES.drawing);
  write(
    relsPathOf(drawingPart),
    relationshipsXml(
      chartParts.map((chartPart, index) => ({
        id: chartIds[index] ?? '',
        type: workbook.relationshipType('chart'),
        target: relativeTarget(drawingPart, chartPart),
      })),
    ),
  );
  charts.forEach((chart, index) => {
    const chartPart = chartParts[index] ?? '';
    write(chartPart, chartXml(chart, output.sheetName, options));
    newContentTypes.set(chartPart, CONTENT_TYPES.chart);
  });
}
