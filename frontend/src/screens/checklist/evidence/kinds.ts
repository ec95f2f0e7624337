import { EVIDENCE_KINDS, type AppEvidenceKind } from '../../../api/types';
import type { MessageKey } from '../../../i18n/en';
import { t } from '../../../i18n/index.svelte';
import type { Screen } from '../../../shell/router.svelte';

const KIND_LABEL: Record<AppEvidenceKind, MessageKey> = {
  'leak-scan': 'kind.leak-scan',
  'key-register': 'kind.key-register',
  'moderation-run': 'kind.moderation-run',
  'gateway-log': 'kind.gateway-log',
  'privacy-draft': 'kind.privacy-draft',
  'usage-report': 'kind.usage-report',
};

/** The screen that will produce each kind of app evidence. */
export const KIND_SCREEN: Record<AppEvidenceKind, Screen> = {
  'leak-scan': 'leakscan',
  'key-register': 'keys',
  'moderation-run': 'moderation',
  'gateway-log': 'gateway',
  'privacy-draft': 'privacy',
  'usage-report': 'usage',
};

export function isAppKind(kind: string): kind is AppEvidenceKind {
  return (EVIDENCE_KINDS as readonly string[]).includes(kind);
}

/** A readable name for an app evidence kind; unknown kinds are shown as they are. */
export function kindLabel(kind: string): string {
  return isAppKind(kind) ? t(KIND_LABEL[kind]) : kind;
}
