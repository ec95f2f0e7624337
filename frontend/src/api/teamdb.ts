// Settings → Team database: the team's PostgreSQL database the Usage screen
// reports on, read-only. The password goes to the vault and never comes back.
import * as SettingsBindings from './wailsjs/go/gui/Settings';
import { call } from './errors';
import type { AppError } from './types';
import { obj, str, bool } from './wire';

/** The team database as the Settings screen shows it (never its password). */
export interface TeamDatabase {
  /** postgres://user@host:port/db without a password; "" when none is set. */
  url: string;
  /** host:port/db, for the Usage screen's banner. */
  name: string;
  /** The vault holds a password for it. */
  passwordSet: boolean;
  /** It could be read just now. */
  connected: boolean;
  /** Why not, in the user's language. */
  problem: AppError | null;
}

/** The code of the error a change to the usage log gets while it is the team's. */
export const TEAM_READ_ONLY = 'team_read_only';

export interface TeamDatabaseBinding {
  TeamDatabase: () => Promise<unknown>;
  SetTeamDatabase: (url: string, password: string) => Promise<unknown>;
  TestTeamDatabase: (url: string, password: string) => Promise<unknown>;
  ClearTeamDatabase: () => Promise<unknown>;
}

const binding: TeamDatabaseBinding = SettingsBindings;

export function decodeTeamDatabase(v: unknown): TeamDatabase {
  const o = obj(v);
  const p = obj(o['problem']);
  const message = str(p['message']);
  const url = str(o['url']);
  return {
    url,
    name: str(o['name']),
    passwordSet: url !== '' && bool(o['passwordSet']),
    connected: url !== '' && bool(o['connected']),
    problem: message ? { code: str(p['code']) || 'internal', message } : null,
  };
}

/** The team database the Usage screen reads, and whether it can be read now. */
export const teamDatabase = (): Promise<TeamDatabase> => call(() => binding.TeamDatabase(), decodeTeamDatabase);

/** Saves the URL (without a password) and the password (to the vault; "" keeps the stored one). */
export const setTeamDatabase = (url: string, password: string): Promise<TeamDatabase> =>
  call(() => binding.SetTeamDatabase(url, password), decodeTeamDatabase);

/** Connects and checks the schema without saving; rejects with a clear error. */
export const testTeamDatabase = (url: string, password: string): Promise<TeamDatabase> =>
  call(() => binding.TestTeamDatabase(url, password), decodeTeamDatabase);

/** Forgets the team database and its password; Usage reads this computer's log again. */
export const clearTeamDatabase = (): Promise<TeamDatabase> => call(() => binding.ClearTeamDatabase(), decodeTeamDatabase);
