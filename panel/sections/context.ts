// What every section of the scoring panel shares: the state, and `changed` to call after changing the settings
// (it schedules the save and, unless told otherwise, a new ranking).

import type { PanelState } from '../state';

export interface PanelContext {
  readonly state: PanelState;
  changed(options?: { readonly recompute?: boolean }): void;
}
