// The scoring panel (DESIGN §7b), one UI for the Excel task pane and the Sheets sidebar: choose the initiatives
// table, map criteria (direction, weight) or compare them pairwise (AHP, with the consistency ratio live), pick
// the method, set a budget and must-include items, see the ranking with the exact selection and the greedy
// waterline, and write Score, Rank and Selected beside the table. It talks to its host only through a
// HostBridge. The state and its rules live in panel/state.ts, each section's controls in panel/sections/; this
// file puts them together and runs the host work. All text from cells is set with textContent (panel/dom.ts).

import type { HostBridge, TableSource, WriteRequest, WriteResult } from './bridge';
import { h, replaceChildren } from './dom';
import { type AhpSection, createAhpSection } from './sections/ahp';
import { type BudgetSection, createBudgetSection } from './sections/budget';
import type { PanelContext } from './sections/context';
import { type CriteriaSection, createCriteriaSection } from './sections/criteria';
import { createMethodSection, type MethodSection, showMethod } from './sections/method';
import { createRankingSection, type RankingSection } from './sections/ranking';
import { createStatusSection, type StatusSection } from './sections/status';
import { createTableSection, type TableSection } from './sections/table';
import { createTablesView, type TablesView } from './sections/tables';
import { createWriteSection, type WriteSection } from './sections/write';
import { parseSettings, withWrittenColumns } from './settings';
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
  private readonly write: WriteSection;
  private readonly setup: HTMLElement;
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
    this.ranking = createRankingSection();
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
      this.ranking.element,
      this.write.element,
    );
    this.tables = createTablesView(bridge, this.status, (label, task) => this.withProgress(label, task));
    this.element = h(
      'div',
      { className: `pmo-panel pmo-host-${bridge.host}` },
      h('h2', { className: 'pmo-title' }, 'Score initiatives'),
      this.status.element,
      this.table.element,
      this.setup,
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
        if (!this.state.busy && outcome?.kind === 'blocked')
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
    await this.computeNow();
    const outcome = this.state.outcome;
    const count = initiativeCount(result);
    if (announce && outcome?.kind === 'ranking')
      this.status.say(
        `Read the table again: ${outcome.order.length} of ${outcome.rows.length} initiatives scored.`,
      );
    else this.status.say(`Read ${count} initiative${count === 1 ? '' : 's'} from sheet ${result.sheet}.`);
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
    this.ahp.render(outcome.ahp);
    this.criteria.renderWeights(outcome.kind === 'ranking' ? outcome : undefined);
    this.ranking.render(outcome);
    this.updateWriteButton();
  }

  private updateWriteButton(): void {
    this.write.setEnabled(this.state.canWrite());
  }

  private async writeResults(onConflict: WriteRequest['onConflict']): Promise<void> {
    const request = this.state.writeRequest(onConflict);
    if (!request) return;
    this.write.hideConfirm();
    const result = await this.withProgress('Writing to the sheet…', () => this.bridge.writeResults(request));
    await this.afterWrite(result, request.headerRow);
  }

  private async afterWrite(result: WriteResult, headerRow: number): Promise<void> {
    const { status } = this;
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
    this.state.settings = withWrittenColumns(this.state.settings, result.sheet, headerRow, result.columns);
    this.changed({ recompute: false });
    await this.saver.saveNow();
    const headers = result.columns.map((column) => column.header);
    status.say(
      `Wrote ${headers.slice(0, -1).join(', ')}${headers.length > 1 ? ' and ' : ''}${headers.at(-1) ?? ''} to ${result.sheet}!${result.address}.`,
    );
  }
}
