// The portfolio-prioritization family of the catalog (DESIGN §6), in catalog order: scoring (SCORE, WSJF, RICE),
// AHP (AHP_WEIGHTS, AHP_CR) and selection within a budget (SELECT, FRONTIER).

import { AHP_CR, AHP_WEIGHTS } from './ahp-functions';
import { RICE, SCORE, WSJF } from './scoring-functions';
import { FRONTIER, SELECT } from './selection-functions';
import type { FunctionSpec } from './types';

export { AHP_CR, AHP_WEIGHTS, FRONTIER, RICE, SCORE, SELECT, WSJF };

export const PRIORITIZATION_FUNCTIONS: readonly FunctionSpec[] = [
  SCORE,
  WSJF,
  RICE,
  AHP_WEIGHTS,
  AHP_CR,
  SELECT,
  FRONTIER,
];
