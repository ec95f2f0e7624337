// The catalogue never changes while the app runs: load it once, share it.
import * as api from '../api';
import type { AppError, CatalogueInfo, Item, Section } from '../api';

class CatalogueStore {
  data = $state<CatalogueInfo | null>(null);
  error = $state<AppError | null>(null);
  loading = $state(false);
  #pending: Promise<CatalogueInfo | null> | null = null;

  byId = $derived(new Map<string, Item>((this.data?.items ?? []).map((i) => [i.id, i])));
  sections = $derived<Section[]>(this.data?.sections ?? []);

  load(force = false): Promise<CatalogueInfo | null> {
    if (this.data && !force) return Promise.resolve(this.data);
    if (this.#pending) return this.#pending;
    this.loading = true;
    this.error = null;
    this.#pending = api
      .catalogue()
      .then((c) => {
        this.data = c;
        return c;
      })
      .catch((e: unknown) => {
        this.error = api.toAppError(e);
        return null;
      })
      .finally(() => {
        this.loading = false;
        this.#pending = null;
      });
    return this.#pending;
  }

  /** Evidence kinds the app can supply for an item (from the catalogue). */
  kindsFor(itemId: string): string[] {
    return this.byId.get(itemId)?.evidence ?? [];
  }

  itemsWithKind(kind: string): Item[] {
    return (this.data?.items ?? []).filter((i) => i.evidence.includes(kind));
  }
}

export const catalogueStore = new CatalogueStore();
