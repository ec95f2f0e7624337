// State of the Organization screen, kept while the app runs: the
// connection, the key inventory with its ambiguous matches, findings, the
// imported audit log and the snapshot's settings.
import * as api from '../../api/org';
import { toAppError } from '../../api/errors';
import type { KeyFinding } from '../../api/keys';
import type { AppError } from '../../api/types';

export const TABS = ['keys', 'findings', 'audit', 'settings'] as const;
export type OrgTab = (typeof TABS)[number];

class OrgState {
  tab = $state<OrgTab>('keys');
  connection = $state<api.OrgConnection | null>(null);
  error = $state<AppError | null>(null);
  keys = $state<api.OrgKeyRow[]>([]);
  ambiguities = $state<api.OrgAmbiguity[]>([]);
  findings = $state<KeyFinding[]>([]);
  audit = $state<api.OrgAuditEvent[]>([]);
  auditOff = $state<api.OrgAuditImport | null>(null);
  snapshot = $state<api.OrgSnapshot | null>(null);
  lastSync = $state<api.OrgSyncResult | null>(null);
  busy = $state<'sync' | 'connect' | null>(null);

  /** Reads the connection and, when connected, everything the last sync left. */
  async load(): Promise<void> {
    try {
      this.connection = await api.orgConnection();
      this.error = null;
      if (this.connection.connected && this.connection.synced_at) await this.loadSnapshot();
    } catch (e) {
      this.error = toAppError(e);
    }
  }

  async loadSnapshot(): Promise<void> {
    const [keys, ambiguities, findings, audit, snapshot] = await Promise.all([
      api.orgKeys(),
      api.orgAmbiguities(),
      api.orgFindings(),
      api.orgAudit(),
      api.orgSnapshot(),
    ]);
    this.keys = keys;
    this.ambiguities = ambiguities;
    this.findings = findings;
    this.audit = audit;
    this.snapshot = snapshot;
  }

  /** Connects with the pasted admin key; rejects with the reason it was refused. */
  async connect(adminKey: string): Promise<void> {
    this.busy = 'connect';
    try {
      this.connection = await api.connectOrg(adminKey);
      await this.sync();
    } finally {
      this.busy = null;
    }
  }

  async sync(): Promise<api.OrgSyncResult> {
    this.busy = 'sync';
    try {
      this.lastSync = await api.syncOrg();
      const imported = await api.importOrgAudit();
      this.auditOff = imported.logging_off ? imported : null;
      this.connection = await api.orgConnection();
      await this.loadSnapshot();
      return this.lastSync;
    } finally {
      this.busy = null;
    }
  }

  async disconnect(): Promise<void> {
    await api.disconnectOrg();
    this.connection = await api.orgConnection();
    this.keys = [];
    this.findings = [];
    this.snapshot = null;
  }

  async choose(label: string, ref: api.OrgKeyRef): Promise<void> {
    await api.chooseOrgKey(label, ref);
    await this.loadSnapshot();
  }

  async revoke(target: api.OrgRevokeTarget, confirmServiceAccount: string): Promise<api.OrgRevokeResult> {
    const res = await api.revokeOrgKey(target, confirmServiceAccount);
    // The deletion is in the audit log now: bring it into the timeline.
    await api.importOrgAudit().catch(() => null);
    if (this.connection?.connected) await this.loadSnapshot().catch(() => null);
    return res;
  }
}

export const org = new OrgState();
