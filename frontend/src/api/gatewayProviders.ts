// The typed facade over the gateway's providers (see ./gateway.ts): the
// primary and the ordered fallbacks, their breakers, a test request to one,
// and the failover drill. Every function rejects with an AppError.
import * as GatewayScreenBindings from './wailsjs/go/gui/Gateway';
import { call } from './errors';
import { obj, str, num, list, oneOf, nothing } from './wire';

/** The gui.Gateway methods about providers; assigning the generated module
 * makes `npm run check` fail if one is renamed or changes parameters. */
export interface GatewayProvidersBinding {
  Providers: () => Promise<unknown>;
  AddProvider: (name: string, baseURL: string, keyLabel: string, models: string) => Promise<unknown>;
  RemoveProvider: (name: string) => Promise<unknown>;
  TestProvider: (name: string) => Promise<unknown>;
  RunDrill: () => Promise<unknown>;
  LastDrill: () => Promise<unknown>;
}

const screen: GatewayProvidersBinding = GatewayScreenBindings;

/** A provider's circuit breaker: healthy, open (calls skip it), probing. */
export const GATEWAY_PROVIDER_STATES = ['healthy', 'open', 'probing'] as const;
export type GatewayProviderState = (typeof GATEWAY_PROVIDER_STATES)[number];

/** An OpenAI-compatible API the gateway sends calls to: the primary or a fallback. */
export interface GatewayProvider {
  name: string;
  base_url: string;
  key_label: string;
  /** Model asked for -> model this provider serves. */
  models: Record<string, string>;
  primary: boolean;
}

/** A provider with its breaker's state, as the running gateway sees it. */
export interface GatewayProviderStatus extends GatewayProvider {
  state: GatewayProviderState;
  reason: string;
  since: string;
  retry_at: string;
  last_error: string;
  last_error_at: string;
  requests: number;
  failures: number;
  latency_ms: number;
}

/** One provider's answer to a small test request. */
export interface GatewayProviderCheck {
  provider: string;
  base_url: string;
  primary: boolean;
  model: string;
  ok: boolean;
  status: number;
  latency_ms: number;
  error: string;
}

/** A failover drill; a passing one is evidence for OP-09. */
export interface GatewayDrill {
  /** "" before the first drill. */
  at: string;
  passed: boolean;
  answered_by: string;
  summary: string;
  checks: GatewayProviderCheck[];
}

function models_(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(obj(v))) if (typeof val === 'string') out[k] = val;
  return out;
}

export function provider(v: unknown): GatewayProvider {
  const o = obj(v);
  return {
    name: str(o['name']),
    base_url: str(o['base_url']),
    key_label: str(o['key_label']),
    models: models_(o['models']),
    primary: o['primary'] === true,
  };
}

export function providerStatus(v: unknown): GatewayProviderStatus {
  const o = obj(v);
  return {
    ...provider(v),
    state: oneOf(GATEWAY_PROVIDER_STATES, o['state'], 'healthy'),
    reason: str(o['reason']),
    since: str(o['since']),
    retry_at: str(o['retry_at']),
    last_error: str(o['last_error']),
    last_error_at: str(o['last_error_at']),
    requests: num(o['requests']),
    failures: num(o['failures']),
    latency_ms: num(o['latency_ms']),
  };
}

export function providerCheck(v: unknown): GatewayProviderCheck {
  const o = obj(v);
  return {
    provider: str(o['provider']),
    base_url: str(o['base_url']),
    primary: o['primary'] === true,
    model: str(o['model']),
    ok: o['ok'] === true,
    status: num(o['status']),
    latency_ms: num(o['latency_ms']),
    error: str(o['error']),
  };
}

export function drill(v: unknown): GatewayDrill {
  const o = obj(v);
  return {
    at: str(o['at']),
    passed: o['passed'] === true,
    answered_by: str(o['answered_by']),
    summary: str(o['summary']),
    checks: list(o['checks'], providerCheck),
  };
}

/** The primary and the fallbacks, in order, with their breakers' state. */
export const gatewayProviders = (): Promise<GatewayProviderStatus[]> =>
  call(() => screen.Providers(), (v) => list(v, providerStatus));

/** Appends a fallback provider; models is FROM=TO,... */
export const addGatewayProvider = (name: string, baseURL: string, keyLabel: string, models: string): Promise<GatewayProvider> =>
  call(() => screen.AddProvider(name, baseURL, keyLabel, models), provider);

export const removeGatewayProvider = (name: string): Promise<void> => call(() => screen.RemoveProvider(name), nothing);

/** Sends one small request to a provider. */
export const testGatewayProvider = (name: string): Promise<GatewayProviderCheck> =>
  call(() => screen.TestProvider(name), providerCheck);

/** Tests every provider as if the primary were down; the result is kept as evidence. */
export const runGatewayDrill = (): Promise<GatewayDrill> => call(() => screen.RunDrill(), drill);

/** The latest drill; its `at` is "" before the first. */
export const lastGatewayDrill = (): Promise<GatewayDrill> => call(() => screen.LastDrill(), drill);
