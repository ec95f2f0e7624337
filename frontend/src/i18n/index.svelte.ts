// The current language and the t() function. Reading `locale.current` inside
// t() makes every template that calls t() re-render when the language changes.
import { en, type MessageKey } from './en';
import { zhCN } from './zh-CN';
import { format, type Params } from './format';
import { fmtDate, fmtDateTime } from '../lib/format';
import type { Lang, Text, Steps } from '../api/types';

export type { MessageKey } from './en';

export const messages: Record<Lang, Record<MessageKey, string>> = { en, 'zh-CN': zhCN };

class Locale {
  current = $state<Lang>('en');
}

export const locale = new Locale();

export function setLocale(lang: Lang): void {
  locale.current = lang;
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}

export function t(key: MessageKey, params?: Params): string {
  return format(messages[locale.current][key], params);
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
