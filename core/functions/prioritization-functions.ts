// Catalog entries for portfolio prioritization (DESIGN §6): SCORE, WSJF, RICE, AHP_WEIGHTS, AHP_CR, SELECT, FRONTIER.

import type { FunctionSpec } from './types';

export const PRIORITIZATION_FUNCTIONS: readonly FunctionSpec[] = [];
