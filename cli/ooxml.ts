// OOXML for reading and writing alike: XML scanning, decoding and escaping, package paths and relationships,
// the package's parts by name, and the workbook part's sheets and date styles.

import { MAX_CELL_TEXT } from '../core/cells';
import {
  DEFAULT_LIMITS,
  damaged,
  entryData,
  entryHead,
  InflateBudget,
  type InflateLimits,
  partKey,
  wasChecked,
  type ZipArchive,
  type ZipEntry,
} from './zip';

export { MAX_CELL_TEXT };

// ------------------------------------------------------------------------------------------------
// Decoding

const ENTITY = /&(#[xX][0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g;
const NAMED_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const OOXML_ESCAPE = /_x([0-9a-fA-F]{4})_/g;

function decodeEntity(_match: string, body: string): string {
  if (body.charCodeAt(0) !== 35 /* # */) return NAMED_ENTITIES[body] ?? '';
  const code =
    body[1] === 'x' || body[1] === 'X'
      ? Number.parseInt(body.slice(2), 16)
      : Number.parseInt(body.slice(1), 10);
  return code >= 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
    ? String.fromCodePoint(code)
    : '\ufffd';
}

/** Decodes XML attribute or text content: line ends normalised as an XML parser does, entities expanded. */
export function decodeXml(raw: string): string {
  let text = raw;
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
  return text.includes('&') ? text.replace(ENTITY, decodeEntity) : text;
}

/** Decodes cell text: XML decoding, then the OOXML `_xHHHH_` escapes (`_x000D_` = CR, `_x005F_` = `_`). */
export function decodeCellText(raw: string): string {
  const text = decodeXml(raw);
  return text.includes('_x')
    ? text.replace(OOXML_ESCAPE, (_match, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
    : text;
}

// ------------------------------------------------------------------------------------------------
// Escaping

/** Characters XML 1.0 does not allow. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const XML_FORBIDDEN = /[\0-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/;
const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const NOT_XML_CHAR = new RegExp(`${XML_FORBIDDEN.source}|${UNPAIRED_SURROGATE.source}`, 'g');
/** Characters cell text stores as `_xHHHH_`: those XML cannot hold, and CR (which XML reads as LF). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const NOT_CELL_CHAR = /[\0-\x08\x0B\x0C\x0D\x0E-\x1F\uFFFE\uFFFF]/g;
const XML_SPECIAL = /[&<>"\t\n\r]/g;
const XML_SPECIAL_TEXT: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/** Text for an attribute value (quoted with ") or element content: characters XML cannot hold are left out. */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML_CHAR, '').replace(XML_SPECIAL, (char) => XML_SPECIAL_TEXT[char] ?? char);
}

/**
 * Cell text as OOXML stores it: at most {@link MAX_CELL_TEXT} characters; control characters XML cannot hold
 * (and CR, which XML would turn into LF) as `_xHHHH_`; a literal `_xHHHH_` protected as `_x005F_xHHHH_`;
 * unpaired surrogates as U+FFFD; & < > as entities.
 */
export function escapeCellText(text: string): string {
  let limited = text;
  if (limited.length > MAX_CELL_TEXT) {
    const cut = /[\uD800-\uDBFF]/.test(limited[MAX_CELL_TEXT - 2] ?? '')
      ? MAX_CELL_TEXT - 2
      : MAX_CELL_TEXT - 1;
    limited = `${limited.slice(0, cut)}…`;
  }
  return limited
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1')
    .replace(UNPAIRED_SURROGATE, '\uFFFD')
    .replace(NOT_CELL_CHAR, (char) => `_x${hex4(char.charCodeAt(0))}_`)
    .replace(/[&<>]/g, (char) => XML_SPECIAL_TEXT[char] ?? char);
}

const hex4 = (code: number): string => code.toString(16).toUpperCase().padStart(4, '0');

// ------------------------------------------------------------------------------------------------
// Scanning (element names may carry a namespace prefix, as in `<x:c>`)

/** Matches an optional XML namespace prefix (`x:`) in the patterns below. */
export const PREFIX = '(?:[A-Za-z_][\\w.-]*:)?';
const ATTRIBUTE = /([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** Attributes of one start tag's attribute text, decoded. */
export function attributesOf(text: string): Map<string, string> {
  const attributes = new Map<string, string>();
  ATTRIBUTE.lastIndex = 0;
  for (let match = ATTRIBUTE.exec(text); match; match = ATTRIBUTE.exec(text)) {
    attributes.set(match[1] ?? '', decodeXml(match[2] ?? match[3] ?? ''));
  }
  return attributes;
}

/** The value of an attribute whose local name is `local` (any prefix), e.g. `r:id`. */
export function prefixedAttribute(
  attributes: ReadonlyMap<string, string>,
  local: string,
): string | undefined {
  for (const [name, value] of attributes) if (name.endsWith(`:${local}`)) return value;
  return undefined;
}

/** One element found in XML text: where it starts and ends, its tag's attribute text and its inner XML. */
export interface Found {
  readonly start: number;
  readonly end: number;
  readonly prefix: string;
  readonly attributes: string;
  /** Offset of the inner XML (= end for a self-closing element) and of the close tag. */
  readonly innerStart: number;
  readonly innerEnd: number;
  readonly selfClosing: boolean;
}

/** Elements `<name …/>` or `<name …>…</name>` (any prefix) in xml[from, to), in order, not nested in themselves. */
export function findElements(
  xml: string,
  name: string,
  from = 0,
  to = xml.length,
  limit = Infinity,
): Found[] {
  const found: Found[] = [];
  const open = new RegExp(`<(${PREFIX})${name}(?=[\\s/>])([^>]*)>`, 'g');
  open.lastIndex = from;
  for (
    let match = open.exec(xml);
    match && match.index < to && found.length < limit;
    match = open.exec(xml)
  ) {
    const prefix = match[1] ?? '';
    const attributes = match[2] ?? '';
    const innerStart = open.lastIndex;
    if (attributes.endsWith('/')) {
      found.push({
        start: match.index,
        end: innerStart,
        prefix,
        attributes: attributes.slice(0, -1),
        innerStart,
        innerEnd: innerStart,
        selfClosing: true,
      });
      continue;
    }
    const closeTag = `</${prefix}${name}>`;
    const close = xml.indexOf(closeTag, innerStart);
    if (close < 0 || close >= to) break;
    found.push({
      start: match.index,
      end: close + closeTag.length,
      prefix,
      attributes,
      innerStart,
      innerEnd: close,
      selfClosing: false,
    });
    open.lastIndex = close + closeTag.length;
  }
  return found;
}

/** The first `<name>` element in xml[from, to), or undefined (also when its close tag is missing). */
export const firstElement = (xml: string, name: string, from = 0, to = xml.length): Found | undefined =>
  findElements(xml, name, from, to, 1)[0];

/** The first `<name>` element; one whose close tag is missing runs to the end of `xml`, as a reader reads it. */
export function firstElementOrRest(xml: string, name: string): Found | undefined {
  const match = new RegExp(`<(${PREFIX})${name}(?=[\\s/>])([^>]*)>`).exec(xml);
  if (!match) return undefined;
  const found = findElements(xml, name, match.index, xml.length, 1)[0];
  if (found) return found;
  const innerStart = match.index + match[0].length;
  const attributes = match[2] ?? '';
  return {
    start: match.index,
    end: xml.length,
    prefix: match[1] ?? '',
    attributes,
    innerStart,
    innerEnd: xml.length,
    selfClosing: false,
  };
}

/** The inner XML of an element found in `xml`. */
export const innerOf = (xml: string, element: Found): string =>
  xml.slice(element.innerStart, element.innerEnd);

/** One text edit: replace [start, end) with `text`. */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Text edits on one string: replace [start, end) with text. Edits must not overlap. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let result = '';
  let at = 0;
  for (const edit of sorted) {
    result += text.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return result + text.slice(at);
}

/** Inserts `content` as the last children of an element (turning `<x/>` into `<x>…</x>`). */
export function appendChildrenEdit(element: Found, name: string, content: string): TextEdit {
  return element.selfClosing
    ? {
        start: element.start,
        end: element.end,
        text: `<${element.prefix}${name}${element.attributes}>${content}</${element.prefix}${name}>`,
      }
    : { start: element.innerEnd, end: element.innerEnd, text: content };
}

const PHONETIC_RUN = new RegExp(`<(${PREFIX})rPh\\b[\\s\\S]*?</\\1rPh>`, 'g');
const TEXT_OPEN = new RegExp(`<(${PREFIX})t(?=[\\s/>])([^>]*)>`, 'g');

/** Text of a shared string item or inline string: all `<t>` runs joined, phonetic (furigana) runs left out. */
export function richText(inner: string): string {
  const xml = inner.includes('rPh') ? inner.replace(PHONETIC_RUN, '') : inner;
  let text = '';
  TEXT_OPEN.lastIndex = 0;
  for (let match = TEXT_OPEN.exec(xml); match; match = TEXT_OPEN.exec(xml)) {
    if ((match[2] ?? '').endsWith('/')) continue;
    const closeTag = `</${match[1] ?? ''}t>`;
    const close = xml.indexOf(closeTag, TEXT_OPEN.lastIndex);
    if (close < 0) break;
    text += xml.slice(TEXT_OPEN.lastIndex, close);
    TEXT_OPEN.lastIndex = close + closeTag.length;
  }
  return decodeCellText(text);
}

// ------------------------------------------------------------------------------------------------
// Package paths and relationships

/** Resolves a relationship target against the folder of the part that owns the relationships. */
export function resolveTarget(baseFolder: string, target: string): string {
  let decoded = target.replace(/\\/g, '/');
  try {
    decoded = decodeURIComponent(decoded);
  } catch {
    // A target with a stray % is used as written.
  }
  const joined = decoded.startsWith('/') ? decoded.slice(1) : `${baseFolder}${decoded}`;
  const parts: string[] = [];
  for (const part of joined.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/');
}

/** The folder of a package part, with its trailing slash. */
export const folderOf = (path: string): string => path.slice(0, path.lastIndexOf('/') + 1);
/** The relationships part of a package part. */
export const relsPathOf = (path: string): string =>
  `${folderOf(path)}_rels/${path.slice(path.lastIndexOf('/') + 1)}.rels`;

/** The relative target from the part `from` to the part `to` ("../drawings/drawing1.xml"). */
export function relativeTarget(from: string, to: string): string {
  const fromFolders = folderOf(from).split('/').filter(Boolean);
  const toParts = to.split('/');
  let common = 0;
  while (
    common < fromFolders.length &&
    common < toParts.length - 1 &&
    fromFolders[common] === toParts[common]
  )
    common++;
  return [...fromFolders.slice(common).map(() => '..'), ...toParts.slice(common)].join('/');
}

export interface Relationship {
  /** The `Id` attribute; undefined when the element has none. */
  readonly id: string | undefined;
  readonly type: string;
  /** Resolved part name, or undefined for an external target. */
  readonly target: string | undefined;
  readonly element: Found;
}

/** The relationships in a `.rels` part's XML (none when the part is missing), targets resolved from `ownerPath`. */
export function readRelationships(xml: string | undefined, ownerPath: string): Relationship[] {
  if (xml === undefined) return [];
  return findElements(xml, 'Relationship').map((element) => {
    const attributes = attributesOf(element.attributes);
    const target = attributes.get('Target');
    const external = attributes.get('TargetMode') === 'External';
    return {
      id: attributes.get('Id'),
      type: attributes.get('Type') ?? '',
      target: external || target === undefined ? undefined : resolveTarget(folderOf(ownerPath), target),
      element,
    };
  });
}

export const PACKAGE_RELATIONSHIPS = 'http://schemas.openxmlformats.org/package/2006/relationships';
export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** The namespaces of the workbook's conformance class (transitional, or strict as Excel writes it). */
export interface Namespaces {
  readonly main: string;
  readonly relationships: string;
  readonly drawing: string;
  readonly chart: string;
  readonly spreadsheetDrawing: string;
}

export const TRANSITIONAL: Namespaces = {
  main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  relationships: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  drawing: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  chart: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
  spreadsheetDrawing: 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing',
};

export const STRICT: Namespaces = {
  main: 'http://purl.oclc.org/ooxml/spreadsheetml/main',
  relationships: 'http://purl.oclc.org/ooxml/officeDocument/relationships',
  drawing: 'http://purl.oclc.org/ooxml/drawingml/main',
  chart: 'http://purl.oclc.org/ooxml/drawingml/chart',
  spreadsheetDrawing: 'http://purl.oclc.org/ooxml/drawingml/spreadsheetDrawing',
};

export const CONTENT_TYPES = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
  relationships: 'application/vnd.openxmlformats-package.relationships+xml',
} as const;

/** A new `.rels` part holding these relationships. */
export function relationshipsXml(
  relationships: readonly { id: string; type: string; target: string }[],
): string {
  return `${XML_DECLARATION}<Relationships xmlns="${PACKAGE_RELATIONSHIPS}">${relationships
    .map(
      (relationship) =>
        `<Relationship Id="${relationship.id}" Type="${escapeXml(relationship.type)}" Target="${escapeXml(relationship.target)}"/>`,
    )
    .join('')}</Relationships>`;
}

// ------------------------------------------------------------------------------------------------
// The package's parts

const utf8Lenient = new TextDecoder('utf-8');
const utf8Strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * How part text is decoded: `read` as a reader does (a byte-order mark dropped, bad bytes as U+FFFD); `edit`
 * strictly, for parts that are edited and written back (a byte-order mark kept, anything not UTF-8 is damage).
 */
export type TextMode = 'read' | 'edit';

/** The parts of a zip package by name (case-insensitive, `\` read as `/`), inflated and decoded when asked. */
export class Package {
  private readonly byKey = new Map<string, ZipEntry>();
  private readonly texts = new Map<string, string>();
  /** What the package's parts may still inflate to, all reads together. */
  private readonly budget: InflateBudget;

  constructor(
    private readonly bytes: Uint8Array,
    readonly archive: ZipArchive,
    private readonly mode: TextMode,
    limits: InflateLimits = DEFAULT_LIMITS,
  ) {
    this.budget = new InflateBudget(limits);
    this.budget.checkDeclared(archive.entries);
    for (const entry of archive.entries) {
      const key = partKey(entry.name);
      if (!this.byKey.has(key)) this.byKey.set(key, entry);
    }
  }

  entry(path: string): ZipEntry | undefined {
    return this.byKey.get(partKey(path));
  }

  has(path: string): boolean {
    return this.byKey.has(partKey(path));
  }

  /** The part's text, or undefined when the package has no such part; kept for the next call unless `keep` is false. */
  text(path: string, keep = true): string | undefined {
    const entry = this.entry(path);
    if (entry === undefined) return undefined;
    let text = this.texts.get(entry.name);
    if (text === undefined) {
      text = this.decode(entry.name, entryData(this.bytes, entry, this.budget));
      if (keep) this.texts.set(entry.name, text);
    }
    return text;
  }

  /** The part's text up to `marker`, inflated no further (see {@link entryHead}); undefined when there is no part. */
  head(path: string, marker: string): string | undefined {
    const entry = this.entry(path);
    if (entry === undefined) return undefined;
    return this.texts.get(entry.name) ?? utf8Lenient.decode(entryHead(this.bytes, entry, marker));
  }

  /**
   * Inflates and checks (size, CRC-32) every entry not read yet, within the same budget, keeping nothing:
   * for a writer that copies entries raw, so that it never carries a damaged part into a new file. Entries the
   * reader of the same bytes checked already are not inflated again.
   */
  verifyAll(): void {
    for (const entry of this.archive.entries)
      if (!this.texts.has(entry.name) && !wasChecked(this.bytes, entry))
        entryData(this.bytes, entry, this.budget);
  }

  /** Part names (as stored, slashes normalised) of every entry. */
  names(): string[] {
    return this.archive.entries.map((entry) => entry.name.replace(/\\/g, '/'));
  }

  private decode(name: string, data: Uint8Array): string {
    if (this.mode === 'read') return utf8Lenient.decode(data);
    try {
      return utf8Strict.decode(data);
    } catch {
      throw damaged(`${name} is not UTF-8 text`);
    }
  }
}

// ------------------------------------------------------------------------------------------------
// The workbook part

/** One `<sheet>` of the workbook's sheet list, with the relationship its `r:id` names. */
export interface SheetEntry {
  readonly name: string;
  readonly sheetId: number;
  /** True when the sheet is hidden or very hidden. */
  readonly hidden: boolean;
  readonly relationship: Relationship | undefined;
}

/** The workbook part: its path, XML, relationships (by id too), sheet list and date system. */
export interface WorkbookPart {
  readonly path: string;
  readonly xml: string;
  readonly relationships: readonly Relationship[];
  readonly relationshipById: ReadonlyMap<string, Relationship>;
  readonly sheets: readonly SheetEntry[];
  readonly date1904: boolean;
}

/** The workbook part's path: the package's officeDocument relationship target, else `xl/workbook.xml`. */
export function workbookPathOf(parts: Package): string {
  const officeDocument = readRelationships(parts.text('_rels/.rels'), '').find(
    (relationship) => relationship.type.endsWith('/officeDocument') && relationship.target !== undefined,
  );
  return officeDocument?.target !== undefined && parts.has(officeDocument.target)
    ? officeDocument.target
    : 'xl/workbook.xml';
}

/** Reads the workbook part at `path` (its XML must exist) with the relationships in `relsXml`. */
export function readWorkbookPart(path: string, xml: string, relsXml: string | undefined): WorkbookPart {
  const relationships = readRelationships(relsXml, path);
  const relationshipById = new Map<string, Relationship>();
  for (const relationship of relationships)
    if (relationship.id !== undefined) relationshipById.set(relationship.id, relationship);
  const sheetList = firstElementOrRest(xml, 'sheets');
  const sheets = (sheetList ? findElements(innerOf(xml, sheetList), 'sheet') : []).map((element) => {
    const attributes = attributesOf(element.attributes);
    const state = attributes.get('state') ?? 'visible';
    return {
      name: attributes.get('name') ?? '',
      sheetId: Number(attributes.get('sheetId')),
      hidden: state !== 'visible',
      relationship: relationshipById.get(prefixedAttribute(attributes, 'id') ?? ''),
    };
  });
  const workbookPr = firstElementOrRest(xml, 'workbookPr');
  const date1904Attribute = workbookPr ? attributesOf(workbookPr.attributes).get('date1904') : undefined;
  const date1904 = date1904Attribute === '1' || date1904Attribute === 'true';
  return { path, xml, relationships, relationshipById, sheets, date1904 };
}

/** The target of the workbook's first relationship whose type ends with `/kind`. */
export function workbookTargetOf(workbook: WorkbookPart, kind: string): string | undefined {
  return workbook.relationships.find(
    (relationship) => relationship.type.endsWith(`/${kind}`) && relationship.target !== undefined,
  )?.target;
}

// ------------------------------------------------------------------------------------------------
// Styles: which cell formats are dates (only needed to shift 1904-system dates)

const DATE_BUILTIN_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
  55, 56, 57, 58,
]);

/** True when a custom number format shows a date or time: d, m, y or h outside quotes, brackets and escapes. */
export function isDateFormatCode(code: string): boolean {
  const section = code.split(';')[0] ?? '';
  const bare = section
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '');
  return /[dmyh]/i.test(bare);
}

/**
 * Built-in number formats (ECMA-376 Part 1 §18.8.30, numFmt) that show numbers and money, as en-US Excel shows them;
 * 5–8, 42 and 44 show the system's currency, read here as the dollar.
 */
const BUILTIN_NUMBER_FORMATS: Readonly<Record<number, string>> = {
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  5: '"$"#,##0_);\\("$"#,##0\\)',
  6: '"$"#,##0_);[Red]\\("$"#,##0\\)',
  7: '"$"#,##0.00_);\\("$"#,##0.00\\)',
  8: '"$"#,##0.00_);[Red]\\("$"#,##0.00\\)',
  9: '0%',
  10: '0.00%',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00;(#,##0.00)',
  40: '#,##0.00;[Red](#,##0.00)',
  42: '_("$"* #,##0_);_("$"* \\(#,##0\\);_("$"* "-"_);_(@_)',
  44: '_("$"* #,##0.00_);_("$"* \\(#,##0.00\\);_("$"* "-"??_);_(@_)',
};

/** For each cellXfs index of a stylesheet, its number format's id and, for a custom one, its code (numFmts). */
function styleFormats(xml: string): { readonly id: number; readonly custom: string | undefined }[] {
  const custom = new Map<number, string>();
  const numFmts = firstElementOrRest(xml, 'numFmts');
  for (const element of numFmts ? findElements(innerOf(xml, numFmts), 'numFmt') : []) {
    const attributes = attributesOf(element.attributes);
    custom.set(Number(attributes.get('numFmtId')), attributes.get('formatCode') ?? '');
  }
  const cellXfs = firstElementOrRest(xml, 'cellXfs');
  return (cellXfs ? findElements(innerOf(xml, cellXfs), 'xf') : []).map((element) => {
    const id = Number(attributesOf(element.attributes).get('numFmtId') ?? 0);
    return { id, custom: custom.get(id) };
  });
}

/** For each cellXfs index of a stylesheet, its number format code; undefined for General and unknown built-ins. */
export function readFormatCodes(xml: string | undefined): (string | undefined)[] {
  if (xml === undefined) return [];
  return styleFormats(xml).map(({ id, custom }) => {
    const code = custom ?? BUILTIN_NUMBER_FORMATS[id];
    return code === undefined || code === '' || code.toLowerCase() === 'general' ? undefined : code;
  });
}

/** For each cellXfs index of a stylesheet, whether its number format is a date format. */
export function readDateStyles(xml: string | undefined): boolean[] {
  if (xml === undefined) return [];
  return styleFormats(xml).map(({ id, custom }) =>
    custom !== undefined ? isDateFormatCode(custom) : DATE_BUILTIN_FORMATS.has(id),
  );
}
