// The current language and the t() function. Reading `locale.current` inside
// t() makes every template that calls t() re-render when the language changes.
import { en, type MessageKey } from './en';
import { zhCN } from './zh-CN';
import { format, type Params } from './format';
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

function parseDate(value: string): Date | null {
  if (!value) return null;
  // Plain dates (YYYY-MM-DD) are calendar days, not UTC instants.
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const d = m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : new Date(value.replace(' ', 'T'));
  return Number.isNaN(d.getTime()) ? null : d;
}

/** "12 Mar 2026" / "2026年3月12日"; unparsable values are shown as they are. */
export function formatDate(value: string): string {
  const d = parseDate(value);
  if (!d) return value;
  return new Intl.DateTimeFormat(locale.current, { year: 'numeric', month: 'short', day: 'numeric' }).format(d);
}

export function formatDateTime(value: string): string {
  const d = parseDate(value);
  if (!d) return value;
  return new Intl.DateTimeFormat(locale.current, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(d);
}
