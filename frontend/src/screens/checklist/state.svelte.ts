// The checklist screen's data: workspaces, the current one's items, progress
// and catalogue changes. Mutations throw AppError; callers show the message.
import * as api from '../../api';
import type {
  AppError,
  CatalogueChanges,
  EvidenceInput,
  ItemChange,
  ItemState,
  Lang,
  Profile,
  Progress,
  Status,
  WizardResult,
  Workspace,
} from '../../api';
import { catalogueStore } from '../../stores/catalogue.svelte';
import { toasts } from '../../lib/toast.svelte';
import { emptyFilters, type Filters } from './filters';

const LAST_WORKSPACE = 'steward.workspace';

function remembered(): string {
  try {
    return localStorage.getItem(LAST_WORKSPACE) ?? '';
  } catch {
    return '';
  }
}
function remember(name: string): void {
  try {
    localStorage.setItem(LAST_WORKSPACE, name);
  } catch {
    // storage unavailable: the app still works, it just won't remember
  }
}

class ChecklistState {
  workspaces = $state<Workspace[]>([]);
  workspacesLoaded = $state(false);
  workspacesError = $state<AppError | null>(null);

  current = $state('');
  items = $state<ItemState[]>([]);
  itemsLoading = $state(false);
  itemsError = $state<AppError | null>(null);
  progress = $state<Progress | null>(null);
  changes = $state<CatalogueChanges | null>(null);

  filters = $state<Filters>(emptyFilters());
  selectedId = $state<string | null>(null);
  /** Bumped after every change so an open History tab reloads. */
  revision = $state(0);

  workspace = $derived<Workspace | null>(this.workspaces.find((w) => w.name === this.current) ?? null);
  selected = $derived<ItemState | null>(this.items.find((i) => i.id === this.selectedId) ?? null);

  #loadToken = 0;

  async init(): Promise<void> {
    void catalogueStore.load();
    await this.loadWorkspaces();
  }

  async loadWorkspaces(): Promise<void> {
    this.workspacesError = null;
    try {
      this.workspaces = await api.listWorkspaces();
      this.workspacesLoaded = true;
    } catch (e) {
      this.workspacesError = api.toAppError(e);
      return;
    }
    const names = this.workspaces.map((w) => w.name);
    if (names.includes(this.current)) return;
    const last = remembered();
    const next = names.includes(last) ? last : (names[0] ?? '');
    if (next) await this.select(next);
    else this.clearWorkspace();
  }

  clearWorkspace(): void {
    this.current = '';
    this.items = [];
    this.progress = null;
    this.changes = null;
    this.selectedId = null;
  }

  async select(name: string): Promise<void> {
    if (name !== this.current) {
      this.selectedId = null;
      this.filters = emptyFilters();
    }
    this.current = name;
    remember(name);
    await this.loadWorkspaceData();
  }

  async loadWorkspaceData(): Promise<void> {
    const ws = this.current;
    const token = ++this.#loadToken;
    this.itemsLoading = true;
    this.itemsError = null;
    const [items, progress, changes] = await Promise.allSettled([
      api.items(ws),
      api.progress(ws),
      api.catalogueChanges(ws),
    ]);
    if (token !== this.#loadToken) return; // a newer load superseded this one
    this.itemsLoading = false;
    if (items.status === 'fulfilled') this.items = items.value;
    else {
      this.items = [];
      this.itemsError = api.toAppError(items.reason);
    }
    if (progress.status === 'fulfilled') this.progress = progress.value;
    else if (items.status === 'fulfilled') toasts.error('checklist.progressFailed', api.toAppError(progress.reason));
    if (changes.status === 'fulfilled') this.changes = changes.value;
    else if (items.status === 'fulfilled') toasts.error('changes.loadFailed', api.toAppError(changes.reason));
  }

  async refreshProgress(): Promise<void> {
    try {
      this.progress = await api.progress(this.current);
    } catch (e) {
      toasts.error('checklist.progressFailed', api.toAppError(e));
    }
  }

  async create(name: string): Promise<Workspace> {
    const ws = await api.createWorkspace(name.trim());
    this.workspaces = [...this.workspaces.filter((w) => w.name !== ws.name), ws];
    this.workspacesLoaded = true;
    await this.select(ws.name);
    return ws;
  }

  async remove(name: string): Promise<void> {
    await api.deleteWorkspace(name);
    this.workspaces = this.workspaces.filter((w) => w.name !== name);
    if (this.current === name) {
      const next = this.workspaces[0]?.name;
      if (next) await this.select(next);
      else this.clearWorkspace();
    }
  }

  #replace(next: ItemState): void {
    this.items = this.items.map((i) => (i.id === next.id ? next : i));
    this.revision += 1;
  }

  async update(itemId: string, change: ItemChange): Promise<ItemState> {
    const next = await api.updateItem(this.current, itemId, change);
    this.#replace(next);
    if (change.status !== undefined || change.due !== undefined) void this.refreshProgress();
    return next;
  }

  /** Sets an item's status against its automatic check, with a note. */
  async overrideCheck(itemId: string, status: Status, note: string): Promise<void> {
    this.#replace(await api.overrideCheck(this.current, itemId, status, note));
    void this.refreshProgress();
  }

  async addEvidence(itemId: string, input: EvidenceInput): Promise<void> {
    this.#replace(await api.addEvidence(this.current, itemId, input));
  }

  async removeEvidence(evidenceId: number): Promise<void> {
    this.#replace(await api.removeEvidence(this.current, evidenceId));
  }

  async applyProfile(profile: Profile, lang: Lang): Promise<WizardResult> {
    const ws = this.current;
    const result = await api.applyProfile(ws, profile, lang);
    // Keep the saved answers for the next run of the wizard.
    this.workspaces = this.workspaces.map((w) => (w.name === ws ? { ...w, profile } : w));
    this.revision += 1;
    await this.loadWorkspaceData();
    void this.loadWorkspaces();
    return result;
  }

  async markReviewed(): Promise<void> {
    await api.markReviewed(this.current);
    this.changes = this.changes ? { ...this.changes, new: [], changed: [] } : null;
    void this.loadWorkspaces();
  }
}

export const checklist = new ChecklistState();
