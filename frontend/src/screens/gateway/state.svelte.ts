// State of the Gateway screen, kept while the app runs: the live status
// (polled while the screen is open), the saved settings, member tokens,
// policies, and the members and keys the pickers offer.
import * as api from '../../api/gateway';
import { usageKeyChoices, type UsageKeyChoice } from '../../api/usage';
import type { GatewayConfig, GatewayMember, GatewayPolicy, GatewayStatus, GatewayToken } from '../../api/gateway';
import type { AppError } from '../../api/types';
import { failure } from '../usage/state.svelte';

export const TABS = ['status', 'providers', 'access', 'settings'] as const;
export type GatewayTab = (typeof TABS)[number];

class GatewayState {
  tab = $state<GatewayTab>('status');

  status = $state<GatewayStatus | null>(null);
  statusError = $state<AppError | null>(null);
  /** Start or stop under way. */
  switching = $state<'start' | 'stop' | null>(null);

  settings = $state<GatewayConfig | null>(null);
  settingsError = $state<AppError | null>(null);
  /** The settings the running gateway started with, to tell when a restart is due. */
  startedWith = $state<string | null>(null);

  tokens = $state<GatewayToken[] | null>(null);
  tokensError = $state<AppError | null>(null);
  policies = $state<GatewayPolicy[] | null>(null);
  policiesError = $state<AppError | null>(null);
  members = $state<GatewayMember[] | null>(null);
  membersError = $state<AppError | null>(null);
  keys = $state<UsageKeyChoice[] | null>(null);

  async loadStatus(): Promise<void> {
    try {
      this.status = await api.gatewayStatus();
      this.statusError = null;
    } catch (e) {
      this.statusError = failure(e);
    }
  }

  async loadSettings(): Promise<void> {
    try {
      this.settings = await api.gatewaySettings();
      this.settingsError = null;
    } catch (e) {
      this.settingsError = failure(e);
    }
  }

  async loadAccess(): Promise<void> {
    await Promise.all([
      api.gatewayTokens().then(
        (t) => ((this.tokens = t), (this.tokensError = null)),
        (e) => (this.tokensError = failure(e)),
      ),
      api.gatewayPolicies().then(
        (p) => ((this.policies = p), (this.policiesError = null)),
        (e) => (this.policiesError = failure(e)),
      ),
      this.loadMembers(),
    ]);
  }

  async loadMembers(): Promise<void> {
    try {
      this.members = await api.gatewayMembers();
      this.membersError = null;
    } catch (e) {
      this.membersError = failure(e);
    }
  }

  async loadKeys(): Promise<void> {
    try {
      this.keys = await usageKeyChoices();
    } catch {
      // The settings fall back to typing the label; saving reports any problem.
      this.keys = [];
    }
  }

  /** Starts or stops; rejects with an AppError the caller shows. */
  async toggle(): Promise<void> {
    const starting = !this.status?.running;
    this.switching = starting ? 'start' : 'stop';
    try {
      if (starting) {
        this.status = await api.startGateway();
        this.startedWith = this.settings ? JSON.stringify(this.settings) : null;
      } else {
        await api.stopGateway();
        await this.loadStatus();
      }
      this.statusError = null;
    } finally {
      this.switching = null;
    }
  }

  /** Stops and starts again, so saved settings take effect. */
  async restart(): Promise<void> {
    this.switching = 'stop';
    try {
      await api.stopGateway();
      this.switching = 'start';
      this.status = await api.startGateway();
      this.startedWith = this.settings ? JSON.stringify(this.settings) : null;
    } finally {
      this.switching = null;
    }
  }

  /** Whether the saved settings differ from those the running gateway started with. */
  get restartDue(): boolean {
    return !!this.status?.running && !!this.settings && this.startedWith !== null && this.startedWith !== JSON.stringify(this.settings);
  }

  /** Every member with their policy, or an empty one. */
  get memberPolicies(): GatewayPolicy[] {
    const byName = new Map((this.policies ?? []).map((p) => [p.member.toLowerCase(), p]));
    const out = (this.members ?? []).map((m) => byName.get(m.name.toLowerCase()) ?? api.emptyGatewayPolicy(m.name));
    // Policies of members the list doesn't have (yet) still show.
    for (const p of this.policies ?? []) {
      if (!out.some((o) => o.member.toLowerCase() === p.member.toLowerCase())) out.push(p);
    }
    return out;
  }
}

export const gw = new GatewayState();
