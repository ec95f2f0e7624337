// The Results tab's data: one page of the shown run's results as Go
// filtered, sorted and paged it, the filters, and the thresholds being
// edited. Each change to the filters, the page or the draft thresholds asks
// Go again (the draft goes along, so the table follows the sliders before
// anything is saved); nothing is filtered or judged here.
import * as api from '../../api';
import type { AppError, ModerationQueryPage, ModerationResultCounts, ModerationRun, ModerationSuite, ModerationThresholds } from '../../api';
import { cleanThresholds, emptyRowFilter, sameThresholds, type EvaluatedRow, type RowFilter } from './model';

export const PAGE_SIZE = 50;

const noCounts = (): ModerationResultCounts => ({
  total: 0,
  flagged: 0,
  unflagged: 0,
  errors: 0,
  pending: 0,
  changed: 0,
  mismatched: 0,
  per_category: {},
});

class ResultsState {
  runId = $state(0);
  run = $state<ModerationRun | null>(null);
  /** The page Go answered with last; null until the first answer for runId. */
  data = $state<ModerationQueryPage | null>(null);
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

  counts = $derived<ModerationResultCounts>(this.data?.counts ?? noCounts());
  /** Rows that pass the filters, over every page. */
  matching = $derived(this.data?.matching ?? 0);
  pages = $derived(this.data?.pages ?? 1);
  pageRows = $derived<EvaluatedRow[]>(this.data?.rows ?? []);
  dirty = $derived(!sameThresholds(cleanThresholds(this.draft), this.saved));

  #token = 0;

  /** Loads a run's results (the current filters and page, judged with the draft). */
  async load(runId: number, revision: number): Promise<void> {
    if (runId !== this.runId) {
      this.data = null;
      this.run = null;
      this.page = 0;
      this.expanded = null;
    }
    this.runId = runId;
    this.revision = revision;
    await this.#query();
  }

  async #query(): Promise<void> {
    const token = ++this.#token;
    const runId = this.runId;
    if (runId === 0) return;
    this.loading = true;
    this.error = null;
    try {
      const page = await api.moderationResults(runId, {
        category: this.filter.category,
        flag: this.filter.flag,
        expected: '',
        mismatch: false,
        text: this.filter.search,
        thresholds: cleanThresholds(this.draft),
        sort: 'index',
        desc: false,
        page: this.page,
        page_size: PAGE_SIZE,
      });
      if (token !== this.#token) return;
      this.data = page;
      this.run = page.run;
      this.page = page.page;
    } catch (e) {
      if (token !== this.#token) return;
      this.error = api.toAppError(e);
    } finally {
      if (token === this.#token) this.loading = false;
    }
  }

  clear(): void {
    this.#token++;
    this.runId = 0;
    this.run = null;
    this.data = null;
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
      void this.#query();
    }
  }

  setFilter(patch: Partial<RowFilter>): void {
    this.filter = { ...this.filter, ...patch };
    this.page = 0;
    void this.#query();
  }

  clearFilters(): void {
    this.setFilter(emptyRowFilter());
  }

  goto(page: number): void {
    this.page = Math.max(0, page);
    void this.#query();
  }

  setThreshold(category: string, value: number | null): void {
    const next = { ...this.draft };
    if (value === null) delete next[category];
    else next[category] = value;
    this.setDraft(next);
  }

  setDraft(draft: ModerationThresholds): void {
    this.draft = draft;
    void this.#query();
  }

  resetDraft(): void {
    this.setDraft({ ...this.saved });
  }
}

export const results = new ResultsState();
