// Message keys and badge tones for the moderation screen's enums.
import type { ModerationRun, ModerationRunStatus } from '../../api';
import { locale, t, type MessageKey } from '../../i18n/index.svelte';
import type { Tone } from '../../lib/types';
import { durationParts } from './model';

/** A category's name for people: the API's name in English, a translation in Chinese. */
export function categoryLabel(category: string): string {
  const key = `mod.cat.${category}` as MessageKey;
  return key in CATEGORY_KEYS ? t(key) : category;
}

const CATEGORY_KEYS: Record<string, true> = Object.fromEntries(
  [
    'hate',
    'hate/threatening',
    'harassment',
    'harassment/threatening',
    'illicit',
    'illicit/violent',
    'self-harm',
    'self-harm/intent',
    'self-harm/instructions',
    'sexual',
    'sexual/minors',
    'violence',
    'violence/graphic',
  ].map((c) => [`mod.cat.${c}`, true]),
);

export const RUN_STATUS: Record<ModerationRunStatus, { label: MessageKey; tone: Tone }> = {
  pending: { label: 'mod.status.pending', tone: 'muted' },
  running: { label: 'mod.status.running', tone: 'accent' },
  paused: { label: 'mod.status.paused', tone: 'warning' },
  cancelled: { label: 'mod.status.cancelled', tone: 'neutral' },
  failed: { label: 'mod.status.failed', tone: 'danger' },
  completed: { label: 'mod.status.completed', tone: 'success' },
  interrupted: { label: 'mod.status.interrupted', tone: 'warning' },
};

/** A duration in words: "1 h 5 min", "3 min 20 s", "45 s". */
export function formatDuration(seconds: number): string {
  const { h, m, s } = durationParts(seconds);
  if (h > 0) return t('mod.dur.hm', { h, m });
  if (m > 0) return t('mod.dur.ms', { m, s });
  return t('mod.dur.s', { s });
}

/** Why a run stopped, in the current language. */
export function runErrorText(run: ModerationRun): string {
  return (locale.current === 'zh-CN' ? run.error_zh : run.error) || run.error || run.error_zh;
}

/** An item's or a row's reason in the current language. */
export function localized(en: string, zh: string): string {
  return (locale.current === 'zh-CN' ? zh : en) || en || zh;
}

/** "Run #3 · omni-moderation-latest" */
export function runName(run: ModerationRun): string {
  return t('mod.run.name', { id: run.id, model: run.model });
}
