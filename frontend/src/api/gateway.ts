// The typed facade over the gateway bindings (see ./index.ts): start, stop
// and the live status of the local OpenAI-compatible proxy, its settings,
// member tokens and per-member policies, plus the team members it can issue
// tokens to. Every function rejects with an AppError {code, message}.
//
// Hand-written types mirror the JSON of backend/gateway (screen.go,
// stats.go, config.go, tokens.go, policies.go); the decoders fill Go's
// nulls and omitted fields once.
import * as GatewayScreenBindings from './wailsjs/go/gui/Gateway';
import * as KeysScreenBindings from './wailsjs/go/gui/Keys';
import { gateway as models } from './wailsjs/go/models';
import { call } from './errors';
import { obj, str, num, list, oneOf, nothing } from './wire';
import { drill, providerCheck, providerStatus, type GatewayProviderStatus } from './gatewayProviders';

export {
  GATEWAY_PROVIDER_STATES,
  addGatewayProvider,
  gatewayProviders,
  lastGatewayDrill,
  removeGatewayProvider,
  runGatewayDrill,
  testGatewayProvider,
  type GatewayDrill,
  type GatewayProvider,
  type GatewayProviderCheck,
  type GatewayProviderState,
  type GatewayProviderStatus,
} from './gatewayProviders';

// --- bindings ----------------------------------------------------------------

/** gui.Gateway as the facade calls it; assigning the generated module
 * makes `npm run check` fail if a Go method is renamed or changes parameters. */
export interface GatewayScreenBinding {
  Start: () => Promise<unknown>;
  Stop: () => Promise<unknown>;
  Status: () => Promise<unknown>;
  Settings: () => Promise<unknown>;
  SaveSettings: (cfg: models.Config) => Promise<unknown>;
  Tokens: () => Promise<unknown>;
  CreateToken: (member: string) => Promise<unknown>;
  RevokeToken: (id: number) => Promise<unknown>;
  Policies: () => Promise<unknown>;
  SetPolicy: (p: models.Policy) => Promise<unknown>;
}

/** The gui.Keys method the Gateway screen reads: the team's members. */
export interface GatewayKeysBinding {
  Members: () => Promise<unknown>;
}

const screen: GatewayScreenBinding = GatewayScreenBindings;
const keysScreen: GatewayKeysBinding = KeysScreenBindings;

// --- types -------------------------------------------------------------------

/** How the swapped-in upstream key is sent; "" picks by the upstream. */
export const GATEWAY_AUTHS = ['', 'bearer', 'api-key'] as const;
export type GatewayAuth = (typeof GATEWAY_AUTHS)[number];

export const GATEWAY_MODERATION = ['off', 'block'] as const;
export type GatewayModeration = (typeof GATEWAY_MODERATION)[number];

export const GATEWAY_PII = ['off', 'redact', 'block'] as const;
export type GatewayPII = (typeof GATEWAY_PII)[number];

export const GATEWAY_OUTPUT_MODERATION = ['off', 'log', 'block'] as const;
export type GatewayOutputModeration = (typeof GATEWAY_OUTPUT_MODERATION)[number];

export const GATEWAY_ALERT_KINDS = ['account_trouble', 'low_headroom', 'output_flagged', 'end_user_blocked'] as const;
export type GatewayAlertKind = (typeof GATEWAY_ALERT_KINDS)[number] | 'other';

/** Something the gateway saw that a person should hear about at once. */
export interface GatewayAlert {
  time: string;
  first: string;
  kind: GatewayAlertKind;
  provider: string;
  member: string;
  /** English from Go; never a key or a prompt. */
  message: string;
  count: number;
}

/** A key's rate-limit headroom for a model, from the provider's x-ratelimit-* headers. */
export interface GatewayHeadroom {
  provider: string;
  key_fingerprint: string;
  model: string;
  limit_requests: number;
  remaining_requests: number;
  limit_tokens: number;
  remaining_tokens: number;
  /** The smaller share left, 0–100. */
  percent: number;
  /** Under 10% left. */
  low: boolean;
  at: string;
}

/** One failed call, for people: never a key or a prompt. */
export interface GatewayErrorEntry {
  /** RFC 3339, UTC */
  time: string;
  member: string;
  method: string;
  endpoint: string;
  /** 0 when no answer was sent. */
  status: number;
  /** The usage log's error type, e.g. upstream_timeout. */
  type: string;
  message: string;
}

/** The gateway's live counters since it started. */
export interface GatewayStats {
  running: boolean;
  /** RFC 3339, UTC; "" before it started. */
  started_at: string;
  requests: number;
  in_flight: number;
  streams: number;
  errors: number;
  /** Calls the gateway answered itself: 401, 403, 413, 429… */
  refused: number;
  /** Usage rows the log could not keep. */
  queue_overflow: number;
  recorder_failures: number;
  /** Newest first. */
  recent_errors: GatewayErrorEntry[];
  /** Calls a provider failed that the next one took. */
  failovers: number;
  providers: GatewayProviderStatus[];
  /** Newest first. */
  alerts: GatewayAlert[];
  /** Lowest first. */
  headroom: GatewayHeadroom[];
}

export interface GatewayStatus {
  running: boolean;
  /** What apps put in OPENAI_BASE_URL, e.g. http://127.0.0.1:8787/v1; "" while stopped. */
  base_url: string;
  listen: string;
  upstream: string;
  stats: GatewayStats;
  /** Things about the settings that deserve attention (English from Go). */
  warnings: string[];
}

export interface GatewayConfig {
  /** host:port, 127.0.0.1:8787 by default. */
  listen: string;
  /** The API root calls go to, https://api.openai.com/v1 by default. */
  upstream: string;
  /** The registered key that replaces member tokens; "" for none. */
  upstream_key_label: string;
  upstream_auth: GatewayAuth;
  /** Add stream_options.include_usage to streamed chat calls, so their tokens are counted. */
  add_include_usage: boolean;
  /** The largest request body forwarded, in bytes; 0 for the default. */
  max_body_bytes: number;
  /** Timeouts in nanoseconds (Go durations); 0 for the default. */
  connect_timeout: number;
  first_byte_timeout: number;
  idle_timeout: number;
  breaker_cooldown: number;
  /** Don't add safety identifiers to member-token chat and Responses calls. */
  no_safety_identifiers: boolean;
  /** Send "store": false on Responses calls. */
  responses_store_false: boolean;
  /** Refuse an end user flagged this many times in a day; 0 is off. */
  blocklist_threshold: number;
}

/** A member token, never the token itself. */
export interface GatewayToken {
  id: number;
  /** "" once the member has been removed. */
  member: string;
  /** e.g. "stw_Ab3x…" */
  prefix: string;
  created_at: string;
  last_used_at: string;
  revoked_at: string;
  /** Not revoked, and its member is current. */
  active: boolean;
}

/** What the gateway enforces for one member; zero values mean no limit. */
export interface GatewayPolicy {
  member: string;
  requests_per_minute: number;
  tokens_per_day: number;
  /** Models the member may call; a trailing "*" matches a prefix. Empty allows any. */
  allowed_models: string[];
  moderation: GatewayModeration;
  pii: GatewayPII;
  output_moderation: GatewayOutputModeration;
  updated_at: string;
}

/** A team member, as the token and policy pickers need it. */
export interface GatewayMember {
  name: string;
  email: string;
  role: string;
}

// --- decoders ----------------------------------------------------------------

function errorEntry(v: unknown): GatewayErrorEntry {
  const o = obj(v);
  return {
    time: str(o['time']),
    member: str(o['member']),
    method: str(o['method']),
    endpoint: str(o['endpoint']),
    status: num(o['status']),
    type: str(o['type']),
    message: str(o['message']),
  };
}

function alert(v: unknown): GatewayAlert {
  const o = obj(v);
  const kind = str(o['kind']);
  return {
    time: str(o['time']),
    first: str(o['first']),
    kind: (GATEWAY_ALERT_KINDS as readonly string[]).includes(kind) ? (kind as GatewayAlertKind) : 'other',
    provider: str(o['provider']),
    member: str(o['member']),
    message: str(o['message']),
    count: num(o['count']),
  };
}

function headroom(v: unknown): GatewayHeadroom {
  const o = obj(v);
  return {
    provider: str(o['provider']),
    key_fingerprint: str(o['key_fingerprint']),
    model: str(o['model']),
    limit_requests: num(o['limit_requests']),
    remaining_requests: num(o['remaining_requests']),
    limit_tokens: num(o['limit_tokens']),
    remaining_tokens: num(o['remaining_tokens']),
    percent: num(o['percent']),
    low: o['low'] === true,
    at: str(o['at']),
  };
}

function stats(v: unknown): GatewayStats {
  const o = obj(v);
  return {
    running: o['running'] === true,
    started_at: str(o['started_at']),
    requests: num(o['requests']),
    in_flight: num(o['in_flight']),
    streams: num(o['streams']),
    errors: num(o['errors']),
    refused: num(o['refused']),
    queue_overflow: num(o['queue_overflow']),
    recorder_failures: num(o['recorder_failures']),
    recent_errors: list(o['recent_errors'], errorEntry),
    failovers: num(o['failovers']),
    providers: list(o['providers'], providerStatus),
    alerts: list(o['alerts'], alert),
    headroom: list(o['headroom'], headroom),
  };
}

function status(v: unknown): GatewayStatus {
  const o = obj(v);
  return {
    running: o['running'] === true,
    base_url: str(o['base_url']),
    listen: str(o['listen']),
    upstream: str(o['upstream']),
    stats: stats(o['stats']),
    warnings: list(o['warnings'], str).filter((w) => w !== ''),
  };
}

function config(v: unknown): GatewayConfig {
  const o = obj(v);
  return {
    listen: str(o['listen']),
    upstream: str(o['upstream']),
    upstream_key_label: str(o['upstream_key_label']),
    upstream_auth: oneOf(GATEWAY_AUTHS, o['upstream_auth'], ''),
    add_include_usage: o['add_include_usage'] === true,
    max_body_bytes: num(o['max_body_bytes']),
    connect_timeout: num(o['connect_timeout']),
    first_byte_timeout: num(o['first_byte_timeout']),
    idle_timeout: num(o['idle_timeout']),
    breaker_cooldown: num(o['breaker_cooldown']),
    no_safety_identifiers: o['no_safety_identifiers'] === true,
    responses_store_false: o['responses_store_false'] === true,
    blocklist_threshold: num(o['blocklist_threshold']),
  };
}

function token(v: unknown): GatewayToken {
  const o = obj(v);
  return {
    id: num(o['id']),
    member: str(o['member']),
    prefix: str(o['prefix']),
    created_at: str(o['created_at']),
    last_used_at: str(o['last_used_at']),
    revoked_at: str(o['revoked_at']),
    active: o['active'] === true,
  };
}

function policy(v: unknown): GatewayPolicy {
  const o = obj(v);
  return {
    member: str(o['member']),
    requests_per_minute: num(o['requests_per_minute']),
    tokens_per_day: num(o['tokens_per_day']),
    allowed_models: list(o['allowed_models'], str).filter((m) => m !== ''),
    moderation: oneOf(GATEWAY_MODERATION, o['moderation'], 'off'),
    pii: oneOf(GATEWAY_PII, o['pii'], 'off'),
    output_moderation: oneOf(GATEWAY_OUTPUT_MODERATION, o['output_moderation'], 'off'),
    updated_at: str(o['updated_at']),
  };
}

function member(v: unknown): GatewayMember {
  const o = obj(v);
  return { name: str(o['name']), email: str(o['email']), role: str(o['role']) };
}

/** A policy that enforces nothing: what members without one have. */
export function emptyGatewayPolicy(member: string): GatewayPolicy {
  return {
    member,
    requests_per_minute: 0,
    tokens_per_day: 0,
    allowed_models: [],
    moderation: 'off',
    pii: 'off',
    output_moderation: 'off',
    updated_at: '',
  };
}

/** Whether a policy limits or screens anything. */
export function gatewayPolicyEnforces(p: GatewayPolicy): boolean {
  return (
    p.requests_per_minute > 0 || p.tokens_per_day > 0 || p.allowed_models.length > 0 || p.moderation !== 'off' || p.pii !== 'off' ||
    p.output_moderation !== 'off'
  );
}

/** The decoders, for tests. */
export const gatewayDecoders = { status, stats, config, token, policy, member, providerStatus, drill, providerCheck };

// --- calls -------------------------------------------------------------------

export const gatewayStatus = (): Promise<GatewayStatus> => call(() => screen.Status(), status);

/** Starts the gateway with the saved settings; resolves to its status. */
export const startGateway = (): Promise<GatewayStatus> => call(() => screen.Start(), status);

/** Stops the gateway, letting calls in flight finish (up to ten seconds). */
export const stopGateway = (): Promise<void> => call(() => screen.Stop(), nothing);

export const gatewaySettings = (): Promise<GatewayConfig> => call(() => screen.Settings(), config);

/** Keeps new settings; a running gateway uses them once restarted. */
export const saveGatewaySettings = (cfg: GatewayConfig): Promise<GatewayConfig> =>
  call(
    () =>
      screen.SaveSettings(
        models.Config.createFrom({
          listen: cfg.listen,
          upstream: cfg.upstream,
          upstream_key_label: cfg.upstream_key_label,
          upstream_auth: cfg.upstream_auth,
          add_include_usage: cfg.add_include_usage,
          max_body_bytes: cfg.max_body_bytes,
          connect_timeout: cfg.connect_timeout,
          first_byte_timeout: cfg.first_byte_timeout,
          idle_timeout: cfg.idle_timeout,
          breaker_cooldown: cfg.breaker_cooldown,
          no_safety_identifiers: cfg.no_safety_identifiers,
          responses_store_false: cfg.responses_store_false,
          blocklist_threshold: cfg.blocklist_threshold,
        }),
      ),
    config,
  );

/** Every member token, newest first. */
export const gatewayTokens = (): Promise<GatewayToken[]> => call(() => screen.Tokens(), (v) => list(v, token));

/** Makes a token for a member and resolves to it: the only time it is shown. */
export const createGatewayToken = (memberName: string): Promise<string> =>
  call(() => screen.CreateToken(memberName), str);

export const revokeGatewayToken = (id: number): Promise<void> => call(() => screen.RevokeToken(id), nothing);

/** The policies of current members; members without one have none here. */
export const gatewayPolicies = (): Promise<GatewayPolicy[]> => call(() => screen.Policies(), (v) => list(v, policy));

/** Sets a member's policy; one that enforces nothing removes it. */
export const setGatewayPolicy = (p: GatewayPolicy): Promise<GatewayPolicy> =>
  call(
    () =>
      screen.SetPolicy(
        models.Policy.createFrom({
          member: p.member,
          requests_per_minute: p.requests_per_minute,
          tokens_per_day: p.tokens_per_day,
          allowed_models: [...p.allowed_models],
          moderation: p.moderation,
          pii: p.pii,
          output_moderation: p.output_moderation,
          updated_at: '',
        }),
      ),
    policy,
  );

/** The team's members, from the key register. */
export const gatewayMembers = (): Promise<GatewayMember[]> =>
  call(() => keysScreen.Members(), (v) => list(v, member).filter((m) => m.name !== ''));

