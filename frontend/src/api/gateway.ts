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
import { usageError } from './usage';
import { call } from './errors';

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
  updated_at: string;
}

/** A team member, as the token and policy pickers need it. */
export interface GatewayMember {
  name: string;
  email: string;
  role: string;
}

// --- decoders ----------------------------------------------------------------

type Obj = Record<string, unknown>;

function obj(v: unknown): Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : {};
}
function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}
function num(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}
function list<T>(v: unknown, each: (x: unknown) => T): T[] {
  return Array.isArray(v) ? v.map(each) : [];
}
function oneOf<T extends string>(all: readonly T[], v: unknown, fallback: T): T {
  const s = str(v);
  return (all as readonly string[]).includes(s) ? (s as T) : fallback;
}

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
    updated_at: '',
  };
}

/** Whether a policy limits or screens anything. */
export function gatewayPolicyEnforces(p: GatewayPolicy): boolean {
  return (
    p.requests_per_minute > 0 || p.tokens_per_day > 0 || p.allowed_models.length > 0 || p.moderation !== 'off' || p.pii !== 'off'
  );
}

/** The decoders, for tests. */
export const gatewayDecoders = { status, stats, config, token, policy, member };

// --- calls -------------------------------------------------------------------

async function gcall<T>(fn: () => Promise<unknown>, decode: (raw: unknown) => T): Promise<T> {
  try {
    return await call(fn, decode);
  } catch (e) {
    throw usageError(e);
  }
}

function nothing(): void {
  return undefined;
}

export const gatewayStatus = (): Promise<GatewayStatus> => gcall(() => screen.Status(), status);

/** Starts the gateway with the saved settings; resolves to its status. */
export const startGateway = (): Promise<GatewayStatus> => gcall(() => screen.Start(), status);

/** Stops the gateway, letting calls in flight finish (up to ten seconds). */
export const stopGateway = (): Promise<void> => gcall(() => screen.Stop(), nothing);

export const gatewaySettings = (): Promise<GatewayConfig> => gcall(() => screen.Settings(), config);

/** Keeps new settings; a running gateway uses them once restarted. */
export const saveGatewaySettings = (cfg: GatewayConfig): Promise<GatewayConfig> =>
  gcall(
    () =>
      screen.SaveSettings(
        models.Config.createFrom({
          listen: cfg.listen,
          upstream: cfg.upstream,
          upstream_key_label: cfg.upstream_key_label,
          upstream_auth: cfg.upstream_auth,
          add_include_usage: cfg.add_include_usage,
          max_body_bytes: cfg.max_body_bytes,
        }),
      ),
    config,
  );

/** Every member token, newest first. */
export const gatewayTokens = (): Promise<GatewayToken[]> => gcall(() => screen.Tokens(), (v) => list(v, token));

/** Makes a token for a member and resolves to it: the only time it is shown. */
export const createGatewayToken = (memberName: string): Promise<string> =>
  gcall(() => screen.CreateToken(memberName), str);

export const revokeGatewayToken = (id: number): Promise<void> => gcall(() => screen.RevokeToken(id), nothing);

/** The policies of current members; members without one have none here. */
export const gatewayPolicies = (): Promise<GatewayPolicy[]> => gcall(() => screen.Policies(), (v) => list(v, policy));

/** Sets a member's policy; one that enforces nothing removes it. */
export const setGatewayPolicy = (p: GatewayPolicy): Promise<GatewayPolicy> =>
  gcall(
    () =>
      screen.SetPolicy(
        models.Policy.createFrom({
          member: p.member,
          requests_per_minute: p.requests_per_minute,
          tokens_per_day: p.tokens_per_day,
          allowed_models: [...p.allowed_models],
          moderation: p.moderation,
          pii: p.pii,
          updated_at: '',
        }),
      ),
    policy,
  );

/** The team's members, from the key register. */
export const gatewayMembers = (): Promise<GatewayMember[]> =>
  gcall(() => keysScreen.Members(), (v) => list(v, member).filter((m) => m.name !== ''));
