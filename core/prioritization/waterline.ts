// The greedy waterline of portfolio selection (DESIGN §6 SELECT's contrast): what funding down the ranking by value
// per unit of cost buys. The panel and the dashboard show it beside the exact optimum; the custom functions only use
// it inside FRONTIER (selection.ts), so this entry point lives apart from the module they ship (DESIGN §9's
// functions.js budget).

import type { PmoError } from '../errors';
import {
  type PortfolioSelection,
  prepareProblem,
  type SelectionOptions,
  type SelectionProblem,
  selectionOf,
  waterline,
  waterlineRanking,
} from './selection';

/**
 * The greedy waterline, for contrast with the exact optimum: must-fund items (with what they require) first;
 * then the other items with value > 0 ranked by value ÷ cost (cost 0 first; ties to the earlier row); walking
 * down the ranking, each item is funded together with whatever it requires that is not funded yet, until the
 * first item whose package does not fit the remaining budget — there the line is drawn and the walk stops.
 * Items blocked by a group already funded are passed over without stopping.
 * @returns the funded set (`searchNodes` 0), or the must-fund error SELECT would give.
 */
export function greedyWaterline(
  problem: SelectionProblem,
  options: Pick<SelectionOptions, 'positions'> = {},
): PortfolioSelection | PmoError {
  const checked = prepareProblem(problem, options);
  if ('kind' in checked) return checked;
  const { prepared, forcedTotals } = checked;
  const funded = waterline(prepared, waterlineRanking(prepared), problem.budget, forcedTotals);
  return selectionOf(problem.items, funded, 0, 'greedy', 0);
}
