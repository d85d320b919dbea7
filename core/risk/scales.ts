// Probability and impact ratings (DESIGN §6, §10): every accepted scale, the per-column scale decision,
// label ladders, ranges such as "M - H", and one problem sentence for anything unrecognised.

import {
  type Cell,
  cellText,
  flushDenormal,
  isBlank,
  isCellError,
  type Parsed,
  parseNumberText,
} from '../cells';
import { quote } from '../errors';

/** The two scales a score is computed on: 1–5 ratings, or fractions 0–1. */
export type RatingScale = 'rating' | 'fraction';

/**
 * What a column turned out to hold, decided once for the whole column (DESIGN §10).
 * `either` means the column holds only 1s (or nothing usable yet): the other column of the pair decides.
 */
export interface ColumnScale {
  readonly kind: RatingScale | 'either';
  /** The column's labels are only High / Medium / Low or H / M / L: they map to 5 / 3 / 1. */
  readonly threeLevel: boolean;
}

/** One piece of a rating cell: a plain number, a percentage, or a known label. */
export type RatingToken =
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'percent'; readonly value: number }
  | { readonly kind: 'label'; readonly five: number; readonly three: number | undefined };

/** A rating cell read once: blank, one token (or two for a range such as "M - H"), or a problem. */
export type RatingCell =
  | { readonly kind: 'blank' }
  | { readonly kind: 'tokens'; readonly text: string; readonly tokens: readonly RatingToken[] }
  | { readonly kind: 'bad'; readonly problem: string; readonly unknownText?: string };

/**
 * Word labels on the five-level scale (lower case, single spaces). Generic, likelihood and consequence
 * ladders share one table; "moderate" is 3 on all of them.
 */
export const FIVE_LEVEL_LABELS: ReadonlyMap<string, number> = new Map(
  Object.entries({
    'very low': 1,
    vl: 1,
    low: 2,
    l: 2,
    medium: 3,
    med: 3,
    m: 3,
    moderate: 3,
    high: 4,
    h: 4,
    'very high': 5,
    vh: 5,
    rare: 1,
    'very unlikely': 1,
    unlikely: 2,
    improbable: 2,
    possible: 3,
    likely: 4,
    probable: 4,
    'almost certain': 5,
    'very likely': 5,
    certain: 5,
    insignificant: 1,
    negligible: 1,
    minor: 2,
    major: 4,
    catastrophic: 5,
    severe: 5,
    critical: 5,
  }),
);

/** Labels of a three-level register (High / Medium / Low, H / M / L) and their 5 / 3 / 1 values. */
export const THREE_LEVEL_LABELS: ReadonlyMap<string, number> = new Map(
  Object.entries({
    high: 5,
    h: 5,
    medium: 3,
    med: 3,
    moderate: 3,
    m: 3,
    low: 1,
    l: 1,
  }),
);

const LABEL_HINT = 'use 1–5, 0.4, 40% or a label such as Low, Likely or Major';

/** Lower case, hyphens and underscores as spaces, single spaces, no trailing full stop. */
function labelKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[-_\u2013\u2014]/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/\.$/, '')
    .trim();
}

function labelToken(text: string): RatingToken | undefined {
  const key = labelKey(text);
  const five = FIVE_LEVEL_LABELS.get(key);
  return five === undefined ? undefined : { kind: 'label', five, three: THREE_LEVEL_LABELS.get(key) };
}

function singleToken(text: string): RatingToken | undefined {
  const number = parseNumberText(text);
  if (number)
    return number.percent
      ? { kind: 'percent', value: number.value }
      : { kind: 'number', value: number.value };
  return labelToken(text);
}

// "3 - Possible", "4: Likely", "2. Minor" and "Likely (4)": the number is the rating, the words describe it.
const NUMBER_THEN_WORDS = /^([1-5])\s*[-\u2013\u2014:.)]\s*\p{L}/u;
const WORDS_THEN_NUMBER = /^\p{L}[^()]*\(\s*([1-5])\s*\)$/u;
const RANGE = /^(.+?)\s*(?:\s-\s|-|\u2013|\u2014|\/|\sto\s)\s*(.+)$/i;
/** A rating with its reason after it: "Low, as the vendor has delivered before", "High (see note 3)". */
const RATING_THEN_NOTE = /^([^,;:(]+?)\s*[,;:(]/;

/**
 * Reads one rating cell into tokens without deciding the scale: numbers ("4", 0.4), percentages ("40%"),
 * labels ("Almost certain", " l  "), numbered labels ("3 - Possible" → 3), ranges ("M - H", "2-3",
 * "10%–20%"; a range is read as its higher end) and a rating with its reason after a comma, colon, semicolon
 * or bracket ("Low, as the vendor has delivered before"). Error cells, TRUE/FALSE and unknown text are problems.
 * @example readRatingCell(' M - H ') // tokens medium and high
 */
export function readRatingCell(cell: Cell): RatingCell {
  if (isBlank(cell)) return { kind: 'blank' };
  if (typeof cell === 'number') {
    return Number.isFinite(cell)
      ? { kind: 'tokens', text: String(cell), tokens: [{ kind: 'number', value: flushDenormal(cell) }] }
      : { kind: 'bad', problem: 'is not a finite number' };
  }
  if (isCellError(cell)) return { kind: 'bad', problem: `is the error value ${cell.text}` };
  if (typeof cell === 'boolean')
    return { kind: 'bad', problem: `${cell ? 'TRUE' : 'FALSE'} is not a rating` };
  const text = cellText(cell);
  const single = singleToken(text);
  if (single) return { kind: 'tokens', text, tokens: [single] };
  const numbered = NUMBER_THEN_WORDS.exec(text) ?? WORDS_THEN_NUMBER.exec(text);
  if (numbered?.[1])
    return { kind: 'tokens', text, tokens: [{ kind: 'number', value: Number(numbered[1]) }] };
  const range = RANGE.exec(text);
  if (range?.[1] && range[2]) {
    const low = singleToken(range[1]);
    const high = singleToken(range[2]);
    if (low && high) return { kind: 'tokens', text, tokens: [low, high] };
  }
  const noted = singleToken(RATING_THEN_NOTE.exec(text)?.[1] ?? '');
  if (noted) return { kind: 'tokens', text, tokens: [noted] };
  return { kind: 'bad', problem: `${quote(text)} is not a known rating (${LABEL_HINT})`, unknownText: text };
}

/** True when a cell reads as a rating on some scale (used to tell a header cell from data). */
export function isRatingValue(cell: Cell): boolean {
  return readRatingCell(cell).kind === 'tokens';
}

/**
 * Decides a column's scale from all its cells (DESIGN §10): a percentage or any number strictly between
 * 0 and 1 makes it fractions; otherwise a label or a number above 1 makes it the 1–5 scale; otherwise a
 * 0 makes it fractions, and a column of only 1s (or nothing) is `either`. Labels that are only
 * High / Medium / Low or H / M / L make a three-level register.
 */
export function decideColumnScale(cells: readonly RatingCell[]): ColumnScale {
  let fractionEvidence = false;
  let ratingEvidence = false;
  let hasZero = false;
  let hasLabel = false;
  let onlyThreeLevelLabels = true;
  for (const cell of cells) {
    if (cell.kind !== 'tokens') continue;
    for (const token of cell.tokens) {
      if (token.kind === 'percent') fractionEvidence = true;
      else if (token.kind === 'label') {
        hasLabel = true;
        ratingEvidence = true;
        if (token.three === undefined) onlyThreeLevelLabels = false;
      } else if (token.value > 0 && token.value < 1) fractionEvidence = true;
      else if (token.value > 1) ratingEvidence = true;
      else if (token.value === 0) hasZero = true;
    }
  }
  const threeLevel = hasLabel && onlyThreeLevelLabels;
  if (fractionEvidence) return { kind: 'fraction', threeLevel };
  if (ratingEvidence) return { kind: 'rating', threeLevel };
  return { kind: hasZero ? 'fraction' : 'either', threeLevel };
}

/** The scale a column is read on once the pair is resolved: `either` becomes the partner's scale. */
export function settleScale(column: ColumnScale, partner: ColumnScale | undefined): RatingScale {
  if (column.kind !== 'either') return column.kind;
  if (partner && partner.kind !== 'either') return partner.kind;
  return 'rating';
}

function tokenValue(token: RatingToken, scale: RatingScale, threeLevel: boolean): Parsed<number> {
  if (token.kind === 'label') {
    if (scale === 'fraction') {
      return { ok: false, problem: 'is a label but the column holds fractions (0–1); write 0.4 or 40%' };
    }
    return { ok: true, value: threeLevel && token.three !== undefined ? token.three : token.five };
  }
  if (scale === 'fraction') {
    if (token.value < 0) return { ok: false, problem: 'is below 0' };
    if (token.value > 1) {
      return token.kind === 'percent'
        ? { ok: false, problem: 'is above 100%' }
        : { ok: false, problem: 'is above 1 in a column of fractions (write 40% for a percentage)' };
    }
    return { ok: true, value: token.value };
  }
  if (token.kind === 'percent') {
    return { ok: false, problem: 'is a percentage but the column holds 1–5 ratings' };
  }
  if (!Number.isInteger(token.value) || token.value < 1 || token.value > 5) {
    return { ok: false, problem: 'is not on the 1–5 scale' };
  }
  return { ok: true, value: token.value };
}

/**
 * The value of a rating cell on its column's scale: 1–5 (three-level labels 5 / 3 / 1) or a fraction.
 * A range is its higher end. Problems are phrased to follow the cell's role: `probability` +
 * ` "7" is not on the 1–5 scale`, ` is blank`, ` is the error value #N/A`.
 * @example ratingValue(readRatingCell('Likely'), 'rating', false) // { ok: true, value: 4 }
 */
export function ratingValue(cell: RatingCell, scale: RatingScale, threeLevel: boolean): Parsed<number> {
  if (cell.kind === 'blank') return { ok: false, problem: 'is blank' };
  if (cell.kind === 'bad') return { ok: false, problem: cell.problem };
  let highest = Number.NEGATIVE_INFINITY;
  for (const token of cell.tokens) {
    const value = tokenValue(token, scale, threeLevel);
    if (!value.ok) return { ok: false, problem: `${quote(cell.text)} ${value.problem}` };
    highest = Math.max(highest, value.value);
  }
  return { ok: true, value: highest };
}

/**
 * {@link ratingValue} on one column's scale, remembered per cell object: readRatingColumn gives equal cells one
 * object, so a column of 50,000 ratings is valued a handful of times.
 */
export function ratingValueReader(
  scale: RatingScale,
  threeLevel: boolean,
): (cell: RatingCell) => Parsed<number> {
  const seen = new Map<RatingCell, Parsed<number>>();
  return (cell) => {
    let value = seen.get(cell);
    if (!value) {
      value = ratingValue(cell, scale, threeLevel);
      seen.set(cell, value);
    }
    return value;
  };
}
