// The typed facade over the organization bindings (org.Screen): the OpenAI
// organization read through the Administration API with an admin key.
// Every function rejects with an AppError {code, message}.
//
// No function returns a key: the Go side shows keys only as the API does
// (redacted_value). connectOrg passes the pasted admin key straight through.
import * as OrgBindings from './wailsjs/go/gui/Org';
import { call } from './errors';
import { nothing, text } from './decode';
import { keysDecoders, type KeyFinding } from './keys';
import type { Text } from './types';

// --- types -------------------------------------------------------------------

export const ORG_KEY_STATUSES = ['registered', 'unregistered', 'stale', 'revoked'] as const;
export type OrgKeyStatus = (typeof ORG_KEY_STATUSES)[number];

export interface OrgConnection {
  connected: boolean;
  /** The admin key, redacted. */
  redacted: string;
  base_url: string;
  connected_at: string;
  synced_at: string;
  /** No snapshot yet, or one older than a day. */
  sync_due: boolean;
}

export interface OrgSyncResult {
  synced_at: string;
  projects: number;
  keys: number;
  service_accounts: number;
  users: number;
  invites: number;
  admin_keys: number;
  registered: number;
  unregistered: number;
  ambiguous: number;
  calls: number;
}

/** One key of the organization, as `steward org keys` shows it. */
export interface OrgKeyRow {
  project_id: string;
  project: string;
  id: string;
  name: string;
  redacted: string;
  owner: string;
  created_at: string;
  /** "" when never used. */
  last_used_at: string;
  status: OrgKeyStatus;
  /** The linked local key's label. */
  label: string;
}

export interface OrgKeyRef {
  project_id: string;
  key_id: string;
}

export interface OrgAmbiguity {
  local_key_id: number;
  label: string;
  candidates: OrgKeyRef[];
}

export interface OrgRevokeTarget {
  label: string;
  project_id: string;
  key_id: string;
}

export interface OrgRevokePlan {
  project_id: string;
  project: string;
  key_id: string;
  key_name: string;
  redacted: string;
  owner: string;
  label: string;
  service_account_id: string;
  service_account_name: string;
  method: string;
  path: string;
  in_snapshot: boolean;
}

export interface OrgRevocation {
  at: string;
  project_id: string;
  key_id: string;
  label: string;
  service_account_id: string;
  /** HTTP status of the DELETE; 404 means it was already gone. */
  status: number;
  answer: string;
}

export interface OrgRevokeResult {
  plan: OrgRevokePlan;
  dry_run: boolean;
  revocation: OrgRevocation | null;
}

export interface OrgAuditEvent {
  id: string;
  type: string;
  effective_at: string;
  project_id: string;
  actor: string;
  object_id: string;
  label: string;
  member: string;
}

export interface OrgAuditImport {
  new: number;
  read: number;
  logging_off: boolean;
  how_to_on: Text;
}

export interface OrgRateLimit {
  model: string;
  max_requests_per_1_minute: number;
  max_tokens_per_1_minute: number;
}

export interface OrgSpendLimit {
  threshold_amount: number;
  currency: string;
  interval: string;
  enforcement: string;
}

export interface OrgProjectSettings {
  rate_limits: OrgRateLimit[];
  data_retention: string;
  model_mode: string;
  model_ids: string[];
  hosted_tools: Record<string, boolean>;
  spend_limit: OrgSpendLimit | null;
  spend_alerts: number;
  unavailable: string[];
}

export interface OrgProject {
  id: string;
  name: string;
  status: string;
  settings: OrgProjectSettings;
}

export interface OrgSnapshot {
  synced_at: string;
  projects: OrgProject[];
  users: number;
  invites: number;
  admin_keys: { id: string; name: string; redacted: string; owner_name: string; steward: boolean }[];
  data_retention: string;
  spend_limit: OrgSpendLimit | null;
}

// --- bindings ----------------------------------------------------------------

export interface OrgBinding {
  Connection: () => Promise<unknown>;
  Connect: (adminKey: string) => Promise<unknown>;
  Disconnect: () => Promise<unknown>;
  Sync: () => Promise<unknown>;
  Snapshot: () => Promise<unknown>;
  Keys: () => Promise<unknown>;
  Ambiguities: () => Promise<unknown>;
  Choose: (label: string, ref: OrgKeyRef) => Promise<unknown>;
  PlanRevoke: (t: OrgRevokeTarget) => Promise<unknown>;
  Revoke: (t: OrgRevokeTarget, o: { dry_run: boolean; confirm_service_account: string }) => Promise<unknown>;
  Findings: () => Promise<unknown>;
  ImportAudit: () => Promise<unknown>;
  Audit: (since: string, type: string, limit: number) => Promise<unknown>;
}

const screen: OrgBinding = OrgBindings;

// --- decoders ----------------------------------------------------------------

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : {});
const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const list = <T>(v: unknown, each: (x: unknown) => T): T[] => (Array.isArray(v) ? v.map(each) : []);
/** Go's zero time, which a struct field without a time carries. */
const when = (v: unknown): string => (str(v).startsWith('0001-01-01') ? '' : str(v));

function decodeConnection(v: unknown): OrgConnection {
  const o = obj(v);
  return {
    connected: o['connected'] === true,
    redacted: str(o['redacted']),
    base_url: str(o['base_url']),
    connected_at: str(o['connected_at']),
    synced_at: str(o['synced_at']),
    sync_due: o['sync_due'] === true,
  };
}

function decodeSync(v: unknown): OrgSyncResult {
  const o = obj(v);
  const n = (k: string): number => num(o[k]);
  return {
    synced_at: when(o['synced_at']),
    projects: n('projects'),
    keys: n('keys'),
    service_accounts: n('service_accounts'),
    users: n('users'),
    invites: n('invites'),
    admin_keys: n('admin_keys'),
    registered: n('registered'),
    unregistered: n('unregistered'),
    ambiguous: n('ambiguous'),
    calls: n('calls'),
  };
}

function decodeKeyRow(v: unknown): OrgKeyRow {
  const o = obj(v);
  const status = str(o['status']);
  return {
    project_id: str(o['project_id']),
    project: str(o['project']),
    id: str(o['id']),
    name: str(o['name']),
    redacted: str(o['redacted']),
    owner: str(o['owner']),
    created_at: str(o['created_at']),
    last_used_at: str(o['last_used_at']),
    status: (ORG_KEY_STATUSES as readonly string[]).includes(status) ? (status as OrgKeyStatus) : 'unregistered',
    label: str(o['label']),
  };
}

const decodeRef = (v: unknown): OrgKeyRef => ({ project_id: str(obj(v)['project_id']), key_id: str(obj(v)['key_id']) });

function decodeAmbiguity(v: unknown): OrgAmbiguity {
  const o = obj(v);
  return { local_key_id: num(o['local_key_id']), label: str(o['label']), candidates: list(o['candidates'], decodeRef) };
}

function decodePlan(v: unknown): OrgRevokePlan {
  const o = obj(v);
  const s = (k: string): string => str(o[k]);
  return {
    project_id: s('project_id'),
    project: s('project'),
    key_id: s('key_id'),
    key_name: s('key_name'),
    redacted: s('redacted'),
    owner: s('owner'),
    label: s('label'),
    service_account_id: s('service_account_id'),
    service_account_name: s('service_account_name'),
    method: s('method'),
    path: s('path'),
    in_snapshot: o['in_snapshot'] === true,
  };
}

function decodeRevokeResult(v: unknown): OrgRevokeResult {
  const o = obj(v);
  const r = o['revocation'];
  const ro = obj(r);
  return {
    plan: decodePlan(o['plan']),
    dry_run: o['dry_run'] === true,
    revocation:
      r === null || r === undefined
        ? null
        : {
            at: str(ro['at']),
            project_id: str(ro['project_id']),
            key_id: str(ro['key_id']),
            label: str(ro['label']),
            service_account_id: str(ro['service_account_id']),
            status: num(ro['status']),
            answer: str(ro['answer']),
          },
  };
}

function decodeAudit(v: unknown): OrgAuditEvent {
  const o = obj(v);
  const s = (k: string): string => str(o[k]);
  return {
    id: s('id'),
    type: s('type'),
    effective_at: s('effective_at'),
    project_id: s('project_id'),
    actor: s('actor'),
    object_id: s('object_id'),
    label: s('label'),
    member: s('member'),
  };
}

function decodeImport(v: unknown): OrgAuditImport {
  const o = obj(v);
  return { new: num(o['new']), read: num(o['read']), logging_off: o['logging_off'] === true, how_to_on: text(o['how_to_on']) };
}

function decodeSpend(v: unknown): OrgSpendLimit | null {
  if (v === null || v === undefined) return null;
  const o = obj(v);
  return {
    threshold_amount: num(o['threshold_amount']),
    currency: str(o['currency']),
    interval: str(o['interval']),
    enforcement: str(o['enforcement']),
  };
}

function decodeSettings(v: unknown): OrgProjectSettings {
  const o = obj(v);
  const tools: Record<string, boolean> = {};
  for (const [k, on] of Object.entries(obj(o['hosted_tools']))) tools[k] = on === true;
  return {
    rate_limits: list(o['rate_limits'], (r) => {
      const ro = obj(r);
      return {
        model: str(ro['model']),
        max_requests_per_1_minute: num(ro['max_requests_per_1_minute']),
        max_tokens_per_1_minute: num(ro['max_tokens_per_1_minute']),
      };
    }),
    data_retention: str(o['data_retention']),
    model_mode: str(o['model_mode']),
    model_ids: list(o['model_ids'], str),
    hosted_tools: tools,
    spend_limit: decodeSpend(o['spend_limit']),
    spend_alerts: list(o['spend_alerts'], (x) => x).length,
    unavailable: list(o['unavailable'], str),
  };
}

function decodeSnapshot(v: unknown): OrgSnapshot {
  const o = obj(v);
  const settings = obj(o['settings']);
  return {
    synced_at: when(o['synced_at']),
    projects: list(o['projects'], (p) => {
      const po = obj(p);
      return { id: str(po['id']), name: str(po['name']), status: str(po['status']), settings: decodeSettings(po['settings']) };
    }),
    users: list(o['users'], (x) => x).length,
    invites: list(o['invites'], (x) => x).length,
    admin_keys: list(o['admin_keys'], (a) => {
      const ao = obj(a);
      return {
        id: str(ao['id']),
        name: str(ao['name']),
        redacted: str(ao['redacted']),
        owner_name: str(ao['owner_name']),
        steward: ao['steward'] === true,
      };
    }),
    data_retention: str(settings['data_retention']),
    spend_limit: decodeSpend(settings['spend_limit']),
  };
}

// --- calls -------------------------------------------------------------------

const callOrg = call;

export const orgConnection = (): Promise<OrgConnection> => callOrg(() => screen.Connection(), decodeConnection);

/** Checks the pasted admin key with the Administration API and keeps it in the vault. */
export const connectOrg = (adminKey: string): Promise<OrgConnection> =>
  callOrg(() => screen.Connect(adminKey), decodeConnection);

export const disconnectOrg = (): Promise<void> => callOrg(() => screen.Disconnect(), nothing);

/** Reads the whole organization (and imports the audit log). */
export const syncOrg = (): Promise<OrgSyncResult> => callOrg(() => screen.Sync(), decodeSync);

export const orgSnapshot = (): Promise<OrgSnapshot> => callOrg(() => screen.Snapshot(), decodeSnapshot);

export const orgKeys = (): Promise<OrgKeyRow[]> => callOrg(() => screen.Keys(), (v) => list(v, decodeKeyRow));

export const orgAmbiguities = (): Promise<OrgAmbiguity[]> =>
  callOrg(() => screen.Ambiguities(), (v) => list(v, decodeAmbiguity));

export const chooseOrgKey = (label: string, ref: OrgKeyRef): Promise<void> =>
  callOrg(() => screen.Choose(label, ref), nothing);

export const planOrgRevoke = (t: OrgRevokeTarget): Promise<OrgRevokePlan> =>
  callOrg(() => screen.PlanRevoke(t), decodePlan);

/** Revokes in OpenAI; a service account's key needs its name in confirmServiceAccount. */
export const revokeOrgKey = (t: OrgRevokeTarget, confirmServiceAccount = '', dryRun = false): Promise<OrgRevokeResult> =>
  callOrg(() => screen.Revoke(t, { dry_run: dryRun, confirm_service_account: confirmServiceAccount }), decodeRevokeResult);

export const orgFindings = (): Promise<KeyFinding[]> =>
  callOrg(() => screen.Findings(), (v) => list(v, keysDecoders.finding));

export const importOrgAudit = (): Promise<OrgAuditImport> => callOrg(() => screen.ImportAudit(), decodeImport);

/** Imported audit events, newest first; since is a date, an RFC 3339 time or "". */
export const orgAudit = (since = '', type = '', limit = 500): Promise<OrgAuditEvent[]> =>
  callOrg(() => screen.Audit(since, type, limit), (v) => list(v, decodeAudit));

/** The decoders, for tests. */
export const orgDecoders = { connection: decodeConnection, keyRow: decodeKeyRow, revokeResult: decodeRevokeResult, snapshot: decodeSnapshot };
