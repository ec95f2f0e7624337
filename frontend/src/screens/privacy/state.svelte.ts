// The privacy screen's data: the answers on screen (saved as the user types),
// the completeness check, suggestions, saved versions, and where the user is.
// The answers on screen are the user's: a refused value stays as typed,
// with Go's message beside it, while everything else is still saved.
import * as api from '../../api';
import type {
  AppError,
  Lang,
  PrivacyAnswers,
  PrivacyCheckResult,
  PrivacyDraftSummary,
  PrivacyQuestion,
  PrivacyRegime,
  PrivacySavedDraft,
  PrivacySuggestion,
} from '../../api';
import { locale } from '../../i18n/index.svelte';
import { toasts } from '../../lib/toast.svelte';
import { isBlank } from './answers';
import { parseFieldProblems, problemsAt, withoutInvalid, type FieldProblem } from './fields';
import { SaveQueue } from './saveQueue';
import { anchorId, type SectionId, type Target } from './sections';
import { applyAccepted, loadDismissed, pendingSuggestions, saveDismissed, suggestionKey } from './suggestions';

export type Tab = 'questionnaire' | 'completeness' | 'draft' | 'versions';

/** What the save indicator shows. */
export type SaveStatus = 'idle' | 'saving' | 'saved' | 'partial' | 'blocked' | 'failed';

class PrivacyState {
  loaded = $state(false);
  loading = $state(false);
  loadError = $state<AppError | null>(null);

  questions = $state<PrivacyQuestion[]>([]);
  regimes = $state<PrivacyRegime[]>([]);
  answers = $state<PrivacyAnswers>(api.emptyPrivacyAnswers());
  check = $state<PrivacyCheckResult | null>(null);
  checkError = $state<AppError | null>(null);

  suggestions = $state<PrivacySuggestion[]>([]);
  suggestionsError = $state<AppError | null>(null);
  dismissed = $state<string[]>([...loadDismissed()]);
  accepting = $state<string | null>(null);

  drafts = $state<PrivacyDraftSummary[]>([]);
  draftsLoaded = $state(false);
  draftsError = $state<AppError | null>(null);

  tab = $state<Tab>('questionnaire');
  section = $state<SectionId>('organisation');
  /** A question block to scroll to once it is on screen. */
  focusQuestion = $state<string | null>(null);
  /** A regime of the completeness tab to scroll to. */
  focusRegime = $state<string | null>(null);
  /** The question block briefly highlighted after a jump. */
  highlighted = $state<string | null>(null);
  started = $state(false);
  suggestionsOpen = $state(false);
  /** The draft's language: the user's pick, else the app's. */
  #previewLang = $state<Lang | null>(null);
  get previewLang(): Lang {
    return this.#previewLang ?? locale.current;
  }
  set previewLang(lang: Lang) {
    this.#previewLang = lang;
  }

  saveStatus = $state<SaveStatus>('idle');
  saveError = $state<AppError | null>(null);
  savedAt = $state<Date | null>(null);
  problems = $state<FieldProblem[]>([]);
  /** Bumped after every successful save, so the preview re-renders. */
  revision = $state(0);

  pending = $derived(pendingSuggestions(this.suggestions, this.answers, new Set(this.dismissed)));
  /** A fresh install: nothing answered, no versions, and the user hasn't started. */
  fresh = $derived(!this.started && isBlank(this.answers) && this.draftsLoaded && this.drafts.length === 0);

  /** What Go last accepted, as sent: the fallback for refused values. */
  #saved: PrivacyAnswers = api.emptyPrivacyAnswers();
  #lastQueued = '';
  #highlightTimer: ReturnType<typeof setTimeout> | undefined;

  queue = new SaveQueue<PrivacyAnswers>((value) => this.#save(value), {
    delay: 700,
    onstate: (s) => {
      if (s !== 'idle') this.saveStatus = 'saving';
    },
  });

  async load(): Promise<void> {
    if (this.loading) return;
    this.loading = true;
    this.loadError = null;
    const [questions, regimes, answers, check] = await Promise.allSettled([
      api.loadPrivacyQuestions(),
      api.loadPrivacyRegimes(),
      this.loaded ? Promise.resolve(null) : api.loadPrivacyAnswers(),
      api.checkPrivacy(),
      this.loadSuggestions(),
      this.loadDrafts(),
    ]);
    this.loading = false;
    for (const r of [questions, regimes, answers]) {
      if (r.status === 'rejected') {
        this.loadError = api.toAppError(r.reason);
        return;
      }
    }
    if (questions.status === 'fulfilled') this.questions = questions.value;
    if (regimes.status === 'fulfilled') this.regimes = regimes.value;
    if (answers.status === 'fulfilled' && answers.value) {
      this.#saved = api.encodePrivacyAnswers(answers.value);
      this.#lastQueued = JSON.stringify(answers.value);
      this.answers = answers.value;
    }
    if (check.status === 'fulfilled') {
      // Unsaved edits on screen are newer than what Check() looked at.
      if (!this.queue.busy && this.problems.length === 0) this.check = check.value;
      this.checkError = null;
    } else this.checkError = api.toAppError(check.reason);
    this.loaded = true;
  }

  async loadSuggestions(): Promise<void> {
    try {
      this.suggestions = await api.loadPrivacySuggestions();
      this.suggestionsError = null;
    } catch (e) {
      this.suggestionsError = api.toAppError(e);
    }
  }

  async loadDrafts(): Promise<void> {
    try {
      this.drafts = await api.loadPrivacyDrafts();
      this.draftsError = null;
    } catch (e) {
      this.draftsError = api.toAppError(e);
    } finally {
      this.draftsLoaded = true;
    }
  }

  async refreshCheck(): Promise<void> {
    try {
      this.check = await api.checkPrivacy();
      this.checkError = null;
    } catch (e) {
      this.checkError = api.toAppError(e);
    }
  }

  // --- saving as the user types -------------------------------------------------

  /** Called with a snapshot whenever the answers on screen change. */
  edited(snapshot: PrivacyAnswers): void {
    if (!this.loaded) return;
    const json = JSON.stringify(snapshot);
    if (json === this.#lastQueued) return;
    this.#lastQueued = json;
    this.queue.schedule(snapshot);
  }

  /** Saves what waits now (a field lost focus, the user leaves, a draft is needed). */
  flush(): Promise<void> {
    return this.queue.flush();
  }

  /** Saves the answers on screen again, e.g. after a failure. */
  retrySave(): void {
    this.queue.schedule($state.snapshot(this.answers) as PrivacyAnswers);
    void this.queue.flush();
  }

  async #save(value: PrivacyAnswers): Promise<void> {
    const payload = api.encodePrivacyAnswers(value);
    try {
      this.#accepted(payload, await api.savePrivacyAnswers(payload));
      this.problems = [];
      this.saveStatus = 'saved';
      return;
    } catch (e) {
      const err = api.toAppError(e);
      const problems = err.code === 'invalid' ? parseFieldProblems(err.message) : [];
      if (problems.length === 0) {
        // Say it once, not on every keystroke while it keeps failing.
        if (this.saveStatus !== 'failed' || this.saveError?.message !== err.message) toasts.error('privacy.save.failedToast', err);
        this.saveError = err;
        this.saveStatus = 'failed';
        return;
      }
      this.problems = problems;
      this.saveError = null;
      // Save everything else: put the refused values back as they were saved.
      let attempt = payload;
      let fields = problems.map((p) => p.field);
      for (let round = 0; round < 3; round++) {
        attempt = withoutInvalid(attempt, this.#saved, fields);
        try {
          this.#accepted(attempt, await api.savePrivacyAnswers(attempt));
          this.saveStatus = 'partial';
          return;
        } catch (e2) {
          const more = parseFieldProblems(api.toAppError(e2).message);
          if (more.length === 0) break;
          fields = more.map((p) => p.field);
        }
      }
      this.saveStatus = 'blocked';
    }
  }

  #accepted(payload: PrivacyAnswers, check: PrivacyCheckResult): void {
    this.#saved = payload;
    this.check = check;
    this.checkError = null;
    this.saveError = null;
    this.savedAt = new Date();
    this.revision++;
  }

  /** Go's words for what is wrong with a field (or anything inside it). */
  problemAt(path: string): string {
    return problemsAt(this.problems, path)
      .map((p) => p.problem)
      .join(' ');
  }

  // --- suggestions ----------------------------------------------------------------

  async accept(s: PrivacySuggestion): Promise<void> {
    const key = suggestionKey(s);
    this.accepting = key;
    try {
      await this.queue.flush();
      const saved = await api.acceptPrivacySuggestion(s);
      applyAccepted(this.answers, saved, s.field);
      this.edited($state.snapshot(this.answers) as PrivacyAnswers);
      await this.queue.flush();
    } finally {
      this.accepting = null;
    }
  }

  /** Accepts every pending suggestion in turn; resolves to how many were accepted. */
  async acceptAll(): Promise<number> {
    let n = 0;
    for (const s of [...this.pending]) {
      await this.accept(s);
      n++;
    }
    return n;
  }

  dismiss(s: PrivacySuggestion): void {
    this.dismissed = [...new Set([...this.dismissed, suggestionKey(s)])];
    saveDismissed(new Set(this.dismissed));
  }

  restoreDismissed(): void {
    this.dismissed = [];
    saveDismissed(new Set());
  }

  /** Dismissed suggestions that would still change something. */
  get dismissedCount(): number {
    const keys = new Set(this.dismissed);
    return this.suggestions.filter((s) => keys.has(suggestionKey(s))).length;
  }

  // --- navigation ----------------------------------------------------------------

  /** Opens a question of the questionnaire and scrolls to it. */
  goTo(target: Target): void {
    this.started = true;
    this.tab = 'questionnaire';
    this.section = target.section;
    this.focusQuestion = target.question;
  }

  /** Opens the completeness tab at a regime. */
  showRegime(name: string): void {
    this.started = true;
    this.tab = 'completeness';
    this.focusRegime = name;
  }

  openSection(section: SectionId): void {
    this.started = true;
    this.tab = 'questionnaire';
    this.section = section;
    this.focusQuestion = null;
  }

  /** Briefly highlights a question block, once it has been scrolled to. */
  highlight(question: string): void {
    this.highlighted = question;
    clearTimeout(this.#highlightTimer);
    this.#highlightTimer = setTimeout(() => {
      if (this.highlighted === question) this.highlighted = null;
    }, 1800);
  }

  anchor(question: string): string {
    return anchorId(question);
  }

  // --- versions -------------------------------------------------------------------

  /** Saves the current draft in lang as a new version and resolves to it. */
  async saveVersion(lang: Lang): Promise<PrivacySavedDraft> {
    await this.queue.flush();
    const saved = await api.savePrivacyDraft(lang);
    await this.loadDrafts();
    return saved;
  }
}

export const privacy = new PrivacyState();
