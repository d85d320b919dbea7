/**
 * Generates the add-in icons in assets/ (icon-16/32/64/80/128.png): a blue rounded square with
 * three white ascending bars. Pure Node: pixels are computed here, PNG chunks (with CRC-32) are
 * written by hand and the image data is compressed with node:zlib.
 *
 * Deterministic: no randomness, no clock, no text/time chunks, so the same Node (zlib) version
 * always writes the same bytes. Run: npx tsx scripts/make-icons.ts [outDir]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

export const ICON_SIZES = [16, 32, 64, 80, 128] as const;

type Rgba = readonly [number, number, number, number];

const BACKGROUND: Rgba = [0x1f, 0x5a, 0xa6, 0xff];
const MARK: Rgba = [0xff, 0xff, 0xff, 0xff];

/** Sub-samples per pixel edge (4 × 4 = 16 samples) for smooth corners at every size. */
const SUPERSAMPLE = 4;

/**
 * Bars of the mark, in sixteenths of the icon edge: left, right, top (the bottom is shared).
 * Every size is a multiple of 16, so the bars fall on whole pixels and stay crisp at 16 px.
 */
const BARS: readonly (readonly [number, number, number])[] = [
  [3 / 16, 5 / 16, 9 / 16],
  [7 / 16, 9 / 16, 6 / 16],
  [11 / 16, 13 / 16, 3 / 16],
];
const BARS_BOTTOM = 13 / 16;
const CORNER_RADIUS = 3 / 16;

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 as PNG uses it (ISO 3309 / ITU-T V.42, polynomial 0xEDB88320). */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(8 + data.length + 4);
  out.writeUInt32BE(data.length, 0);
  typeAndData.copy(out, 4);
  out.writeUInt32BE(crc32(typeAndData), 8 + data.length);
  return out;
}

/** Encodes 8-bit RGBA pixels (row-major, width × height × 4 bytes) as a PNG file. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  if (rgba.length !== width * height * 4) throw new Error('pixel buffer does not match the image size');
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: truecolour with alpha
  ihdr[10] = 0; // compression: deflate
  ihdr[11] = 0; // filter method 0
  ihdr[12] = 0; // no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter type None for every scanline
    raw.set(rgba.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

function insideRoundedSquare(x: number, y: number): boolean {
  const r = CORNER_RADIUS;
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function insideMark(x: number, y: number): boolean {
  return BARS.some(([left, right, top]) => x >= left && x < right && y >= top && y < BARS_BOTTOM);
}

/** Renders one icon as RGBA pixels, anti-aliased by supersampling. */
export function renderIcon(size: number): Uint8Array {
  const px = new Uint8Array(size * size * 4);
  const samples = SUPERSAMPLE * SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let pxX = 0; pxX < size; pxX++) {
      let shape = 0;
      let mark = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const x = (pxX + (sx + 0.5) / SUPERSAMPLE) / size;
          const y = (py + (sy + 0.5) / SUPERSAMPLE) / size;
          if (insideRoundedSquare(x, y)) {
            shape++;
            if (insideMark(x, y)) mark++;
          }
        }
      }
      const o = (py * size + pxX) * 4;
      if (shape === 0) continue; // fully transparent
      // Colour: mix of background and mark over the covered samples; alpha: the coverage.
      for (let c = 0; c < 3; c++) {
        const bg = BACKGROUND[c] as number;
        const fg = MARK[c] as number;
        px[o + c] = Math.round((bg * (shape - mark) + fg * mark) / shape);
      }
      px[o + 3] = Math.round((255 * shape) / samples);
    }
  }
  return px;
}

export function makeIcons(outDir: string): string[] {
  mkdirSync(outDir, { recursive: true });
  return ICON_SIZES.map((size) => {
    const file = join(outDir, `icon-${size}.png`);
    writeFileSync(file, encodePng(size, size, renderIcon(size)));
    return file;
  });
}

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const outDir = resolve(process.argv[2] ?? join(root, 'assets'));
  for (const file of makeIcons(outDir)) console.log(`wrote ${file}`);
}
