// The typed facade over the keys bindings (see ./index.ts): the key register
// (gui.Keys), vault methods included. Every function rejects
// with an AppError {code, message}.
//
// No function here returns a full API key: the Go side never hands one out.
// The two that take one (addKey, rotateKey) pass it straight through.
import * as KeysBindings from './wailsjs/go/gui/Keys';
import { call } from './errors';
import { nothing, text } from './decode';
import type { AppError, Text } from './types';
import type { keys } from './wailsjs/go/models';
import { obj, str, num, list, oneOf } from './wire';

// --- types -------------------------------------------------------------------

export const KEY_ENVIRONMENTS = ['dev', 'staging', 'prod'] as const satisfies readonly KeyEnvironment[];
export type KeyEnvironment = `${keys.Environment}`;

export const KEY_KINDS = ['project', 'service_account', 'admin', 'legacy_user'] as const satisfies readonly KeyKind[];
export type KeyKind = `${keys.Kind}`;

export const KEY_STATUSES = ['active', 'rotation_due', 'retired', 'revoked'] as const satisfies readonly KeyStatus[];
export type KeyStatus = `${keys.Status}`;

export const KEY_VERIFY_RESULTS = ['valid', 'invalid', 'revoked', 'rate_limited', 'network_error'] as const;
/** "" until the key has been verified. */
export type KeyVerifyResult = (typeof KEY_VERIFY_RESULTS)[number] | '';

export const KEY_SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export type KeySeverity = (typeof KEY_SEVERITIES)[number];

export const KEY_FINDING_KINDS = [
  'shared_key',
  'member_without_key',
  'rotation_overdue',
  'not_verified',
  'verification_failed',
  'admin_key_local',
  'leaked',
] as const;

export type VaultKind = 'keychain' | 'file';

/** A person on the team who may hold keys. */
export interface TeamMember {
  id: number;
  name: string;
  email: string;
  role: string;
  created_at: string;
  /** Current (active or rotation-due) keys held. */
  active_keys: number;
}

export interface MemberInput {
  name: string;
  email: string;
  role: string;
}

/** What happens to a removed member's current keys. */
export interface RemoveDecision {
  action: '' | 'revoke' | 'reassign';
  /** The member who takes the keys, for "reassign". */
  to: string;
}

/** One key record: everything about a key except the key itself. */
export interface KeyRecord {
  id: number;
  label: string;
  member_id: number;
  member: string;
  environment: KeyEnvironment;
  kind: KeyKind;
  fingerprint: string;
  /** e.g. "sk-proj-…abcd"; the only form of the key the UI ever sees. */
  redacted: string;
  status: KeyStatus;
  notes: string;
  created_at: string;
  marked_at: string;
  rotated_at: string;
  revoked_at: string;
  replaces: number;
  replaced_by: number;
  verified_at: string;
  verify_result: KeyVerifyResult;
  verify_detail: string;
  /** YYYY-MM-DD the rotation policy falls due; current keys only. */
  rotate_by: string;
}

export interface KeyInput {
  label: string;
  member: string;
  environment: KeyEnvironment;
  notes: string;
}

/** Changes to a current key's metadata; absent fields stay as they are. */
export interface KeyEdit {
  label?: string;
  environment?: KeyEnvironment;
  notes?: string;
}

/** One entry of the key event log. */
export interface KeyEvent {
  id: number;
  at: string;
  event: string;
  /** 0 for member events. */
  key_id: number;
  label: string;
  member: string;
  detail: string;
}

/** Somewhere a key must be updated when it is rotated. */
export interface KeyPlace {
  id: number;
  key_id: number;
  place: string;
  added_at: string;
  /** "" until ticked off. */
  done_at: string;
}

export interface RotationPolicy {
  environment: KeyEnvironment;
  rotation_days: number;
  /** True while nobody has set it. */
  default: boolean;
}

/** A hygiene problem in the register, worded in both languages. */
export interface KeyFinding {
  id: string;
  kind: string;
  severity: KeySeverity;
  members: string[];
  labels: string[];
  key_ids: number[];
  title: Text;
  why: Text;
  fix: Text;
  since: string;
  /** Checklist item ids this finding is evidence for, e.g. "KH-01". */
  checklist: string[];
  computed_at: string;
}

/** Where keys are kept, and whether that vault can be used now. */
export interface VaultStatus {
  kind: VaultKind;
  ready: boolean;
  /** The encrypted file vault has been created. */
  exists: boolean;
  /** Why it is not ready, and how to fix it. */
  problem: AppError | null;
}

// --- bindings ----------------------------------------------------------------

// Assigning the generated modules to these interfaces (without casts) makes
// `npm run check` fail if a Go method is renamed or changes its parameters.
export interface KeysScreenBinding {
  Members: () => Promise<unknown>;
  AddMember: (input: MemberInput) => Promise<unknown>;
  EditMember: (name: string, input: MemberInput) => Promise<unknown>;
  RemoveMember: (name: string, decision: RemoveDecision) => Promise<unknown>;
  Keys: () => Promise<unknown>;
  AddKey: (input: KeyInput, apiKey: string) => Promise<unknown>;
  EditKey: (label: string, edit: KeyEdit) => Promise<unknown>;
  RevokeKey: (label: string, reason: string) => Promise<unknown>;
  MarkForRotation: (label: string, due: boolean) => Promise<unknown>;
  Rotate: (label: string, newKey: string) => Promise<unknown>;
  Places: (label: string) => Promise<unknown>;
  AddPlace: (label: string, place: string) => Promise<unknown>;
  TickPlace: (placeId: number, done: boolean) => Promise<unknown>;
  Verify: (label: string) => Promise<unknown>;
  Findings: () => Promise<unknown>;
  Policies: () => Promise<unknown>;
  SetPolicy: (env: string, rotationDays: number) => Promise<unknown>;
  Events: (label: string) => Promise<unknown>;
  KeychainStatus: () => Promise<unknown>;
}

export interface VaultBinding {
  VaultStatus: () => Promise<unknown>;
  UnlockVault: (passphrase: string) => Promise<unknown>;
  UseVault: (kind: string, passphrase: string) => Promise<unknown>;
}

const screen: KeysScreenBinding = KeysBindings;
const vault: VaultBinding = KeysBindings;

// --- decoders ----------------------------------------------------------------

function decodeMember(v: unknown): TeamMember {
  const o = obj(v);
  return {
    id: num(o['id']),
    name: str(o['name']),
    email: str(o['email']),
    role: str(o['role']),
    created_at: str(o['created_at']),
    active_keys: num(o['active_keys']),
  };
}

function decodeKey(v: unknown): KeyRecord {
  const o = obj(v);
  return {
    id: num(o['id']),
    label: str(o['label']),
    member_id: num(o['member_id']),
    member: str(o['member']),
    environment: oneOf(KEY_ENVIRONMENTS, o['environment'], 'dev'),
    kind: oneOf(KEY_KINDS, o['kind'], 'project'),
    fingerprint: str(o['fingerprint']),
    redacted: str(o['redacted']),
    status: oneOf(KEY_STATUSES, o['status'], 'active'),
    notes: str(o['notes']),
    created_at: str(o['created_at']),
    marked_at: str(o['marked_at']),
    rotated_at: str(o['rotated_at']),
    revoked_at: str(o['revoked_at']),
    replaces: num(o['replaces']),
    replaced_by: num(o['replaced_by']),
    verified_at: str(o['verified_at']),
    verify_result: oneOf<KeyVerifyResult>(['', ...KEY_VERIFY_RESULTS], o['verify_result'], ''),
    verify_detail: str(o['verify_detail']),
    rotate_by: str(o['rotate_by']),
  };
}

function decodeEvent(v: unknown): KeyEvent {
  const o = obj(v);
  return {
    id: num(o['id']),
    at: str(o['at']),
    event: str(o['event']),
    key_id: num(o['key_id']),
    label: str(o['label']),
    member: str(o['member']),
    detail: str(o['detail']),
  };
}

function decodePlace(v: unknown): KeyPlace {
  const o = obj(v);
  return {
    id: num(o['id']),
    key_id: num(o['key_id']),
    place: str(o['place']),
    added_at: str(o['added_at']),
    done_at: str(o['done_at']),
  };
}

function decodePolicy(v: unknown): RotationPolicy {
  const o = obj(v);
  return {
    environment: oneOf(KEY_ENVIRONMENTS, o['environment'], 'dev'),
    rotation_days: num(o['rotation_days']),
    default: o['default'] === true,
  };
}

function decodeFinding(v: unknown): KeyFinding {
  const o = obj(v);
  return {
    id: str(o['id']),
    kind: str(o['kind']),
    // An unknown severity from a newer Go side still shows, at the top.
    severity: oneOf(KEY_SEVERITIES, o['severity'], 'high'),
    members: list(o['members'], str),
    labels: list(o['labels'], str),
    key_ids: list(o['key_ids'], num),
    title: text(o['title']),
    why: text(o['why']),
    fix: text(o['fix']),
    since: str(o['since']),
    checklist: list(o['checklist'], str).filter((id) => id !== ''),
    computed_at: str(o['computed_at']),
  };
}

function decodeVaultStatus(v: unknown): VaultStatus {
  const o = obj(v);
  const p = obj(o['problem']);
  const message = str(p['message']);
  return {
    kind: str(o['kind']) === 'file' ? 'file' : 'keychain',
    ready: o['ready'] === true,
    exists: o['exists'] === true,
    problem: message ? { code: str(p['code']) || 'internal', message } : null,
  };
}

// --- calls -------------------------------------------------------------------

export const listMembers = (): Promise<TeamMember[]> =>
  call(() => screen.Members(), (v) => list(v, decodeMember));

export const addMember = (input: MemberInput): Promise<TeamMember> =>
  call(() => screen.AddMember(input), decodeMember);

export const editMember = (name: string, input: MemberInput): Promise<TeamMember> =>
  call(() => screen.EditMember(name, input), decodeMember);

/** Rejects with code "member_has_keys" when the member holds current keys and no decision is given. */
export const removeMember = (name: string, decision: RemoveDecision = { action: '', to: '' }): Promise<void> =>
  call(() => screen.RemoveMember(name, decision), nothing);

/** Every key record, current and past. */
export const listKeys = (): Promise<KeyRecord[]> => call(() => screen.Keys(), (v) => list(v, decodeKey));

/** Registers a pasted key; the key goes to the vault, the record comes back. */
export const addKey = (input: KeyInput, apiKey: string): Promise<KeyRecord> =>
  call(() => screen.AddKey(input, apiKey), decodeKey);

export const editKey = (label: string, edit: KeyEdit): Promise<KeyRecord> =>
  call(() => screen.EditKey(label, edit), decodeKey);

export const revokeKey = (label: string, reason: string): Promise<KeyRecord> =>
  call(() => screen.RevokeKey(label, reason), decodeKey);

export const markKeyForRotation = (label: string, due: boolean): Promise<KeyRecord> =>
  call(() => screen.MarkForRotation(label, due), decodeKey);

/** Replaces the key with its pasted successor; resolves to the successor's record. */
export const rotateKey = (label: string, newKey: string): Promise<KeyRecord> =>
  call(() => screen.Rotate(label, newKey), decodeKey);

export const listKeyPlaces = (label: string): Promise<KeyPlace[]> =>
  call(() => screen.Places(label), (v) => list(v, decodePlace));

export const addKeyPlace = (label: string, place: string): Promise<KeyPlace> =>
  call(() => screen.AddPlace(label, place), decodePlace);

export const tickKeyPlace = (placeId: number, done: boolean): Promise<KeyPlace> =>
  call(() => screen.TickPlace(placeId, done), decodePlace);

export const verifyKey = (label: string): Promise<KeyRecord> => call(() => screen.Verify(label), decodeKey);

export const keyFindings = (): Promise<KeyFinding[]> =>
  call(() => screen.Findings(), (v) => list(v, decodeFinding));

export const keyPolicies = (): Promise<RotationPolicy[]> =>
  call(() => screen.Policies(), (v) => list(v, decodePolicy));

export const setKeyPolicy = (env: KeyEnvironment, rotationDays: number): Promise<RotationPolicy> =>
  call(() => screen.SetPolicy(env, rotationDays), decodePolicy);

/** The key event log of every key that carried the label, or ("") the whole log; oldest first. */
export const keyEvents = (label = ''): Promise<KeyEvent[]> =>
  call(() => screen.Events(label), (v) => list(v, decodeEvent));

/** Resolves when the OS keychain can keep keys; rejects saying why not. */
export const keychainStatus = (): Promise<void> => call(() => screen.KeychainStatus(), nothing);

export const vaultStatus = (): Promise<VaultStatus> => call(() => vault.VaultStatus(), decodeVaultStatus);

export const unlockVault = (passphrase: string): Promise<VaultStatus> =>
  call(() => vault.UnlockVault(passphrase), decodeVaultStatus);

/** Switches where keys are kept, moving the current keys' secrets across. */
export const useVault = (kind: VaultKind, passphrase: string): Promise<VaultStatus> =>
  call(() => vault.UseVault(kind, passphrase), decodeVaultStatus);

/** The decoders, for tests. */
export const keysDecoders = {
  member: decodeMember,
  key: decodeKey,
  event: decodeEvent,
  place: decodePlace,
  policy: decodePolicy,
  finding: decodeFinding,
  vaultStatus: decodeVaultStatus,
};
