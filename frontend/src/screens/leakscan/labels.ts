// Words for the leak scan screen's values, in the current language.
import { LEAK_RULES, type LeakSeverity } from '../../api';
import type { MessageKey } from '../../i18n/en';
import { locale, t } from '../../i18n/index.svelte';
import { toasts } from '../../lib/toast.svelte';
import { parseSkipReason, splitDuration } from './model';

const SEVERITY: Record<LeakSeverity, MessageKey> = {
  critical: 'leakscan.severity.critical',
  high: 'leakscan.severity.high',
  medium: 'leakscan.severity.medium',
};
const SEVERITY_LEAD: Record<LeakSeverity, MessageKey> = {
  critical: 'leakscan.severity.critical.lead',
  high: 'leakscan.severity.high.lead',
  medium: 'leakscan.severity.medium.lead',
};

export const severityLabel = (s: LeakSeverity): string => t(SEVERITY[s]);
export const severityLead = (s: LeakSeverity): string => t(SEVERITY_LEAD[s]);

/** A rule in words; a rule this version doesn't know is shown by its id. */
export function ruleLabel(rule: string): string {
  return (LEAK_RULES as readonly string[]).includes(rule) ? t(`leakscan.rule.${rule}` as MessageKey) : rule;
}

/** Go's (English) skip reason, worded in the current language where it is one we know. */
export function skipReasonText(reason: string): string {
  const r = parseSkipReason(reason);
  switch (r.kind) {
    case 'other':
      return r.detail;
    case 'notReadable':
    case 'readFailed':
    case 'folderNotReadable':
    case 'symlinkNotReadable':
    case 'history':
      return t(`leakscan.skip.${r.kind}`, { detail: r.detail });
    default:
      return t(`leakscan.skip.${r.kind}`);
  }
}

/** "4.2 s", "38 s", "2 min 05 s" / "4.2 秒"… */
export function durationText(seconds: number): string {
  const d = splitDuration(seconds, locale.current);
  return d.kind === 'seconds'
    ? t('leakscan.seconds', { value: d.seconds })
    : t('leakscan.minutes', { minutes: d.minutes, seconds: d.seconds });
}

/** Puts text on the clipboard and says so. */
export async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    toasts.success('common.copied', text);
  } catch {
    toasts.error('common.copyFailed');
  }
}
