// Catalog entries for risk (DESIGN §6): RISK_SCORE, RISK_LEVEL, HEATMAP, EXPOSURE, RISK_SUMMARY, SIMULATE_EXPOSURE.

import type { FunctionSpec } from './types';

export const RISK_FUNCTIONS: readonly FunctionSpec[] = [];
