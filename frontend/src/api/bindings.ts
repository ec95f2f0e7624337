// Binds the generated Wails modules to the shapes the facade calls. Assigning
// the generated modules to these interfaces (without casts) makes
// `npm run check` fail if a Go method is renamed or changes its parameters.
import * as ServiceBindings from './wailsjs/go/gui/Checklist';
import * as SettingsBindings from './wailsjs/go/gui/Settings';
import * as AppBindings from './wailsjs/go/main/App';
import { BrowserOpenURL } from './wailsjs/runtime/runtime';
import type { EvidenceInput, ExportFormat, ItemChange, Lang, Profile } from './types';

export interface ServiceBinding {
  Catalogue: () => Promise<unknown>;
  ListWorkspaces: () => Promise<unknown>;
  CreateWorkspace: (name: string) => Promise<unknown>;
  DeleteWorkspace: (name: string) => Promise<unknown>;
  Items: (workspace: string) => Promise<unknown>;
  UpdateItem: (workspace: string, itemId: string, change: ItemChange) => Promise<unknown>;
  AddEvidence: (workspace: string, itemId: string, input: EvidenceInput) => Promise<unknown>;
  RemoveEvidence: (workspace: string, evidenceId: number) => Promise<unknown>;
  History: (workspace: string, itemId: string) => Promise<unknown>;
  ApplyProfile: (workspace: string, profile: Profile, lang: Lang) => Promise<unknown>;
  Progress: (workspace: string) => Promise<unknown>;
  CatalogueChanges: (workspace: string) => Promise<unknown>;
  MarkReviewed: (workspace: string) => Promise<unknown>;
}

export interface SettingsBinding {
  Settings: () => Promise<unknown>;
  SetLanguage: (lang: '' | Lang) => Promise<unknown>;
  BaseURL: () => Promise<unknown>;
  SetBaseURL: (url: string) => Promise<unknown>;
  Theme: () => Promise<unknown>;
  SetTheme: (theme: string) => Promise<unknown>;
  TestConnection: () => Promise<unknown>;
  You: () => Promise<unknown>;
  SetYou: (name: string) => Promise<unknown>;
}

export interface AppBinding {
  AppInfo: () => Promise<unknown>;
  ExportChecklist: (workspace: string, format: ExportFormat, lang: Lang) => Promise<unknown>;
  BackupDatabase: () => Promise<unknown>;
  PickEvidenceFile: () => Promise<unknown>;
}

export const service: ServiceBinding = ServiceBindings;
export const app: AppBinding = AppBindings;
export const prefs: SettingsBinding = SettingsBindings;

/** Opens a link in the user's browser (the webview itself never navigates away). */
export function openExternal(url: string): void {
  try {
    BrowserOpenURL(url);
  } catch {
    window.open(url, '_blank', 'noopener');
  }
}
