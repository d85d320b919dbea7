// The one list of spreadsheet functions. Excel's functions.json and the Apps Script PMO_* stubs are
// generated from it; nobody keeps a second list. It is kept by family: Excel's functions.js carries some families
// and loads the others on their first call (excel-addin/lazy-functions.ts), each family a module of its own.

import { CAPACITY_FUNCTIONS } from './capacity-functions';
import { PRIORITIZATION_FUNCTIONS } from './prioritization-functions';
import { RISK_FUNCTIONS } from './risk-functions';
import type { FunctionSpec } from './types';
import { UTILIZATION_FUNCTIONS } from './utilization-functions';

export const CATALOG: readonly FunctionSpec[] = [
  ...UTILIZATION_FUNCTIONS,
  ...CAPACITY_FUNCTIONS,
  ...PRIORITIZATION_FUNCTIONS,
  ...RISK_FUNCTIONS,
];

/** The catalog entry called `name` (case-insensitive, with or without the PMO prefix). */
export function findFunction(name: string): FunctionSpec | undefined {
  const bare = name.toUpperCase().replace(/^PMO[._]/, '');
  return CATALOG.find((spec) => spec.name === bare);
}
