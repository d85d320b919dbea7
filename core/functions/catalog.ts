// The one list of spreadsheet functions. Excel's functions.json and the Apps Script PMO_* stubs are
// generated from it; nobody keeps a second list.

import { PRIORITIZATION_FUNCTIONS } from './prioritization-functions';
import { RISK_FUNCTIONS } from './risk-functions';
import type { FunctionSpec } from './types';
import { AVAILABLE, CAPACITY, ISSUES, LOAD, OVERALLOCATIONS, UTILIZATION } from './utilization-functions';

export const CATALOG: readonly FunctionSpec[] = [
  UTILIZATION,
  LOAD,
  CAPACITY,
  AVAILABLE,
  ISSUES,
  OVERALLOCATIONS,
  ...PRIORITIZATION_FUNCTIONS,
  ...RISK_FUNCTIONS,
];

/** The catalog entry called `name` (case-insensitive, with or without the PMO prefix). */
export function findFunction(name: string): FunctionSpec | undefined {
  const bare = name.toUpperCase().replace(/^PMO[._]/, '');
  return CATALOG.find((spec) => spec.name === bare);
}
