// Which local keys are linked to a key of the connected OpenAI organization,
// for "Revoke in OpenAI" on the Keys and Leak scan screens. Read from the
// last snapshot; nothing when the organization is not connected.
import * as api from '../../api/org';

/** The org key linked to a local label, or null. */
export function linkedRow(rows: api.OrgKeyRow[], label: string): api.OrgKeyRow | null {
  if (!label) return null;
  return rows.find((r) => r.label === label) ?? null;
}

class OrgLinks {
  connected = $state(false);
  rows = $state<api.OrgKeyRow[]>([]);

  #loading: Promise<void> | null = null;

  /** Reloads the connection and the key inventory; failures leave it empty.
   * Calls while a load runs share it (every finding row asks). */
  load(): Promise<void> {
    this.#loading ??= this.#read().finally(() => (this.#loading = null));
    return this.#loading;
  }

  async #read(): Promise<void> {
    try {
      const c = await api.orgConnection();
      this.connected = c.connected;
      this.rows = c.connected && c.synced_at ? await api.orgKeys() : [];
    } catch {
      this.connected = false;
      this.rows = [];
    }
  }

  row(label: string): api.OrgKeyRow | null {
    return this.connected ? linkedRow(this.rows, label) : null;
  }
}

export const orgLinks = new OrgLinks();
