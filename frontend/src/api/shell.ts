// What the window needs before its first paint (app info, language and
// theme), apart from the rest of the facade so the first chunk does not
// carry every screen's bindings and the generated models.
import { app, prefs } from './bindings';
import { call } from './errors';
import * as d from './decode';
import type { AppInfo, Lang, Settings } from './types';

export const appInfo = (): Promise<AppInfo> => call(() => app.AppInfo(), d.appInfo);

export const settings = (): Promise<Settings> => call(() => prefs.Settings(), d.settings);

export const setLanguage = (lang: '' | Lang): Promise<Settings> =>
  call(() => prefs.SetLanguage(lang), d.settings);

/** The window's colour theme: system (follow the OS), light or dark. */
export type Theme = 'system' | 'light' | 'dark';

const asTheme = (v: unknown): Theme => (v === 'light' || v === 'dark' ? v : 'system');

export const theme = (): Promise<Theme> => call(() => prefs.Theme(), asTheme);

export const setTheme = (value: Theme): Promise<Theme> => call(() => prefs.SetTheme(value), asTheme);
