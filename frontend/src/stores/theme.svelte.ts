// The window's colour theme (Settings: system, light or dark), kept by the
// Go side. The last choice is also remembered in the webview so the next
// launch paints in the right colours before Go answers.
import * as api from '../api/shell';
import { toAppError } from '../api/errors';
import type { AppError } from '../api/types';
import type { Theme } from '../api/shell';

const KEY = 'steward.theme';
const DARK = '(prefers-color-scheme: dark)';

function remembered(): Theme {
  try {
    const v = localStorage.getItem(KEY);
    return v === 'light' || v === 'dark' ? v : 'system';
  } catch {
    return 'system';
  }
}

class ThemeStore {
  current = $state<Theme>('system');
  error = $state<AppError | null>(null);
  #media: MediaQueryList | null = null;

  /** Applies the remembered theme at once and follows the OS while it is "system". */
  init(): void {
    this.#media = typeof matchMedia === 'function' ? matchMedia(DARK) : null;
    this.#media?.addEventListener('change', () => this.#apply());
    this.current = remembered();
    this.#apply();
  }

  async load(): Promise<void> {
    try {
      this.#use(await api.theme());
      this.error = null;
    } catch (e) {
      const err = toAppError(e);
      this.error = err.code === 'data_unavailable' ? null : err;
    }
  }

  /** Switches at once; rejects with an AppError if Go couldn't save it. */
  async set(theme: Theme): Promise<void> {
    this.#use(await api.setTheme(theme));
  }

  #use(theme: Theme): void {
    this.current = theme;
    try {
      localStorage.setItem(KEY, theme);
    } catch {
      // Storage unavailable: the theme still applies; Go keeps the choice.
    }
    this.#apply();
  }

  #apply(): void {
    const dark = this.current === 'dark' || (this.current === 'system' && (this.#media?.matches ?? false));
    document.documentElement.dataset['theme'] = dark ? 'dark' : 'light';
  }
}

export const themeStore = new ThemeStore();
