// The Overview's data: the posture of every workspace, open findings (with
// the gateway's alerts), what is due, the first-run guide, and the state of
// "Run checks" and "Audit bundle…".
import * as api from '../../api';
import type { AppError, GatewayAlert, Lang, Overview } from '../../api';
import { SCREENS, router, type Screen } from '../../shell/router.svelte';
import { checklist } from '../checklist/state.svelte';
import { t } from '../../i18n/index.svelte';

class OverviewState {
  data = $state<Overview | null>(null);
  alerts = $state<GatewayAlert[]>([]);
  loading = $state(false);
  error = $state<AppError | null>(null);
  /** Workspaces whose checks ran in the current "Run checks"; null when idle. */
  running = $state<{ done: number; total: number } | null>(null);
  exporting = $state(false);

  async load(): Promise<void> {
    this.loading = true;
    this.error = null;
    const [o, status, events] = await Promise.allSettled([api.checksOverview(), api.gatewayStatus(), api.gatewayEvents()]);
    this.loading = false;
    if (o.status === 'fulfilled') this.data = o.value;
    else this.error = api.toAppError(o.reason);
    // The gateway's alerts are a bonus: an unreadable status hides them only.
    // The stored ones show the last days' alerts while the gateway is stopped.
    const live = status.status === 'fulfilled' ? status.value.stats.alerts : [];
    const stored = events.status === 'fulfilled' ? api.storedAlerts(events.value, new Date()) : [];
    this.alerts = api.mergeAlerts(live, stored);
  }

  /** Runs every workspace's checks in turn, then reloads; returns the counts. */
  async runAll(): Promise<{ failing: number; passing: number }> {
    const names = this.data?.workspaces.map((w) => w.workspace) ?? [];
    const counts = { failing: 0, passing: 0 };
    this.running = { done: 0, total: names.length };
    try {
      for (const name of names) {
        const rs = await api.runChecks(name);
        counts.failing += rs.filter((r) => r.status === 'fail').length;
        counts.passing += rs.filter((r) => r.status === 'pass').length;
        this.running = { done: this.running.done + 1, total: names.length };
      }
    } finally {
      this.running = null;
      await this.load();
    }
    return counts;
  }

  async exportBundle(workspace: string, lang: Lang): Promise<string> {
    this.exporting = true;
    try {
      return await api.exportAuditBundle(workspace, lang);
    } finally {
      this.exporting = false;
    }
  }
}

export const overview = new OverviewState();

/** Whether this version has a screen called name. */
export function hasScreen(name: string): name is Screen {
  return (SCREENS as readonly string[]).includes(name);
}

/** The name of the screen that fixes something, in the user's language. */
export function screenLabel(name: string): string {
  return t(`screen.${hasScreen(name) ? name : name === 'org' ? 'org' : 'checklist'}`);
}

/** Opens the screen that fixes something; unknown screens do nothing. */
export function openScreen(name: string): void {
  if (hasScreen(name)) router.navigate(name);
}

/** Opens a workspace's item on the Checklist screen. */
export async function openItem(workspace: string, item: string): Promise<void> {
  if (checklist.current !== workspace) await checklist.select(workspace);
  router.navigate('checklist', { item });
}
