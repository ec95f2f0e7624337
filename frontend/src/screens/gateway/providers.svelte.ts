// State of the Gateway screen's Providers tab: the primary and fallback
// providers with their breakers' state, the last failover drill, and the
// result of each provider test.
import * as api from '../../api/gateway';
import type { GatewayDrill, GatewayProviderCheck, GatewayProviderStatus } from '../../api/gateway';
import type { AppError } from '../../api/types';
import { failure } from '../usage/state.svelte';

class ProvidersState {
  list = $state<GatewayProviderStatus[] | null>(null);
  error = $state<AppError | null>(null);
  drill = $state<GatewayDrill | null>(null);
  drilling = $state(false);
  /** Provider test results by provider name. */
  checks = $state<Record<string, GatewayProviderCheck>>({});
  testing = $state<string | null>(null);

  async load(): Promise<void> {
    try {
      const [list, drill] = await Promise.all([api.gatewayProviders(), api.lastGatewayDrill()]);
      this.list = list;
      this.drill = drill.at ? drill : null;
      this.error = null;
    } catch (e) {
      this.error = failure(e);
    }
  }

  /** Adds a fallback; rejects with an AppError the caller shows. */
  async add(name: string, baseURL: string, keyLabel: string, models: string): Promise<void> {
    await api.addGatewayProvider(name.trim(), baseURL.trim(), keyLabel, models.trim());
    await this.load();
  }

  async remove(name: string): Promise<void> {
    await api.removeGatewayProvider(name);
    delete this.checks[name];
    await this.load();
  }

  async test(name: string): Promise<GatewayProviderCheck> {
    this.testing = name;
    try {
      const c = await api.testGatewayProvider(name);
      this.checks[name] = c;
      return c;
    } finally {
      this.testing = null;
    }
  }

  async runDrill(): Promise<GatewayDrill> {
    this.drilling = true;
    try {
      this.drill = await api.runGatewayDrill();
      return this.drill;
    } finally {
      this.drilling = false;
    }
  }
}

export const providers = new ProvidersState();
