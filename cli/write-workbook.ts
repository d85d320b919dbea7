// The workbook entries the dashboard needs: which sheet to write (a new one, or the add-in's own rebuilt in
// place), the parts only an old dashboard reached, and the string-level insertions into the workbook part,
// its relationships and the content types.

import { chooseDashboardSheet, DASHBOARD_MARKER } from '../core/dashboard/plan';
import { choosePmoDataSheet, PMO_DATA_MARKER } from '../core/discovery/pmo-data';
import { activeTabEdit } from './active-sheet';
import {
  appendChildrenEdit,
  applyEdits,
  attributesOf,
  CONTENT_TYPES,
  decodeCellText,
  escapeXml,
  type Found,
  findElements,
  firstElement,
  innerOf,
  type Namespaces,
  PACKAGE_RELATIONSHIPS,
  type Package,
  PREFIX,
  readRelationships,
  readWorkbookPart,
  relativeTarget,
  relsPathOf,
  richText,
  type SheetEntry,
  STRICT,
  type TextEdit,
  TRANSITIONAL,
  type WorkbookPart,
  workbookTargetOf,
  XML_DECLARATION,
} from './ooxml';
import { printTitlesEdit } from './print-titles';
import { sharedString } from './shared-strings';
import { damaged } from './zip';

/** The workbook part opened for editing, with its relationships part and conformance class. */
export interface EditedWorkbook extends WorkbookPart {
  readonly relsPath: string;
  readonly relsXml: string;
  readonly namespaces: Namespaces;
  /** The `<sheets>` element, where a new sheet goes. */
  readonly sheetsElement: Found;
  /** A relationship type of this kind in the workbook's own namespace (`…/relationships/worksheet`). */
  readonly relationshipType: (kind: string) => string;
}

/** Opens the workbook part for editing; a workbook without a sheet list is damaged. */
export function openWorkbook(parts: Package, path: string, xml: string): EditedWorkbook {
  const relsPath = relsPathOf(path);
  const relsXml =
    parts.text(relsPath) ?? `${XML_DECLARATION}<Relationships xmlns="${PACKAGE_RELATIONSHIPS}"/>`;
  const workbook = readWorkbookPart(path, xml, relsXml);
  const strict = xml.includes(STRICT.main) || /\bconformance\s*=\s*["']strict["']/.test(xml);
  const namespaces = strict ? STRICT : TRANSITIONAL;
  const knownType = workbook.relationships.find((relationship) =>
    /\/(worksheet|styles|sharedStrings|theme)$/.test(relationship.type),
  )?.type;
  const typeBase = knownType ? knownType.slice(0, knownType.lastIndexOf('/')) : `${namespaces.relationships}`;
  const sheetsElement = firstElement(xml, 'sheets');
  if (!sheetsElement) throw damaged(`${path} has no sheet list`);
  return {
    ...workbook,
    relsPath,
    relsXml,
    namespaces,
    sheetsElement,
    relationshipType: (kind) => `${typeBase}/${kind}`,
  };
}

// ------------------------------------------------------------------------------------------------
// Recognising the add-in's own sheet: A1 holds exactly the marker

/** The text in A1 of a worksheet, or undefined when A1 is blank or not text. */
function textInA1(sheetXml: string, sharedStrings: () => string | undefined): string | undefined {
  const sheetData = firstElement(sheetXml, 'sheetData');
  if (!sheetData || sheetData.selfClosing) return undefined;
  const row = firstElement(sheetXml, 'row', sheetData.innerStart, sheetData.innerEnd);
  if (!row || row.selfClosing) return undefined;
  const rowNumber = attributesOf(row.attributes).get('r');
  if (rowNumber !== undefined && rowNumber !== '1') return undefined;
  const cell = firstElement(sheetXml, 'c', row.innerStart, row.innerEnd);
  if (!cell || cell.selfClosing) return undefined;
  const attributes = attributesOf(cell.attributes);
  const reference = attributes.get('r');
  if (reference !== undefined && reference.toUpperCase() !== 'A1') return undefined;
  const type = attributes.get('t');
  if (type === 'inlineStr') {
    const inline = firstElement(sheetXml, 'is', cell.innerStart, cell.innerEnd);
    return inline ? richText(innerOf(sheetXml, inline)) : undefined;
  }
  const value = firstElement(sheetXml, 'v', cell.innerStart, cell.innerEnd);
  const raw = value ? innerOf(sheetXml, value) : undefined;
  if (raw === undefined) return undefined;
  if (type === 'str') return decodeCellText(raw);
  if (type !== 's') return undefined;
  const xml = sharedStrings();
  const index = Number(raw.trim());
  return xml === undefined || !Number.isInteger(index) ? undefined : sharedString(xml, index);
}

/** The sheet to write and, when it is the add-in's own, the entry and part rebuilt in place. */
export interface DashboardTarget {
  readonly sheetName: string;
  readonly owned: { readonly sheet: SheetEntry; readonly part: string } | undefined;
}

/** A sheet the add-in owns (DESIGN §7): how it is recognised (A1 holds exactly its marker), named, and shown. */
export interface OwnedSheet {
  readonly marker: string;
  /** Picks the sheet to write: the default name when absent or the add-in's own, else a numbered one. */
  readonly choose: (
    sheets: readonly SheetEntry[],
    isOurs: (sheet: SheetEntry) => boolean,
  ) => { name: string; existing: SheetEntry | undefined };
  /** A new sheet of this kind is hidden (state="hidden" in the workbook's sheet list). */
  readonly hidden: boolean;
}

/** The visible "PMO Dashboard" sheet. */
export const DASHBOARD_SHEET: OwnedSheet = {
  marker: DASHBOARD_MARKER,
  choose: chooseDashboardSheet,
  hidden: false,
};

/** The hidden "PMO Data" sheet: the saved table mapping (and the dashboard's build history). */
export const PMO_DATA_SHEET: OwnedSheet = {
  marker: PMO_DATA_MARKER,
  choose: choosePmoDataSheet,
  hidden: true,
};

/**
 * The sheet to write, chosen as the hosts choose it: for the dashboard "PMO Dashboard" when absent or the
 * add-in's own (A1 holds the marker), else the first "PMO Dashboard (n)" that is absent or the add-in's own.
 */
export function chooseTarget(
  parts: Package,
  workbook: WorkbookPart,
  owner: OwnedSheet = DASHBOARD_SHEET,
): DashboardTarget {
  const sharedStringsPath = workbookTargetOf(workbook, 'sharedStrings');
  const sharedStrings = () => (sharedStringsPath === undefined ? undefined : parts.text(sharedStringsPath));
  const isOurs = (sheet: SheetEntry): boolean => {
    const target = sheet.relationship?.target;
    return (
      target !== undefined &&
      sheet.relationship?.type.endsWith('/worksheet') === true &&
      parts.has(target) &&
      textInA1(parts.text(target) ?? '', sharedStrings) === owner.marker
    );
  };
  const choice = owner.choose(workbook.sheets, isOurs);
  const part = choice.existing?.relationship?.target;
  return {
    sheetName: choice.name,
    owned: choice.existing && part !== undefined ? { sheet: choice.existing, part } : undefined,
  };
}

// ------------------------------------------------------------------------------------------------
// Parts that go with an old dashboard

const ownerOfRels = (relsPath: string): string => relsPath.replace(/_rels\/([^/]*)\.rels$/, '$1');

/**
 * The parts (lower-case names) only the old dashboard sheet reaches through relationships — its drawing,
 * charts and whatever they reach — with their relationship parts; a part another part still names is kept.
 */
export function partsOnlyReachedFrom(parts: Package, sheetPart: string): Set<string> {
  const removed = new Set<string>();
  const pending = [relsPathOf(sheetPart)];
  while (pending.length > 0) {
    const relsPath = pending.pop() ?? '';
    if (!parts.has(relsPath) || removed.has(relsPath.toLowerCase())) continue;
    removed.add(relsPath.toLowerCase());
    for (const relationship of readRelationships(parts.text(relsPath), ownerOfRels(relsPath))) {
      const target = relationship.target;
      if (target === undefined || !parts.has(target) || removed.has(target.toLowerCase())) continue;
      if (target.toLowerCase() === sheetPart.toLowerCase()) continue;
      removed.add(target.toLowerCase());
      pending.push(relsPathOf(target));
    }
  }
  const allRels = parts.names().filter((name) => name.toLowerCase().endsWith('.rels'));
  for (let changed = true; changed; ) {
    changed = false;
    for (const relsPath of allRels) {
      if (removed.has(relsPath.toLowerCase())) continue;
      for (const relationship of readRelationships(parts.text(relsPath), ownerOfRels(relsPath))) {
        const target = relationship.target?.toLowerCase();
        if (target === undefined || !removed.has(target)) continue;
        removed.delete(target);
        removed.delete(relsPathOf(target));
        changed = true;
      }
    }
  }
  return removed;
}

/** True when the calculation chain lists a cell of the sheet with this id (its formulas would go stale). */
export function calcChainMentions(parts: Package, workbook: WorkbookPart, sheetId: number): boolean {
  const path = workbook.relationships.find((relationship) =>
    relationship.type.endsWith('/calcChain'),
  )?.target;
  const xml = path === undefined ? undefined : parts.text(path);
  if (xml === undefined) return false;
  let current = Number.NaN;
  const cell = new RegExp(`<${PREFIX}c\\b([^>]*)>`, 'g');
  for (let match = cell.exec(xml); match; match = cell.exec(xml)) {
    const id = /\bi\s*=\s*["'](\d+)["']/.exec(match[1] ?? '');
    if (id) current = Number(id[1]);
    if (current === sheetId) return true;
  }
  return false;
}

/** A part name `stem.xml`, `stem2.xml`… not in use. */
export function freeName(inUse: Set<string>, stem: string, extension: string): string {
  for (let n = 1; ; n++) {
    const path = `${stem}${n === 1 ? '' : n}${extension}`;
    if (!inUse.has(path.toLowerCase())) {
      inUse.add(path.toLowerCase());
      return path;
    }
  }
}

// ------------------------------------------------------------------------------------------------
// Edits to the workbook part, its relationships and the content types

/** What the workbook part and its relationships gain or lose. */
export interface WorkbookChanges {
  readonly sheetName: string;
  /** The new sheet's part; undefined when the dashboard is rebuilt in place (no new entry). */
  readonly newSheetPart: string | undefined;
  /** The new styles part, when the workbook had none. */
  readonly newStylesPart: string | undefined;
  readonly dropCalcChain: boolean;
  /** The new sheet is hidden (the PMO Data sheet). */
  readonly hidden?: boolean;
  /** The sheet list's index (0-based) of the sheet the workbook opens on, when it changes (the dashboard's). */
  readonly activeTab?: number;
  /** The sheet's first rows that repeat on every printed page, and its index in the sheet list. */
  readonly printTitles?: { readonly sheetIndex: number; readonly rows: number };
}

/**
 * Writes (through `write`) the workbook part with one more sheet and its relationships with the new sheet's
 * and styles' relationships appended and a stale calculation chain's dropped (its part added to `removed`).
 */
export function editWorkbook(
  workbook: EditedWorkbook,
  changes: WorkbookChanges,
  relsName: string,
  write: (path: string, text: string) => void,
  removed: Set<string>,
): void {
  const newRelationships: string[] = [];
  const droppedRelationships: Found[] = [];
  const usedIds = new Set(workbook.relationships.map((relationship) => relationship.id ?? ''));
  const freeId = (): string => {
    let n = usedIds.size + 1;
    while (usedIds.has(`rId${n}`)) n++;
    usedIds.add(`rId${n}`);
    return `rId${n}`;
  };
  const relationshipXml = (id: string, kind: string, part: string): string =>
    `<Relationship Id="${id}" Type="${escapeXml(workbook.relationshipType(kind))}" Target="${escapeXml(relativeTarget(workbook.path, part))}"/>`;
  const workbookEdits: TextEdit[] = [];
  if (changes.newSheetPart !== undefined) {
    const id = freeId();
    newRelationships.push(relationshipXml(id, 'worksheet', changes.newSheetPart));
    workbookEdits.push(sheetEntryEdit(workbook, changes.sheetName, id, changes.hidden === true));
  }
  const active =
    changes.activeTab === undefined
      ? undefined
      : activeTabEdit(workbook.xml, workbook.sheetsElement, changes.activeTab);
  if (active) workbookEdits.push(active);
  const titles =
    changes.printTitles === undefined
      ? undefined
      : printTitlesEdit(
          workbook.xml,
          workbook.sheetsElement,
          changes.sheetName,
          changes.printTitles.sheetIndex,
          changes.printTitles.rows,
        );
  if (titles) workbookEdits.push(titles);
  if (workbookEdits.length > 0) write(workbook.path, applyEdits(workbook.xml, workbookEdits));
  if (changes.newStylesPart !== undefined)
    newRelationships.push(relationshipXml(freeId(), 'styles', changes.newStylesPart));
  if (changes.dropCalcChain) {
    for (const relationship of workbook.relationships) {
      if (!relationship.type.endsWith('/calcChain') || relationship.target === undefined) continue;
      droppedRelationships.push(relationship.element);
      removed.add(relationship.target.toLowerCase());
    }
  }
  if (newRelationships.length === 0 && droppedRelationships.length === 0) return;
  const root = firstElement(workbook.relsXml, 'Relationships');
  if (!root) throw damaged(`${workbook.relsPath} has no relationships`);
  write(
    relsName,
    applyEdits(workbook.relsXml, [
      ...droppedRelationships.map((element) => ({ start: element.start, end: element.end, text: '' })),
      ...(newRelationships.length > 0
        ? [appendChildrenEdit(root, 'Relationships', newRelationships.join(''))]
        : []),
    ]),
  );
}

/** The edit appending a `<sheet>` for the new sheet to the workbook's sheet list (hidden: `state="hidden"`). */
function sheetEntryEdit(workbook: EditedWorkbook, sheetName: string, id: string, hidden: boolean): TextEdit {
  const { xml, namespaces, sheetsElement } = workbook;
  const sheetId =
    workbook.sheets.reduce(
      (most, sheet) => Math.max(most, Number.isFinite(sheet.sheetId) ? sheet.sheetId : 0),
      0,
    ) + 1;
  const rPrefix = new RegExp(
    `xmlns:([\\w.-]+)\\s*=\\s*["']${namespaces.relationships.replace(/[.]/g, '\\.')}["']`,
  ).exec(xml.slice(0, sheetsElement.start))?.[1];
  const idAttribute = rPrefix
    ? `${rPrefix}:id="${id}"`
    : `r:id="${id}" xmlns:r="${namespaces.relationships}"`;
  const state = hidden ? ' state="hidden"' : '';
  const sheetElement = `<${sheetsElement.prefix}sheet name="${escapeXml(sheetName)}" sheetId="${sheetId}"${state} ${idAttribute}/>`;
  return appendChildrenEdit(sheetsElement, 'sheets', sheetElement);
}

/**
 * The content types with an override for each new part (replacing one of another type), none left for parts
 * that went, and a `rels` default when new relationship parts need one; undefined when nothing changes.
 */
export function editContentTypes(
  xml: string,
  newContentTypes: ReadonlyMap<string, string>,
  writtenPaths: readonly string[],
  removed: ReadonlySet<string>,
): string | undefined {
  const finalParts = new Set(writtenPaths.map((path) => path.toLowerCase()));
  const typesRoot = firstElement(xml, 'Types');
  if (!typesRoot) throw damaged('[Content_Types].xml has no Types element');
  const typeEdits: TextEdit[] = [];
  const declared = new Set<string>();
  for (const element of findElements(xml, 'Override', typesRoot.innerStart, typesRoot.innerEnd)) {
    const attributes = attributesOf(element.attributes);
    const part = (attributes.get('PartName') ?? '').replace(/^\//, '').toLowerCase();
    const wanted = [...newContentTypes].find(([path]) => path.toLowerCase() === part)?.[1];
    if (
      (removed.has(part) && !finalParts.has(part)) ||
      (wanted !== undefined && attributes.get('ContentType') !== wanted)
    )
      typeEdits.push({ start: element.start, end: element.end, text: '' });
    else declared.add(part);
  }
  const p = typesRoot.prefix;
  let additions = [...newContentTypes]
    .filter(([path]) => !declared.has(path.toLowerCase()))
    .map(([path, type]) => `<${p}Override PartName="/${escapeXml(path)}" ContentType="${type}"/>`)
    .join('');
  const hasRelsDefault = findElements(xml, 'Default', typesRoot.innerStart, typesRoot.innerEnd).some(
    (element) => (attributesOf(element.attributes).get('Extension') ?? '').toLowerCase() === 'rels',
  );
  if (!hasRelsDefault && writtenPaths.some((path) => path.endsWith('.rels')))
    additions = `<${p}Default Extension="rels" ContentType="${CONTENT_TYPES.relationships}"/>${additions}`;
  if (additions !== '') typeEdits.push(appendChildrenEdit(typesRoot, 'Types', additions));
  return typeEdits.length > 0 ? applyEdits(xml, typeEdits) : undefined;
}
