// The typed facade over the generated Wails bindings. This is the only
// module (with ./bindings) that touches src/api/wailsjs; every function
// rejects with an AppError {code, message}.
import { app, prefs, service } from './bindings';
import { call } from './errors';
import * as d from './decode';
import type {
  AuditEntry,
  CatalogueChanges,
  CatalogueInfo,
  EvidenceInput,
  ExportFormat,
  ItemChange,
  ItemState,
  Lang,
  Profile,
  Progress,
  WizardResult,
  Workspace,
} from './types';

export * from './types';
export { isAppError, toAppError, shownError, hasBindings } from './errors';
export * from './keys';
export * from './leakscan';
export * from './moderation';
export * from './privacy';
export * from './usage';
export * from './gateway';
export * from './gatewayEvents';
export * from './checks';
export * from './org';
export * from './teamdb';

// --- gui.Checklist -----------------------------------------------------

export const catalogue = (): Promise<CatalogueInfo> => call(() => service.Catalogue(), d.catalogue);

export const listWorkspaces = (): Promise<Workspace[]> =>
  call(() => service.ListWorkspaces(), d.workspaces);

export const createWorkspace = (name: string): Promise<Workspace> =>
  call(() => service.CreateWorkspace(name), d.workspace);

export const deleteWorkspace = (name: string): Promise<void> =>
  call(() => service.DeleteWorkspace(name), d.nothing);

export const items = (workspace: string): Promise<ItemState[]> =>
  call(() => service.Items(workspace), d.itemStates);

export const updateItem = (workspace: string, itemId: string, change: ItemChange): Promise<ItemState> =>
  call(() => service.UpdateItem(workspace, itemId, change), d.itemState);

export const addEvidence = (workspace: string, itemId: string, input: EvidenceInput): Promise<ItemState> =>
  call(() => service.AddEvidence(workspace, itemId, input), d.itemState);

export const removeEvidence = (workspace: string, evidenceId: number): Promise<ItemState> =>
  call(() => service.RemoveEvidence(workspace, evidenceId), d.itemState);

export const history = (workspace: string, itemId: string): Promise<AuditEntry[]> =>
  call(() => service.History(workspace, itemId), d.history);

export const applyProfile = (workspace: string, profile: Profile, lang: Lang): Promise<WizardResult> =>
  call(() => service.ApplyProfile(workspace, profile, lang), d.wizardResult);

export const progress = (workspace: string): Promise<Progress> =>
  call(() => service.Progress(workspace), d.progress);

export const catalogueChanges = (workspace: string): Promise<CatalogueChanges> =>
  call(() => service.CatalogueChanges(workspace), d.catalogueChanges);

export const markReviewed = (workspace: string): Promise<void> =>
  call(() => service.MarkReviewed(workspace), d.nothing);

// --- main.App (dialogs) and gui.Settings --------------------------------------------------------------

export { appInfo, settings, setLanguage, theme, setTheme, type Theme } from './shell';


/** Resolves to the path written, or "" when the user cancelled the dialog. */
export const exportChecklist = (workspace: string, format: ExportFormat, lang: Lang): Promise<string> =>
  call(() => app.ExportChecklist(workspace, format, lang), d.str);

/** Resolves to the backup's path, or "" when the user cancelled the dialog. */
export const backupDatabase = (): Promise<string> => call(() => app.BackupDatabase(), d.str);

/** Resolves to the chosen file's path, or "" when the user cancelled. */
export const pickEvidenceFile = (): Promise<string> => call(() => app.PickEvidenceFile(), d.str);

/** The OpenAI-compatible endpoint for the app's own calls; "" means OpenAI's. */
export const baseURL = (): Promise<string> => call(() => prefs.BaseURL(), d.str);

export const setBaseURL = (url: string): Promise<string> => call(() => prefs.SetBaseURL(url), d.str);


/** What one GET /models at the base URL found (Settings' "Test connection"). */
export interface ConnectionTest {
  base_url: string;
  /** The key chosen for Steward's own calls; "" when none is (a placeholder was sent). */
  key_label: string;
  /** valid, invalid, revoked, rate_limited, forbidden, server_error or network_error */
  status: string;
  models: number;
  /** Why, in the user's language, for any status but valid. */
  message: string;
}

export const testConnection = (): Promise<ConnectionTest> =>
  call(
    () => prefs.TestConnection(),
    (v): ConnectionTest => {
      const o = (typeof v === 'object' && v !== null ? v : {}) as Record<string, unknown>;
      return {
        base_url: d.str(o['base_url']),
        key_label: d.str(o['key_label']),
        status: d.str(o['status']),
        models: typeof o['models'] === 'number' ? o['models'] : 0,
        message: d.str(o['message']),
      };
    },
  );

/** Who the checklist's audit trail names for changes made here. */
export interface You {
  /** Chosen in Settings; "" for the OS user's name. */
  name: string;
  /** The fallback; "" when it cannot be read. */
  os_user: string;
  /** The team's members (keys register), to choose from. */
  members: string[];
}

const decodeYou = (v: unknown): You => {
  const o = (typeof v === 'object' && v !== null ? v : {}) as Record<string, unknown>;
  const members = Array.isArray(o['members']) ? o['members'].map(d.str) : [];
  return { name: d.str(o['name']), os_user: d.str(o['os_user']), members };
};

export const you = (): Promise<You> => call(() => prefs.You(), decodeYou);

/** Chooses who "you" are: a member, any name, or "" for the OS user's name. */
export const setYou = (name: string): Promise<You> => call(() => prefs.SetYou(name), decodeYou);

// --- runtime ---------------------------------------------------------------

export { openExternal } from './bindings';
