// The scoring panel (DESIGN §7b), one UI for the Excel task pane and the Sheets sidebar: choose the initiatives
// table, map criteria (direction, weight) or compare them pairwise (AHP, with the consistency ratio live), pick
// the method, set a budget and must-include items, see the ranking with the exact selection and the greedy
// waterline, and write Score, Rank and Selected beside the table. It talks to its host only through a
// HostBridge. The state and its rules live in panel/state.ts, each section's controls in panel/sections/; this
// file puts them together and runs the host work. All text from cells is set with textContent (panel/dom.ts).

import type { HostBridge, TableSource, WriteRequest, WriteResult } from './bridge';
import { h, replaceChildren } from './dom';
import { formatNumber, listText, plural } from './format';
import { type AhpSection, createAhpSection } from './sections/ahp';
import { type BudgetSection, createBudgetSection } from './sections/budget';
import type { PanelContext } from './sections/context';
import { type CriteriaSection, createCriteriaSection } from './sections/criteria';
import { createMethodSection, type MethodSection, showMethod } from './sections/method';
import { createRankingSection, type RankingSection } from './sections/ranking';
import {
  createSensitivitySection,
  type SensitivitySection,
  type WeightPreview,
} from './sections/sensitivity';
import { createSetupSection, type SetupSection } from './sections/setup';
import { createStatusSection, type StatusSection } from './sections/status';
import { createTableSection, type TableSection } from './sections/table';
import { createTablesView, type TablesView } from './sections/tables';
import { createWriteSection, type WriteSection } from './sections/write';
import { parseSettings, withScoresSheet, withWrittenColumns } from './settings';
import { initiativeCount, PanelState, rememberedSource, SettingsSaver } from './state';

/** Work slower than this shows a progress bar (shorter work would only flicker). */
const PROGRESS_DELAY_MS = 150;
/** Tables longer than this are ranked after the progress bar has painted (the exact selection can take a while). */
const LARGE_TABLE_ROWS = 120;

/** What mountPanel returns: enough for a host page to tear the panel down. */
export interface PanelHandle {
  readonly root: HTMLElement;
  /** Resolves when the saved settings and the table have been read once. */
  readonly ready: Promise<void>;
}

/** Mounts the panel into `root` (its children are replaced) and starts it: settings first, then the table. */
export function mountPanel(root: HTMLElement, bridge: HostBridge): PanelHandle {
  const panel = new ScoringPanel(bridge);
  replaceChildren(root, panel.element);
  const ready = panel.start();
  return { root, ready };
}

/** The panel's sections, wired to one state. */
class ScoringPanel implements PanelContext {
  readonly state = new PanelState();
  readonly element: HTMLElement;
  private readonly saver: SettingsSaver;
  private readonly status: StatusSection;
  private readonly table: TableSection;
  private readonly method: MethodSection;
  private readonly criteria: CriteriaSection;
  private readonly ahp: AhpSection;
  private readonly budget: BudgetSection;
  private readonly ranking: RankingSection;
  private readonly sensitivity: SensitivitySection;
  /** The weight being previewed with a sensitivity slider (nothing is written meanwhile). */
  private previewing: WeightPreview | undefined;
  /** The sensitivity shown is for an older ranking (it is worked out when its section is open). */
  private sensitivityStale = true;
  private readonly write: WriteSection;
  private readonly setup: HTMLElement;
  private readonly setupBox: SetupSection;
  private readonly results: HTMLElement;
  /** Fold the setup after the next read that ranks: the panel opened on saved settings. */
  private foldNextRanking = false;
  private readonly tables: TablesView;
  private computeQueued = false;

  constructor(private readonly bridge: HostBridge) {
    this.saver = new SettingsSaver(
      (json) => bridge.saveSettings(json),
      () => this.state.settings,
      (message) => this.status.showAlert(message),
    );
    this.status = createStatusSection();
    this.table = createTableSection();
    this.criteria = createCriteriaSection(this, () => this.ahp.buildPairs());
    this.ahp = createAhpSection(this);
    this.method = createMethodSection(
      this,
      () => this.showMethod(),
      () => {
        this.criteria.build();
        this.ahp.buildPairs();
        this.budget.buildMust();
      },
    );
    this.budget = createBudgetSection(this);
    this.sensitivity = createSensitivitySection({
      preview: (header, weight) => this.preview(header, weight),
      back: () => this.endPreview(),
      keep: () => this.keepPreview(),
    });
    this.sensitivity.element.addEventListener('toggle', () => {
      if (this.sensitivity.element.open && this.sensitivityStale) this.showSensitivity();
    });
    this.ranking = createRankingSection(this.sensitivity.element, this.sensitivity.previewBar);
    this.write = createWriteSection();
    this.setup = h(
      'div',
      { id: 'pmo-setup', hidden: true },
      h(
        'section',
        { className: 'pmo-section', attrs: { 'aria-labelledby': 'pmo-method-title' } },
        h('h3', { id: 'pmo-method-title' }, 'Method'),
        ...this.method.fields,
        this.criteria.element,
        ...this.method.inputGroups,
        this.ahp.element,
      ),
      this.budget.element,
    );
    this.setupBox = createSetupSection(this.table.element, this.setup);
    this.results = h('div', { id: 'pmo-results', hidden: true }, this.ranking.element, this.write.element);
    this.tables = createTablesView(bridge, this.status, (label, task) => this.withProgress(label, task));
    this.element = h(
      'div',
      { className: `pmo-panel pmo-host-${bridge.host}` },
      h('h2', { className: 'pmo-title' }, 'Score initiatives'),
      this.status.element,
      this.setupBox.element,
      this.results,
      this.tables.element,
    );
    this.wireButtons();
  }

  /** Reads the saved settings, then the table; sends a pending save when the pane closes. */
  async start(): Promise<void> {
    // Closing the pane while a save is pending: send it now (best effort; the host may not finish it).
    const flush = () => {
      if (this.saver.pending) void this.saver.saveNow();
    };
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') flush();
    });
    this.updateWriteButton();
    const saved = await this.withProgress('Loading your settings…', () => this.bridge.loadSettings());
    if (saved !== null && typeof saved === 'object')
      this.status.showAlert(`The saved settings could not be read (${saved.message}); starting afresh.`);
    else {
      this.state.settings = parseSettings(saved);
      this.saver.markSaved(this.state.settings);
      // Settings saved before: the setup was done, so the ranking comes first.
      this.foldNextRanking = saved !== null;
    }
    await this.readTable(this.state.settings.source, false);
  }

  changed(options: { readonly recompute?: boolean } = {}): void {
    this.saver.schedule();
    if (options.recompute !== false) this.queueCompute();
  }

  private wireButtons(): void {
    const guarded = (action: () => Promise<void>) => () => {
      if (this.state.busy) return;
      void action();
    };
    const { write } = this;
    this.table.detectButton.addEventListener(
      'click',
      guarded(() => this.readTable({ kind: 'detect' }, false)),
    );
    this.table.selectionButton.addEventListener(
      'click',
      guarded(() => this.readTable({ kind: 'selection' }, false)),
    );
    this.ranking.scoreButton.addEventListener(
      'click',
      guarded(() => this.readTable(this.state.settings.source, true)),
    );
    write.writeButton.addEventListener('click', () => {
      const outcome = this.state.outcome;
      if (this.state.busy || write.writeButton.getAttribute('aria-disabled') === 'true') {
        if (!this.state.busy && this.previewing)
          this.status.say('A weight is being previewed: use it or go back before writing.');
        else if (!this.state.busy && outcome?.kind === 'blocked')
          this.status.say(`Nothing to write yet: ${outcome.message}`);
        return;
      }
      void this.writeResults('ask');
    });
    write.confirmNew.addEventListener(
      'click',
      guarded(() => this.writeResults('new-columns')),
    );
    write.confirmOverwrite.addEventListener(
      'click',
      guarded(() => this.writeResults('overwrite')),
    );
    write.confirmCancel.addEventListener('click', () => {
      write.hideConfirm();
      this.status.say('Nothing was written.');
      write.writeButton.focus();
    });
  }

  /** Runs host work with the buttons marked busy and a progress bar after a moment. */
  private async withProgress<T>(label: string, work: () => Promise<T>): Promise<T> {
    const buttons = [this.table.detectButton, this.table.selectionButton, this.ranking.scoreButton];
    this.state.busy = true;
    this.status.say(label);
    this.status.showAlert('');
    this.element.setAttribute('aria-busy', 'true');
    for (const button of [...buttons, this.write.writeButton]) button.setAttribute('aria-disabled', 'true');
    const timer = setTimeout(() => {
      this.status.progress.hidden = false;
    }, PROGRESS_DELAY_MS);
    try {
      return await work();
    } finally {
      clearTimeout(timer);
      this.status.progress.hidden = true;
      this.state.busy = false;
      this.element.removeAttribute('aria-busy');
      for (const button of buttons) button.removeAttribute('aria-disabled');
      this.updateWriteButton();
    }
  }

  private async readTable(source: TableSource, announce: boolean): Promise<void> {
    const result = await this.withProgress(
      source.kind === 'selection' ? 'Reading the selection…' : 'Reading the initiatives table…',
      () => this.bridge.readInitiatives(source),
    );
    if (result.kind === 'error') {
      this.state.clearTable();
      this.setup.hidden = true;
      this.results.hidden = true;
      this.setupBox.update(this.state);
      this.setupBox.setOpen(true);
      this.table.showError(result.message);
      this.status.say('No initiatives table yet.');
      return;
    }
    this.state.useTable(result, rememberedSource(result));
    // A table chosen by a button is saved at once (closing the pane right after must not lose it).
    void this.saver.saveNow();
    this.table.showTable(result);
    this.method.fill();
    this.budget.fill();
    this.criteria.build();
    this.ahp.buildPairs();
    this.budget.buildMust();
    this.showMethod();
    this.setup.hidden = false;
    this.results.hidden = false;
    await this.computeNow();
    const outcome = this.state.outcome;
    // Results first: once there is a ranking and the setup was done (saved settings, or Score pressed), the
    // setup folds to its summary line; while nothing can be ranked it stays open, where the answer is.
    const fold = (announce || this.foldNextRanking) && outcome?.kind === 'ranking';
    this.foldNextRanking = false;
    if (fold) {
      this.setupBox.setOpen(false);
      // Folding moves the ranking up; show the pane from its top, where the ranking now starts.
      if (announce) window.scrollTo(0, 0);
    } else if (outcome?.kind !== 'ranking') this.setupBox.setOpen(true);
    const count = initiativeCount(result);
    if (announce && outcome?.kind === 'ranking')
      this.status.say(
        `Read the table again: ${outcome.order.length} of ${outcome.rows.length} initiatives scored.`,
      );
    else this.status.say(`Read ${plural(count, 'initiative')} from sheet ${result.sheet}.`);
  }

  private showMethod(): void {
    const [combine, criteria, wsjf, rice, ahp] = [
      this.method.fields[2],
      this.criteria.element,
      this.method.inputGroups[0],
      this.method.inputGroups[1],
      this.ahp.element,
    ];
    if (combine && wsjf && rice) showMethod(this.state, { combine, criteria, wsjf, rice, ahp });
  }

  private queueCompute(): void {
    if (this.computeQueued) return;
    this.computeQueued = true;
    // A long table is ranked once typing pauses: the exact selection may take a noticeable moment.
    const delay = (this.state.table?.rows.length ?? 0) > LARGE_TABLE_ROWS ? 250 : 0;
    setTimeout(() => {
      this.computeQueued = false;
      void this.computeNow();
    }, delay);
  }

  private async computeNow(): Promise<void> {
    const found = this.state.table;
    if (!found) return;
    if (found.rows.length > LARGE_TABLE_ROWS && this.state.settings.budget.trim() !== '') {
      // Paint the progress bar before the (synchronous) exact selection starts.
      const before = this.status.current();
      this.status.progress.hidden = false;
      this.element.setAttribute('aria-busy', 'true');
      this.status.say('Calculating the selection…');
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      try {
        this.state.compute();
      } finally {
        this.status.progress.hidden = true;
        this.element.removeAttribute('aria-busy');
        this.status.say(before);
      }
    } else this.state.compute();
    const outcome = this.state.outcome;
    if (!outcome) return;
    // A new ranking as set ends any preview: the weights it was tried against may have changed.
    this.previewing = undefined;
    this.sensitivity.showPreview(undefined);
    this.ahp.render(outcome.ahp);
    this.criteria.renderWeights(outcome.kind === 'ranking' ? outcome : undefined);
    this.ranking.render(outcome);
    this.setupBox.update(this.state);
    this.sensitivityStale = true;
    if (this.state.settings.method !== 'weighted' || outcome.kind !== 'ranking')
      this.sensitivity.render(undefined);
    else {
      // Offered folded; worked out when opened (or now, when it is open), not on every keystroke.
      this.sensitivity.element.hidden = false;
      if (this.sensitivity.element.open) this.showSensitivity();
    }
    this.updateWriteButton();
  }

  /** Works out the weight sensitivity of the ranking as set (each bound runs the exact selection a few times). */
  private showSensitivity(): void {
    this.sensitivityStale = false;
    this.sensitivity.render(this.state.sensitivity());
  }

  /** Shows the ranking with one weight moved, writing nothing and saving nothing. */
  private preview(header: string, weight: number): void {
    const set =
      this.state.settings.criteria.find((criterion) => criterion.header === header)?.weight ?? weight;
    const outcome = this.state.preview(header, weight);
    if (!outcome) return;
    this.previewing = { header, weight, set };
    this.sensitivity.showPreview(this.previewing);
    this.ranking.render(outcome);
    this.updateWriteButton();
  }

  /** Back to the ranking as set. */
  private endPreview(): void {
    this.previewing = undefined;
    this.sensitivity.showPreview(undefined);
    if (this.state.outcome) this.ranking.render(this.state.outcome);
    this.updateWriteButton();
    this.status.say('Back to the weights as set.');
  }

  /** The previewed weight becomes the criterion's weight (saved, and ranked as set). */
  private keepPreview(): void {
    const tried = this.previewing;
    const current = this.state.settings.criteria.find((criterion) => criterion.header === tried?.header);
    if (!tried || !current) return;
    this.state.updateCriterion({ ...current, weight: tried.weight });
    this.criteria.build();
    this.changed();
    this.status.say(`${tried.header} now has weight ${formatNumber(tried.weight)}.`);
  }

  private updateWriteButton(): void {
    this.write.showTarget(this.state.writeTarget());
    this.write.setEnabled(this.state.canWrite() && this.previewing === undefined);
  }

  private async writeResults(onConflict: WriteRequest['onConflict']): Promise<void> {
    const request = this.state.writeRequest(onConflict);
    if (!request) return;
    this.write.hideConfirm();
    const result = await this.withProgress('Writing to the sheet…', () => this.bridge.writeResults(request));
    await this.afterWrite(result, request);
  }

  private async afterWrite(result: WriteResult, request: WriteRequest): Promise<void> {
    const { status } = this;
    const { headerRow } = request;
    if (result.kind === 'error') {
      status.say('Nothing was written.');
      status.showAlert(result.message);
      return;
    }
    if (result.kind === 'stale') {
      await this.readTable(this.state.settings.source, false);
      status.say('Nothing was written.');
      status.showAlert(
        `The table changed since it was read (${result.reason}), so the results could be on the wrong rows. The ranking now shows the table as it is: check it, then write again.`,
      );
      return;
    }
    if (result.kind === 'conflict') {
      this.write.askOverwrite(result.headers);
      status.say('Waiting for your answer: overwrite your column or add new ones.');
      return;
    }
    const written = listText(
      (result.elsewhere === undefined ? result.columns : request.columns).map((column) => column.header),
    );
    if (result.elsewhere === undefined)
      this.state.settings = withWrittenColumns(this.state.settings, result.sheet, headerRow, result.columns);
    else this.state.settings = withScoresSheet(this.state.settings, request.sheet, headerRow, result.sheet);
    this.changed({ recompute: false });
    this.updateWriteButton();
    await this.saver.saveNow();
    status.say(
      result.elsewhere === undefined
        ? `Wrote ${written} to ${result.sheet}!${result.address}.`
        : `Wrote ${written} to ${result.sheet}!${result.address}, the add-in's own sheet: ${result.elsewhere}.`,
    );
  }
}
