// The deterministic work budget of one SELECT or FRONTIER call (DESIGN §9, §10): every piece of work a call does
// that grows with the search — branch-and-bound nodes, core states merged (selection-core.ts), setting up a
// search over the items, the greedy waterline of each frontier point — is counted in steps against one budget
// shared by the whole call (all of FRONTIER's points). The clock is never read, so a recalculation gives the same cell every time.

/**
 * Steps one call may use: about 4 s in Node on the 2-core reference machine for the worst instances measured
 * (strongly correlated 5,000 items × 10 frontier points; subset-sum 2,000 items), inside Apps Script's 30 s
 * per call with room for a slower machine.
 */
export const DEFAULT_WORK_LIMIT = 20_000_000;

/** Steps charged per branch-and-bound node (the unit: about 0.2 µs in Node). */
export const STEPS_PER_NODE = 1;
/** Items per step when a pass over every item is made (setting up a search, copying a best set, the waterline). */
export const ITEMS_PER_STEP = 4;

/** Steps per item to set up one search (start statuses, branching order and LP trees: about 3 µs an item). */
export const SETUP_STEPS_PER_ITEM = 12;

/** The steps one pass over `n` items costs. */
export function itemSteps(n: number): number {
  return Math.ceil(n / ITEMS_PER_STEP);
}

/** A budget of steps shared by every solve of one call. */
export class WorkBudget {
  readonly limit: number;
  private used_ = 0;

  constructor(limit: number) {
    this.limit = limit;
  }

  /** Steps charged so far. */
  get used(): number {
    return this.used_;
  }

  /** Steps still available (never negative). */
  get remaining(): number {
    return Math.max(0, this.limit - this.used_);
  }

  /** True when `steps` more fit in the budget. */
  affords(steps: number): boolean {
    return this.used_ + steps <= this.limit;
  }

  charge(steps: number): void {
    this.used_ += steps;
  }

  /** An equal share of what is left, for one of `parts` solves (FRONTIER's budgets); charge it back with {@link absorb}. */
  share(parts: number): WorkBudget {
    return new WorkBudget(Math.floor(this.remaining / Math.max(1, parts)));
  }

  /** Charges what a share used. */
  absorb(share: WorkBudget): void {
    this.used_ += share.used;
  }
}
