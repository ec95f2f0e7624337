// The user's language choice, kept by the Go side so it survives restarts.
import * as api from '../api/shell';
import { toAppError } from '../api/errors';
import type { AppError, Lang, Settings } from '../api/types';
import { setLocale } from '../i18n/index.svelte';
import { rememberLang } from '../boot';

/** The language to show before Settings() answers: the webview's own. */
export function guessLang(languages: readonly string[]): Lang {
  return languages.some((l) => l.toLowerCase().startsWith('zh')) ? 'zh-CN' : 'en';
}

class SettingsStore {
  data = $state<Settings | null>(null);
  error = $state<AppError | null>(null);

  async load(): Promise<void> {
    try {
      this.data = await api.settings();
      this.error = null;
      rememberLang(this.data.effective_language);
      await setLocale(this.data.effective_language);
    } catch (e) {
      const err = toAppError(e);
      // An unusable data folder is named by the startup banner; keep the guessed language.
      this.error = err.code === 'data_unavailable' ? null : err;
    }
  }

  /** Switches the UI at once; rejects with an AppError if Go couldn't save it. */
  async setLanguage(lang: '' | Lang): Promise<void> {
    const next = await api.setLanguage(lang);
    this.data = next;
    rememberLang(next.effective_language);
    await setLocale(next.effective_language);
  }
}

export const settingsStore = new SettingsStore();
