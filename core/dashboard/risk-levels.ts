// The dashboard's risk levels: the register's own bands (the workbook's legend, issue 14 item 2, else the default
// bands), their colours by rank (the lowest band green … the highest red, whatever they are called), the level of
// each heat-map cell, and the bands as a note says them.

import { countByLevel, legendOf } from '../risk/legend';
import { bandIndex } from '../risk/levels';
import type { RiskRegister } from '../risk/register';
import type { PlanStyleName } from './plan';

/** The level colours, lowest first. */
const LEVEL_STYLES: readonly PlanStyleName[] = ['risk-low', 'risk-moderate', 'risk-high', 'risk-extreme'];

/**
 * The colour of band `index` of `count` bands: the top band is the highest colour, the others spread over the
 * rest (three bands: green, yellow, red; four: each its own; five: green, green, yellow, orange, red).
 */
export function bandStyle(index: number, count: number): PlanStyleName | undefined {
  if (index < 0 || count < 1) return undefined;
  const top = LEVEL_STYLES.length - 1;
  return LEVEL_STYLES[index >= count - 1 ? top : Math.floor((index * top) / Math.max(1, count - 1))];
}

/** The colour of a level name of the register's bands (undefined for none). */
export function levelStyle(register: RiskRegister, level: string | undefined): PlanStyleName | undefined {
  const bands = register.bands ?? [];
  return bandStyle(
    bands.findIndex((band) => band.label === level),
    bands.length,
  );
}

/**
 * The colour of heat-map cell (p, i) on a size×size map: the level the workbook's own risk matrix gives it, when it
 * has one of that size; else the band, of the register's bands, of the score at the cell's centre — a 1–5 rating pair itself; for fractions the middle of each 20% band (0.1, 0.3 … 0.9), so a risk
 * at 90% × 30% is coloured like its own level.
 */
export function cellStyle(
  register: RiskRegister,
  p: number,
  i: number,
  size: number,
): PlanStyleName | undefined {
  const bands = register.bands;
  if (!bands) return undefined;
  // The workbook's own risk matrix colours each cell by the level it gives that likelihood × impact.
  const { matrix } = register;
  if (matrix && matrix.probability.length === size && matrix.impact.length === size)
    return levelStyle(register, matrix.cells[p - 1]?.[i - 1]);
  const score =
    register.scale === 'fraction'
      ? ((p - 0.5) / size) * ((i - 0.5) / size)
      : ((p * 5) / size) * ((i * 5) / size);
  return bandStyle(bandIndex(score, bands), bands.length);
}

/** Risks per level, highest level first (every level of the bands, even at 0). */
export function risksByLevel(register: RiskRegister): Readonly<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const { level, count } of countByLevel(register).levels) counts[level] = count;
  return counts;
}

/** The bands as a note says them, lowest first: "1–3 Low, 4–6 Moderate, 8–12 High, 15–25 Extreme". */
export function bandsText(register: RiskRegister): string {
  if (!register.bands || !register.scale) return '';
  const scale = register.scale;
  const number = (value: number) =>
    scale === 'fraction' ? `${Math.round(value * 1000) / 10}%` : String(value);
  return legendOf(register.bands, scale)
    .reverse()
    .map((band) => `${number(band.from)}–${number(band.to)} ${band.level}`)
    .join(', ');
}
