// The dashboard's cell formats in the workbook's own stylesheet: new fonts, fills, number formats and cell
// formats are appended (an identical existing entry is reused), so existing entries keep their index.

import type { PlanStyle } from '../core/dashboard/plan';
import {
  appendChildrenEdit,
  applyEdits,
  attributesOf,
  escapeXml,
  type Found,
  findElements,
  firstElement,
  PREFIX,
  type TextEdit,
} from './ooxml';
import { damaged } from './zip';

/** A number as xsd:double text ("-0" as "0"). */
export function formatNumber(value: number): string {
  return Object.is(value, -0) ? '0' : String(value);
}

/** Number formats every Excel has, independent of the locale (dates are not: 14–22 follow regional settings). */
const BUILTIN_FORMATS: Readonly<Record<string, number>> = {
  General: 0,
  '0': 1,
  '0.00': 2,
  '#,##0': 3,
  '#,##0.00': 4,
  '0%': 9,
  '0.00%': 10,
  '0.00E+00': 11,
  '# ?/?': 12,
  '# ??/??': 13,
  '@': 49,
};

/** The collections of a stylesheet, in schema order, with the element each holds. */
const STYLE_COLLECTIONS = [
  ['numFmts', 'numFmt'],
  ['fonts', 'font'],
  ['fills', 'fill'],
  ['borders', 'border'],
  ['cellStyleXfs', 'xf'],
  ['cellXfs', 'xf'],
  ['cellStyles', 'cellStyle'],
  ['dxfs', 'dxf'],
  ['tableStyles', 'tableStyle'],
  ['colors', ''],
  ['extLst', ''],
] as const;

type CollectionName = 'numFmts' | 'fonts' | 'fills' | 'borders' | 'cellStyleXfs' | 'cellXfs';

interface Collection {
  readonly element: Found | undefined;
  /** Existing child elements as written (their index is what cells refer to), or the defaults of a missing one. */
  readonly items: readonly string[];
  readonly added: string[];
}

/** How one plan cell is formatted. */
export interface CellFormat {
  /** The plan style's name, which identifies `style` within one plan. */
  readonly styleName: string | undefined;
  readonly style: PlanStyle | undefined;
  readonly numberFormat: string | undefined;
  readonly quotePrefix: boolean;
}

export class StyleSheet {
  private readonly collections = new Map<CollectionName, Collection>();
  private readonly prefix: string;
  private readonly defaultFont: string;
  private readonly numFmtIds = new Map<string, number>();
  private readonly redefinedBuiltins = new Set<number>();
  private nextNumFmtId = 164;
  private readonly xfCache = new Map<string, number>();

  private readonly xml: string;

  constructor(xml: string) {
    const root = firstElement(xml, 'styleSheet');
    if (!root) throw damaged('the styles part has no stylesheet');
    this.xml = root.selfClosing ? applyEdits(xml, [appendChildrenEdit(root, 'styleSheet', '')]) : xml;
    this.prefix = root.prefix;
    const defaults = defaultStyles(this.prefix);
    for (const [name, child] of STYLE_COLLECTIONS) {
      if (!isEditedCollection(name)) continue;
      const element = firstElement(this.xml, name);
      // A missing collection is created with the entries Excel expects at index 0 (and 1 for fills).
      const items = element
        ? findElements(this.xml, child, element.innerStart, element.innerEnd).map((item) =>
            this.xml.slice(item.start, item.end),
          )
        : defaults[name];
      this.collections.set(name, { element, items, added: [] });
    }
    for (const item of this.collection('numFmts').items) {
      const attributes = attributesOf(item.slice(0, item.indexOf('>')));
      const id = Number(attributes.get('numFmtId'));
      if (!Number.isInteger(id)) continue;
      const code = attributes.get('formatCode') ?? '';
      if (!this.numFmtIds.has(code)) this.numFmtIds.set(code, id);
      if (id < 164) this.redefinedBuiltins.add(id);
      this.nextNumFmtId = Math.max(this.nextNumFmtId, id + 1);
    }
    this.defaultFont = this.collection('fonts').items[0] ?? '';
  }

  private collection(name: CollectionName): Collection {
    const collection = this.collections.get(name);
    if (!collection) throw new Error(`unknown style collection ${name}`);
    return collection;
  }

  /** Index of an element in a collection: an identical existing one, else appended. */
  private indexOf(name: CollectionName, element: string): number {
    const collection = this.collection(name);
    const existing = collection.items.indexOf(element);
    if (existing >= 0) return existing;
    const added = collection.added.indexOf(element);
    if (added >= 0) return collection.items.length + added;
    collection.added.push(element);
    return collection.items.length + collection.added.length - 1;
  }

  private numFmtId(code: string | undefined): number {
    if (code === undefined || code === '' || code === 'General') return 0;
    const builtin = BUILTIN_FORMATS[code];
    if (builtin !== undefined && !this.redefinedBuiltins.has(builtin)) return builtin;
    const existing = this.numFmtIds.get(code);
    if (existing !== undefined) return existing;
    const id = this.nextNumFmtId++;
    this.numFmtIds.set(code, id);
    this.collection('numFmts').added.push(
      `<${this.prefix}numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`,
    );
    return id;
  }

  private fontId(style: PlanStyle): number {
    if (!style.bold && !style.italic && style.fontSize === undefined && argb(style.fontColor) === undefined)
      return 0;
    const p = this.prefix;
    const from = (name: string): string | undefined => {
      const match = new RegExp(`<${PREFIX}${name}\\s+val\\s*=\\s*"([^"]*)"`).exec(this.defaultFont);
      return match?.[1];
    };
    const size = style.fontSize ?? Number(from('sz') ?? 11);
    const color = argb(style.fontColor);
    const family = from('family');
    const charset = from('charset');
    const scheme = from('scheme');
    const font =
      `<${p}font>${style.bold ? `<${p}b/>` : ''}${style.italic ? `<${p}i/>` : ''}` +
      `<${p}sz val="${formatNumber(size)}"/>${color ? `<${p}color rgb="${color}"/>` : ''}` +
      `<${p}name val="${from('name') ?? 'Calibri'}"/>${family ? `<${p}family val="${family}"/>` : ''}` +
      `${charset ? `<${p}charset val="${charset}"/>` : ''}${scheme ? `<${p}scheme val="${scheme}"/>` : ''}</${p}font>`;
    return this.indexOf('fonts', font);
  }

  private fillId(style: PlanStyle): number {
    const color = argb(style.fill);
    if (color === undefined) return 0;
    const p = this.prefix;
    return this.indexOf(
      'fills',
      `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${color}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`,
    );
  }

  /** The cellXfs index for a cell format (0 when it needs nothing beyond the workbook's default). */
  cellXf(format: CellFormat): number {
    const key = `${format.styleName ?? ''}\u0000${format.numberFormat ?? ''}\u0000${format.quotePrefix}`;
    const cached = this.xfCache.get(key);
    if (cached !== undefined) return cached;
    const style = format.style ?? {};
    const numFmt = this.numFmtId(format.numberFormat);
    const font = this.fontId(style);
    const fill = this.fillId(style);
    const p = this.prefix;
    let index = 0;
    const aligned = style.align !== undefined || style.middle === true;
    if (numFmt !== 0 || font !== 0 || fill !== 0 || aligned || format.quotePrefix) {
      const attributes =
        `numFmtId="${numFmt}" fontId="${font}" fillId="${fill}" borderId="0" xfId="0"` +
        `${numFmt !== 0 ? ' applyNumberFormat="1"' : ''}${font !== 0 ? ' applyFont="1"' : ''}` +
        `${fill !== 0 ? ' applyFill="1"' : ''}${aligned ? ' applyAlignment="1"' : ''}` +
        `${format.quotePrefix ? ' quotePrefix="1"' : ''}`;
      const alignment =
        `${style.align === undefined ? '' : ` horizontal="${style.align}"`}` +
        `${style.middle ? ' vertical="center"' : ''}`;
      index = this.indexOf(
        'cellXfs',
        aligned ? `<${p}xf ${attributes}><${p}alignment${alignment}/></${p}xf>` : `<${p}xf ${attributes}/>`,
      );
    }
    this.xfCache.set(key, index);
    return index;
  }

  /** True when nothing was added. */
  get unchanged(): boolean {
    return [...this.collections.values()].every((collection) => collection.added.length === 0);
  }

  /** The stylesheet with the additions: collections grown in place, missing ones created in schema order. */
  toXml(): string {
    const p = this.prefix;
    const createMissing = this.collection('cellXfs').added.length > 0;
    const edits: TextEdit[] = [];
    const root = firstElement(this.xml, 'styleSheet');
    if (!root) throw damaged('the styles part has no stylesheet');
    STYLE_COLLECTIONS.forEach(([name], order) => {
      if (!isEditedCollection(name)) return;
      const { element, items, added } = this.collection(name);
      if (element) {
        if (added.length === 0) return;
        const count = items.length + added.length;
        const attributes = element.attributes.replace(/\bcount\s*=\s*("[^"]*"|'[^']*')/, `count="${count}"`);
        if (element.selfClosing) {
          edits.push({
            start: element.start,
            end: element.end,
            text: `<${element.prefix}${name}${attributes}>${added.join('')}</${element.prefix}${name}>`,
          });
        } else {
          edits.push({
            start: element.start,
            end: element.innerStart,
            text: `<${element.prefix}${name}${attributes}>`,
          });
          edits.push({ start: element.innerEnd, end: element.innerEnd, text: added.join('') });
        }
        return;
      }
      const all = [...items, ...added];
      if (added.length === 0 && !(createMissing && all.length > 0)) return;
      let position = root.innerEnd;
      for (const [later] of STYLE_COLLECTIONS.slice(order + 1)) {
        const found = firstElement(this.xml, later, root.innerStart, root.innerEnd);
        if (found) {
          position = found.start;
          break;
        }
      }
      edits.push({
        start: position,
        end: position,
        text: `<${p}${name} count="${all.length}">${all.join('')}</${p}${name}>`,
      });
    });
    return applyEdits(this.xml, edits);
  }
}

const isEditedCollection = (name: string): name is CollectionName =>
  name === 'numFmts' ||
  name === 'fonts' ||
  name === 'fills' ||
  name === 'borders' ||
  name === 'cellStyleXfs' ||
  name === 'cellXfs';

/** What a stylesheet must hold at the start of each collection, for collections a workbook lacks. */
function defaultStyles(p: string): Record<CollectionName, readonly string[]> {
  return {
    numFmts: [],
    fonts: [`<${p}font><${p}sz val="11"/><${p}name val="Calibri"/><${p}family val="2"/></${p}font>`],
    fills: [
      `<${p}fill><${p}patternFill patternType="none"/></${p}fill>`,
      `<${p}fill><${p}patternFill patternType="gray125"/></${p}fill>`,
    ],
    borders: [`<${p}border><${p}left/><${p}right/><${p}top/><${p}bottom/><${p}diagonal/></${p}border>`],
    cellStyleXfs: [`<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>`],
    cellXfs: [`<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`],
  };
}

/** '#RRGGBB' → 'FFRRGGBB'; undefined for anything else. */
function argb(color: string | undefined): string | undefined {
  return color !== undefined && /^#[0-9A-Fa-f]{6}$/.test(color)
    ? `FF${color.slice(1).toUpperCase()}`
    : undefined;
}
