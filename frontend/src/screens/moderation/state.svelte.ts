// The moderation screen's state: suites, the current suite's items and runs,
// the key runs use, and the run being sent. It lives in this module, not in
// a component, so a run keeps going (and its progress keeps counting) while
// the user looks at another screen. Mutations throw AppError; callers show it.
import * as api from '../../api';
import type {
  AppError,
  ModerationImportOptions,
  ModerationImportResult,
  ModerationItem,
  ModerationItemInput,
  ModerationKeyOption,
  ModerationProgress,
  ModerationRun,
  ModerationRunOptions,
  ModerationSuite,
  ModerationThresholds,
} from '../../api';
import { toasts } from '../../lib/toast.svelte';
import { cleanRunOptions, DEFAULT_RUN_OPTIONS, initialProgress } from './model';

const LAST_SUITE = 'steward.moderation.suite';
const RUN_OPTIONS = 'steward.moderation.runOptions';

export type ModerationTab = 'items' | 'run' | 'results' | 'compare' | 'metrics';

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

function readRunOptions(): ModerationRunOptions {
  try {
    const o: unknown = JSON.parse(storage()?.getItem(RUN_OPTIONS) ?? '{}');
    return cleanRunOptions(typeof o === 'object' && o !== null ? (o as Record<string, unknown>) : {});
  } catch {
    return { ...DEFAULT_RUN_OPTIONS };
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

class ModerationState {
  suites = $state<ModerationSuite[]>([]);
  suitesLoaded = $state(false);
  suitesError = $state<AppError | null>(null);

  currentId = $state(0);
  current = $derived<ModerationSuite | null>(this.suites.find((s) => s.id === this.currentId) ?? null);
  tab = $state<ModerationTab>('items');

  items = $state<ModerationItem[]>([]);
  /** The suite the items belong to; 0 until loaded. */
  itemsFor = $state(0);
  itemsLoading = $state(false);
  itemsError = $state<AppError | null>(null);

  runs = $state<ModerationRun[]>([]);
  runsFor = $state(0);
  runsLoading = $state(false);
  runsError = $state<AppError | null>(null);

  /** The run the Results tab shows; 0 picks the newest. */
  resultsRunId = $state(0);
  /** Bumped when a run's answers change, so open result views reload. */
  resultsRevision = $state(0);

  keys = $state<ModerationKeyOption[]>([]);
  keyLabel = $state('');
  keysLoaded = $state(false);
  keysError = $state<AppError | null>(null);

  runOptions = $state<ModerationRunOptions>(readRunOptions());

  /** The run being sent (by this window or found running); null when none. */
  active = $state<ModerationRun | null>(null);
  progress = $state<ModerationProgress | null>(null);
  starting = $state(false);
  pausing = $state(false);
  cancelling = $state(false);
  /** Why the last run stopped on an error, for the run panel. */
  runError = $state<{ runId: number; error: AppError } | null>(null);

  #itemsToken = 0;
  #runsToken = 0;

  async init(): Promise<void> {
    await Promise.all([this.loadSuites(), this.loadKeys()]);
  }

  // --- suites -------------------------------------------------------------------

  async loadSuites(): Promise<void> {
    this.suitesError = null;
    try {
      this.suites = await api.listModerationSuites();
      this.suitesLoaded = true;
    } catch (e) {
      this.suitesError = api.toAppError(e);
      return;
    }
    if (this.suites.some((s) => s.id === this.currentId)) {
      if (this.itemsFor !== this.currentId) await this.loadSuiteData();
      return;
    }
    const last = Number(storage()?.getItem(LAST_SUITE) ?? 0);
    const next = this.suites.find((s) => s.id === last) ?? this.suites[0];
    if (next) await this.select(next.id);
    else this.#clear();
  }

  #clear(): void {
    this.currentId = 0;
    this.items = [];
    this.itemsFor = 0;
    this.runs = [];
    this.runsFor = 0;
    this.resultsRunId = 0;
  }

  async select(id: number): Promise<void> {
    if (id !== this.currentId) {
      this.resultsRunId = 0;
      this.items = [];
      this.runs = [];
    }
    this.currentId = id;
    storage()?.setItem(LAST_SUITE, String(id));
    await this.loadSuiteData();
  }

  async loadSuiteData(): Promise<void> {
    await Promise.all([this.loadItems(), this.loadRuns()]);
  }

  #putSuite(s: ModerationSuite): void {
    const others = this.suites.filter((x) => x.id !== s.id);
    this.suites = [...others, s].sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }));
  }

  async refreshSuite(id = this.currentId): Promise<void> {
    try {
      this.#putSuite(await api.moderationSuite(id));
    } catch {
      // the list keeps its old counts; the next load corrects them
    }
  }

  async create(name: string): Promise<ModerationSuite> {
    const s = await api.createModerationSuite(name.trim());
    this.#putSuite(s);
    this.suitesLoaded = true;
    this.tab = 'items';
    await this.select(s.id);
    return s;
  }

  async createStarter(): Promise<ModerationSuite> {
    const s = await api.createStarterModerationSuite();
    this.#putSuite(s);
    this.suitesLoaded = true;
    this.tab = 'items';
    await this.select(s.id);
    return s;
  }

  async rename(id: number, name: string): Promise<ModerationSuite> {
    const s = await api.renameModerationSuite(id, name.trim());
    this.#putSuite(s);
    return s;
  }

  async remove(id: number): Promise<void> {
    await api.deleteModerationSuite(id);
    this.suites = this.suites.filter((s) => s.id !== id);
    if (this.currentId === id) {
      const next = this.suites[0];
      if (next) await this.select(next.id);
      else this.#clear();
    }
  }

  async saveThresholds(t: ModerationThresholds): Promise<ModerationSuite> {
    const s = await api.setModerationThresholds(this.currentId, t);
    this.#putSuite(s);
    return s;
  }

  // --- items -----------------------------------------------------------------------

  async loadItems(): Promise<void> {
    const id = this.currentId;
    if (!id) return;
    const token = ++this.#itemsToken;
    this.itemsLoading = true;
    this.itemsError = null;
    try {
      const items = await api.moderationItems(id);
      if (token !== this.#itemsToken) return;
      this.items = items;
      this.itemsFor = id;
    } catch (e) {
      if (token !== this.#itemsToken) return;
      this.itemsError = api.toAppError(e);
    } finally {
      if (token === this.#itemsToken) this.itemsLoading = false;
    }
  }

  async addItem(input: ModerationItemInput): Promise<ModerationItem> {
    const item = await api.addModerationItem(this.currentId, input);
    if (item.suite_id === this.currentId) this.items = [...this.items, item];
    void this.refreshSuite(item.suite_id);
    return item;
  }

  async updateItem(itemId: number, input: ModerationItemInput): Promise<ModerationItem> {
    const item = await api.updateModerationItem(itemId, input);
    this.items = this.items.map((i) => (i.id === item.id ? item : i));
    void this.refreshSuite(item.suite_id);
    return item;
  }

  async removeItem(itemId: number): Promise<void> {
    await api.removeModerationItem(itemId);
    this.items = this.items.filter((i) => i.id !== itemId);
    void this.refreshSuite();
  }

  /** Imports a file into the current suite, or (newName !== null) into a new suite. */
  async importFile(
    path: string,
    opts: ModerationImportOptions,
    newName: string | null,
  ): Promise<ModerationImportResult> {
    const res =
      newName === null
        ? await api.importModerationFile(this.currentId, path, opts)
        : await api.importModerationSuite(newName.trim(), path, opts);
    await this.refreshSuite(res.suite_id);
    if (res.suite_id !== this.currentId) {
      this.tab = 'items';
      await this.select(res.suite_id);
    } else {
      await this.loadItems();
    }
    return res;
  }

  // --- keys --------------------------------------------------------------------------

  async loadKeys(): Promise<void> {
    this.keysError = null;
    const [keys, label] = await Promise.allSettled([api.moderationKeyOptions(), api.moderationKey()]);
    if (keys.status === 'fulfilled') this.keys = keys.value;
    else this.keysError = api.toAppError(keys.reason);
    if (label.status === 'fulfilled') this.keyLabel = label.value;
    else this.keysError ??= api.toAppError(label.reason);
    this.keysLoaded = true;
  }

  async chooseKey(label: string): Promise<void> {
    const prev = this.keyLabel;
    this.keyLabel = label;
    try {
      this.keyLabel = await api.setModerationKey(label);
    } catch (e) {
      this.keyLabel = prev;
      throw api.toAppError(e);
    }
  }

  setRunOptions(o: Partial<ModerationRunOptions>): void {
    this.runOptions = cleanRunOptions({ ...this.runOptions, ...o });
    storage()?.setItem(RUN_OPTIONS, JSON.stringify(this.runOptions));
  }

  // --- runs ----------------------------------------------------------------------------

  async loadRuns(): Promise<void> {
    const id = this.currentId;
    if (!id) return;
    const token = ++this.#runsToken;
    this.runsLoading = true;
    this.runsError = null;
    try {
      const runs = await api.listModerationRuns(id);
      if (token !== this.#runsToken) return;
      this.runs = runs;
      this.runsFor = id;
      // A run Go is still sending that this window doesn't follow (the page was
      // reloaded mid-run): follow it, so it shows progress and can be paused.
      const running = runs.find((r) => r.status === 'running');
      if (running && !this.active) void this.#follow(running);
    } catch (e) {
      if (token !== this.#runsToken) return;
      this.runsError = api.toAppError(e);
    } finally {
      if (token === this.#runsToken) this.runsLoading = false;
    }
  }

  #putRun(run: ModerationRun): void {
    if (run.suite_id !== this.runsFor) return;
    const has = this.runs.some((r) => r.id === run.id);
    this.runs = has ? this.runs.map((r) => (r.id === run.id ? run : r)) : [run, ...this.runs].sort((a, b) => b.id - a.id);
  }

  /** Creates a run of the current suite with the run options and sends it. */
  async start(): Promise<void> {
    if (this.active || this.starting || !this.currentId) return;
    this.starting = true;
    this.runError = null;
    let run: ModerationRun;
    try {
      run = await api.createModerationRun(this.currentId, this.runOptions);
    } catch (e) {
      this.starting = false;
      throw api.toAppError(e);
    }
    this.#putRun(run);
    await this.#send(run);
  }

  /** Sends what a stopped run is missing. */
  async resume(run: ModerationRun): Promise<void> {
    if (this.active || this.starting) return;
    this.starting = true;
    this.runError = null;
    await this.#send(run);
  }

  async #send(run: ModerationRun): Promise<void> {
    this.active = { ...run, status: 'running' };
    this.#putRun(this.active);
    this.progress = initialProgress(run);
    this.starting = false;
    // Go reports once more when the run stops (final). Should Resume's answer
    // get lost on the way (the bridge reconnected), that report still ends the
    // wait, so the screen never stays "sending".
    let stopped = () => {};
    const finalSeen = new Promise<void>((resolve) => (stopped = resolve));
    const off = api.onModerationProgress((p) => {
      if (p.run_id !== run.id) return;
      this.progress = p;
      if (p.final) stopped();
    });
    let final: ModerationRun | null = null;
    try {
      const outcome = await Promise.race([
        api.resumeModerationRun(run.id).then(
          (r) => ({ run: r }),
          (e: unknown) => ({ error: api.toAppError(e) }),
        ),
        finalSeen.then(() => sleep(5000)).then(() => ({ lost: true })),
      ]);
      if ('run' in outcome) final = outcome.run;
      else if ('error' in outcome) this.runError = { runId: run.id, error: outcome.error };
    } finally {
      off();
    }
    try {
      final = await api.moderationRun(run.id);
    } catch {
      // keep what Resume said, if anything
    }
    this.#finish(final);
  }

  /** Follows a run sent by an earlier page load until Go stops sending it. */
  async #follow(run: ModerationRun): Promise<void> {
    this.active = run;
    this.progress = initialProgress(run);
    const off = api.onModerationProgress((p) => {
      if (p.run_id === run.id) this.progress = p;
    });
    let final: ModerationRun | null = null;
    try {
      for (;;) {
        await sleep(1000);
        try {
          final = await api.moderationRun(run.id);
        } catch {
          final = null;
          break;
        }
        if (final.status !== 'running') break;
      }
    } finally {
      off();
    }
    this.#finish(final);
  }

  #finish(final: ModerationRun | null): void {
    if (final) {
      this.#putRun(final);
      if (final.status === 'completed' && !this.runError) {
        toasts.success(final.errors > 0 ? 'mod.run.doneWithErrors' : 'mod.run.done', undefined, {
          count: final.errors,
          id: final.id,
        });
      } else if (final.status === 'paused') toasts.push({ kind: 'info', title: 'mod.run.pausedToast', params: { id: final.id } });
      else if (final.status === 'cancelled') toasts.push({ kind: 'info', title: 'mod.run.cancelledToast', params: { id: final.id } });
    }
    this.active = null;
    this.pausing = false;
    this.cancelling = false;
    this.starting = false;
    this.resultsRevision++;
    void this.refreshSuite();
    void this.loadRuns();
  }

  async pause(): Promise<void> {
    const run = this.active;
    if (!run || this.pausing) return;
    this.pausing = true;
    try {
      await api.pauseModerationRun(run.id);
    } catch (e) {
      this.pausing = false;
      throw api.toAppError(e);
    }
  }

  /** Cancels the run being sent, or marks a stopped one cancelled. */
  async cancel(run: ModerationRun | null = this.active): Promise<void> {
    if (!run) return;
    if (this.active?.id === run.id) {
      if (this.cancelling) return;
      this.cancelling = true;
    }
    try {
      await api.cancelModerationRun(run.id);
    } catch (e) {
      this.cancelling = false;
      throw api.toAppError(e);
    }
    if (this.active?.id !== run.id) this.#putRun(await api.moderationRun(run.id));
  }

  async deleteRun(runId: number): Promise<void> {
    await api.deleteModerationRun(runId);
    this.runs = this.runs.filter((r) => r.id !== runId);
    if (this.resultsRunId === runId) this.resultsRunId = 0;
  }

  /** Opens a run's results. */
  showResults(runId: number): void {
    this.resultsRunId = runId;
    this.tab = 'results';
  }
}

export const moderation = new ModerationState();
