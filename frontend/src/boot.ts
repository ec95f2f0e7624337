// The boot frame in index.html paints the sidebar before the bundle runs,
// in the language and theme remembered from the last launch. This module
// remembers the language for it and takes the frame away when the app
// mounts in its place.
import type { Lang } from './api/types';

const LANG_KEY = 'steward.lang';

/** The language the last launch used, if the webview remembers one. */
export function rememberedLang(): Lang | null {
  try {
    const v = localStorage.getItem(LANG_KEY);
    return v === 'en' || v === 'zh-CN' ? v : null;
  } catch {
    return null;
  }
}

/** Remembers lang for the next launch's boot frame. */
export function rememberLang(lang: Lang): void {
  try {
    localStorage.setItem(LANG_KEY, lang);
  } catch {
    // Storage unavailable: the next boot frame guesses from the webview's language.
  }
}

/** Removes the boot frame; the app mounts in the same frame, so nothing flashes. */
export function removeBootFrame(): void {
  document.getElementById('boot')?.remove();
}
