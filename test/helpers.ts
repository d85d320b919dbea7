// Small helpers shared by tests: date serials from ISO text, and reading result cells.

import { serialFromParts } from '../core/dates';

/** Serial of an ISO date ("2025-03-03"). */
export function d(iso: string): number {
  const [year, month, day] = iso.split('-').map(Number);
  return serialFromParts(year ?? 0, month ?? 0, day ?? 0);
}
