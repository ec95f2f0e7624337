// State of the Usage screen, shared by its components. The screen is kept
// while the app runs, so coming back to it shows what was there at once and
// refreshes behind it; every request has its own loading and error state,
// so a part that fails never blanks the rest.
import * as api from '../../api/usage';
import { shownError } from '../../api/errors';
import { teamDatabase, type TeamDatabase } from '../../api/teamdb';
import type {
  UsageAlert,
  UsageGrouping,
  UsagePoint,
  UsagePolicy,
  UsagePriceList,
  UsageReport,
  UsageSource,
  UsageStats,
} from '../../api/usage';
import type { AppError } from '../../api/types';
import { t } from '../../i18n/index.svelte';
import type { Metric } from './chart';
import { bucketFor, fillDays, monthStart, resolveRange, utcDay, type DayRange, type RangeChoice } from './range';

export const TABS = ['overview', 'prices', 'reconcile', 'settings'] as const;
export type UsageTab = (typeof TABS)[number];

/** The breakdowns below the chart (the chart itself is the report by day). */
export const BREAKDOWNS = ['member', 'model', 'endpoint', 'key', 'source'] as const satisfies readonly UsageGrouping[];
export type Breakdown = (typeof BREAKDOWNS)[number];

/** An AppError with a message to show, whatever came back. */
export function failure(e: unknown): AppError {
  return shownError(e, t('usage.error.noDetail'));
}

/** One request's result: the last data, whether a newer one runs, and its error. */
class Slot<T> {
  data = $state<T | null>(null);
  loading = $state(false);
  error = $state<AppError | null>(null);
  #gen = 0;

  /** Runs fn; a result that arrives after a newer run started is dropped. */
  async run(fn: () => Promise<T>): Promise<void> {
    const gen = ++this.#gen;
    this.loading = true;
    try {
      const data = await fn();
      if (gen !== this.#gen) return;
      this.data = data;
      this.error = null;
    } catch (e) {
      if (gen !== this.#gen) return;
      this.error = failure(e);
    } finally {
      if (gen === this.#gen) this.loading = false;
    }
  }
}

export interface ChartData {
  bucket: 'day' | 'hour';
  points: UsagePoint[];
}

class UsageState {
  tab = $state<UsageTab>('overview');
  range = $state<RangeChoice>({ preset: '30d', since: '', until: '' });
  source = $state<UsageSource>('');
  metric = $state<Metric>('requests');
  breakdown = $state<Breakdown>('member');

  /** All-time usage by source: whether anything was ever logged. */
  ever = new Slot<UsageReport>();
  chart = new Slot<ChartData>();
  report = new Slot<UsageReport>();
  alerts = new Slot<UsageAlert[]>();
  stats = new Slot<UsageStats>();
  policy = new Slot<UsagePolicy>();
  prices = new Slot<UsagePriceList>();
  unpriced = new Slot<string[]>();
  /** This UTC month's spend, for the budget. */
  month = new Slot<UsageReport>();
  /** Settings → Team database: when set, every report is the team's log, read-only. */
  team = new Slot<TeamDatabase>();

  /** Alerts hidden for this session, by kind and start. */
  hidden = $state<string[]>([]);
  /** Set when prices changed: the overview reloads when shown again. */
  stale = false;

  /** The period the overview shows, as of now. */
  get period(): DayRange {
    return resolveRange(this.range, new Date());
  }

  /** The screen reports on the team database's log: nothing here may change it. */
  get teamMode(): boolean {
    return (this.team.data?.url ?? '') !== '';
  }

  loadTeam(): Promise<void> {
    return this.team.run(() => teamDatabase());
  }

  /** The tabs that show: reconciliation and budget & privacy change the log, so not in team mode. */
  get tabs(): readonly UsageTab[] {
    return this.teamMode ? (['overview', 'prices'] as const) : TABS;
  }

  /** False until the first all-time check answered; then whether any call was ever logged. */
  get hasUsage(): boolean | null {
    const d = this.ever.data;
    if (!d) return null;
    return d.totals.requests > 0;
  }

  /** Everything the overview shows, in parallel. */
  async loadOverview(): Promise<void> {
    this.stale = false;
    await Promise.all([
      this.ever.run(() => api.usageReport({ since: '1970-01-01', until: '', by: 'source', source: '' })),
      this.loadPeriod(),
      this.loadAlerts(),
      this.loadStats(),
      this.unpriced.run(() => api.unpricedModels()),
    ]);
  }

  /** The chart and the breakdown for the current period and source. */
  async loadPeriod(): Promise<void> {
    await Promise.all([this.loadChart(), this.loadReport()]);
  }

  loadChart(): Promise<void> {
    const period = this.period;
    const source = this.source;
    const bucket = bucketFor(period);
    return this.chart.run(async () => {
      if (source === '') {
        const s = await api.usageSeries(period.since, period.until, bucket);
        return { bucket: s.bucket, points: s.points };
      }
      // Series counts every source; a report by day can filter by one.
      const r = await api.usageReport({ since: period.since, until: period.until, by: 'day', source });
      return { bucket: 'day', points: fillDays(r.rows, period) };
    });
  }

  loadReport(): Promise<void> {
    const period = this.period;
    const req = { since: period.since, until: period.until, by: this.breakdown, source: this.source };
    return this.report.run(() => api.usageReport(req));
  }

  loadAlerts(): Promise<void> {
    return this.alerts.run(() => api.usageAlerts());
  }

  loadStats(): Promise<void> {
    return this.stats.run(() => api.usageStats());
  }

  loadPolicy(): Promise<void> {
    return this.policy.run(() => api.usagePolicy());
  }

  loadMonth(): Promise<void> {
    const now = new Date();
    return this.month.run(() =>
      api.usageReport({ since: monthStart(now), until: utcDay(now), by: 'day', source: '' }),
    );
  }

  async loadPrices(): Promise<void> {
    await Promise.all([this.prices.run(() => api.usagePrices()), this.unpriced.run(() => api.unpricedModels())]);
  }

  /** Prices changed: costs everywhere change with them. */
  pricesChanged(list: UsagePriceList): void {
    this.prices.data = list;
    this.stale = true;
    void this.unpriced.run(() => api.unpricedModels());
    void this.loadAlerts();
    void this.loadMonth();
  }

  alertKey(a: UsageAlert): string {
    return `${a.kind}@${a.since}`;
  }

  get visibleAlerts(): UsageAlert[] {
    return (this.alerts.data ?? []).filter((a) => !this.hidden.includes(this.alertKey(a)));
  }

  hide(a: UsageAlert): void {
    this.hidden = [...this.hidden, this.alertKey(a)];
  }
}

export const usage = new UsageState();
