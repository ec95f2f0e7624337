// State of the Reconciliation tab, kept while the app runs so a result
// survives switching tabs.
import * as api from '../../api/usage';
import type { UsageKeyChoice, UsageKeyMapping, UsageReconciliation } from '../../api/usage';
import type { AppError } from '../../api/types';
import { addDays, utcDay } from './range';
import { failure } from './state.svelte';

class ReconcileState {
  keys = $state<UsageKeyChoice[] | null>(null);
  keysError = $state<AppError | null>(null);
  adminKey = $state('');
  adminKeyLoaded = $state(false);
  mappings = $state<UsageKeyMapping[] | null>(null);
  mappingsError = $state<AppError | null>(null);

  since = $state(addDays(utcDay(new Date()), -6));
  until = $state(utcDay(new Date()));
  result = $state<UsageReconciliation | null>(null);
  running = $state(false);
  error = $state<AppError | null>(null);
  onlyUnseen = $state(true);

  async load(): Promise<void> {
    await Promise.all([this.loadKeys(), this.loadAdminKey(), this.loadMappings()]);
  }

  async loadKeys(): Promise<void> {
    try {
      this.keys = await api.usageKeyChoices();
      this.keysError = null;
    } catch (e) {
      this.keysError = failure(e);
    }
  }

  async loadAdminKey(): Promise<void> {
    try {
      this.adminKey = await api.usageAdminKey();
    } catch {
      // Shown as "no key chosen"; choosing one reports any problem.
      this.adminKey = '';
    } finally {
      this.adminKeyLoaded = true;
    }
  }

  async loadMappings(): Promise<void> {
    try {
      this.mappings = await api.usageKeyMappings();
      this.mappingsError = null;
    } catch (e) {
      this.mappingsError = failure(e);
    }
  }

  async run(): Promise<void> {
    this.running = true;
    this.error = null;
    try {
      this.result = await api.reconcileUsage(this.since, this.until);
    } catch (e) {
      this.error = failure(e);
    } finally {
      this.running = false;
    }
  }

  /** After a mapping changed, the result's labels and unseen counts change too. */
  async remap(): Promise<void> {
    await this.loadMappings();
    if (this.result) await this.run();
  }

  keyFor(fingerprint: string): UsageKeyChoice | undefined {
    return this.keys?.find((k) => k.fingerprint === fingerprint);
  }
}

export const reconcile = new ReconcileState();
