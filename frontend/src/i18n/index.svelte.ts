// The current language and the t() function. Reading `locale.current` inside
// t() makes every template that calls t() re-render when the language changes.
// English is built in (it is also the fallback); the Chinese catalogue is its
// own chunk, loaded before the UI switches to it, so an English window does
// not load it before its first paint.
import { en, type MessageKey } from './en';
import { format, type Params } from './format';
import { fmtDate, fmtDateTime } from '../lib/format';
import type { Lang, Text, Steps } from '../api/types';

export type { MessageKey } from './en';

type Catalogue = Record<MessageKey, string>;

class Locale {
  current = $state<Lang>('en');
  /** The catalogues loaded so far. */
  catalogues: Partial<Record<Lang, Catalogue>> = { en };
  /** The load of a catalogue under way, so two calls share it. */
  loading: Partial<Record<Lang, Promise<void>>> = {};
  /** The language last asked for. */
  wanted: Lang = 'en';
}

export const locale = new Locale();

/** Loads lang's catalogue if it is not loaded yet. */
export function loadLocale(lang: Lang): Promise<void> {
  if (locale.catalogues[lang]) return Promise.resolve();
  locale.loading[lang] ??= import('./zh-CN').then((m) => {
    locale.catalogues['zh-CN'] = m.zhCN;
  });
  return locale.loading[lang] ?? Promise.resolve();
}

/** Switches the UI to lang once its catalogue is loaded (at once when it
 * is); a later call wins over an earlier one still loading. */
export function setLocale(lang: Lang): Promise<void> {
  locale.wanted = lang;
  const apply = () => {
    if (locale.wanted !== lang) return;
    locale.current = lang;
    if (typeof document !== 'undefined') document.documentElement.lang = lang;
  };
  if (locale.catalogues[lang]) {
    apply();
    return Promise.resolve();
  }
  return loadLocale(lang).then(apply);
}

export function t(key: MessageKey, params?: Params): string {
  return format((locale.catalogues[locale.current] ?? en)[key], params);
}

/** Picks the current language's side of a catalogue text, falling back to English. */
export function pick(text: Text): string {
  return (locale.current === 'zh-CN' ? text['zh-CN'] : text.en) || text.en || text['zh-CN'];
}

export function pickSteps(steps: Steps): string[] {
  const zh = steps['zh-CN'];
  return locale.current === 'zh-CN' && zh.length > 0 ? zh : steps.en;
}

/** "12 Mar 2026" / "2026年3月12日" in the current language (lib/format); unparsable values are shown as they are. */
export function formatDate(value: string): string {
  return fmtDate(value, locale.current);
}

/** A moment in the computer's time zone, in the current language (lib/format). */
export function formatDateTime(value: string): string {
  return fmtDateTime(value, locale.current);
}
