// The keys screen's data: the vault's state, members, key records, hygiene
// findings and rotation policies. Mutations reject with an AppError; callers
// show the message. No full API key is ever kept here: addKey and rotate take
// one as an argument and pass it straight to Go.
import * as api from '../../api';
import type {
  AppError,
  KeyEdit,
  KeyEnvironment,
  KeyFinding,
  KeyInput,
  KeyRecord,
  MemberInput,
  RemoveDecision,
  RotationPolicy,
  TeamMember,
  VaultKind,
  VaultStatus,
} from '../../api';
import { isCurrent } from './model';
import { problem } from './problem';

/** The dialog open on the keys screen, with what it acts on. */
export type KeysDialog =
  | { type: 'addMember' }
  | { type: 'editMember'; member: TeamMember }
  | { type: 'removeMember'; member: TeamMember }
  | { type: 'addKey'; member: string }
  | { type: 'editKey'; key: KeyRecord }
  | { type: 'rotate'; key: KeyRecord }
  | { type: 'revoke'; key: KeyRecord }
  | { type: 'switchVault'; to: VaultKind };

function without<T>(record: Record<string, T>, key: string): Record<string, T> {
  const next = { ...record };
  delete next[key];
  return next;
}

class KeysState {
  vault = $state<VaultStatus | null>(null);
  vaultError = $state<AppError | null>(null);

  members = $state<TeamMember[]>([]);
  keys = $state<KeyRecord[]>([]);
  findings = $state<KeyFinding[]>([]);
  policies = $state<RotationPolicy[]>([]);
  /** Members and keys have loaded at least once. */
  loaded = $state(false);
  error = $state<AppError | null>(null);
  findingsError = $state<AppError | null>(null);
  policiesError = $state<AppError | null>(null);

  /** The key record open in the side panel. */
  selectedId = $state<number | null>(null);
  /** The successor just rotated in, whose places to update are shown first. */
  rotatedId = $state<number | null>(null);
  dialog = $state<KeysDialog | null>(null);
  /** The key another screen asked to rotate: its panel says how. */
  rotateHintId = $state<number | null>(null);
  /** Bumped after every change so open panels (places, history) reload. */
  revision = $state(0);

  /** Labels being verified now, and the last verification failure per label. */
  verifying = $state<Record<string, boolean>>({});
  verifyErrors = $state<Record<string, AppError>>({});

  current = $derived(this.keys.filter(isCurrent));
  selected = $derived<KeyRecord | null>(this.keys.find((k) => k.id === this.selectedId) ?? null);

  #loadToken = 0;

  closePanel(): void {
    this.selectedId = null;
    this.rotateHintId = null;
  }

  openDialog(d: KeysDialog): void {
    this.dialog = d;
  }

  async init(): Promise<void> {
    await Promise.all([this.loadVault(), this.load()]);
  }

  async loadVault(): Promise<void> {
    this.vaultError = null;
    try {
      this.vault = await api.vaultStatus();
    } catch (e) {
      this.vaultError = problem(e);
    }
  }

  /** Loads (or reloads) members, keys, findings and policies. */
  async load(): Promise<void> {
    const token = ++this.#loadToken;
    const [members, keys, findings, policies] = await Promise.allSettled([
      api.listMembers(),
      api.listKeys(),
      api.keyFindings(),
      api.keyPolicies(),
    ]);
    if (token !== this.#loadToken) return; // a newer load superseded this one
    if (members.status === 'fulfilled' && keys.status === 'fulfilled') {
      this.members = members.value;
      this.keys = keys.value;
      this.error = null;
      this.loaded = true;
    } else {
      const reason = members.status === 'rejected' ? members.reason : (keys as PromiseRejectedResult).reason;
      this.error = problem(reason);
    }
    if (findings.status === 'fulfilled') {
      this.findings = findings.value;
      this.findingsError = null;
    } else this.findingsError = problem(findings.reason);
    if (policies.status === 'fulfilled') {
      this.policies = policies.value;
      this.policiesError = null;
    } else this.policiesError = problem(policies.reason);
    this.revision += 1;
  }

  async retry(): Promise<void> {
    this.error = null;
    this.loaded = false;
    await this.init();
  }

  // --- vault -----------------------------------------------------------------

  async unlockVault(passphrase: string): Promise<VaultStatus> {
    const st = await api.unlockVault(passphrase);
    this.vault = st;
    this.vaultError = null;
    await this.load();
    return st;
  }

  async useVault(kind: VaultKind, passphrase: string): Promise<VaultStatus> {
    const st = await api.useVault(kind, passphrase);
    this.vault = st;
    this.vaultError = null;
    await this.load();
    return st;
  }

  // --- members ---------------------------------------------------------------

  async addMember(input: MemberInput): Promise<TeamMember> {
    const m = await api.addMember(input);
    await this.load();
    return m;
  }

  async editMember(name: string, input: MemberInput): Promise<TeamMember> {
    const m = await api.editMember(name, input);
    await this.load();
    return m;
  }

  async removeMember(name: string, decision: RemoveDecision): Promise<void> {
    await api.removeMember(name, decision);
    const gone = this.members.find((m) => m.name === name);
    if (gone && this.selected?.member_id === gone.id && decision.action !== 'reassign') this.selectedId = null;
    await this.load();
  }

  // --- keys ------------------------------------------------------------------

  async addKey(input: KeyInput, apiKey: string): Promise<KeyRecord> {
    const k = await api.addKey(input, apiKey);
    await this.load();
    return k;
  }

  async editKey(label: string, edit: KeyEdit): Promise<KeyRecord> {
    const k = await api.editKey(label, edit);
    await this.load();
    return k;
  }

  async revokeKey(label: string, reason: string): Promise<KeyRecord> {
    const k = await api.revokeKey(label, reason);
    await this.load();
    return k;
  }

  async markForRotation(label: string, due: boolean): Promise<KeyRecord> {
    const k = await api.markKeyForRotation(label, due);
    await this.load();
    return k;
  }

  /** Rotates and opens the successor with its places to update. */
  async rotate(label: string, newKey: string): Promise<KeyRecord> {
    const k = await api.rotateKey(label, newKey);
    this.selectedId = k.id;
    this.rotateHintId = null;
    this.rotatedId = k.id;
    await this.load();
    return k;
  }

  /** Verifies a key; a failure is kept per label (and rethrown) so the row can show it. */
  async verify(label: string): Promise<KeyRecord> {
    this.verifying = { ...this.verifying, [label]: true };
    this.verifyErrors = without(this.verifyErrors, label);
    try {
      const k = await api.verifyKey(label);
      await this.load();
      return k;
    } catch (e) {
      const err = problem(e);
      this.verifyErrors = { ...this.verifyErrors, [label]: err };
      throw err;
    } finally {
      this.verifying = without(this.verifying, label);
    }
  }

  dismissVerifyError(label: string): void {
    this.verifyErrors = without(this.verifyErrors, label);
  }

  async setPolicy(env: KeyEnvironment, days: number): Promise<RotationPolicy> {
    const p = await api.setKeyPolicy(env, days);
    await this.load();
    return p;
  }

  /** Called after places change, so findings and panels stay in step. */
  touched(): void {
    this.revision += 1;
  }
}

export const keysState = new KeysState();
