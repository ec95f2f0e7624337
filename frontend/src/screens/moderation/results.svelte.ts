// The Results tab's data: every result of the shown run, the filters, and
// the thresholds being edited. Flags are recomputed here, in the browser, on
// every change to the draft thresholds, so the table follows the sliders
// before anything is saved.
import * as api from '../../api';
import type { AppError, ModerationResult, ModerationRun, ModerationSuite, ModerationThresholds } from '../../api';
import {
  cleanThresholds,
  countRows,
  emptyRowFilter,
  evaluateRows,
  filterRows,
  sameThresholds,
  type RowFilter,
} from './model';

export const PAGE_SIZE = 50;

class ResultsState {
  runId = $state(0);
  run = $state<ModerationRun | null>(null);
  results = $state<ModerationResult[]>([]);
  loading = $state(false);
  error = $state<AppError | null>(null);
  /** The state.resultsRevision the results were loaded at. */
  revision = $state(-1);

  filter = $state<RowFilter>(emptyRowFilter());
  page = $state(0);
  /** The row whose details are open (its index in the run). */
  expanded = $state<number | null>(null);

  /** The thresholds being edited, and the suite they belong to. */
  draft = $state<ModerationThresholds>({});
  draftFor = $state(0);
  saved = $state<ModerationThresholds>({});
  panelOpen = $state(false);
  saving = $state(false);

  rows = $derived(evaluateRows(this.results, this.draft));
  visible = $derived(filterRows(this.rows, this.filter));
  counts = $derived(countRows(this.rows));
  pages = $derived(Math.max(1, Math.ceil(this.visible.length / PAGE_SIZE)));
  pageRows = $derived(this.visible.slice(this.page * PAGE_SIZE, (this.page + 1) * PAGE_SIZE));
  dirty = $derived(!sameThresholds(cleanThresholds(this.draft), this.saved));

  #token = 0;

  /** Loads a run's results (all of them: filtering happens here). */
  async load(runId: number, revision: number): Promise<void> {
    const token = ++this.#token;
    if (runId !== this.runId) {
      this.results = [];
      this.run = null;
      this.page = 0;
      this.expanded = null;
    }
    this.runId = runId;
    this.loading = true;
    this.error = null;
    try {
      const page = await api.moderationResults(runId, { category: '', flag: '', search: '', offset: 0, limit: 0 });
      if (token !== this.#token) return;
      this.run = page.run;
      this.results = page.rows.map((r) => r.result);
      this.revision = revision;
      if (this.page >= this.pages) this.page = 0;
    } catch (e) {
      if (token !== this.#token) return;
      this.error = api.moderationError(e);
    } finally {
      if (token === this.#token) this.loading = false;
    }
  }

  clear(): void {
    this.#token++;
    this.runId = 0;
    this.run = null;
    this.results = [];
    this.loading = false;
    this.error = null;
  }

  /** Follows the suite's saved thresholds; a draft being edited for it is kept. */
  syncSuite(suite: ModerationSuite | null): void {
    const saved = suite?.thresholds ?? {};
    const id = suite?.id ?? 0;
    if (id !== this.draftFor) {
      this.draftFor = id;
      this.draft = { ...saved };
      this.saved = { ...saved };
      this.filter = emptyRowFilter();
      this.page = 0;
      return;
    }
    if (!sameThresholds(saved, this.saved)) {
      this.saved = { ...saved };
      this.draft = { ...saved };
    }
  }

  setFilter(patch: Partial<RowFilter>): void {
    this.filter = { ...this.filter, ...patch };
    this.page = 0;
  }

  setThreshold(category: string, value: number | null): void {
    const next = { ...this.draft };
    if (value === null) delete next[category];
    else next[category] = value;
    this.draft = next;
  }

  resetDraft(): void {
    this.draft = { ...this.saved };
  }
}

export const results = new ResultsState();
