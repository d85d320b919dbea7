/**
 * Offline structural lint of manifest.xml (the add-in only manifest for Excel).
 *
 * Microsoft's schema validation (`office-addin-manifest validate`) calls an online service, so it is
 * not run here. Instead this file parses the manifest with a small XML reader (below) and checks the
 * rules the product depends on (DESIGN.md §3, §7b, §8): least privilege, the PMO namespace, one
 * long-lived shared runtime used by every part, resource ids that resolve, https-only URLs that the
 * build actually serves, icons of the right size, and the ribbon command name. It also runs the
 * package's offline `info` command.
 *
 * The checks against dist/excel need `npm run build` first (the vitest global setup does it).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MANIFEST_PATH = join(ROOT, 'manifest.xml');
const DIST_EXCEL = join(ROOT, 'dist', 'excel');
const ASSETS = join(ROOT, 'assets');
const DEV_ORIGIN = 'https://localhost:3000';

const NS = {
  officeApp: 'http://schemas.microsoft.com/office/appforoffice/1.1',
  bt: 'http://schemas.microsoft.com/office/officeappbasictypes/1.0',
  overrides: 'http://schemas.microsoft.com/office/taskpaneappversionoverrides',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
  xml: 'http://www.w3.org/XML/1998/namespace',
  xmlns: 'http://www.w3.org/2000/xmlns/',
} as const;

// ---------------------------------------------------------------------------------------------
// A small, strict XML reader: enough of XML 1.0 + Namespaces for a manifest (ASCII names, the five
// predefined entities and character references, comments, CDATA, processing instructions; no DTD).
// It throws with a line number on anything that is not well-formed.
// ---------------------------------------------------------------------------------------------

interface XmlAttribute {
  readonly qname: string;
  readonly local: string;
  readonly ns: string;
  readonly value: string;
}

interface XmlElement {
  readonly qname: string;
  readonly local: string;
  readonly ns: string;
  readonly attributes: readonly XmlAttribute[];
  readonly children: XmlElement[];
  readonly parent: XmlElement | undefined;
  readonly line: number;
  /** Character data directly inside this element (entities decoded), concatenated. */
  text: string;
}

const NAME = /^[A-Za-z_][A-Za-z0-9._-]*(?::[A-Za-z_][A-Za-z0-9._-]*)?/;
/** Index of the first character XML 1.0 forbids (C0 controls other than tab/LF/CR, U+FFFE/U+FFFF), or -1. */
function forbiddenCharAt(text: string): number {
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0xfffe || c === 0xffff) return k;
  }
  return -1;
}

function parseXml(source: string): XmlElement {
  function lineAt(offset: number): number {
    return source.slice(0, offset).split('\n').length;
  }
  function fail(message: string, offset: number): never {
    throw new Error(`XML not well-formed: ${message} (line ${lineAt(offset)})`);
  }
  const bad = forbiddenCharAt(source);
  if (bad >= 0)
    fail(`character U+${source.charCodeAt(bad).toString(16).padStart(4, '0')} is not allowed`, bad);

  const decode = (raw: string, offset: number): string => {
    if (raw.includes(']]>')) fail("']]>' is not allowed in character data", offset);
    return raw.replace(/&([^;&\s<]*);?/g, (match, body: string) => {
      if (!match.endsWith(';')) fail(`bare '&' (escape it as &amp;)`, offset);
      const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
      if (body in named) return named[body] as string;
      const num = /^#(?:x([0-9A-Fa-f]+)|([0-9]+))$/.exec(body);
      if (!num) return fail(`unknown entity &${body};`, offset);
      const code = num[1] !== undefined ? Number.parseInt(num[1], 16) : Number(num[2]);
      if (code > 0x10ffff) fail(`character reference &${body}; is out of range`, offset);
      const ch = String.fromCodePoint(code);
      if (forbiddenCharAt(ch) >= 0) fail(`character reference &${body}; is not allowed`, offset);
      return ch;
    });
  };

  let i = 0;
  if (source.startsWith('\uFEFF')) i = 1;
  if (source.startsWith('<?xml', i)) {
    const end = source.indexOf('?>', i);
    if (end < 0) fail('unterminated XML declaration', i);
    const decl = source.slice(i + 5, end);
    if (
      !/^\s+version\s*=\s*(["'])1\.[0-9]+\1(\s+encoding\s*=\s*(["'])[A-Za-z][\w.-]*\3)?(\s+standalone\s*=\s*(["'])(yes|no)\5)?\s*$/.test(
        decl,
      )
    ) {
      fail('malformed XML declaration', i);
    }
    i = end + 2;
  }

  let root: XmlElement | undefined;
  const stack: { element: XmlElement; scope: Map<string, string> }[] = [];
  const topScope = new Map<string, string>([['xml', NS.xml]]);

  while (i < source.length) {
    const lt = source.indexOf('<', i);
    const textEnd = lt < 0 ? source.length : lt;
    if (textEnd > i) {
      const raw = source.slice(i, textEnd);
      const current = stack.at(-1);
      if (current) current.element.text += decode(raw, i);
      else if (raw.trim() !== '') fail('text outside the root element', i);
      i = textEnd;
      continue;
    }
    // Markup at i.
    if (source.startsWith('<!--', i)) {
      const end = source.indexOf('-->', i + 4);
      if (end < 0) fail('unterminated comment', i);
      if (source.slice(i + 4, end).includes('--') || source[end - 1] === '-')
        fail("'--' inside a comment", i);
      i = end + 3;
    } else if (source.startsWith('<![CDATA[', i)) {
      const current = stack.at(-1);
      if (!current) fail('CDATA outside the root element', i);
      const end = source.indexOf(']]>', i + 9);
      if (end < 0) fail('unterminated CDATA section', i);
      current.element.text += source.slice(i + 9, end);
      i = end + 3;
    } else if (source.startsWith('<!', i)) {
      fail('DOCTYPE and other declarations are not expected in a manifest', i);
    } else if (source.startsWith('<?', i)) {
      const end = source.indexOf('?>', i);
      if (end < 0) fail('unterminated processing instruction', i);
      const target = NAME.exec(source.slice(i + 2))?.[0];
      if (!target || target.toLowerCase() === 'xml')
        fail('misplaced XML declaration or bad processing instruction', i);
      i = end + 2;
    } else if (source.startsWith('</', i)) {
      const name = NAME.exec(source.slice(i + 2))?.[0];
      if (!name) return fail('bad closing tag', i);
      const close = /^\s*>/.exec(source.slice(i + 2 + name.length));
      if (!close) fail(`bad closing tag </${name}`, i);
      const open = stack.pop();
      if (!open) return fail(`closing tag </${name}> without an open element`, i);
      if (open.element.qname !== name) {
        fail(`</${name}> closes <${open.element.qname}> (opened on line ${open.element.line})`, i);
      }
      i += 2 + name.length + close[0].length;
    } else {
      const tagStart = i;
      const name = NAME.exec(source.slice(i + 1))?.[0];
      if (!name) return fail("'<' does not start a tag (escape it as &lt;)", i);
      if (root && stack.length === 0) fail(`second root element <${name}>`, i);
      i += 1 + name.length;
      const raw: { qname: string; value: string }[] = [];
      let selfClosing = false;
      for (;;) {
        const ws = /^\s*/.exec(source.slice(i))?.[0] ?? '';
        i += ws.length;
        if (source.startsWith('/>', i)) {
          selfClosing = true;
          i += 2;
          break;
        }
        if (source.startsWith('>', i)) {
          i += 1;
          break;
        }
        if (i >= source.length) fail(`unterminated tag <${name}`, tagStart);
        if (ws === '') fail(`missing whitespace before an attribute in <${name}>`, i);
        const attrName = NAME.exec(source.slice(i))?.[0];
        if (!attrName) return fail(`bad attribute in <${name}>`, i);
        i += attrName.length;
        const m = /^\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/.exec(source.slice(i));
        if (!m) return fail(`attribute ${attrName} in <${name}> needs a quoted value without '<'`, i);
        if (raw.some((a) => a.qname === attrName)) fail(`duplicate attribute ${attrName} in <${name}>`, i);
        raw.push({ qname: attrName, value: decode(m[1] ?? m[2] ?? '', i) });
        i += m[0].length;
      }
      const parentEntry = stack.at(-1);
      const scope = new Map(parentEntry?.scope ?? topScope);
      for (const a of raw) {
        if (a.qname === 'xmlns') scope.set('', a.value);
        else if (a.qname.startsWith('xmlns:')) {
          if (a.value === '') fail(`namespace prefix ${a.qname.slice(6)} bound to an empty URI`, tagStart);
          scope.set(a.qname.slice(6), a.value);
        }
      }
      const resolveName = (qname: string, isAttribute: boolean): { local: string; ns: string } => {
        const colon = qname.indexOf(':');
        if (colon < 0) return { local: qname, ns: isAttribute ? '' : (scope.get('') ?? '') };
        const prefix = qname.slice(0, colon);
        if (prefix === 'xmlns') return { local: qname.slice(colon + 1), ns: NS.xmlns };
        const ns = scope.get(prefix);
        if (ns === undefined) return fail(`undeclared namespace prefix '${prefix}' in ${qname}`, tagStart);
        return { local: qname.slice(colon + 1), ns };
      };
      const attributes = raw.map((a) => ({ qname: a.qname, value: a.value, ...resolveName(a.qname, true) }));
      const expanded = new Set<string>();
      for (const a of attributes) {
        if (a.qname === 'xmlns') continue;
        const key = `{${a.ns}}${a.local}`;
        if (expanded.has(key))
          fail(`attribute ${a.qname} appears twice in <${name}> (after namespace resolution)`, tagStart);
        expanded.add(key);
      }
      const element: XmlElement = {
        qname: name,
        ...resolveName(name, false),
        attributes,
        children: [],
        parent: parentEntry?.element,
        line: lineAt(tagStart),
        text: '',
      };
      if (parentEntry) parentEntry.element.children.push(element);
      else root = element;
      if (!selfClosing) stack.push({ element, scope });
    }
  }
  const unclosed = stack.at(-1);
  if (unclosed)
    fail(`<${unclosed.element.qname}> (line ${unclosed.element.line}) is never closed`, source.length);
  if (!root) return fail('no root element', source.length);
  return root;
}

function* allElements(element: XmlElement): Generator<XmlElement> {
  yield element;
  for (const child of element.children) yield* allElements(child);
}

function attr(element: XmlElement, local: string, ns = ''): string | undefined {
  return element.attributes.find((a) => a.local === local && a.ns === ns)?.value;
}

function xsiType(element: XmlElement): string | undefined {
  return attr(element, 'type', NS.xsi);
}

function children(element: XmlElement, local: string, ns: string): XmlElement[] {
  return element.children.filter((c) => c.local === local && c.ns === ns);
}

/** The one child at the end of a path of local names, all in namespace ns; fails if missing or repeated. */
function only(element: XmlElement, ns: string, ...path: string[]): XmlElement {
  let current = element;
  for (const local of path) {
    const found = children(current, local, ns);
    if (found.length !== 1) {
      throw new Error(
        `expected exactly one <${local}> in <${current.qname}> (line ${current.line}), found ${found.length}`,
      );
    }
    current = found[0] as XmlElement;
  }
  return current;
}

function where(element: XmlElement): string {
  const path: string[] = [];
  for (let e: XmlElement | undefined = element; e; e = e.parent) path.unshift(e.local);
  return `${path.join('/')} (line ${element.line})`;
}

// ---------------------------------------------------------------------------------------------
// PNG helpers (independent of scripts/make-icons.ts, so the generator is checked, not trusted).
// ---------------------------------------------------------------------------------------------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Reads a PNG file fully (signature, chunk CRCs, IHDR, inflated IDAT size); returns its size. */
function readPng(file: string): { width: number; height: number } {
  const data = readFileSync(file);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!data.subarray(0, 8).equals(signature)) throw new Error(`${file}: not a PNG signature`);
  let offset = 8;
  let width = 0;
  let height = 0;
  let colourType = -1;
  let bitDepth = 0;
  const idat: Buffer[] = [];
  const types: string[] = [];
  while (offset < data.length) {
    if (offset + 12 > data.length) throw new Error(`${file}: truncated chunk`);
    const length = data.readUInt32BE(offset);
    const type = data.toString('latin1', offset + 4, offset + 8);
    const body = data.subarray(offset + 8, offset + 8 + length);
    if (body.length !== length || offset + 12 + length > data.length)
      throw new Error(`${file}: truncated ${type}`);
    const crc = data.readUInt32BE(offset + 8 + length);
    if (crc32(data.subarray(offset + 4, offset + 8 + length)) !== crc)
      throw new Error(`${file}: bad CRC in ${type}`);
    types.push(type);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      bitDepth = body[8] ?? 0;
      colourType = body[9] ?? -1;
    }
    if (type === 'IDAT') idat.push(body);
    offset += 12 + length;
  }
  if (types[0] !== 'IHDR' || types.at(-1) !== 'IEND' || idat.length === 0) {
    throw new Error(`${file}: chunks must be IHDR … IDAT … IEND, found ${types.join(', ')}`);
  }
  const channels: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
  const perPixel = channels[colourType];
  if (perPixel === undefined || bitDepth !== 8)
    throw new Error(`${file}: expected 8-bit colour, got type ${colourType}/${bitDepth}`);
  const pixels = inflateSync(Buffer.concat(idat));
  if (pixels.length !== height * (1 + width * perPixel))
    throw new Error(`${file}: image data does not match ${width}×${height}`);
  return { width, height };
}

// ---------------------------------------------------------------------------------------------
// The manifest and the facts the tests share
// ---------------------------------------------------------------------------------------------

const manifestSource = readFileSync(MANIFEST_PATH, 'utf8');
/** Parsed at load: if manifest.xml is not well-formed, no check below can run, so the whole file fails here. */
const manifest = (() => {
  try {
    return parseXml(manifestSource);
  } catch (error) {
    throw new Error(`manifest.xml: ${(error as Error).message}`);
  }
})();
const elements = [...allElements(manifest)];
const overrides = only(manifest, NS.overrides, 'VersionOverrides');
const resources = only(overrides, NS.overrides, 'Resources');

type ResourceKind = 'Images' | 'Urls' | 'ShortStrings' | 'LongStrings';
const RESOURCE_KINDS: readonly ResourceKind[] = ['Images', 'Urls', 'ShortStrings', 'LongStrings'];

interface Resource {
  readonly id: string;
  readonly kind: ResourceKind;
  readonly value: string;
  readonly element: XmlElement;
}

const resourceList: Resource[] = RESOURCE_KINDS.flatMap((kind) =>
  children(resources, kind, NS.bt).flatMap((group) =>
    group.children.map((element) => ({
      id: attr(element, 'id') ?? '',
      kind,
      value: attr(element, 'DefaultValue') ?? '',
      element,
    })),
  ),
);
const resourcesById = new Map(resourceList.map((r) => [r.id, r]));

function resolveResid(resid: string): Resource {
  const resource = resourcesById.get(resid);
  if (!resource) throw new Error(`resid "${resid}" is not defined in <Resources>`);
  return resource;
}

function residOf(element: XmlElement): string {
  const resid = attr(element, 'resid');
  if (resid === undefined) throw new Error(`${where(element)} has no resid`);
  return resid;
}

/** Which resource collection each kind of referencing element must point into. */
const EXPECTED_KIND: Record<string, ResourceKind> = {
  Runtime: 'Urls',
  SourceLocation: 'Urls',
  FunctionFile: 'Urls',
  LearnMoreUrl: 'Urls',
  Image: 'Images',
  Label: 'ShortStrings',
  Title: 'ShortStrings',
  Namespace: 'ShortStrings',
  Description: 'LongStrings',
};

const residReferences = elements.filter((e) => attr(e, 'resid') !== undefined);

/** Every URL the manifest states, with the element that states it. */
function manifestUrls(): { url: string; at: string }[] {
  const out: { url: string; at: string }[] = [];
  const base = (local: string) => children(manifest, local, NS.officeApp);
  for (const local of ['IconUrl', 'HighResolutionIconUrl', 'SupportUrl']) {
    for (const e of base(local)) {
      out.push({ url: attr(e, 'DefaultValue') ?? '', at: where(e) });
      for (const o of children(e, 'Override', NS.officeApp))
        out.push({ url: attr(o, 'Value') ?? '', at: where(o) });
    }
  }
  for (const e of children(only(manifest, NS.officeApp, 'DefaultSettings'), 'SourceLocation', NS.officeApp)) {
    out.push({ url: attr(e, 'DefaultValue') ?? '', at: where(e) });
    for (const o of children(e, 'Override', NS.officeApp))
      out.push({ url: attr(o, 'Value') ?? '', at: where(o) });
  }
  for (const appDomains of base('AppDomains')) {
    for (const d of children(appDomains, 'AppDomain', NS.officeApp))
      out.push({ url: d.text.trim(), at: where(d) });
  }
  for (const r of resourceList) {
    if (r.kind !== 'Urls' && r.kind !== 'Images') continue;
    out.push({ url: r.value, at: where(r.element) });
    for (const o of children(r.element, 'Override', NS.bt))
      out.push({ url: attr(o, 'Value') ?? '', at: where(o) });
  }
  return out;
}

function devPath(url: string): string | undefined {
  const parsed = new URL(url);
  if (parsed.origin !== DEV_ORIGIN) return undefined;
  return decodeURIComponent(parsed.pathname).replace(/^\/+/, '');
}

/** Icon URL → the pixel size Office expects, from the manifest itself. */
function expectedIconSizes(): Map<string, number> {
  const sizes = new Map<string, number>();
  const expect1 = (url: string, size: number, at: string) => {
    const previous = sizes.get(url);
    if (previous !== undefined && previous !== size)
      throw new Error(`${url} is used as ${previous}px and ${size}px (${at})`);
    sizes.set(url, size);
  };
  const iconUrl = only(manifest, NS.officeApp, 'IconUrl');
  const highRes = only(manifest, NS.officeApp, 'HighResolutionIconUrl');
  expect1(attr(iconUrl, 'DefaultValue') ?? '', 32, where(iconUrl));
  expect1(attr(highRes, 'DefaultValue') ?? '', 64, where(highRes));
  for (const image of elements.filter(
    (e) => e.local === 'Image' && e.ns === NS.bt && attr(e, 'size') !== undefined,
  )) {
    expect1(resolveResid(residOf(image)).value, Number(attr(image, 'size')), where(image));
  }
  return sizes;
}

function runCli(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const pkgDir = join(ROOT, 'node_modules', 'office-addin-manifest');
  const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as {
    bin: Record<string, string>;
  };
  const bin = pkg.bin['office-addin-manifest'];
  if (!bin) throw new Error('office-addin-manifest declares no office-addin-manifest bin');
  // The installed CLI run directly with this Node (what `npx office-addin-manifest` resolves to),
  // so no npm lookup and no network is involved.
  const result = spawnSync(process.execPath, [join(pkgDir, bin), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 20_000,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

// ---------------------------------------------------------------------------------------------

describe('the XML reader used by the manifest lint', () => {
  it('reads elements, namespaces, attributes and decoded text', () => {
    const doc = parseXml(
      '<?xml version="1.0" encoding="UTF-8"?><a xmlns="urn:a" xmlns:b="urn:b" x="1 &amp; 2"><b:c>&lt;ok&gt; &#65;<![CDATA[<raw>]]></b:c><!-- note --></a>',
    );
    expect(doc.ns).toBe('urn:a');
    expect(attr(doc, 'x')).toBe('1 & 2');
    expect(doc.children[0]?.ns).toBe('urn:b');
    expect(doc.children[0]?.text).toBe('<ok> A<raw>');
  });

  it.each([
    ['a mismatched closing tag', '<a><b></a></b>'],
    ['an unclosed element', '<a><b/>'],
    ['a duplicate attribute', '<a x="1" x="2"/>'],
    ['an unquoted attribute', '<a x=1/>'],
    ['a bare ampersand', '<a>R&D</a>'],
    ['an unknown entity', '<a>&nbsp;</a>'],
    ['an undeclared prefix', '<a><bt:Image/></a>'],
    ['two root elements', '<a/><b/>'],
    ['a double hyphen inside a comment', '<a><!-- a -- b --></a>'],
    ['an XML declaration that is not first', ' <?xml version="1.0"?><a/>'],
    ['a DOCTYPE', '<!DOCTYPE a><a/>'],
  ])('rejects %s', (_label, xml) => {
    expect(() => parseXml(xml)).toThrow(/not well-formed/);
  });
});

describe('manifest.xml', () => {
  it('is well-formed XML whose root is a task pane OfficeApp', () => {
    expect(manifest.local).toBe('OfficeApp');
    expect(manifest.ns).toBe(NS.officeApp);
    expect(xsiType(manifest)).toBe('TaskPaneApp');
  });

  it('has a fixed GUID id, a four-part version, the PMO Toolkit display name and an en-US default locale', () => {
    expect(only(manifest, NS.officeApp, 'Id').text.trim()).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
    );
    expect(only(manifest, NS.officeApp, 'Version').text.trim()).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(attr(only(manifest, NS.officeApp, 'DisplayName'), 'DefaultValue')).toBe('PMO Toolkit');
    expect(only(manifest, NS.officeApp, 'DefaultLocale').text.trim()).toBe('en-US');
    expect(only(manifest, NS.officeApp, 'ProviderName').text.trim()).not.toBe('');
    expect(attr(only(manifest, NS.officeApp, 'Description'), 'DefaultValue')?.length ?? 0).toBeGreaterThan(0);
  });

  it('asks for ReadWriteDocument and nothing more', () => {
    expect(children(manifest, 'Permissions', NS.officeApp)).toHaveLength(1);
    expect(only(manifest, NS.officeApp, 'Permissions').text.trim()).toBe('ReadWriteDocument');
  });

  it('targets workbooks only and requires the SharedRuntime and CustomFunctionsRuntime 1.1 sets', () => {
    const hosts = children(only(manifest, NS.officeApp, 'Hosts'), 'Host', NS.officeApp).map((h) =>
      attr(h, 'Name'),
    );
    expect(hosts).toEqual(['Workbook']);
    const sets = only(manifest, NS.officeApp, 'Requirements', 'Sets');
    const required = Object.fromEntries(
      children(sets, 'Set', NS.officeApp).map((s) => [
        attr(s, 'Name'),
        attr(s, 'MinVersion') ?? attr(sets, 'DefaultMinVersion'),
      ]),
    );
    expect(required).toEqual({ SharedRuntime: '1.1', CustomFunctionsRuntime: '1.1' });
    const overrideHosts = children(only(overrides, NS.overrides, 'Hosts'), 'Host', NS.overrides).map(xsiType);
    expect(overrideHosts).toEqual(['Workbook']);
  });

  it('uses the task pane VersionOverrides 1.0 schema', () => {
    expect(children(manifest, 'VersionOverrides', NS.overrides)).toHaveLength(1);
    expect(xsiType(overrides)).toBe('VersionOverridesV1_0');
  });

  it('registers the custom functions under the namespace PMO', () => {
    const customFunctions = elements.filter(
      (e) => e.local === 'ExtensionPoint' && xsiType(e) === 'CustomFunctions',
    );
    expect(customFunctions).toHaveLength(1);
    const point = customFunctions[0] as XmlElement;
    const namespace = resolveResid(residOf(only(point, NS.overrides, 'Namespace')));
    expect(namespace.kind).toBe('ShortStrings');
    expect(namespace.value).toBe('PMO');
    expect(resolveResid(residOf(only(point, NS.overrides, 'Script', 'SourceLocation'))).value).toBe(
      `${DEV_ORIGIN}/functions.js`,
    );
    expect(resolveResid(residOf(only(point, NS.overrides, 'Metadata', 'SourceLocation'))).value).toBe(
      `${DEV_ORIGIN}/functions.json`,
    );
  });

  it('runs the functions, the ribbon command and the task pane in one long-lived shared runtime', () => {
    const runtimes = elements.filter((e) => e.local === 'Runtime' && e.ns === NS.overrides);
    expect(runtimes).toHaveLength(1);
    const runtime = runtimes[0] as XmlElement;
    expect(attr(runtime, 'lifetime')).toBe('long');
    const shared = resolveResid(residOf(runtime)).value;
    expect(shared).toBe(`${DEV_ORIGIN}/taskpane.html`);

    const host = only(overrides, NS.overrides, 'Hosts', 'Host');
    const page = only(host, NS.overrides, 'AllFormFactors', 'ExtensionPoint', 'Page', 'SourceLocation');
    const functionFile = only(host, NS.overrides, 'DesktopFormFactor', 'FunctionFile');
    const taskpanes = elements.filter((e) => e.local === 'Action' && xsiType(e) === 'ShowTaskpane');
    const pages = [page, functionFile, ...taskpanes.map((a) => only(a, NS.overrides, 'SourceLocation'))];
    for (const e of pages) expect(resolveResid(residOf(e)).value, where(e)).toBe(shared);
    expect(attr(only(manifest, NS.officeApp, 'DefaultSettings', 'SourceLocation'), 'DefaultValue')).toBe(
      shared,
    );
  });

  it('defines every resid it references, in the matching resource collection', () => {
    expect(residReferences.length).toBeGreaterThan(0);
    const problems: string[] = [];
    for (const e of residReferences) {
      const resid = residOf(e);
      const resource = resourcesById.get(resid);
      if (resid.length > 32) problems.push(`${where(e)}: resid "${resid}" is longer than 32 characters`);
      if (!resource) {
        problems.push(`${where(e)}: resid "${resid}" is not defined`);
        continue;
      }
      const expected = EXPECTED_KIND[e.local];
      if (expected && resource.kind !== expected) {
        problems.push(`${where(e)}: resid "${resid}" is in bt:${resource.kind}, expected bt:${expected}`);
      }
      if (resource.value.trim() === '')
        problems.push(`${where(resource.element)}: "${resid}" has no DefaultValue`);
    }
    expect(problems).toEqual([]);
  });

  it('defines each resource id once and uses every resource it defines', () => {
    const ids = resourceList.map((r) => r.id);
    expect(ids.filter((id, index) => id === '' || ids.indexOf(id) !== index)).toEqual([]);
    const used = new Set(residReferences.map(residOf));
    expect(ids.filter((id) => !used.has(id))).toEqual([]);
  });

  it('keeps resource strings within the Office length limits', () => {
    const limit: Record<ResourceKind, number> = {
      ShortStrings: 125,
      LongStrings: 250,
      Urls: 2048,
      Images: 2048,
    };
    const tooLong = resourceList.filter((r) => r.value.length > limit[r.kind]).map((r) => r.id);
    expect(tooLong).toEqual([]);
  });

  it('states every URL as an absolute https URL', () => {
    const urls = manifestUrls();
    expect(urls.length).toBeGreaterThan(0);
    const bad = urls.filter(({ url }) => {
      try {
        return new URL(url).protocol !== 'https:';
      } catch {
        return true;
      }
    });
    expect(bad).toEqual([]);
    // Belt and braces: no other attribute or text carries a non-https URL (namespace names excepted).
    const stray: string[] = [];
    for (const e of elements) {
      const values = [
        ...e.attributes.filter((a) => a.ns !== NS.xmlns && a.qname !== 'xmlns').map((a) => a.value),
        e.text,
      ];
      for (const value of values) {
        for (const m of value.matchAll(/\b[a-z][a-z0-9+.-]*:\/\/\S*/gi)) {
          if (!m[0].toLowerCase().startsWith('https://')) stray.push(`${where(e)}: ${m[0]}`);
        }
      }
    }
    expect(stray).toEqual([]);
  });

  it('lists no AppDomains beyond the add-in origin', () => {
    const domains = elements.filter((e) => e.local === 'AppDomain').map((e) => new URL(e.text.trim()).origin);
    expect(domains.filter((d) => d !== DEV_ORIGIN)).toEqual([]);
  });

  it('points every dev-server URL at a file that the build writes to dist/excel', () => {
    if (!existsSync(DIST_EXCEL)) {
      throw new Error(
        `dist/excel does not exist (${DIST_EXCEL}). Run \`npm run build\` first; the vitest global setup is meant to build before the tests.`,
      );
    }
    const paths = manifestUrls()
      .map(({ url, at }) => ({ path: devPath(url), url, at }))
      .filter((u): u is { path: string; url: string; at: string } => u.path !== undefined);
    expect(paths.map((p) => p.path)).toEqual(
      expect.arrayContaining(['taskpane.html', 'functions.js', 'functions.json', 'assets/icon-16.png']),
    );
    const missing = paths.filter(({ path }) => {
      const file = resolve(DIST_EXCEL, path);
      const inside = relative(DIST_EXCEL, file);
      if (path === '' || inside.startsWith('..') || inside.startsWith(sep)) return true;
      return !existsSync(file) || !statSync(file).isFile();
    });
    expect(missing.map(({ url, at }) => `${url} (${at}) → dist/excel/${devPath(url)}`)).toEqual([]);
  });

  it('uses committed PNG icons whose pixel size matches where the manifest shows them', () => {
    const sizes = expectedIconSizes();
    expect([...sizes.values()].sort((a, b) => a - b)).toEqual([16, 32, 64, 80]);
    for (const [url, size] of sizes) {
      const path = devPath(url);
      expect(path, url).toMatch(/^assets\/[^/]+\.png$/);
      const file = join(ASSETS, (path as string).slice('assets/'.length));
      expect(existsSync(file), `${file} is missing`).toBe(true);
      expect(readPng(file), file).toEqual({ width: size, height: size });
    }
  });

  it('ships every assets/icon-N.png as a valid N×N PNG', () => {
    const icons = readdirSync(ASSETS).filter((f) => /^icon-\d+\.png$/.test(f));
    expect(icons.length).toBeGreaterThanOrEqual(5);
    for (const icon of icons) {
      const n = Number(/\d+/.exec(icon)?.[0]);
      expect(readPng(join(ASSETS, icon)), icon).toEqual({ width: n, height: n });
    }
  });

  it('adds a PMO group to the Home tab with the Build dashboard command and the Score initiatives pane', () => {
    const surface = elements.filter(
      (e) => e.local === 'ExtensionPoint' && xsiType(e) === 'PrimaryCommandSurface',
    );
    expect(surface).toHaveLength(1);
    const groups = elements.filter((e) => e.local === 'Group' && e.ns === NS.overrides);
    expect(groups).toHaveLength(1);
    const group = groups[0] as XmlElement;
    expect(resolveResid(residOf(only(group, NS.overrides, 'Label'))).value).toBe('PMO');
    const buttons = children(group, 'Control', NS.overrides).map((control) => ({
      label: resolveResid(residOf(only(control, NS.overrides, 'Label'))).value,
      type: xsiType(control),
      action: only(control, NS.overrides, 'Action'),
    }));
    expect(buttons.map(({ label, type }) => [label, type])).toEqual([
      ['Build dashboard', 'Button'],
      ['Score initiatives', 'Button'],
    ]);
    const [dashboard, scoring] = buttons;
    expect(xsiType(dashboard?.action as XmlElement)).toBe('ExecuteFunction');
    expect(only(dashboard?.action as XmlElement, NS.overrides, 'FunctionName').text.trim()).toBe(
      'buildDashboard',
    );
    expect(xsiType(scoring?.action as XmlElement)).toBe('ShowTaskpane');
    expect(only(scoring?.action as XmlElement, NS.overrides, 'TaskpaneId').text.trim()).not.toBe('');
  });

  it('is read by office-addin-manifest info offline, which prints its name and version', () => {
    const { status, stdout, stderr } = runCli(['info', 'manifest.xml']);
    expect(status, `${stdout}\n${stderr}`).toBe(0);
    const version = only(manifest, NS.officeApp, 'Version').text.trim();
    const id = only(manifest, NS.officeApp, 'Id').text.trim();
    expect(stdout).toContain('Name: PMO Toolkit');
    expect(stdout).toContain(`Version: ${version}`);
    expect(stdout).toContain(`Id: ${id}`);
    expect(stdout).toContain('Type: TaskPaneApp');
    expect(stdout).toContain('Hosts: Workbook');
    expect(stdout).toContain('Permissions: ReadWriteDocument');
  });
});
